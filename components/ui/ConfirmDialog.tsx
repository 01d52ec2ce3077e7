import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { Dialog } from './Dialog';

/**
 * A confirmation: says what will happen and needs an explicit yes. While the action runs the
 * buttons are disabled; a failure is shown in the dialog, which stays open.
 */
export function ConfirmDialog(props: {
  title: string;
  children: ComponentChildren;
  confirmLabel: string;
  danger?: boolean;
  onConfirm: () => Promise<string | null>;
  onClose: () => void;
}) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const confirm = async () => {
    setBusy(true);
    const error = await props.onConfirm();
    setBusy(false);
    if (error) setProblem(error);
    else props.onClose();
  };
  return (
    <Dialog title={props.title} onClose={props.onClose}>
      <div class="confirm-body">{props.children}</div>
      {problem && (
        <p class="field-error" role="alert">
          {problem}
        </p>
      )}
      <div class="dialog-actions">
        <button type="button" onClick={props.onClose} disabled={busy}>
          Cancel
        </button>
        <button type="button" class={props.danger ? 'danger' : 'primary'} disabled={busy} onClick={() => void confirm()}>
          {props.confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
