import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { makeAttachment, makeEntry } from '../../tests/factories';
import type { IndexEntry } from './entry';
import { compileFilter, dayStart } from './filters';
import { LeadIndex } from './lead-index';
import { DEFAULT_QUERY, type Filter } from './query';

// Date filters work in local calendar days: run them in a zone that is neither UTC nor constant
// (New York springs forward on 2024-03-10, a 23-hour day).
const originalTz = process.env.TZ;
process.env.TZ = 'America/New_York';
afterAll(() => {
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
});

const SELF = 'user_self';
const local = (y: number, m: number, d: number, h = 0, min = 0, s = 0, ms = 0) =>
  new Date(y, m - 1, d, h, min, s, ms).getTime();

let index: LeadIndex;

function add(...entries: IndexEntry[]): IndexEntry[] {
  for (const e of entries) index.upsert(e);
  return entries;
}

/** The ids a set of filters lets through, in id order. */
function pass(...filters: Filter[]): string[] {
  return index
    .query({ ...DEFAULT_QUERY, filters })
    .entries.map((e) => e.id)
    .sort();
}

const idsOf = (...entries: IndexEntry[]) => entries.map((e) => e.id).sort();

beforeEach(() => {
  index = new LeadIndex(
    () => 'PH',
    () => ({ selfId: SELF }),
  );
});

describe('dayStart', () => {
  it('is local midnight of the day', () => {
    expect(new Date(2024, 0, 1).getTimezoneOffset()).toBe(300); // the zone is really in force
    expect(dayStart('2024-03-10')).toBe(local(2024, 3, 10));
    expect(dayStart('2024-03-10')).not.toBe(Date.UTC(2024, 2, 10));
  });

  it('is null for text that is not a YYYY-MM-DD day', () => {
    expect(dayStart('')).toBeNull();
    expect(dayStart('10/03/2024')).toBeNull();
    expect(dayStart('2024-3-10')).toBeNull();
    expect(dayStart('2024-03-10T00:00')).toBeNull();
  });
});

describe.each([
  ['dateAdded', 'addedAt'],
  ['lastActivity', 'lastActivityAt'],
] as const)('%s filter', (type, field) => {
  const at = (time: number) => makeEntry({ [field]: time, [field === 'addedAt' ? 'lastActivityAt' : 'addedAt']: 0 });

  it('includes the whole "from" day and the whole "to" day, in local time', () => {
    const [beforeFrom, fromStart, middle, toLastMs, toEvening, afterTo] = add(
      at(local(2024, 3, 8, 23, 59, 59, 999)),
      at(local(2024, 3, 9, 0, 0)),
      at(local(2024, 3, 9, 15, 0)),
      at(local(2024, 3, 10, 23, 59, 59, 999)),
      // 21:00 in New York is already the 11th in UTC: still the 10th for the recruiter.
      at(local(2024, 3, 10, 21, 0)),
      at(local(2024, 3, 11, 0, 0)),
    );
    expect(pass({ type, from: '2024-03-09', to: '2024-03-10' })).toEqual(idsOf(fromStart!, middle!, toLastMs!, toEvening!));
    expect(pass({ type, from: '2024-03-09', to: '2024-03-10' })).not.toContain(beforeFrom!.id);
    expect(pass({ type, from: '2024-03-09', to: '2024-03-10' })).not.toContain(afterTo!.id);
  });

  it('accepts a single day (from = to) and open ends', () => {
    const [a, b, c] = add(at(local(2024, 1, 31, 12)), at(local(2024, 2, 1, 0)), at(local(2024, 2, 1, 23, 30)));
    expect(pass({ type, from: '2024-02-01', to: '2024-02-01' })).toEqual(idsOf(b!, c!));
    expect(pass({ type, from: '2024-02-01' })).toEqual(idsOf(b!, c!));
    expect(pass({ type, to: '2024-01-31' })).toEqual(idsOf(a!));
  });

  it('finds nothing when "from" is after "to", and everything when the range is empty', () => {
    const entries = add(at(local(2024, 5, 1)), at(local(2024, 5, 2)));
    expect(pass({ type, from: '2024-05-02', to: '2024-05-01' })).toEqual([]);
    expect(pass({ type })).toEqual(idsOf(...entries));
    expect(pass({ type, from: '', to: '' })).toEqual(idsOf(...entries));
  });
});

describe('source filter', () => {
  it('keeps leads from any of the chosen sources, exactly', () => {
    const [li, , ref] = add(makeEntry({ source: 'LinkedIn' }), makeEntry({ source: 'Facebook' }), makeEntry({ source: 'Referral' }));
    expect(pass({ type: 'source', values: ['LinkedIn', 'Referral'] })).toEqual(idsOf(li!, ref!));
    expect(pass({ type: 'source', values: ['linkedin'] })).toEqual([]);
  });
});

describe('labels filter', () => {
  let none: IndexEntry, onlyA: IndexEntry, onlyB: IndexEntry, both: IndexEntry, aAndC: IndexEntry;
  beforeEach(() => {
    [none, onlyA, onlyB, both, aAndC] = add(
      makeEntry({ labels: [] }),
      makeEntry({ labels: ['a'] }),
      makeEntry({ labels: ['b'] }),
      makeEntry({ labels: ['b', 'a'] }),
      makeEntry({ labels: ['a', 'c'] }),
    ) as [IndexEntry, IndexEntry, IndexEntry, IndexEntry, IndexEntry];
  });

  it('any: at least one of the labels', () => {
    expect(pass({ type: 'labels', mode: 'any', labelIds: ['a', 'b'] })).toEqual(idsOf(onlyA, onlyB, both, aAndC));
  });

  it('all: every one of the labels', () => {
    expect(pass({ type: 'labels', mode: 'all', labelIds: ['a', 'b'] })).toEqual(idsOf(both));
  });

  it('none: none of the labels', () => {
    expect(pass({ type: 'labels', mode: 'none', labelIds: ['a', 'b'] })).toEqual(idsOf(none));
    expect(pass({ type: 'labels', mode: 'none', labelIds: ['c'] })).toEqual(idsOf(none, onlyA, onlyB, both));
  });
});

describe('assigned filter', () => {
  it('me, anyone, unassigned and a specific user', () => {
    const [mine, theirs, nobody] = add(
      makeEntry({ assignedTo: SELF }),
      makeEntry({ assignedTo: 'user_other' }),
      makeEntry({}),
    );
    expect(pass({ type: 'assigned', value: 'me' })).toEqual(idsOf(mine!));
    expect(pass({ type: 'assigned', value: 'anyone' })).toEqual(idsOf(mine!, theirs!));
    expect(pass({ type: 'assigned', value: 'unassigned' })).toEqual(idsOf(nobody!));
    expect(pass({ type: 'assigned', value: 'user_other' })).toEqual(idsOf(theirs!));
    expect(pass({ type: 'assigned', value: 'user_nobody' })).toEqual([]);
  });

  it('reads "me" from the context at query time', () => {
    let self = 'user_a';
    index = new LeadIndex(
      () => 'PH',
      () => ({ selfId: self }),
    );
    const [a, b] = add(makeEntry({ assignedTo: 'user_a' }), makeEntry({ assignedTo: 'user_b' }));
    expect(pass({ type: 'assigned', value: 'me' })).toEqual(idsOf(a!));
    self = 'user_b';
    expect(pass({ type: 'assigned', value: 'me' })).toEqual(idsOf(b!));
  });
});

describe('location filter', () => {
  it('needs every word somewhere in the location, ignoring case and accents', () => {
    const [qc, pq] = add(
      makeEntry({}, { location: 'Quezon City, Metro Manila' }),
      makeEntry({}, { location: 'Parañaque, Metro Manila' }),
      makeEntry({}, { location: 'Cebu City' }),
      makeEntry({}, {}),
    );
    expect(pass({ type: 'location', text: 'manila' })).toEqual(idsOf(qc!, pq!));
    expect(pass({ type: 'location', text: 'QUEZON manila' })).toEqual(idsOf(qc!));
    expect(pass({ type: 'location', text: 'paranaque' })).toEqual(idsOf(pq!));
    expect(pass({ type: 'location', text: 'Parañaque' })).toEqual(idsOf(pq!));
    expect(pass({ type: 'location', text: 'manila davao' })).toEqual([]);
  });
});

describe('hasAttachment filter', () => {
  it('true keeps leads with attachments, false those without', () => {
    const [withFile, without] = add(makeEntry({ attachments: [makeAttachment()] }), makeEntry({ attachments: [] }));
    expect(pass({ type: 'hasAttachment', value: true })).toEqual(idsOf(withFile!));
    expect(pass({ type: 'hasAttachment', value: false })).toEqual(idsOf(without!));
  });
});

describe('reachable filter', () => {
  it('keeps candidates with a phone, an email or a Facebook profile', () => {
    const [phone, email, fb, all] = add(
      makeEntry({}, { phone: '+639171234567' }),
      makeEntry({}, { email: 'x@example.com' }),
      makeEntry({}, { facebookUrl: 'https://www.facebook.com/someone' }),
      makeEntry({}, { phone: '+14155552671', email: 'y@example.com', facebookUrl: 'https://www.facebook.com/y' }),
      makeEntry({}, { linkedinUrl: 'https://www.linkedin.com/in/z' }),
    );
    expect(pass({ type: 'reachable', channel: 'phone' })).toEqual(idsOf(phone!, all!));
    expect(pass({ type: 'reachable', channel: 'email' })).toEqual(idsOf(email!, all!));
    expect(pass({ type: 'reachable', channel: 'facebook' })).toEqual(idsOf(fb!, all!));
  });
});

describe('attribute filter', () => {
  it('equals the value, ignoring case, accents and surrounding space', () => {
    const [night, nightAccent, , five] = add(
      makeEntry({ attributes: { shift: 'Night Shift' } }),
      makeEntry({ attributes: { shift: 'NIGHT SHÍFT' } }),
      makeEntry({ attributes: { shift: 'Day' } }),
      makeEntry({ attributes: { years: 5 } }),
      makeEntry({ attributes: {} }),
    );
    expect(pass({ type: 'attribute', key: 'shift', value: '  night shift ' })).toEqual(idsOf(night!, nightAccent!));
    expect(pass({ type: 'attribute', key: 'shift', value: 'night' })).toEqual([]);
    expect(pass({ type: 'attribute', key: 'years', value: '5' })).toEqual(idsOf(five!));
    expect(pass({ type: 'attribute', key: 'missing', value: 'x' })).toEqual([]);
  });
});

describe('incomplete filters', () => {
  it.each<Filter>([
    { type: 'dateAdded' },
    { type: 'lastActivity', from: '', to: 'not a day' },
    { type: 'source', values: [] },
    { type: 'labels', mode: 'all', labelIds: [] },
    { type: 'labels', mode: 'none', labelIds: [] },
    { type: 'location', text: ' , ' },
    { type: 'attribute', key: '', value: 'x' },
    { type: 'attribute', key: 'shift', value: '  ' },
  ])('%j is ignored', (filter) => {
    const entries = add(
      makeEntry({ source: 'Referral', labels: ['a'], attributes: { shift: 'Day' } }),
      makeEntry({ source: 'Import' }),
    );
    expect(compileFilter(filter, { selfId: SELF })).toBeNull();
    expect(pass(filter)).toEqual(idsOf(...entries));
  });
});

describe('several filters', () => {
  it('must all hold', () => {
    const [hit] = add(
      makeEntry({ source: 'Referral', labels: ['a'], assignedTo: SELF }),
      makeEntry({ source: 'Referral', labels: ['a'] }),
      makeEntry({ source: 'Referral', assignedTo: SELF }),
      makeEntry({ source: 'Import', labels: ['a'], assignedTo: SELF }),
    );
    expect(
      pass(
        { type: 'source', values: ['Referral'] },
        { type: 'labels', mode: 'any', labelIds: ['a'] },
        { type: 'assigned', value: 'me' },
      ),
    ).toEqual(idsOf(hit!));
  });
});
