import { chooseSort, setSortDir } from '../app/actions';
import type { AppState } from '../app/state';
import type { SortKey } from '../../lib/index/query';

const KEYS: { key: SortKey; label: string; aria: string }[] = [
  { key: 'addedAt', label: 'Date Added', aria: 'Sort by date added' },
  { key: 'lastActivityAt', label: 'Last Activity', aria: 'Sort by last activity' },
];

/**
 * Two toggle buttons: the pressed one is the sort key and pressing it again flips the
 * direction (its arrow shows which); the last button says and flips the direction too.
 */
export function SortControls({ state }: { state: AppState }) {
  const { key, dir } = state.view.value.sort;
  return (
    <div class="sort" role="group" aria-label="Sort">
      {KEYS.map((k) => {
        const active = k.key === key;
        return (
          <button
            key={k.key}
            type="button"
            class={`sort-button${active ? ' active' : ''}`}
            aria-pressed={active}
            aria-label={k.aria}
            data-dir={active ? dir : undefined}
            title={active ? (dir === 'desc' ? 'Newest first — click for oldest first' : 'Oldest first — click for newest first') : k.aria}
            onClick={() => chooseSort(state, k.key)}
          >
            {k.label}
            <span aria-hidden="true" class="arrow">
              {active ? (dir === 'desc' ? '↓' : '↑') : ''}
            </span>
          </button>
        );
      })}
      <button
        type="button"
        class="sort-dir"
        onClick={() => setSortDir(state, dir === 'desc' ? 'asc' : 'desc')}
      >
        {dir === 'desc' ? 'Newest first' : 'Oldest first'}
      </button>
    </div>
  );
}
