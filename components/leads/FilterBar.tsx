import { useState } from 'preact/hooks';
import { SOURCES } from '../../lib/domain/model';
import type { Filter, FilterType } from '../../lib/index/query';
import { applyFilters, editStagedFilter, removeStagedFilter, stageFilter } from '../app/actions';
import type { AppState } from '../app/state';

export const FILTER_NAMES: Record<FilterType, string> = {
  dateAdded: 'Date Added',
  lastActivity: 'Last Activity',
  source: 'Source',
  labels: 'Labels',
  assigned: 'Assigned to',
  location: 'Location',
  hasAttachment: 'Has attachment',
  reachable: 'Reachable by',
  attribute: 'Custom field',
};

/** "+ Add filter" stages filters; nothing applies until Search is pressed. */
export function FilterBar({ state }: { state: AppState }) {
  const [menuOpen, setMenuOpen] = useState(false);
  const staged = state.view.value.staged;
  const pending = state.filtersPending.value;
  const types = Object.keys(FILTER_NAMES) as FilterType[];

  return (
    <section class="filters" aria-label="Filters">
      {staged.map((filter, i) => (
        <FilterEditor
          key={i}
          state={state}
          filter={filter}
          onChange={(f) => editStagedFilter(state, i, f)}
          onRemove={() => removeStagedFilter(state, i)}
        />
      ))}
      <div class="filter-actions">
        <div class="menu-anchor">
          <button
            type="button"
            class="link-button"
            aria-haspopup="menu"
            aria-expanded={menuOpen}
            onClick={() => setMenuOpen(!menuOpen)}
          >
            + Add filter
          </button>
          {menuOpen && (
            <div
              class="popover menu"
              role="menu"
              aria-label="Add filter"
              onKeyDown={(e) => {
                if (e.key === 'Escape') setMenuOpen(false);
              }}
            >
              {types.map((t) => (
                <button
                  key={t}
                  type="button"
                  role="menuitem"
                  onClick={() => {
                    stageFilter(state, t);
                    setMenuOpen(false);
                  }}
                >
                  {FILTER_NAMES[t]}
                </button>
              ))}
            </div>
          )}
        </div>
        <button type="button" class={`primary${pending ? ' attention' : ''}`} onClick={() => applyFilters(state)}>
          Search
        </button>
      </div>
      {pending && (
        <p class="pending" role="status">
          Filters changed — press Search to apply them.
        </p>
      )}
    </section>
  );
}

function FilterEditor(props: {
  state: AppState;
  filter: Filter;
  onChange: (filter: Filter) => void;
  onRemove: () => void;
}) {
  const { state, filter, onChange } = props;
  const name = FILTER_NAMES[filter.type];
  return (
    <fieldset class="filter">
      <legend>{name}</legend>
      <div class="filter-body">{renderBody(state, filter, onChange, name)}</div>
      <button type="button" class="icon-button" aria-label={`Remove ${name} filter`} onClick={props.onRemove}>
        ×
      </button>
    </fieldset>
  );
}

function renderBody(state: AppState, filter: Filter, onChange: (f: Filter) => void, name: string) {
  switch (filter.type) {
    case 'dateAdded':
    case 'lastActivity':
      return (
        <>
          <label>
            From{' '}
            <input
              type="date"
              aria-label={`${name} from`}
              value={filter.from ?? ''}
              onInput={(e) => onChange({ ...filter, from: e.currentTarget.value || undefined })}
            />
          </label>
          <label>
            To{' '}
            <input
              type="date"
              aria-label={`${name} to`}
              value={filter.to ?? ''}
              onInput={(e) => onChange({ ...filter, to: e.currentTarget.value || undefined })}
            />
          </label>
        </>
      );
    case 'source':
      return (
        <div class="checks">
          {SOURCES.map((s) => (
            <label class="check" key={s}>
              <input
                type="checkbox"
                checked={filter.values.includes(s)}
                onChange={(e) =>
                  onChange({
                    ...filter,
                    values: e.currentTarget.checked ? [...filter.values, s] : filter.values.filter((v) => v !== s),
                  })
                }
              />
              {s}
            </label>
          ))}
        </div>
      );
    case 'labels':
      return (
        <>
          <select
            aria-label="Labels match"
            value={filter.mode}
            onChange={(e) => onChange({ ...filter, mode: e.currentTarget.value as 'any' | 'all' | 'none' })}
          >
            <option value="any">Any of</option>
            <option value="all">All of</option>
            <option value="none">None of</option>
          </select>
          <div class="checks">
            {state.labels.value.map((l) => (
              <label class="check" key={l.id}>
                <input
                  type="checkbox"
                  checked={filter.labelIds.includes(l.id)}
                  onChange={(e) =>
                    onChange({
                      ...filter,
                      labelIds: e.currentTarget.checked
                        ? [...filter.labelIds, l.id]
                        : filter.labelIds.filter((v) => v !== l.id),
                    })
                  }
                />
                <span class="label-dot" style={{ background: l.color }} aria-hidden="true" />
                {l.name}
              </label>
            ))}
            {state.labels.value.length === 0 && <span class="muted">No labels yet.</span>}
          </div>
        </>
      );
    case 'assigned':
      return (
        <select
          aria-label="Assigned to"
          value={filter.value}
          onChange={(e) => onChange({ ...filter, value: e.currentTarget.value })}
        >
          <option value="me">Me</option>
          <option value="anyone">Anyone</option>
          <option value="unassigned">Unassigned</option>
          {state.users.value
            .filter((u) => !u.isSelf)
            .map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
        </select>
      );
    case 'location':
      return (
        <input
          type="text"
          aria-label="Location contains"
          placeholder="City, region or country"
          value={filter.text}
          onInput={(e) => onChange({ ...filter, text: e.currentTarget.value })}
        />
      );
    case 'hasAttachment':
      return (
        <select
          aria-label="Has attachment"
          value={filter.value ? 'yes' : 'no'}
          onChange={(e) => onChange({ ...filter, value: e.currentTarget.value === 'yes' })}
        >
          <option value="yes">Yes</option>
          <option value="no">No</option>
        </select>
      );
    case 'reachable':
      return (
        <select
          aria-label="Reachable by"
          value={filter.channel}
          onChange={(e) => onChange({ ...filter, channel: e.currentTarget.value as 'phone' | 'email' | 'facebook' })}
        >
          <option value="phone">Phone</option>
          <option value="email">Email</option>
          <option value="facebook">Facebook</option>
        </select>
      );
    case 'attribute':
      return (
        <>
          <select
            aria-label="Custom field"
            value={filter.key}
            onChange={(e) => onChange({ ...filter, key: e.currentTarget.value })}
          >
            <option value="">Choose a field…</option>
            {state.attributeDefs.value.map((d) => (
              <option key={d.key} value={d.key}>
                {d.label}
              </option>
            ))}
          </select>
          <input
            type="text"
            aria-label="Custom field equals"
            placeholder="equals…"
            value={filter.value}
            onInput={(e) => onChange({ ...filter, value: e.currentTarget.value })}
          />
        </>
      );
  }
}
