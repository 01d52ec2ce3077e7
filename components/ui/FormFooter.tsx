/** The end of a dialog's form: the problem (if any) and Cancel beside the submit button. */
export function FormFooter(props: { problem: string | null; onCancel: () => void; submitLabel: string; busy: boolean }) {
  return (
    <>
      {props.problem && (
        <p class="field-error" role="alert">
          {props.problem}
        </p>
      )}
      <div class="dialog-actions">
        <button type="button" onClick={props.onCancel}>
          Cancel
        </button>
        <button type="submit" class="primary" disabled={props.busy}>
          {props.submitLabel}
        </button>
      </div>
    </>
  );
}
