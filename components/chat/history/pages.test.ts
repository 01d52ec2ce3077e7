import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { groupByDay, joinRows, mergeHistory, type HistoryRow } from '../../../lib/chat/history';
import type { Message } from '../../../lib/domain/model';
import { makeActivity, makeCandidate, makeDb, makeLead, makeMessage } from '../../../tests/factories';
import { createAppState, type AppState } from '../../app/state';
import { loadHistoryHead, loadOlderPage, sliceBuilder } from '../history-actions';

let state: AppState;
const NOW = Date.UTC(2024, 6, 10, 14);
const H = 3_600_000;
const candidate = makeCandidate();

beforeEach(async () => {
  state = createAppState(makeDb());
  await state.db.candidates.add(candidate);
});

afterEach(async () => {
  await state.db.delete();
});

/** Reads the history as the chat does: the newest page, then older pages joined in front. */
async function readInPages(first: number, page: number): Promise<{ rows: HistoryRow[]; pages: Message[][] }> {
  const head = await loadHistoryHead(state, candidate.id, first);
  const build = sliceBuilder(state, head.activities, NOW);
  const pages = [head.messages];
  let rows = build(head.messages, head.olderThan ?? -Infinity, Infinity);
  for (let before = head.olderThan; before !== null; ) {
    const next = await loadOlderPage(state, candidate.id, before, page);
    pages.push(next.messages);
    rows = joinRows(build(next.messages, next.olderThan ?? -Infinity, before), rows);
    before = next.olderThan;
  }
  return { rows, pages };
}

describe('reading a history page by page', () => {
  it('reads every message once, ties split across pages included, into the rows of the whole', async () => {
    // 40 messages over three days at only 13 distinct moments: most pages end inside a tie.
    const messages = Array.from({ length: 40 }, (_, i) =>
      makeMessage({ candidateId: candidate.id, sentAt: NOW - Math.floor(i / 3) * 5 * H, body: `m${i}` }),
    );
    const activities = [
      makeActivity({ candidateId: candidate.id, at: NOW - 5 * H }),
      makeActivity({ candidateId: candidate.id, at: NOW - 31 * H }),
      makeActivity({ candidateId: candidate.id, at: NOW - 500 * H }),
      makeActivity({ candidateId: candidate.id, at: NOW + H }),
    ];
    // Someone else's, at the same moments: never read.
    const others = [makeMessage({ sentAt: NOW }), makeMessage({ sentAt: NOW - 5 * H })];
    await state.db.messages.bulkAdd([...messages].reverse().concat(others));
    await state.db.activities.bulkAdd(activities);
    const whole = groupByDay(mergeHistory(messages, activities), { now: NOW, describe: () => '' });

    for (const [first, page] of [[4, 5], [1, 1], [2, 3], [60, 1000], [39, 2]] as const) {
      const { rows, pages } = await readInPages(first, page);
      const read = pages.flat().map((m) => m.id);
      expect(new Set(read).size).toBe(read.length);
      expect(read.sort()).toEqual(messages.map((m) => m.id).sort());
      expect(rows.map((r) => r.key)).toEqual(whole.map((r) => r.key));
      // Each page is oldest first, and all of it is older than the page read before it.
      for (let i = 1; i < pages.length; i++) {
        const [older, newer] = [pages[i]!, pages[i - 1]!];
        if (older.length && newer.length) expect(older[older.length - 1]!.sentAt).toBeLessThan(newer[0]!.sentAt);
      }
    }
  });

  it('reads the person, their applications and their events with the newest page', async () => {
    const lead = makeLead({ candidateId: candidate.id });
    await state.db.leads.add(lead);
    await state.db.messages.add(makeMessage({ candidateId: candidate.id, sentAt: NOW }));
    await state.db.activities.bulkAdd([makeActivity({ candidateId: candidate.id, at: NOW + 2 }), makeActivity({ candidateId: candidate.id, at: NOW + 1 })]);
    const head = await loadHistoryHead(state, candidate.id, 10);
    expect(head.candidate?.id).toBe(candidate.id);
    expect([...head.leadIds]).toEqual([lead.id]);
    expect(head.activities.map((a) => a.at)).toEqual([NOW + 1, NOW + 2]);
    expect(head.olderThan).toBeNull();
  });

  it('shows events even when there are no messages', async () => {
    await state.db.activities.add(makeActivity({ candidateId: candidate.id, at: NOW }));
    const { rows } = await readInPages(60, 1000);
    expect(rows.map((r) => r.type)).toEqual(['day', 'event']);
  });
});
