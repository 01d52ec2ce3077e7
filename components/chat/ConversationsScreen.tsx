import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { previewText } from '../../lib/chat/history';
import { relativeTime } from '../../lib/domain/time';
import type { AppState } from '../app/state';
import { concernsConversations, filterConversations, loadConversations, openChat, type Conversation } from './history-actions';
import { ChannelIcon } from './history/icons';

const ROW_HEIGHT = 60;
const OVERSCAN = 6;

/**
 * Every person with messages, the most recent conversation first, with unread inbound counts
 * (against each person's read marker). Reaches any history, including a person whose
 * applications were all deleted. Searchable by name or Candidate ID; virtualized.
 */
export function ConversationsScreen({ state }: { state: AppState }) {
  const [list, setList] = useState<Conversation[] | null>(null);
  const [query, setQuery] = useState('');
  const scrollRef = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(600);

  useEffect(() => {
    let live = true;
    let seq = 0;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const load = () => {
      const mine = ++seq;
      loadConversations(state)
        .then((l) => live && mine === seq && setList(l))
        .catch((error: unknown) => {
          console.error('Leadside: could not load conversations', error);
          if (live && mine === seq) setList([]);
        });
    };
    load();
    const stop = state.db.changes.subscribe((change) => {
      if (!concernsConversations(change)) return;
      // A bulk job's chunks arrive in bursts: one re-read per burst.
      timer ??= setTimeout(() => {
        timer = null;
        load();
      }, 250);
    });
    return () => {
      live = false;
      stop();
      if (timer) clearTimeout(timer);
    };
  }, []);

  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setHeight(el.clientHeight || 600));
    observer.observe(el);
    setHeight(el.clientHeight || 600);
    return () => observer.disconnect();
  }, [list === null]);

  const shown = useMemo(() => filterConversations(list ?? [], query), [list, query]);
  const now = state.now.value;
  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(shown.length, Math.ceil((scrollTop + height) / ROW_HEIGHT) + OVERSCAN);

  const rows = [];
  for (let i = first; i < last; i++) {
    const c = shown[i]!;
    rows.push(
      <li key={c.candidateId} class="conv-row" style={{ top: `${i * ROW_HEIGHT}px`, height: `${ROW_HEIGHT}px` }}>
        <button type="button" class="conv-open" onClick={() => openChat(state, c.candidateId)}>
          <span class="conv-line">
            <strong class="conv-name ellipsis" dir="auto">
              {c.name}
            </strong>
            {c.unread > 0 && (
              <span class="conv-unread" role="img" aria-label={`${c.unread} unread`}>
                {c.unread > 99 ? '99+' : c.unread}
              </span>
            )}
            <time class="conv-time muted small" dateTime={new Date(c.last.sentAt).toISOString()}>
              {relativeTime(c.last.sentAt, Math.max(now, c.last.sentAt))}
            </time>
          </span>
          <span class="conv-line small">
            <ChannelIcon channel={c.last.channel} />
            <span class="conv-preview ellipsis muted" dir="auto">
              {c.last.direction === 'outbound' && c.last.kind !== 'event' ? 'You: ' : ''}
              {previewText(c.last)}
            </span>
          </span>
        </button>
      </li>,
    );
  }

  return (
    <div class="conversations">
      <div class="conv-search">
        <input
          type="search"
          aria-label="Search conversations"
          placeholder="Search by name"
          value={query}
          onInput={(e) => {
            setQuery(e.currentTarget.value);
            setScrollTop(0);
            if (scrollRef.current) scrollRef.current.scrollTop = 0;
          }}
        />
      </div>
      {list === null ? (
        <p class="muted loading">Loading conversations…</p>
      ) : list.length === 0 ? (
        <p class="muted loading">No conversations yet. Messages you send and replies you log show here.</p>
      ) : (
        <div class="list-scroll" ref={scrollRef} onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}>
          {shown.length === 0 && <p class="muted loading">No conversation matches “{query}”.</p>}
          <ul class="conv-list" aria-label="Conversations" style={{ height: `${shown.length * ROW_HEIGHT}px` }}>
            {rows}
          </ul>
        </div>
      )}
    </div>
  );
}
