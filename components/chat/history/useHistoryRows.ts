import { useEffect, useRef, useState } from 'preact/hooks';
import { joinRows, rowsBefore, type HistoryRow } from '../../../lib/chat/history';
import type { Id } from '../../../lib/domain/model';
import type { AppState } from '../../app/state';
import { concernsChat, loadHistoryHead, loadOlderPage, markChatRead, sliceBuilder } from '../history-actions';

/** What the newest page holds: enough to fill the panel before the rest arrives. */
export const FIRST_PAGE = 60;
/**
 * Older messages are read and turned into rows this many at a time, one task each (reading
 * 1,000 rows out of IndexedDB and building their rows takes a few milliseconds; the whole of a
 * 10,000-message history at once was a 100–350 ms task).
 */
export const PAGE = 1_000;

export type HistoryRowsView = { status: 'loading' } | { status: 'failed' } | { status: 'ready'; rows: readonly HistoryRow[] };

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * The rows of one person's history, kept current. Opening paints the newest page at once, then
 * reads older pages one task at a time, each built into rows on its own and joined in front
 * (so the list grows upwards while the recruiter reads). A change that concerns the chat shows
 * the newest page again at once, joined to the older rows already there, then reads the rest
 * again in the background and swaps it in when complete; renamed folders, labels, campaigns or
 * teammates rebuild the same way. No task builds more than one page of rows.
 */
export function useHistoryRows(state: AppState, candidateId: Id): HistoryRowsView {
  const [view, setView] = useState<HistoryRowsView>({ status: 'loading' });
  const reload = useRef<(() => void) | null>(null);

  useEffect(() => {
    let live = true;
    let seq = 0;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let marked = false;
    let leadIds: ReadonlySet<Id> = new Set();
    /** The rows on screen, and whether they hold the whole history. */
    let shown: HistoryRow[] | null = null;
    let shownWhole = false;
    const publish = (rows: HistoryRow[], whole: boolean) => {
      shown = rows;
      shownWhole = whole;
      setView({ status: 'ready', rows });
    };

    const load = async () => {
      const mine = ++seq;
      const stale = () => !live || mine !== seq;
      const head = await loadHistoryHead(state, candidateId, FIRST_PAGE);
      if (stale()) return;
      leadIds = head.leadIds;
      const build = sliceBuilder(state, head.activities, Date.now());
      // The rows on screen when this read began: fresh rows replace them from the newest down,
      // as far as this read has come (`from`), so a re-read never empties the list meanwhile.
      const base = shown;
      const baseWhole = shownWhole;
      const show = (fresh: HistoryRow[], from: number | null) => {
        if (from === null || base === null) publish(fresh, from === null);
        else publish(joinRows(rowsBefore(base, from), fresh), baseWhole);
      };
      const newest = build(head.messages, head.olderThan ?? -Infinity, Infinity);
      show(newest, head.olderThan);
      // Opening the chat reads it, once the newest messages are on screen (not after the whole
      // history: a chat closed while older pages load was still read). Later arrivals while it
      // stays open count as unread until it is opened again (a logged reply shows in Conversations).
      if (!marked) void markChatRead(state, candidateId);
      marked = true;
      let older: HistoryRow[] = [];
      for (let before = head.olderThan; before !== null; ) {
        await nextTask();
        if (stale()) return;
        const page = await loadOlderPage(state, candidateId, before, PAGE);
        if (stale()) return;
        older = joinRows(build(page.messages, page.olderThan ?? -Infinity, before), older);
        before = page.olderThan;
        // Opening: each page shows as soon as it is built (the list grows upwards). Re-reading a
        // whole history: the rest is swapped in once complete.
        if (!baseWhole || before === null) show(joinRows(older, newest), before);
      }
    };
    const run = () =>
      load().catch((error: unknown) => {
        // A chat closed meanwhile has nothing to show the failure in (nor a reason to care).
        if (!live) return;
        console.error('Leadside: could not load the chat history', error);
        setView({ status: 'failed' });
      });
    /** Bulk jobs commit in bursts: read once per burst. */
    const schedule = () => {
      timer ??= setTimeout(() => {
        timer = null;
        void run();
      }, 30);
    };
    reload.current = schedule;
    void run();
    const stop = state.db.changes.subscribe((change) => {
      if (concernsChat(change, candidateId, leadIds)) schedule();
    });
    return () => {
      live = false;
      reload.current = null;
      stop();
      if (timer) clearTimeout(timer);
    };
  }, [state, candidateId]);

  // Names in events follow renamed folders, labels, campaigns and teammates.
  const names = [state.userById.value, state.labelById.value, state.folderById.value, state.campaignById.value, state.self.value?.id];
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    reload.current?.();
  }, names);

  return view;
}
