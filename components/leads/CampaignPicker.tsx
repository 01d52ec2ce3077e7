import { useEffect, useRef, useState } from 'preact/hooks';
import { setCampaigns, toggleCampaign } from '../app/actions';
import type { AppState } from '../app/state';
import { UNKNOWN } from '../../lib/index/query';

/** One, several or all campaigns: a button that opens a list of checkboxes. */
export function CampaignPicker({ state }: { state: AppState }) {
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const selected = state.view.value.campaignIds;
  const campaigns = state.campaigns.value;
  const unknownCount = state.unknownCampaignCount.value;

  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent) => {
      if (!rootRef.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [open]);

  let summary = 'All campaigns';
  if (selected !== null) {
    const names = selected.map((id) =>
      id === UNKNOWN ? 'Unknown campaign' : (state.campaignById.value.get(id)?.name ?? 'Unknown campaign'),
    );
    summary = names.length === 1 ? names[0]! : `${names.length} campaigns`;
  }

  const openOnes = campaigns.filter((c) => c.status === 'open' || selected?.includes(c.id));
  const closedOnes = campaigns.filter((c) => c.status === 'closed' && !selected?.includes(c.id));

  return (
    <div
      class="picker"
      ref={rootRef}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          e.stopPropagation();
          setOpen(false);
        }
      }}
    >
      <button
        type="button"
        class="picker-button"
        aria-haspopup="true"
        aria-expanded={open}
        aria-label={`Campaigns: ${summary}`}
        onClick={() => setOpen(!open)}
      >
        <span class="picker-label">{summary}</span>
        <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <div class="popover" role="group" aria-label="Campaigns">
          <label class="check">
            <input type="checkbox" checked={selected === null} onChange={() => setCampaigns(state, null)} />
            All campaigns
          </label>
          <hr />
          {openOnes.map((c) => (
            <label class="check" key={c.id}>
              <input
                type="checkbox"
                checked={selected?.includes(c.id) ?? false}
                onChange={() => toggleCampaign(state, c.id)}
              />
              <span class="check-text">
                {c.name}
                {c.location && <span class="muted"> · {c.location}</span>}
                {c.status === 'closed' && <span class="muted"> (closed)</span>}
              </span>
            </label>
          ))}
          {openOnes.length === 0 && <p class="muted">No open campaigns yet.</p>}
          {closedOnes.length > 0 && (
            <details>
              <summary>Closed campaigns ({closedOnes.length})</summary>
              {closedOnes.map((c) => (
                <label class="check" key={c.id}>
                  <input type="checkbox" checked={false} onChange={() => toggleCampaign(state, c.id)} />
                  <span class="check-text">{c.name} (closed)</span>
                </label>
              ))}
            </details>
          )}
          {unknownCount > 0 && (
            <label class="check">
              <input
                type="checkbox"
                checked={selected?.includes(UNKNOWN) ?? false}
                onChange={() => toggleCampaign(state, UNKNOWN)}
              />
              Unknown campaign ({unknownCount})
            </label>
          )}
        </div>
      )}
    </div>
  );
}
