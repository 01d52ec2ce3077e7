// @vitest-environment happy-dom
import { h, render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { groupByDay, mergeHistory, type HistoryRow } from '../../../lib/chat/history';
import { logReply } from '../../../lib/db/mutations/chat-history';
import type { Message } from '../../../lib/domain/model';
import { makeActivity, makeCandidate, makeDb, makeMessage, makeUser } from '../../../tests/factories';
import { createAppState, type AppState } from '../../app/state';
import { PAGE, useHistoryRows, type HistoryRowsView } from './useHistoryRows';

let state: AppState;
let root: HTMLElement;
/** Every list of rows the hook showed, in order. */
let seen: (readonly HistoryRow[])[];
const NOW = Date.now();
const H = 3_600_000;
const candidate = makeCandidate();
const self = makeUser({ id: 'user_self', isSelf: true });

function Probe({ candidateId }: { candidateId: string }) {
  const view: HistoryRowsView = useHistoryRows(state, candidateId);
  if (view.status === 'ready' && seen[seen.length - 1] !== view.rows) seen.push(view.rows);
  return null;
}

const keys = (rows: readonly HistoryRow[]) => rows.map((r) => r.key);
const whole = (messages: Message[]) => keys(groupByDay(mergeHistory(messages, []), { now: NOW, describe: () => '' }));

async function until(check: () => boolean, message: string): Promise<void> {
  for (let i = 0; i < 1500; i++) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`Timed out: ${message}`);
}

beforeEach(async () => {
  state = createAppState(makeDb());
  state.self.value = self;
  await state.db.users.add(self);
  await state.db.candidates.add(candidate);
  seen = [];
  root = document.createElement('div');
  document.body.append(root);
});

afterEach(async () => {
  // Every test opened the chat: let its read marker land before the database goes.
  await expect.poll(async () => (await state.db.candidates.get(candidate.id))?.lastReadAt).toBeGreaterThan(0);
  render(null, root);
  root.remove();
  await state.db.delete();
});

// Reading thousands of rows from the fake IndexedDB on a busy machine: give it time.
describe('the history rows of a chat', { timeout: 30_000 }, () => {
  // Two and a half pages after the first: the list is read in four slices.
  const history = () =>
    Array.from({ length: 2 * PAGE + 500 }, (_, i) =>
      makeMessage({ candidateId: candidate.id, sentAt: NOW - (3000 - i) * H - (i % 3 === 0 ? 0 : 1), body: `m${i}` }),
    );

  it('shows the newest messages first, then grows upwards page by page to the whole history', async () => {
    const messages = history();
    await state.db.messages.bulkAdd(messages);
    render(h(Probe, { candidateId: candidate.id }), root);
    const expected = whole(messages);
    await until(() => keys(seen[seen.length - 1] ?? []).length === expected.length, 'the whole history');
    expect(keys(seen[seen.length - 1]!)).toEqual(expected);
    expect(seen.length).toBeGreaterThan(2);
    // Every list shown was the end of the whole one, each longer than the one before.
    for (let i = 0; i < seen.length; i++) {
      const shown = keys(seen[i]!);
      const tail = expected.slice(expected.length - shown.length);
      expect(shown.slice(1)).toEqual(tail.slice(1)); // the first row may be the day a page was cut in
      if (i > 0) expect(shown.length).toBeGreaterThan(keys(seen[i - 1]!).length);
    }
    // Opening read the chat.
    await expect.poll(async () => (await state.db.candidates.get(candidate.id))?.lastReadAt).toBeGreaterThan(0);
  });

  it('shows a new message, keeping the older rows on screen while it reads them again', async () => {
    const messages = history();
    await state.db.messages.bulkAdd(messages);
    render(h(Probe, { candidateId: candidate.id }), root);
    await until(() => keys(seen[seen.length - 1] ?? []).length === whole(messages).length, 'the whole history');
    const before = seen.length;
    const reply = await logReply({ db: state.db, actorId: self.id }, { candidateId: candidate.id, body: 'Yes po', channel: 'sms', sentAt: NOW });
    const expected = whole([...messages, reply]);
    await until(() => keys(seen[seen.length - 1]!).length === expected.length, 'the reply');
    // Never fewer rows than before while re-reading, and the reply was there at the first update.
    for (const rows of seen.slice(before)) {
      expect(rows.length).toBeGreaterThanOrEqual(expected.length - 1);
      expect(rows[rows.length - 1]!.key).toBe(`m:${reply.id}`);
    }
    await until(() => seen.length > before && keys(seen[seen.length - 1]!).join() === expected.join(), 'the re-read');
  });

  it('ends with the whole history when a change arrives while it is still reading', async () => {
    const messages = history();
    await state.db.messages.bulkAdd(messages);
    render(h(Probe, { candidateId: candidate.id }), root);
    await until(() => seen.length > 0, 'the first page');
    const reply = await logReply({ db: state.db, actorId: self.id }, { candidateId: candidate.id, body: 'Hello', channel: 'sms', sentAt: NOW });
    const expected = whole([...messages, reply]);
    await until(() => keys(seen[seen.length - 1]!).join() === expected.join(), 'the whole history with the reply');
  });

  it('names events as they are named now', async () => {
    await state.db.activities.add(
      makeActivity({ candidateId: candidate.id, what: 'lead.assigned', actorId: self.id, after: { assignedTo: 'user_ana' }, at: NOW - H }),
    );
    render(h(Probe, { candidateId: candidate.id }), root);
    const text = () => {
      const row = seen[seen.length - 1]?.find((r) => r.type === 'event');
      return row?.type === 'event' ? row.text : '';
    };
    await until(() => text() !== '', 'the event');
    expect(text()).toBe('Assigned to a former teammate by You');
    state.users.value = [self, makeUser({ id: 'user_ana', name: 'Ana Cruz' })];
    await until(() => text() === 'Assigned to Ana Cruz by You', 'the new name');
  });
});
