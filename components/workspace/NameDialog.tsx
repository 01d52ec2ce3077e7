import { useState } from 'preact/hooks';
import type { NameCheck } from '../../lib/domain/names';
import { Dialog } from '../ui/Dialog';
import type { Outcome } from './actions';
import { FormFooter } from '../ui/FormFooter';

/** A dialog with one name field: checked as the recruiter submits, refused with the reason. */
export function NameDialog(props: {
  title: string;
  field: string;
  initial: string;
  submitLabel: string;
  check: (value: string) => NameCheck;
  onSave: (value: string) => Promise<Outcome<unknown>>;
  onClose: () => void;
}) {
  const [value, setValue] = useState(props.initial);
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    const checked = props.check(value);
    if (!checked.ok) return setProblem(checked.problem);
    setSaving(true);
    const outcome = await props.onSave(value);
    setSaving(false);
    if (outcome.ok) props.onClose();
    else setProblem(outcome.error);
  };

  return (
    <Dialog title={props.title} onClose={props.onClose}>
      <form class="form" onSubmit={(e) => void submit(e)} noValidate>
        <label>
          {props.field}
          <input
            type="text"
            value={value}
            aria-invalid={problem ? true : undefined}
            onInput={(e) => setValue(e.currentTarget.value)}
          />
        </label>
        <FormFooter problem={problem} onCancel={props.onClose} submitLabel={props.submitLabel} busy={saving} />
      </form>
    </Dialog>
  );
}
