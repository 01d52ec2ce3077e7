import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';

/** A titled part of the profile: a region named by its heading. */
export function Section(props: { title: string; children: ComponentChildren; actions?: ComponentChildren }) {
  const id = useId();
  return (
    <section class="profile-section" aria-labelledby={id}>
      <div class="section-head">
        <h3 id={id}>{props.title}</h3>
        {props.actions}
      </div>
      {props.children}
    </section>
  );
}

/** An input with its label and, when invalid, a message tied to it (aria-invalid + aria-describedby). */
export function Field(props: {
  label: string;
  value: string;
  error?: string;
  onInput: (value: string) => void;
  type?: 'text' | 'email' | 'tel' | 'url';
  list?: string;
  placeholder?: string;
  inputMode?: 'text' | 'decimal' | 'numeric' | 'email' | 'tel' | 'url';
  /** A textarea (several lines) instead of an input. */
  multiline?: boolean;
}) {
  const id = useId();
  const errorId = `${id}-error`;
  const common = {
    id,
    value: props.value,
    placeholder: props.placeholder,
    'aria-invalid': props.error ? true : undefined,
    'aria-describedby': props.error ? errorId : undefined,
  };
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      {props.multiline ? (
        <textarea {...common} rows={3} onInput={(e) => props.onInput(e.currentTarget.value)} />
      ) : (
        <input
          {...common}
          type={props.type ?? 'text'}
          list={props.list}
          inputMode={props.inputMode}
          onInput={(e) => props.onInput(e.currentTarget.value)}
        />
      )}
      {props.error && (
        <p id={errorId} class="field-error">
          {props.error}
        </p>
      )}
    </div>
  );
}

