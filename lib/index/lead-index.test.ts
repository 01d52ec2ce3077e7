import { beforeEach, describe, expect, it } from 'vitest';
import { makeCandidate, makeEntry, makeLead } from '../../tests/factories';
import type { Candidate, Id, Lead } from '../domain/model';
import type { CountryCode } from '../domain/phone';
import { candidateView, leadEntry, type IndexEntry } from './entry';
import { compileFilter, compileSearch } from './filters';
import { LeadIndex, type FolderCounts } from './lead-index';
import { DEFAULT_QUERY, UNKNOWN, type Filter, type LeadQuery, type SortKey } from './query';

const SELF = 'user_self';
let index: LeadIndex;

function newIndex(country: CountryCode = 'PH'): LeadIndex {
  return new LeadIndex(
    () => country,
    () => ({ selfId: SELF }),
  );
}

beforeEach(() => {
  index = newIndex();
});

function add(...entries: IndexEntry[]): IndexEntry[] {
  for (const e of entries) index.upsert(e);
  return entries;
}

function run(q: Partial<LeadQuery>): string[] {
  return index.query({ ...DEFAULT_QUERY, ...q }).entries.map((e) => e.id);
}

/** Ids found by a search, in id order. */
function search(text: string): string[] {
  return run({ search: text }).sort();
}

const idsOf = (...entries: IndexEntry[]) => entries.map((e) => e.id).sort();

function countsOf(counts: FolderCounts): Record<string, number> {
  return Object.fromEntries([...counts].sort(([a], [b]) => (a < b ? -1 : 1)));
}

describe('search', () => {
  let maria: IndexEntry, mariaOther: IndexEntry, jose: IndexEntry, joseAscii: IndexEntry, pedro: IndexEntry;
  beforeEach(() => {
    const mariaCand = makeCandidate({
      ref: 'C-3311',
      firstName: 'Maria',
      lastName: 'Santos',
      email: 'maria.santos@example.com',
      phone: '+639171234567',
      externalId: 'CAND-EXT-1',
    });
    const mariaView = candidateView(mariaCand);
    maria = leadEntry(makeLead({ ref: 'A-10423', candidateId: mariaCand.id, externalId: 'ATS-99812' }), mariaView);
    mariaOther = leadEntry(makeLead({ ref: 'A-10500', candidateId: mariaCand.id }), mariaView);
    [jose, joseAscii, pedro] = [
      makeEntry({ ref: 'A-20001' }, { ref: 'C-4000', firstName: 'José', lastName: 'Müller', email: 'jm@example.de' }),
      makeEntry({ ref: 'A-20002' }, { ref: 'C-4001', firstName: 'Jose', lastName: 'Muller' }),
      makeEntry(
        { ref: 'A-20003' },
        { ref: 'C-4002', firstName: 'Pedro', lastName: 'Maria', phone: '+639181112222', email: 'pedro@example.com' },
      ),
    ];
    add(maria, mariaOther, jose, joseAscii, pedro);
  });

  it('finds everything with a blank search', () => {
    expect(search('   ')).toHaveLength(5);
  });

  it('finds a lead by its application ref, in any case', () => {
    expect(search('A-10423')).toEqual(idsOf(maria));
    expect(search('a-10423')).toEqual(idsOf(maria));
  });

  it('finds all leads of a candidate by candidate ref', () => {
    expect(search('C-3311')).toEqual(idsOf(maria, mariaOther));
  });

  it('finds by external ids of the lead and of the candidate', () => {
    expect(search('ATS-99812')).toEqual(idsOf(maria));
    expect(search('cand-ext-1')).toEqual(idsOf(maria, mariaOther));
  });

  it('finds by first name, last name and full name in either order', () => {
    expect(search('santos')).toEqual(idsOf(maria, mariaOther));
    expect(search('Maria')).toEqual(idsOf(maria, mariaOther, pedro));
    expect(search('maria santos')).toEqual(idsOf(maria, mariaOther));
    expect(search('Santos, Maria')).toEqual(idsOf(maria, mariaOther));
    expect(search('maria nobody')).toEqual([]);
  });

  it('finds by whole or partial email', () => {
    expect(search('maria.santos@example.com')).toEqual(idsOf(maria, mariaOther));
    expect(search('santos@exa')).toEqual(idsOf(maria, mariaOther));
  });

  it('ignores accents on both sides', () => {
    expect(search('jose muller')).toEqual(idsOf(jose, joseAscii));
    expect(search('JOSÉ MÜLLER')).toEqual(idsOf(jose, joseAscii));
    expect(search('müll')).toEqual(idsOf(jose, joseAscii));
  });

  it('finds a phone typed in three formats, and partially', () => {
    for (const typed of ['+63 917 123 4567', '0917-123-4567', '9171234567', '(0917) 123 4567', '0917 123', '+63917']) {
      expect(search(typed), typed).toEqual(idsOf(maria, mariaOther));
    }
    expect(search('0918 111 2222')).toEqual(idsOf(pedro));
    expect(search('0999 000 0000')).toEqual([]);
  });

  it('parses phone queries with the default country from settings', () => {
    const us = makeEntry({}, { phone: '+14155552671' });
    index = newIndex('US');
    add(us, maria);
    expect(search('(415) 555-2671')).toEqual(idsOf(us));
    expect(search('+63 917 123 4567')).toEqual(idsOf(maria));
  });

  it('finds a ref typed as digits only', () => {
    expect(search('10423')).toEqual(idsOf(maria));
    expect(search('3311')).toEqual(idsOf(maria, mariaOther));
  });
});

describe('campaign and folder selection', () => {
  let a1: IndexEntry, a2: IndexEntry, b1: IndexEntry, c1: IndexEntry, lost: IndexEntry, lostFolder: IndexEntry;
  beforeEach(() => {
    [a1, a2, b1, c1, lost, lostFolder] = add(
      makeEntry({ campaignId: 'camp_a', folderId: 'inbox' }),
      makeEntry({ campaignId: 'camp_a', folderId: 'hired' }),
      makeEntry({ campaignId: 'camp_b', folderId: 'inbox' }),
      makeEntry({ campaignId: 'camp_c', folderId: 'inbox' }),
      makeEntry({ campaignId: 'camp_deleted', folderId: 'hired' }),
      makeEntry({ campaignId: 'camp_b', folderId: 'folder_deleted' }),
    ) as [IndexEntry, IndexEntry, IndexEntry, IndexEntry, IndexEntry, IndexEntry];
    index.setCatalog(['camp_a', 'camp_b', 'camp_c'], ['inbox', 'hired', 'rejected']);
  });

  it('one, several or all campaigns', () => {
    expect(run({ campaignIds: ['camp_a'] }).sort()).toEqual(idsOf(a1, a2));
    expect(run({ campaignIds: ['camp_a', 'camp_c'] }).sort()).toEqual(idsOf(a1, a2, c1));
    expect(run({ campaignIds: null }).sort()).toEqual(idsOf(a1, a2, b1, c1, lost, lostFolder));
    expect(run({ campaignIds: [] })).toEqual([]);
  });

  it('UNKNOWN selects leads of campaigns that no longer exist, alone or with others', () => {
    expect(run({ campaignIds: [UNKNOWN] })).toEqual([lost.id]);
    expect(run({ campaignIds: ['camp_c', UNKNOWN] }).sort()).toEqual(idsOf(c1, lost));
    expect(index.unknownCampaignCount()).toBe(1);
  });

  it('UNKNOWN selects nothing before the catalog is known', () => {
    index = newIndex();
    add(lost);
    expect(run({ campaignIds: [UNKNOWN] })).toEqual([]);
    expect(run({ folderId: UNKNOWN })).toEqual([]);
    expect(index.unknownCampaignCount()).toBe(0);
    expect(countsOf(index.folderCounts(null))).toEqual({ hired: 1 });
  });

  it('a folder, with or without a campaign', () => {
    expect(run({ folderId: 'inbox' }).sort()).toEqual(idsOf(a1, b1, c1));
    expect(run({ folderId: 'inbox', campaignIds: ['camp_a', 'camp_b'] }).sort()).toEqual(idsOf(a1, b1));
    expect(run({ folderId: 'rejected' })).toEqual([]);
  });

  it('UNKNOWN folder selects leads in folders that are not in the catalog', () => {
    expect(run({ folderId: UNKNOWN })).toEqual([lostFolder.id]);
    expect(run({ folderId: UNKNOWN, campaignIds: ['camp_a'] })).toEqual([]);
  });

  it('folder counts for one, several and all campaigns, and for UNKNOWN', () => {
    expect(countsOf(index.folderCounts(['camp_a']))).toEqual({ hired: 1, inbox: 1 });
    expect(countsOf(index.folderCounts(['camp_a', 'camp_b']))).toEqual({ hired: 1, inbox: 2, [UNKNOWN]: 1 });
    expect(countsOf(index.folderCounts(null))).toEqual({ hired: 2, inbox: 3, [UNKNOWN]: 1 });
    expect(countsOf(index.folderCounts([UNKNOWN]))).toEqual({ hired: 1 });
    expect(countsOf(index.folderCounts(['camp_c', UNKNOWN]))).toEqual({ hired: 1, inbox: 1 });
    expect(countsOf(index.folderCounts([]))).toEqual({});
  });

  it('counts agree with the list for every folder and selection', () => {
    for (const campaignIds of [null, ['camp_a'], ['camp_b', 'camp_c'], [UNKNOWN], ['camp_a', UNKNOWN]]) {
      const counts = index.folderCounts(campaignIds);
      for (const folderId of ['inbox', 'hired', 'rejected', UNKNOWN]) {
        expect(counts.get(folderId) ?? 0, `${String(campaignIds)} / ${folderId}`).toBe(
          run({ campaignIds, folderId }).length,
        );
      }
    }
  });

  it('a new catalog changes what is UNKNOWN', () => {
    index.setCatalog(['camp_a', 'camp_b', 'camp_c', 'camp_deleted'], ['inbox', 'hired', 'folder_deleted']);
    expect(run({ campaignIds: [UNKNOWN] })).toEqual([]);
    expect(run({ folderId: UNKNOWN })).toEqual([]);
    expect(countsOf(index.folderCounts(null))).toEqual({ folder_deleted: 1, hired: 2, inbox: 3 });
  });
});

describe('sort', () => {
  let e1: IndexEntry, e2: IndexEntry, e3: IndexEntry, e4: IndexEntry;
  beforeEach(() => {
    // Factory ids increase in creation order: e1 < e2 < e3 < e4.
    e1 = makeEntry({ addedAt: 300, lastActivityAt: 10 });
    e2 = makeEntry({ addedAt: 100, lastActivityAt: 40 });
    e3 = makeEntry({ addedAt: 300, lastActivityAt: 40 });
    e4 = makeEntry({ addedAt: 200, lastActivityAt: 20 });
    add(e3, e1, e4, e2);
  });

  const order = (key: SortKey, dir: 'asc' | 'desc') => run({ sort: { key, dir } });

  it('by date added, both directions, ties broken by id', () => {
    expect(order('addedAt', 'asc')).toEqual([e2.id, e4.id, e1.id, e3.id]);
    expect(order('addedAt', 'desc')).toEqual([e3.id, e1.id, e4.id, e2.id]);
  });

  it('by last activity, both directions, ties broken by id', () => {
    expect(order('lastActivityAt', 'asc')).toEqual([e1.id, e4.id, e2.id, e3.id]);
    expect(order('lastActivityAt', 'desc')).toEqual([e3.id, e2.id, e4.id, e1.id]);
  });

  it('the default query is newest added first', () => {
    expect(index.query(DEFAULT_QUERY).entries.map((e) => e.id)).toEqual([e3.id, e1.id, e4.id, e2.id]);
    expect(index.query(DEFAULT_QUERY).total).toBe(4);
  });

  it('bulk-loaded entries are sorted before the first query', () => {
    index = newIndex();
    index.load([e2, e3]);
    index.load([e4, e1]);
    expect(index.size).toBe(4);
    expect(order('addedAt', 'desc')).toEqual([e3.id, e1.id, e4.id, e2.id]);
    expect(order('lastActivityAt', 'asc')).toEqual([e1.id, e4.id, e2.id, e3.id]);
  });
});

describe('changes', () => {
  it('an upsert moving a lead to another folder moves its count', () => {
    const lead = makeEntry({ campaignId: 'camp_a', folderId: 'inbox' });
    const other = makeEntry({ campaignId: 'camp_a', folderId: 'inbox' });
    add(lead, other);
    index.upsert({ ...lead, folderId: 'hired' });
    expect(countsOf(index.folderCounts(['camp_a']))).toEqual({ hired: 1, inbox: 1 });
    index.upsert({ ...lead, folderId: 'inbox' });
    expect(countsOf(index.folderCounts(['camp_a']))).toEqual({ inbox: 2 });
    expect(index.size).toBe(2);
    expect(run({ folderId: 'hired' })).toEqual([]);
  });

  it('an upsert changing dates keeps both orders right', () => {
    const [a, b, c] = add(
      makeEntry({ addedAt: 100, lastActivityAt: 100 }),
      makeEntry({ addedAt: 200, lastActivityAt: 200 }),
      makeEntry({ addedAt: 300, lastActivityAt: 300 }),
    ) as [IndexEntry, IndexEntry, IndexEntry];
    index.upsert({ ...a, addedAt: 400 });
    index.upsert({ ...c, lastActivityAt: 50 });
    expect(run({ sort: { key: 'addedAt', dir: 'desc' } })).toEqual([a.id, c.id, b.id]);
    expect(run({ sort: { key: 'lastActivityAt', dir: 'asc' } })).toEqual([c.id, a.id, b.id]);
    expect(index.get(a.id)!.addedAt).toBe(400);
  });

  it('an upsert moving a lead to another campaign moves its count', () => {
    const lead = makeEntry({ campaignId: 'camp_a', folderId: 'inbox' });
    add(lead);
    index.upsert({ ...lead, campaignId: 'camp_b' });
    expect(countsOf(index.folderCounts(['camp_a']))).toEqual({});
    expect(countsOf(index.folderCounts(['camp_b']))).toEqual({ inbox: 1 });
  });

  it('remove takes a lead out of the list, the counts and its candidate', () => {
    const [a, b] = add(makeEntry({ folderId: 'inbox' }), makeEntry({ folderId: 'inbox' })) as [IndexEntry, IndexEntry];
    const before = index.revision;
    index.remove(a.id);
    expect(index.revision).toBeGreaterThan(before);
    expect(index.get(a.id)).toBeUndefined();
    expect(run({})).toEqual([b.id]);
    expect(run({ sort: { key: 'lastActivityAt', dir: 'asc' } })).toEqual([b.id]);
    expect(countsOf(index.folderCounts(null))).toEqual({ inbox: 1 });
    expect(index.leadIdsOfCandidate(a.candidate.id)).toEqual([]);
    index.remove('not_there');
    expect(index.size).toBe(1);
  });

  it('renaming a candidate changes search results for all their leads', () => {
    const cand = makeCandidate({ firstName: 'Maria', lastName: 'Santos' });
    const view = candidateView(cand);
    const l1 = leadEntry(makeLead({ candidateId: cand.id, campaignId: 'camp_a' }), view);
    const l2 = leadEntry(makeLead({ candidateId: cand.id, campaignId: 'camp_b' }), view);
    const stranger = makeEntry({}, { firstName: 'Ana', lastName: 'Reyes' });
    add(l1, l2, stranger);
    expect(search('santos')).toEqual(idsOf(l1, l2));
    index.putCandidate(candidateView({ ...cand, lastName: 'Dela Cruz' }));
    expect(search('santos')).toEqual([]);
    expect(search('maria dela cruz')).toEqual(idsOf(l1, l2));
    expect(index.get(l1.id)!.candidate.lastName).toBe('Dela Cruz');
    expect(index.candidate(cand.id)!.lastName).toBe('Dela Cruz');
    expect(index.leadIdsOfCandidate(cand.id).sort()).toEqual(idsOf(l1, l2));
  });

  it('removing a candidate removes all their leads', () => {
    const cand = makeCandidate();
    const view = candidateView(cand);
    const l1 = leadEntry(makeLead({ candidateId: cand.id, folderId: 'inbox' }), view);
    const l2 = leadEntry(makeLead({ candidateId: cand.id, folderId: 'hired' }), view);
    const other = makeEntry({ folderId: 'inbox' });
    add(l1, l2, other);
    index.removeCandidate(cand.id);
    expect(run({})).toEqual([other.id]);
    expect(index.candidate(cand.id)).toBeUndefined();
    expect(countsOf(index.folderCounts(null))).toEqual({ inbox: 1 });
  });

  it('loading an entry that is already there replaces it', () => {
    const e = makeEntry({ folderId: 'inbox', addedAt: 10 });
    add(e, makeEntry({ addedAt: 20 }));
    index.load([{ ...e, folderId: 'hired', addedAt: 30 }]);
    expect(index.size).toBe(2);
    expect(run({})[0]).toBe(e.id);
    expect(countsOf(index.folderCounts(null))).toEqual({ hired: 1, inbox: 1 });
  });

  it('bumps the revision on every change', () => {
    const seen = [index.revision];
    const e = makeEntry();
    index.upsert(e);
    seen.push(index.revision);
    index.load([makeEntry()]);
    seen.push(index.revision);
    index.putCandidate(e.candidate);
    seen.push(index.revision);
    index.setCatalog([], []);
    seen.push(index.revision);
    index.remove(e.id);
    seen.push(index.revision);
    for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThan(seen[i - 1]!);
  });
});

describe('randomized: 500 random upserts and removes agree with a brute-force recomputation', () => {
  /** mulberry32: a small seeded PRNG, so a failure can be replayed. */
  function prng(seed: number): () => number {
    let a = seed >>> 0;
    return () => {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  const CAMPAIGNS = ['camp_a', 'camp_b', 'camp_c', 'camp_gone'];
  const KNOWN_CAMPAIGNS = ['camp_a', 'camp_b', 'camp_c'];
  const FOLDERS = ['inbox', 'shortlisted', 'hired', 'folder_gone'];
  const KNOWN_FOLDERS = ['inbox', 'shortlisted', 'hired'];
  const NAMES = ['Maria', 'José', 'Ana', 'Pedro', 'Liza', 'Mark'];
  const SOURCES = ['LinkedIn', 'Referral', 'Import'];

  it.each([1, 2, 3])('seed %i', (seed) => {
    const rnd = prng(seed);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
    index = newIndex();
    index.setCatalog(KNOWN_CAMPAIGNS, KNOWN_FOLDERS);

    const candidates = new Map<Id, Candidate>();
    for (let i = 0; i < 12; i++) {
      const c = makeCandidate({ firstName: pick(NAMES), lastName: `Fam${i}` });
      candidates.set(c.id, c);
      index.putCandidate(candidateView(c));
    }
    const candidateIds = [...candidates.keys()];
    const leadIds = Array.from({ length: 60 }, () => makeLead().id);
    /** The model: the leads that should be in the index right now. */
    const current = new Map<Id, Lead>();

    const expectedEntries = (): IndexEntry[] =>
      [...current.values()].map((l) => leadEntry(l, candidateView(candidates.get(l.candidateId)!)));

    const check = (step: number) => {
      const all = expectedEntries();
      expect(index.size, `size at step ${step}`).toBe(all.length);
      const knownC = new Set(KNOWN_CAMPAIGNS);
      const knownF = new Set(KNOWN_FOLDERS);
      const selections: (Id[] | null)[] = [null, ['camp_a'], ['camp_b', 'camp_c'], [UNKNOWN], ['camp_a', UNKNOWN]];
      const inSelection = (e: IndexEntry, sel: Id[] | null) =>
        sel === null || sel.includes(e.campaignId) || (sel.includes(UNKNOWN) && !knownC.has(e.campaignId));
      for (const sel of selections) {
        // Folder counts, recomputed.
        const want: Record<string, number> = {};
        for (const e of all) {
          if (!inSelection(e, sel)) continue;
          const key = knownF.has(e.folderId) ? e.folderId : UNKNOWN;
          want[key] = (want[key] ?? 0) + 1;
        }
        expect(countsOf(index.folderCounts(sel)), `counts ${String(sel)} at step ${step}`).toEqual(
          Object.fromEntries(Object.entries(want).sort(([a], [b]) => (a < b ? -1 : 1))),
        );
      }
      // A few random queries, compared in full (order included).
      for (let k = 0; k < 3; k++) {
        const sel = pick(selections);
        const folderId = pick([null, ...KNOWN_FOLDERS, UNKNOWN]);
        const key = pick(['addedAt', 'lastActivityAt'] as const);
        const dir = pick(['asc', 'desc'] as const);
        const filters: Filter[] = pick([
          [],
          [{ type: 'source', values: [pick(SOURCES)] }],
          [{ type: 'labels', mode: pick(['any', 'all', 'none'] as const), labelIds: ['l1', 'l2'] }],
          [{ type: 'assigned', value: pick(['me', 'unassigned', 'anyone']) }],
        ]);
        const searchText = pick(['', '', pick(NAMES), 'fam1', 'maria fam']);
        const query: LeadQuery = { campaignIds: sel, folderId, filters, search: searchText, sort: { key, dir } };
        const predicates = [
          ...filters.map((f) => compileFilter(f, { selfId: SELF })),
          compileSearch(searchText, 'PH'),
        ].filter((p) => p !== null);
        const expected = all
          .filter((e) => inSelection(e, sel))
          .filter((e) => folderId === null || (folderId === UNKNOWN ? !knownF.has(e.folderId) : e.folderId === folderId))
          .filter((e) => predicates.every((p) => p(e)))
          .sort((a, b) => {
            const d = a[key] - b[key] || (a.id < b.id ? -1 : 1);
            return dir === 'asc' ? d : -d;
          })
          .map((e) => e.id);
        const result = index.query(query);
        expect(result.entries.map((e) => e.id), `${JSON.stringify(query)} at step ${step}`).toEqual(expected);
        expect(result.total).toBe(expected.length);
      }
    };

    for (let step = 0; step < 500; step++) {
      const r = rnd();
      const id = pick(leadIds);
      if (r < 0.04) {
        // A bulk change (≥ 64 leads takes upsertMany's linear path): new and existing leads.
        const batch = new Map<Id, Lead>();
        for (let k = 0; k < 70; k++) {
          const bid = pick(leadIds);
          const previous = current.get(bid);
          batch.set(
            bid,
            makeLead({
              id: bid,
              ref: previous?.ref ?? `A-${step}-${k}`,
              candidateId: previous?.candidateId ?? pick(candidateIds),
              campaignId: pick(CAMPAIGNS),
              folderId: pick(FOLDERS),
              addedAt: 1000 * Math.floor(rnd() * 20),
              lastActivityAt: 1000 * Math.floor(rnd() * 20),
            }),
          );
        }
        for (const [bid, lead] of batch) current.set(bid, lead);
        index.upsertMany(
          [...batch.values()].map((lead) =>
            leadEntry(lead, index.candidate(lead.candidateId) ?? candidateView(candidates.get(lead.candidateId)!)),
          ),
        );
      } else if (r < 0.08) {
        // A bulk move (a job's chunk): mostly existing leads whose times stay, which take their
        // old entries' places; some with new times or new, and repeats, applied in order.
        const size = rnd() < 0.7 ? 70 + Math.floor(rnd() * 30) : 1 + Math.floor(rnd() * 20);
        const batch: Lead[] = [];
        const keepTimes = rnd() < 0.8;
        for (let k = 0; k < size; k++) {
          const bid = pick(leadIds);
          const previous = batch.findLast((l) => l.id === bid) ?? current.get(bid);
          const retime = !previous || !keepTimes || rnd() < 0.1;
          batch.push(
            makeLead({
              id: bid,
              ref: previous?.ref ?? `M-${step}-${k}`,
              candidateId: previous && rnd() < 0.9 ? previous.candidateId : pick(candidateIds),
              campaignId: rnd() < 0.2 ? pick(CAMPAIGNS) : (previous?.campaignId ?? pick(CAMPAIGNS)),
              folderId: pick(FOLDERS),
              labels: ['l1', 'l2', 'l3'].filter(() => rnd() < 0.4),
              assignedTo: pick([undefined, SELF, 'user_other']),
              addedAt: retime ? 1000 * Math.floor(rnd() * 20) : previous.addedAt,
              lastActivityAt: retime ? 1000 * Math.floor(rnd() * 20) : previous.lastActivityAt,
            }),
          );
        }
        for (const lead of batch) current.set(lead.id, lead);
        index.upsertMany(
          batch.map((lead) =>
            leadEntry(lead, index.candidate(lead.candidateId) ?? candidateView(candidates.get(lead.candidateId)!)),
          ),
        );
      } else if (r < 0.6) {
        // Add or change a lead: any field, times from a small set so ties happen.
        const previous = current.get(id);
        const lead = makeLead({
          id,
          ref: previous?.ref ?? `A-${step}`,
          candidateId: previous && rnd() < 0.8 ? previous.candidateId : pick(candidateIds),
          campaignId: pick(CAMPAIGNS),
          folderId: pick(FOLDERS),
          source: pick(SOURCES),
          labels: ['l1', 'l2', 'l3'].filter(() => rnd() < 0.4),
          assignedTo: pick([undefined, SELF, 'user_other']),
          addedAt: 1000 * Math.floor(rnd() * 20),
          lastActivityAt: 1000 * Math.floor(rnd() * 20),
        });
        current.set(id, lead);
        const view = index.candidate(lead.candidateId) ?? candidateView(candidates.get(lead.candidateId)!);
        if (rnd() < 0.1) index.load([leadEntry(lead, view)]);
        else index.upsert(leadEntry(lead, view));
      } else if (r < 0.9) {
        current.delete(id);
        index.remove(id);
      } else {
        // Rename a candidate.
        const c = candidates.get(pick(candidateIds))!;
        const renamed: Candidate = { ...c, firstName: pick(NAMES) };
        candidates.set(c.id, renamed);
        index.putCandidate(candidateView(renamed));
      }
      if (step % 25 === 0) check(step);
    }
    check(500);
  });
});

describe('bulk merges that add whole runs before or after the existing leads', () => {
  it('keeps both orders exact when a batch is all newer (an import) or all older (hydration)', () => {
    const at = (i: number) => 1_000_000 + i * 1000;
    index.load(Array.from({ length: 200 }, (_, i) => makeEntry({ addedAt: at(i), lastActivityAt: at(i) })));
    const newer = Array.from({ length: 100 }, (_, i) => makeEntry({ addedAt: at(500 + i), lastActivityAt: at(500 + i) }));
    const older = Array.from({ length: 100 }, (_, i) => makeEntry({ addedAt: at(-500 + i), lastActivityAt: at(-500 + i) }));
    index.upsertMany(newer);
    index.load(older);
    const all = [...index.query(DEFAULT_QUERY).entries];
    expect(all).toHaveLength(400);
    for (const key of ['addedAt', 'lastActivityAt'] as const) {
      for (const dir of ['asc', 'desc'] as const) {
        const expected = [...all]
          .sort((a, b) => {
            const d = a[key] - b[key] || (a.id < b.id ? -1 : 1);
            return dir === 'asc' ? d : -d;
          })
          .map((e) => e.id);
        expect(run({ sort: { key, dir } })).toEqual(expected);
      }
    }
  });
});

describe('bulk changes that keep the sort keys (a bulk move, label or assignment)', () => {
  const at = (i: number) => 1_000_000 + (i % 50) * 1000; // ties, broken by id

  function orders(): Record<string, string[]> {
    const out: Record<string, string[]> = {};
    for (const key of ['addedAt', 'lastActivityAt'] as const) {
      for (const dir of ['asc', 'desc'] as const) out[`${key} ${dir}`] = run({ sort: { key, dir } });
    }
    return out;
  }

  it('replaces each entry where it stands: same orders, new folders and counts', () => {
    const entries = Array.from({ length: 300 }, (_, i) =>
      makeEntry({ folderId: 'inbox', addedAt: at(i), lastActivityAt: at(299 - i) }),
    );
    index.load(entries);
    const before = orders();
    const revision = index.revision;
    const moved = entries.slice(0, 200).map((e) => ({ ...e, folderId: 'hired' }));
    index.upsertMany(moved);
    expect(index.revision).toBeGreaterThan(revision);
    expect(orders()).toEqual(before);
    for (const e of moved) expect(index.get(e.id)).toBe(moved.find((m) => m.id === e.id));
    expect(countsOf(index.folderCounts(null))).toEqual({ hired: 200, inbox: 100 });
    expect(run({ folderId: 'hired' })).toEqual(before['addedAt desc']!.filter((id) => moved.some((m) => m.id === id)));
  });

  it('mixes kept and changed keys, new leads and repeats of one lead: the last repeat wins', () => {
    const entries = Array.from({ length: 200 }, (_, i) => makeEntry({ folderId: 'inbox', addedAt: at(i), lastActivityAt: at(i) }));
    index.load(entries);
    const first = entries[0]!;
    const batch: IndexEntry[] = [
      ...entries.slice(0, 80).map((e) => ({ ...e, folderId: 'shortlisted' })),
      { ...first, folderId: 'hired', addedAt: 5, lastActivityAt: 5 }, // repeat, new keys
      { ...first, folderId: 'inbox' }, // repeat again, the old keys
      ...entries.slice(80, 150).map((e, i) => ({ ...e, lastActivityAt: 9_000_000 + i })),
      ...Array.from({ length: 70 }, (_, i) => makeEntry({ folderId: 'hired', addedAt: at(i), lastActivityAt: at(i) })),
    ];
    index.upsertMany(batch);
    const expected = new Map<Id, IndexEntry>(entries.map((e) => [e.id, e]));
    for (const e of batch) expected.set(e.id, e);
    const all = [...expected.values()];
    expect(index.size).toBe(all.length);
    expect(index.get(first.id)?.folderId).toBe('inbox');
    expect(index.get(first.id)?.addedAt).toBe(first.addedAt);
    for (const key of ['addedAt', 'lastActivityAt'] as const) {
      for (const dir of ['asc', 'desc'] as const) {
        const want = [...all]
          .sort((a, b) => {
            const d = a[key] - b[key] || (a.id < b.id ? -1 : 1);
            return dir === 'asc' ? d : -d;
          })
          .map((e) => e.id);
        expect(run({ sort: { key, dir } }), `${key} ${dir}`).toEqual(want);
      }
    }
    const counts: Record<string, number> = {};
    for (const e of all) counts[e.folderId] = (counts[e.folderId] ?? 0) + 1;
    expect(countsOf(index.folderCounts(null))).toEqual(countsOf(new Map(Object.entries(counts))));
  });

  it('a lead given twice in one load is loaded once, as given last', () => {
    const a = makeEntry({ folderId: 'inbox', addedAt: at(1), lastActivityAt: at(1) });
    index.load([a, makeEntry(), { ...a, folderId: 'hired', addedAt: at(7) }]);
    expect(index.size).toBe(2);
    expect(run({})).toHaveLength(2);
    expect(run({ sort: { key: 'lastActivityAt', dir: 'asc' } })).toHaveLength(2);
    expect(index.get(a.id)?.folderId).toBe('hired');
    expect(countsOf(index.folderCounts(null))).toEqual({ hired: 1, inbox: 1 });
  });

  it('a single upsert that keeps the keys can move the lead to another candidate', () => {
    const a = makeCandidate({ firstName: 'Alma' });
    const b = makeCandidate({ firstName: 'Bruno' });
    const lead = makeLead({ candidateId: a.id, addedAt: at(1), lastActivityAt: at(2) });
    index.upsert(leadEntry(lead, candidateView(a)));
    add(makeEntry({ addedAt: at(1), lastActivityAt: at(2) }), makeEntry({ addedAt: at(3), lastActivityAt: at(0) }));
    const before = orders();
    index.upsert(leadEntry({ ...lead, candidateId: b.id }, candidateView(b)));
    expect(orders()).toEqual(before);
    expect(index.leadIdsOfCandidate(a.id)).toEqual([]);
    expect(index.leadIdsOfCandidate(b.id)).toEqual([lead.id]);
    expect(search('bruno')).toEqual([lead.id]);
    expect(search('alma')).toEqual([]);
  });
});
