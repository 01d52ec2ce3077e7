import type { ComponentChildren } from 'preact';
import { ConfirmDialog as Confirm } from '../ui/ConfirmDialog';
import type { Outcome } from './actions';

/** The shared confirmation (components/ui), for the Workspace screen's actions, which answer an Outcome. */
export function ConfirmDialog(props: {
  title: string;
  children: ComponentChildren;
  confirmLabel: string;
  onConfirm: () => Promise<Outcome<unknown>>;
  onClose: () => void;
}) {
  return (
    <Confirm
      title={props.title}
      confirmLabel={props.confirmLabel}
      danger
      onClose={props.onClose}
      onConfirm={async () => {
        const outcome = await props.onConfirm();
        return outcome.ok ? null : outcome.error;
      }}
    >
      {props.children}
    </Confirm>
  );
}
