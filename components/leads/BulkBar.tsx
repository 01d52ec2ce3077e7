import { clearSelection, selectAllMatching } from '../app/actions';
import type { AppState } from '../app/state';

/**
 * Appears when leads are selected. Bulk actions (move, label, message, export…) plug in here
 * as they are built; the selection model (explicit ids, "all matching") is complete.
 */
export function BulkBar({ state }: { state: AppState }) {
  const count = state.selection.value.size;
  const total = state.results.value.total;
  if (count === 0) return null;
  return (
    <div class="bulk-bar" role="region" aria-label="Bulk actions">
      <span role="status">{count.toLocaleString()} selected</span>
      {count < total && (
        <button type="button" class="link-button" onClick={() => selectAllMatching(state)}>
          Select all {total.toLocaleString()} matching
        </button>
      )}
      <button type="button" class="link-button" onClick={() => clearSelection(state)}>
        Clear selection
      </button>
    </div>
  );
}
