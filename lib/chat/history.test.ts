import { describe, expect, it } from 'vitest';
import { makeActivity, makeMessage } from '../../tests/factories';
import type { Activity, Message } from '../domain/model';
import {
  ConversationFold,
  dayKey,
  dayLabel,
  describeEvent,
  groupByDay,
  joinRows,
  mergeHistory,
  previewText,
  previousDay,
  rowsBefore,
  unreadCount,
  type EventNames,
  type HistoryRow,
} from './history';

const names: EventNames = {
  user: (id) => ({ u_ana: 'Ana', system: 'Leadside' })[id] ?? 'a former teammate',
  folder: (id) => ({ inbox: 'Inbox', shortlisted: 'Shortlisted', rejected: 'Rejected' })[id] ?? 'Unknown',
  label: (id) => ({ l1: 'Night shift', l2: 'Bilingual' })[id] ?? 'a deleted label',
  campaign: (id) => ({ c1: 'Staff Nurse', c2: 'Barista' })[id] ?? 'Unknown campaign',
};

const T = Date.UTC(2024, 0, 15, 12);

describe('mergeHistory', () => {
  it('merges messages and activities in time order, whatever order they come in', () => {
    const m1 = makeMessage({ sentAt: T + 10 });
    const m2 = makeMessage({ sentAt: T + 30 });
    const m3 = makeMessage({ sentAt: T + 50 });
    const a1 = makeActivity({ at: T + 20 });
    const a2 = makeActivity({ at: T + 60 });
    const items = mergeHistory([m3, m1, m2], [a2, a1]);
    expect(items.map((i) => i.at)).toEqual([T + 10, T + 20, T + 30, T + 50, T + 60]);
    expect(items.map((i) => i.type)).toEqual(['message', 'activity', 'message', 'message', 'activity']);
  });

  it('keeps id order for ties and puts a message before an activity of the same moment', () => {
    const a = makeMessage({ sentAt: T });
    const b = makeMessage({ sentAt: T });
    const act = makeActivity({ at: T });
    const items = mergeHistory([b, a], [act]);
    expect(items.map((i) => i.key)).toEqual([`m:${a.id}`, `m:${b.id}`, `a:${act.id}`]);
  });

  it('leaves out workspace-wide activities that say nothing about the person', () => {
    const items = mergeHistory([], [makeActivity({ what: 'label.created' }), makeActivity({ what: 'lead.moved' })]);
    expect(items).toHaveLength(1);
  });

  it('keeps all of 10,000 messages already sorted by the index, each day once', () => {
    const messages = Array.from({ length: 10_000 }, (_, i) => makeMessage({ sentAt: T + i * 60_000 }));
    const rows = groupByDay(mergeHistory(messages, []), { now: T, timeZone: 'UTC', describe: () => '' });
    expect(rows.filter((r) => r.type === 'message')).toHaveLength(10_000);
    const days = rows.filter((r) => r.type === 'day').map((r) => r.key);
    expect(new Set(days).size).toBe(days.length);
    expect(days).toHaveLength(8);
  });
});

describe('day grouping', () => {
  it('puts a separator before each new calendar day', () => {
    const zone = 'Asia/Manila';
    // 23:30 and 00:30 Manila time (UTC+8) fall on two days though an hour apart.
    const late = Date.UTC(2024, 0, 15, 15, 30);
    const early = Date.UTC(2024, 0, 15, 16, 30);
    const rows = groupByDay(mergeHistory([makeMessage({ sentAt: late }), makeMessage({ sentAt: early })], []), {
      now: Date.UTC(2024, 0, 16, 3),
      timeZone: zone,
      describe: () => '',
    });
    expect(rows.map((r) => r.type)).toEqual(['day', 'message', 'day', 'message']);
    expect(rows.filter((r) => r.type === 'day').map((r) => (r.type === 'day' ? r.label : ''))).toEqual(['Yesterday', 'Today']);
  });

  it('follows calendar days across a DST change (a 23-hour day and a 25-hour day)', () => {
    const zone = 'America/New_York';
    // Spring forward: 2024-03-10 has 23 hours. 00:30 EST and 23:30 EDT are the same day.
    const springStart = Date.UTC(2024, 2, 10, 5, 30); // 00:30 EST
    const springEnd = Date.UTC(2024, 2, 11, 3, 30); // 23:30 EDT on the 10th
    expect(dayKey(springStart, zone)).toBe('2024-03-10');
    expect(dayKey(springEnd, zone)).toBe('2024-03-10');
    expect(dayKey(springEnd + 3_600_000, zone)).toBe('2024-03-11');
    // Fall back: 2024-11-03 has 25 hours; 24 h after its first minute is still the 3rd.
    const fallStart = Date.UTC(2024, 10, 3, 4, 0); // 00:00 EDT
    expect(dayKey(fallStart, zone)).toBe('2024-11-03');
    expect(dayKey(fallStart + 24 * 3_600_000, zone)).toBe('2024-11-03');
    expect(dayKey(fallStart + 25 * 3_600_000, zone)).toBe('2024-11-04');

    const rows = groupByDay(
      mergeHistory([makeMessage({ sentAt: fallStart }), makeMessage({ sentAt: fallStart + 24 * 3_600_000 }), makeMessage({ sentAt: fallStart + 25 * 3_600_000 })], []),
      { now: fallStart + 25 * 3_600_000, timeZone: zone, describe: () => '' },
    );
    expect(rows.map((r) => (r.type === 'day' ? r.label : r.type))).toEqual(['Yesterday', 'message', 'message', 'Today', 'message']);
  });

  it('groups by the browser\'s local days the same way, across DST (cached day bounds)', () => {
    const saved = process.env.TZ;
    process.env.TZ = 'America/New_York';
    try {
      const fallStart = Date.UTC(2024, 10, 3, 4, 0);
      const times = [fallStart - 60_000, fallStart, fallStart + 24 * 3_600_000, fallStart + 25 * 3_600_000 - 1, fallStart + 25 * 3_600_000];
      const springStart = Date.UTC(2024, 2, 10, 5, 0);
      times.push(springStart - 1, springStart, springStart + 23 * 3_600_000 - 1, springStart + 23 * 3_600_000);
      times.sort((a, b) => a - b);
      const items = mergeHistory(times.map((sentAt) => makeMessage({ sentAt })), []);
      const local = groupByDay(items, { now: fallStart, describe: () => '' });
      const zoned = groupByDay(items, { now: fallStart, timeZone: 'America/New_York', describe: () => '' });
      const days = (rows: typeof local) => rows.filter((r) => r.type === 'day').map((r) => (r.type === 'day' ? r.day : ''));
      expect(days(local)).toEqual(['2024-03-09', '2024-03-10', '2024-03-11', '2024-11-02', '2024-11-03', '2024-11-04']);
      expect(days(local)).toEqual(days(zoned));
      expect(local.map((r) => r.key)).toEqual(zoned.map((r) => r.key));
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('names "Yesterday" by the calendar, also across month and year ends', () => {
    expect(previousDay('2024-03-01')).toBe('2024-02-29');
    expect(previousDay('2025-01-01')).toBe('2024-12-31');
    expect(dayLabel('2024-12-31', '2025-01-01')).toBe('Yesterday');
    expect(dayLabel('2024-01-15', '2024-03-01')).toMatch(/^Mon,? 15 Jan$/);
    expect(dayLabel('2023-01-15', '2024-03-01')).toMatch(/^Sun,? 15 Jan 2023$/);
  });

  it('renders kind "event" messages and activities as centred events', () => {
    const rows = groupByDay(
      mergeHistory(
        [makeMessage({ kind: 'event', sender: 'system', body: 'Marked as hired', sentAt: T })],
        [makeActivity({ what: 'lead.moved', actorId: 'u_ana', before: { folderId: 'inbox' }, after: { folderId: 'shortlisted' }, at: T + 1 })],
      ),
      { now: T, timeZone: 'UTC', describe: (a) => describeEvent(a, names) },
    );
    expect(rows.slice(1).map((r) => (r.type === 'event' ? r.text : r.type))).toEqual(['Marked as hired', 'Moved from Inbox to Shortlisted by Ana']);
  });
});

describe('building the rows a slice at a time', () => {
  const H = 3_600_000;
  const group = (messages: Message[], activities: Activity[] = []) =>
    groupByDay(mergeHistory(messages, activities), { now: T, timeZone: 'UTC', describe: (a) => a.what });
  // Three days, several items each, an activity between messages, ties at the cut points.
  const messages = [-50, -49, -30, -26, -26, -25, -3, -2, -2, -1, 0].map((h) => makeMessage({ sentAt: T + h * H }));
  const activities = [makeActivity({ at: T - 26 * H }), makeActivity({ at: T - 10 * H }), makeActivity({ at: T - 2 * H })];

  it('joins slices cut at any moment into exactly the rows of the whole', () => {
    const whole = group(messages, activities);
    for (const cut of [-49, -26, -25, -10, -2, 0, 1].map((h) => T + h * H)) {
      const older = group(messages.filter((m) => m.sentAt < cut), activities.filter((a) => a.at < cut));
      const newer = group(messages.filter((m) => m.sentAt >= cut), activities.filter((a) => a.at >= cut));
      expect(joinRows(older, newer).map((r) => r.key)).toEqual(whole.map((r) => r.key));
    }
  });

  it('joins many slices, newest first, as the history reads its pages', () => {
    const whole = group(messages, activities);
    const cuts = [T + H, T - 2 * H, T - 25 * H, T - 49 * H, -Infinity];
    let rows: HistoryRow[] = [];
    for (let i = 1; i < cuts.length; i++) {
      const [from, to] = [cuts[i]!, cuts[i - 1]!];
      const slice = group(
        messages.filter((m) => m.sentAt >= from && m.sentAt < to),
        activities.filter((a) => a.at >= from && a.at < to),
      );
      rows = joinRows(slice, rows);
    }
    expect(rows.map((r) => r.key)).toEqual(whole.map((r) => r.key));
    expect(joinRows([], whole)).toEqual(whole);
    expect(joinRows(whole, [])).toEqual(whole);
  });

  it('cuts the rows before a moment, dropping a day left with nothing in it', () => {
    const whole = group(messages, activities);
    for (const cut of [-50, -30, -26, -24, -2, 0, 5].map((h) => T + h * H)) {
      const expected = group(messages.filter((m) => m.sentAt < cut), activities.filter((a) => a.at < cut));
      expect(rowsBefore(whole, cut).map((r) => r.key)).toEqual(expected.map((r) => r.key));
      // The newest part read again (with a message that arrived meanwhile) joins on.
      const arrived = makeMessage({ sentAt: T + H });
      const again = group([...messages.filter((m) => m.sentAt >= cut), arrived], activities.filter((a) => a.at >= cut));
      expect(joinRows(rowsBefore(whole, cut), again).map((r) => r.key)).toEqual(group([...messages, arrived], activities).map((r) => r.key));
    }
  });
});

describe('describeEvent', () => {
  const d = (what: string, before?: unknown, after?: unknown, actorId = 'u_ana') => describeEvent(makeActivity({ what, before, after, actorId }), names);

  it('says who moved, labelled, assigned, edited and deleted what', () => {
    expect(d('lead.moved', { folderId: 'inbox' }, { folderId: 'shortlisted' })).toBe('Moved from Inbox to Shortlisted by Ana');
    expect(d('lead.moved', { folderId: 'inbox' }, { folderId: 'rejected', rejectReason: 'No license' })).toBe('Moved from Inbox to Rejected by Ana (No license)');
    expect(d('lead.labelAdded', { labels: [] }, { labels: ['l1'] })).toBe('Label “Night shift” added by Ana');
    expect(d('lead.labelRemoved', { labels: ['l1', 'l2'] }, { labels: [] })).toBe('Labels “Night shift”, “Bilingual” removed by Ana');
    expect(d('lead.assigned', { assignedTo: null }, { assignedTo: 'u_ana' }, 'system')).toBe('Assigned to Ana by Leadside');
    expect(d('lead.assigned', { assignedTo: 'u_ana' }, { assignedTo: null })).toBe('Unassigned by Ana');
    expect(d('candidate.edited', { phone: null }, { phone: '+63917', email: 'a@b.c' })).toBe('Phone, email edited by Ana');
    expect(d('lead.edited', {}, { 'attributes.shift': 'night' })).toBe('Shift edited by Ana');
    expect(d('lead.deleted', { ref: 'A-10001', campaignId: 'c1' })).toBe('Application A-10001 (Staff Nurse) deleted by Ana');
    expect(d('lead.campaignChanged', { campaignId: 'c1' }, { campaignId: 'c2' })).toBe('Moved from Staff Nurse to Barista by Ana');
    expect(d('candidate.doNotContact', {}, { doNotContact: { at: 1, reason: 'Asked to stop' } })).toBe('Marked do not contact by Ana: Asked to stop');
    expect(d('comment.added')).toBe('Comment added by Ana');
    expect(d('lead.created', undefined, { campaignId: 'c2' })).toBe('Application to Barista added by Ana');
  });

  it('describes an undo as the reverse change, and unknown kinds plainly', () => {
    expect(d('lead.moved.undone', { folderId: 'inbox' }, { folderId: 'shortlisted' })).toBe('Undone: Moved from Shortlisted to Inbox by Ana');
    expect(d('lead.somethingNew', undefined, undefined, 'u_gone')).toBe('lead.somethingNew by a former teammate');
  });

  it('never shows raw objects for odd before/after values', () => {
    expect(d('lead.moved', 'garbage', 42)).toBe('Moved from Unknown to Unknown by Ana');
  });
});

describe('conversations', () => {
  it('folds messages into the latest one and inbound times per person, in one pass', () => {
    const fold = new ConversationFold();
    fold.add([
      makeMessage({ candidateId: 'c1', direction: 'inbound', sentAt: T + 1 }),
      makeMessage({ candidateId: 'c2', sentAt: T + 5 }),
    ]);
    fold.add([
      makeMessage({ candidateId: 'c1', direction: 'inbound', sentAt: T + 3, body: 'latest' }),
      makeMessage({ candidateId: 'c1', kind: 'event', sender: 'system', sentAt: T + 9, body: 'Marked as hired' }),
      makeMessage({ candidateId: 'c1', sentAt: T + 2 }),
    ]);
    const c1 = fold.byCandidate.get('c1')!;
    expect(c1.last.body).toBe('latest');
    expect(c1.inboundTimes).toEqual([T + 1, T + 3]);
    expect(unreadCount(c1.inboundTimes, undefined)).toBe(2);
    expect(unreadCount(c1.inboundTimes, T + 1)).toBe(1);
    expect(unreadCount(c1.inboundTimes, T + 3)).toBe(0);
  });

  it('previews one line of plain text', () => {
    expect(previewText(makeMessage({ body: 'Hi\n\n<b>there</b>   you' }))).toBe('Hi <b>there</b> you');
    expect(previewText(makeMessage({ body: 'x'.repeat(300) }), 10)).toBe(`${'x'.repeat(9)}…`);
    expect(previewText(makeMessage({ body: '', kind: 'image', attachments: [{ id: 'a', name: 'cv.png', type: 'image/png', size: 1 }] }))).toBe('📎 cv.png');
    expect(previewText(makeMessage({ body: '', kind: 'audio' }))).toBe('Voice message');
  });
});
