import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { HistoryRow } from '../../lib/chat/history';
import type { AppState } from '../app/state';
import { concernsChat, historyRows, loadHistory, loadOlderMessages, markChatRead, type HistoryData } from './history-actions';
import { MessageRow } from './history/MessageRow';

const OVERSCAN_PX = 400;
/** What the newest page holds: enough to fill the panel before the rest arrives. */
const FIRST_PAGE = 60;
/** Older messages are read this many at a time, one task each. */
const PAGE = 1_000;

/** A guess at a row's height before it is measured: close enough that the scrollbar barely jumps. */
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
  const [data, setData] = useState<HistoryData | null>(null);
  const [failed, setFailed] = useState(false);
  const scrollRef = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(600);
  const [, setMeasured] = useState(0);
  const heights = useRef(new Map<string, number>());
  const stick = useRef(true);
  /** The row at the top of the viewport and how far above the top it starts. */
  const anchor = useRef<{ key: string; delta: number } | null>(null);
  const leadIds = useRef<ReadonlySet<string>>(new Set());

  useEffect(() => {
    let live = true;
    let seq = 0;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let marked = false;
    const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
    /**
     * The newest page first (painted at once when opening), then older pages of PAGE messages,
     * each read in its own task so that no step blocks the panel for long. A re-read (after a
     * change) keeps the current rows on screen until the new ones are complete.
     */
    const load = async (opening: boolean) => {
      const mine = ++seq;
      const first = await loadHistory(state, candidateId, FIRST_PAGE);
      if (!live || mine !== seq) return;
      leadIds.current = first.leadIds;
      if (opening || !first.partial) setData(first);
      let messages = first.messages;
      if (first.partial) {
        const seen = new Set(messages.map((m) => m.id));
        let inclusive = true;
        for (;;) {
          await nextTask();
          if (!live || mine !== seq) return;
          const page = await loadOlderMessages(state, candidateId, messages[0]!.sentAt, PAGE, inclusive);
          const fresh = page.filter((m) => !seen.has(m.id));
          // A page of nothing new but ties at the boundary time: step past that time.
          if (fresh.length === 0 && page.length === PAGE && inclusive) {
            inclusive = false;
            continue;
          }
          for (const m of fresh) seen.add(m.id);
          messages = fresh.concat(messages);
          inclusive = true;
          if (page.length < PAGE) break;
        }
        if (!live || mine !== seq) return;
        setData({ ...first, messages, partial: false });
      }
      setFailed(false);
      // Opening the chat reads it; later arrivals while it stays open count as unread until it
      // is opened again (a logged reply shows in Conversations).
      if (!marked) void markChatRead(state, candidateId);
      marked = true;
    };
    const run = (opening: boolean) =>
      load(opening).catch((error: unknown) => {
        console.error('Leadside: could not load the chat history', error);
        if (live) setFailed(true);
      });
    void run(true);
    const stop = state.db.changes.subscribe((change) => {
      if (!concernsChat(change, candidateId, leadIds.current)) return;
      // Bulk jobs commit in bursts: read once per burst.
      timer ??= setTimeout(() => {
        timer = null;
        void run(false);
      }, 30);
    });
    return () => {
      live = false;
      stop();
      if (timer) clearTimeout(timer);
    };
  }, [candidateId]);

  const users = state.userById.value;
  const selfId = state.self.value?.id;
  // Names in events follow renamed folders, labels and teammates.
  const rows = useMemo(
    () => {
      if (!data) return [];
      const start = performance.now();
      const built = historyRows(state, data, Date.now());
      // For `npm run bench`: what building the rows costs (merge, day grouping, event text).
      performance.measure('leadside:chat-rows-built', { start, detail: built.length });
      return built;
    },
    [data, users, state.labelById.value, state.folderById.value, state.campaignById.value, selfId],
  );

  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setViewport(el.clientHeight || 600));
    observer.observe(el);
    setViewport(el.clientHeight || 600);
    return () => observer.disconnect();
  }, [rows.length === 0]);

  // Offsets from measured heights where known, estimates elsewhere.
  const offsets = new Float64Array(rows.length + 1);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    offsets[i + 1] = offsets[i]! + (heights.current.get(row.key) ?? estimate(row));
  }
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
    if (stick.current) {
      const bottom = Math.max(0, total - el.clientHeight);
      if (Math.abs(el.scrollTop - bottom) > 1) el.scrollTop = bottom;
    } else if (anchor.current) {
      const a = anchor.current;
      const index = rows.findIndex((r) => r.key === a.key);
      if (index >= 0) {
        const top = offsets[index]! + a.delta;
        if (Math.abs(el.scrollTop - top) > 1) el.scrollTop = top;
      }
    }
    if (el.scrollTop !== scrollTop) setScrollTop(el.scrollTop);
    if (rows.length > 0 && performance.getEntriesByName('leadside:chat-rows').length === 0) {
      performance.mark('leadside:chat-rows');
    }
  });

  const onScroll = () => {
    const el = scrollRef.current;
    if (!el) return;
    stick.current = el.scrollTop + el.clientHeight >= el.scrollHeight - 8;
    const i = indexAt(offsets, el.scrollTop);
    const row = rows[i];
    anchor.current = row ? { key: row.key, delta: el.scrollTop - offsets[i]! } : null;
    setScrollTop(el.scrollTop);
  };

  if (failed) return <p class="chat-history-empty" role="alert">The history could not be loaded. Close the chat and open it again.</p>;
  if (!data) return <p class="chat-history-empty muted">Loading the conversation…</p>;
  if (rows.length === 0) return <p class="chat-history-empty muted">No messages with this person yet.</p>;

  const items = [];
  for (let i = first; i < last; i++) {
    const row = rows[i]!;
    const style = { top: `${offsets[i]}px` };
    if (row.type === 'day') {
      items.push(
        <li key={row.key} data-key={row.key} class="history-day" style={style}>
          <span>{row.label}</span>
        </li>,
      );
    } else if (row.type === 'event') {
      items.push(
        <li key={row.key} data-key={row.key} class="history-event" style={style}>
          <span dir="auto">{row.text}</span>{' '}
          <time class="muted" dateTime={new Date(row.at).toISOString()}>
            {new Date(row.at).toLocaleTimeString(undefined, { hour: 'numeric', minute: '2-digit' })}
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
