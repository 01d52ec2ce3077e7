import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { dayKey, dayLabel, type HistoryRow } from '../../lib/chat/history';
import type { AppState } from '../app/state';
import { MessageRow } from './history/MessageRow';
import { useHistoryRows } from './history/useHistoryRows';

const OVERSCAN_PX = 400;

/** A guess at a row's height before it is measured: close enough that the scrollbar barely jumps. */
const NO_ROWS: readonly HistoryRow[] = [];
const timeFormat = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });

function estimate(row: HistoryRow): number {
  if (row.type === 'day') return 36;
  if (row.type === 'event') return 26 + Math.ceil(row.text.length / 48) * 16;
  const m = row.message;
  let h = 44 + Math.ceil(Math.max(1, m.body.length) / 34) * 19;
  if (m.subject && m.channel === 'email') h += 19;
  for (const _ of m.attachments) h += m.kind === 'image' || m.kind === 'video' ? 190 : m.kind === 'audio' ? 60 : 34;
  return h;
}

/** The first index whose row ends below `y` (offsets has rows + 1 entries). */
function indexAt(offsets: Float64Array, y: number): number {
  let lo = 0;
  let hi = offsets.length - 2;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (offsets[mid + 1]! <= y) lo = mid + 1;
    else hi = mid;
  }
  return Math.max(0, lo);
}

/**
 * The conversation history: every message with the person on every channel and application
 * (deleted ones too), with system events inline, grouped by day. Virtualized with measured row
 * heights: only rows near the viewport are in the DOM, so 10,000 messages open at once. Opens
 * at the newest message and stays there as new ones arrive, unless the recruiter scrolled up.
 */
export function ChatHistory({ state, candidateId }: { state: AppState; candidateId: string }) {
  const view = useHistoryRows(state, candidateId);
  const rows = view.status === 'ready' ? view.rows : NO_ROWS;
  const scrollRef = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(600);
  const [measured, setMeasured] = useState(0);
  const heights = useRef(new Map<string, number>());
  const stick = useRef(true);
  /** The row at the top of the viewport and how far above the top it starts. */
  const anchor = useRef<{ key: string; delta: number } | null>(null);
  /**
   * Where this component last scrolled the list itself. Its scroll event arrives later, maybe
   * after more rows or taller ones made the list longer: read then, it would look like the
   * recruiter had left the bottom, and the list would stop following new messages.
   */
  const ownScroll = useRef<number | null>(null);
  const users = state.userById.value;
  const selfId = state.self.value?.id;

  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setViewport(el.clientHeight || 600));
    observer.observe(el);
    setViewport(el.clientHeight || 600);
    return () => observer.disconnect();
  }, [rows.length === 0]);

  // Offsets from measured heights where known, estimates elsewhere: one pass when rows or
  // heights change, not on every scroll.
  const offsets = useMemo(() => {
    const out = new Float64Array(rows.length + 1);
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      out[i + 1] = out[i]! + (heights.current.get(row.key) ?? estimate(row));
    }
    return out;
  }, [rows, measured]);
  const total = offsets[rows.length]!;
  const first = rows.length ? indexAt(offsets, Math.max(0, scrollTop - OVERSCAN_PX)) : 0;
  let last = first;
  while (last < rows.length && offsets[last]! < scrollTop + viewport + OVERSCAN_PX) last++;

  // After each render: measure the rows in the DOM, then put the viewport back where the
  // recruiter left it (at the bottom, or on the same row) whatever heights or rows changed.
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    let changed = false;
    for (const li of el.querySelectorAll<HTMLElement>('li[data-key]')) {
      const key = li.dataset.key!;
      const h = li.offsetHeight;
      if (h > 0 && heights.current.get(key) !== h) {
        heights.current.set(key, h);
        changed = true;
      }
    }
    if (changed) {
      setMeasured((n) => n + 1);
      return;
    }
    const scrollTo = (y: number) => {
      if (Math.abs(el.scrollTop - y) <= 1) return;
      el.scrollTop = y;
      ownScroll.current = el.scrollTop;
    };
    if (stick.current) {
      scrollTo(Math.max(0, total - el.clientHeight));
    } else if (anchor.current) {
      const a = anchor.current;
      const index = rows.findIndex((r) => r.key === a.key);
      if (index >= 0) scrollTo(offsets[index]! + a.delta);
    }
    if (el.scrollTop !== scrollTop) setScrollTop(el.scrollTop);
    if (rows.length > 0 && performance.getEntriesByName('leadside:chat-rows').length === 0) {
      performance.mark('leadside:chat-rows');
    }
  });

  const onScroll = () => {
    const el = scrollRef.current;
    if (!el) return;
    const ours = ownScroll.current !== null && Math.abs(el.scrollTop - ownScroll.current) <= 1;
    ownScroll.current = null;
    // Only the recruiter's own scrolling decides whether the list follows the newest message.
    if (!ours) {
      stick.current = el.scrollTop + el.clientHeight >= el.scrollHeight - 8;
      const i = indexAt(offsets, el.scrollTop);
      const row = rows[i];
      anchor.current = row ? { key: row.key, delta: el.scrollTop - offsets[i]! } : null;
    }
    setScrollTop(el.scrollTop);
  };

  if (view.status === 'failed') return <p class="chat-history-empty" role="alert">The history could not be loaded. Close the chat and open it again.</p>;
  if (view.status === 'loading') return <p class="chat-history-empty muted">Loading the conversation…</p>;
  if (rows.length === 0) return <p class="chat-history-empty muted">No messages with this person yet.</p>;

  // Day names are worked out as they are shown, so "Today" turns into "Yesterday" at midnight.
  const today = dayKey(Date.now());
  const items = [];
  for (let i = first; i < last; i++) {
    const row = rows[i]!;
    const style = { top: `${offsets[i]}px` };
    if (row.type === 'day') {
      items.push(
        <li key={row.key} data-key={row.key} class="history-day" style={style}>
          <span>{dayLabel(row.day, today)}</span>
        </li>,
      );
    } else if (row.type === 'event') {
      items.push(
        <li key={row.key} data-key={row.key} class="history-event" style={style}>
          <span dir="auto">{row.text}</span>{' '}
          <time class="muted" dateTime={new Date(row.at).toISOString()}>
            {timeFormat.format(row.at)}
          </time>
        </li>,
      );
    } else {
      items.push(
        <li key={row.key} data-key={row.key} class={`history-message ${row.message.direction}`} style={style}>
          <MessageRow message={row.message} users={users} selfId={selfId} />
        </li>,
      );
    }
  }

  return (
    <div class="chat-history" ref={scrollRef} onScroll={onScroll} tabIndex={0} role="log" aria-label="Conversation history">
      <ul class="history-list" aria-label="Messages" style={{ height: `${total}px` }}>
        {items}
      </ul>
    </div>
  );
}
