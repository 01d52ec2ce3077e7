import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';

/**
 * One list of the Workspace screen: a region named by its heading, the reason when the acting
 * user may only read it, and the last refusal of an action taken from the list itself.
 */
export function Section(props: {
  title: string;
  readOnlyReason: string | null;
  problem: string | null;
  onDismissProblem: () => void;
  children: ComponentChildren;
}) {
  const headingId = useId();
  return (
    <section class="ws-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{props.title}</h2>
      {props.readOnlyReason && <p class="muted read-only">{props.readOnlyReason} You can view this list.</p>}
      {props.problem && (
        <div class="ws-problem" role="alert">
          <span>{props.problem}</span>
          <button type="button" class="icon-button" aria-label="Dismiss" onClick={props.onDismissProblem}>
            ×
          </button>
        </div>
      )}
      {props.children}
    </section>
  );
}

/** A row's buttons are described by the row's name, so "Rename" is never ambiguous when heard. */
export function rowNameId(kind: string, id: string): string {
  return `ws-${kind}-${id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}
