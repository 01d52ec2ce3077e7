import { describe, expect, it } from 'vitest';
import { makeEntry } from '../../tests/factories';
import { LeadIndex } from './lead-index';
import { UNKNOWN } from './query';

function newIndex(): LeadIndex {
  return new LeadIndex(
    () => 'PH',
    () => ({ selfId: 'me' }),
  );
}

describe('LeadIndex.addedTimes', () => {
  it('returns the addedAt times of the selected campaigns, ascending, from `since` on', () => {
    const index = newIndex();
    const entries = [
      makeEntry({ campaignId: 'a', addedAt: 500 }),
      makeEntry({ campaignId: 'b', addedAt: 100 }),
      makeEntry({ campaignId: 'a', addedAt: 300 }),
      makeEntry({ campaignId: 'c', addedAt: 300 }),
      makeEntry({ campaignId: 'a', addedAt: 100 }),
    ];
    index.load(entries.slice(0, 3));
    for (const e of entries.slice(3)) index.upsert(e);
    expect(index.addedTimes(null)).toEqual([100, 100, 300, 300, 500]);
    expect(index.addedTimes(['a'])).toEqual([100, 300, 500]);
    expect(index.addedTimes(['a', 'c'], 300)).toEqual([300, 300, 500]);
    expect(index.addedTimes(['a'], 301)).toEqual([500]);
    expect(index.addedTimes(['a'], 501)).toEqual([]);
    expect(index.addedTimes(['zzz'])).toEqual([]);
  });

  it('follows changes: a removed lead or a new date is reflected', () => {
    const index = newIndex();
    const lead = makeEntry({ campaignId: 'a', addedAt: 200 });
    index.upsert(lead);
    index.upsert(makeEntry({ campaignId: 'a', addedAt: 100 }));
    index.upsert({ ...lead, addedAt: 50 });
    expect(index.addedTimes(['a'])).toEqual([50, 100]);
    index.remove(lead.id);
    expect(index.addedTimes(['a'])).toEqual([100]);
  });

  it('treats UNKNOWN as the leads whose campaign no longer exists, like query does', () => {
    const index = newIndex();
    index.load([makeEntry({ campaignId: 'a', addedAt: 1 }), makeEntry({ campaignId: 'gone', addedAt: 2 })]);
    index.setCatalog(['a'], ['inbox']);
    expect(index.addedTimes([UNKNOWN])).toEqual([2]);
    expect(index.addedTimes(['a', UNKNOWN])).toEqual([1, 2]);
  });
});
