import { REACH, type IndexEntry } from '../../lib/index/entry';
import { fullName } from '../../lib/domain/text';
import { relativeTime, formatDateTime } from '../../lib/domain/time';
import { Avatar } from '../ui/Avatar';
import { campaignName, folderName, type AppState } from '../app/state';

const CHANNELS: { bit: number; icon: string; name: string }[] = [
  { bit: REACH.phone, icon: '☎', name: 'Phone' },
  { bit: REACH.email, icon: '✉', name: 'Email' },
  { bit: REACH.facebook, icon: 'f', name: 'Facebook' },
  { bit: REACH.linkedin, icon: 'in', name: 'LinkedIn' },
];

export const ROW_HEIGHT = 68;

export function LeadRow(props: {
  state: AppState;
  entry: IndexEntry;
  position: number;
  total: number;
  selected: boolean;
  active: boolean;
  top: number;
  onOpen: () => void;
  onToggle: () => void;
  onFocus: () => void;
}) {
  const { state, entry, selected } = props;
  const c = entry.candidate;
  const name = fullName(c);
  const labels = entry.labels.map((id) => state.labelById.value.get(id)).filter((l) => l !== undefined);
  const shown = labels.slice(0, 2);
  return (
    <li
      class={`lead-row${selected ? ' selected' : ''}${props.active ? ' active' : ''}`}
      style={{ transform: `translateY(${props.top}px)`, height: `${ROW_HEIGHT}px` }}
      aria-setsize={props.total}
      aria-posinset={props.position + 1}
      data-lead-id={entry.id}
      onClick={props.onOpen}
    >
      <button
        type="button"
        class="avatar-button"
        aria-label={`Select ${name}`}
        aria-pressed={selected}
        tabIndex={-1}
        onClick={(e) => {
          // Preact may re-render between this listener and the row's (a microtask checkpoint
          // runs after each listener), so the row cannot tell by e.target: stop here.
          e.stopPropagation();
          props.onToggle();
        }}
      >
        {selected ? (
          <span class="avatar avatar-check" aria-hidden="true">
            ✓
          </span>
        ) : (
          <Avatar firstName={c.firstName} lastName={c.lastName} photo={c.photo} seed={c.id} />
        )}
      </button>
      <div class="lead-main">
        <div class="lead-line">
          <button
            type="button"
            class="lead-name"
            data-index={props.position}
            tabIndex={props.active ? 0 : -1}
            onClick={(e) => {
              e.stopPropagation();
              props.onOpen();
            }}
            onFocus={props.onFocus}
          >
            {name}
          </button>
          <button
            type="button"
            class="icon-button row-chat"
            aria-label={`Chat with ${name}`}
            title="Messages with this candidate"
            tabIndex={-1}
            onClick={(e) => {
              e.stopPropagation();
              state.chat.value = { candidateId: c.id, leadId: entry.id };
            }}
          >
            💬
          </button>
          <WhenCell at={state.view.value.sort.key === 'addedAt' ? entry.addedAt : entry.lastActivityAt} now={state.now.value} what={state.view.value.sort.key === 'addedAt' ? 'Added' : 'Last activity'} />
        </div>
        <div class="lead-line muted small">
          <span class="ellipsis">
            {campaignName(state, entry.campaignId)} · {folderName(state, entry.folderId)}
          </span>
          <span class="channels">
            {CHANNELS.filter((ch) => (c.reach & ch.bit) !== 0).map((ch) => (
              <span key={ch.name} class="channel" role="img" aria-label={ch.name} title={ch.name}>
                {ch.icon}
              </span>
            ))}
          </span>
        </div>
        <div class="lead-line small">
          <span class="muted ref">{entry.ref}</span>
          {shown.map((l) => (
            <span key={l.id} class="chip" style={{ borderColor: l.color }}>
              <span class="label-dot" style={{ background: l.color }} aria-hidden="true" />
              {l.name}
            </span>
          ))}
          {labels.length > shown.length && <span class="muted">+{labels.length - shown.length}</span>}
        </div>
      </div>
    </li>
  );
}

/** The time the list is sorted by: Date Added or Last Activity, relative, exact on hover. */
function WhenCell({ at, now, what }: { at: number; now: number; what: string }) {
  return (
    <time class="muted when" dateTime={new Date(at).toISOString()} title={`${what} ${formatDateTime(at)}`}>
      {relativeTime(at, now)}
    </time>
  );
}
