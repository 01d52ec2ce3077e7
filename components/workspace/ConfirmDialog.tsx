import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { Dialog } from '../ui/Dialog';
import type { Outcome } from './actions';

/** "Are you sure?" with what will happen, a Cancel and a confirm button named for the act. */
export function ConfirmDialog(props: {
  title: string;
  children: ComponentChildren;
  confirmLabel: string;
  onConfirm: () => Promise<Outcome<unknown>>;
  onClose: () => void;
}) {
  const [problem, setProblem] = useState<string | null>(null);
  const [working, setWorking] = useState(false);
  const confirm = async () => {
    setWorking(true);
    const outcome = await props.onConfirm();
    setWorking(false);
    if (outcome.ok) props.onClose();
    else setProblem(outcome.error);
  };
  return (
    <Dialog title={props.title} onClose={props.onClose}>
      <div class="form">
        {props.children}
        {problem && (
          <p class="field-error" role="alert">
            {problem}
          </p>
        )}
        <div class="dialog-actions">
          <button type="button" onClick={props.onClose}>
            Cancel
          </button>
          <button type="button" class="danger" disabled={working} onClick={() => void confirm()}>
            {props.confirmLabel}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
