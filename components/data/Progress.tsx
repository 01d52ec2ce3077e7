/** A labelled progress bar with Cancel. */
export function Progress(props: { label: string; done: number; total: number; onCancel?: () => void }) {
  const pct = props.total > 0 ? Math.round((props.done / props.total) * 100) : 0;
  return (
    <div class="data-progress">
      <progress aria-label={`Progress: ${props.label}`} max={100} value={pct} />
      <span>
        {props.done.toLocaleString()} / {props.total.toLocaleString()}
      </span>
      {props.onCancel && (
        <button type="button" onClick={props.onCancel}>
          Cancel
        </button>
      )}
    </div>
  );
}
