import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeCampaign, makeCandidate, makeDb, makeLead } from '../../tests/factories';
import type { ChangeSet } from '../db/changes';
import { moveLeads } from '../db/mutations/leads';
import { insertDataset } from '../db/mutations/dataset';
import { ensureWorkspace } from '../db/mutations/workspace';
import { mutate, type MutationContext } from '../db/mutate';
import { LeadsideDB } from '../db/schema';
import type { Candidate, Id, Lead } from '../domain/model';
import { LiveIndex, type HydrationProgress } from './live-index';
import { DEFAULT_QUERY, UNKNOWN, type LeadQuery } from './query';

let db: LeadsideDB;
let ctx: MutationContext;
let live: LiveIndex | null = null;
let campaignA: Id;
let campaignB: Id;
/** The 50 leads, newest first. */
let leads: Lead[];
let candidates: Candidate[];

const T0 = Date.UTC(2024, 0, 1);
const HOUR = 3_600_000;

beforeEach(async () => {
  db = makeDb();
  const { self } = await ensureWorkspace(db, T0);
  ctx = { db, actorId: self.id, now: () => T0 + 1000 * HOUR };
  const a = makeCampaign({ name: 'Nurse' });
  const b = makeCampaign({ name: 'Agent' });
  campaignA = a.id;
  campaignB = b.id;
  candidates = Array.from({ length: 45 }, (_, i) =>
    makeCandidate({ firstName: `Name${i}`, lastName: `Family${i}`, phone: `+63917${String(1_000_000 + i)}` }),
  );
  // 50 leads: 45 candidates in campaign A, and 5 of them again in campaign B. Their dates are
  // shuffled so that insertion order says nothing about age.
  const rows: Lead[] = candidates.map((c, i) =>
    makeLead({ candidateId: c.id, campaignId: a.id, addedAt: T0 + ((i * 37) % 50) * HOUR, folderId: 'inbox' }),
  );
  for (let i = 0; i < 5; i++) {
    rows.push(makeLead({ candidateId: candidates[i]!.id, campaignId: b.id, addedAt: T0 + ((45 + i) * 37 % 50) * HOUR }));
  }
  await insertDataset(ctx, { campaigns: [a, b], candidates, leads: rows });
  leads = [...rows].sort((x, y) => y.addedAt - x.addedAt || (x.id < y.id ? 1 : -1));
  expect(new Set(leads.map((l) => l.addedAt)).size).toBe(50);
});

afterEach(async () => {
  live?.stop();
  live = null;
  vi.restoreAllMocks();
  await db.delete();
});

function start(options: Partial<ConstructorParameters<typeof LiveIndex>[1]> = {}): LiveIndex {
  live = new LiveIndex(db, { country: () => 'PH', selfId: () => ctx.actorId, chunkSize: 7, ...options });
  return live;
}

function ids(index: LiveIndex, q: Partial<LeadQuery> = {}): Id[] {
  return index.index.query({ ...DEFAULT_QUERY, ...q }).entries.map((e) => e.id);
}

function change(overrides: Partial<ChangeSet>): ChangeSet {
  return { leads: [], deletedLeads: [], candidates: [], deletedCandidates: [], tables: [], mutation: 'remote', ...overrides };
}

describe('LiveIndex hydration', () => {
  it('loads every lead, newest first, reporting progress chunk by chunk', async () => {
    const progress: HydrationProgress[] = [];
    const firstChunk: Id[][] = [];
    const l = start({
      firstPage: 7,
      onProgress: (p) => progress.push({ ...p }),
      onChange: () => {
        if (firstChunk.length === 0) firstChunk.push(ids(l));
      },
    });
    await l.start();

    expect(l.index.size).toBe(50);
    expect(ids(l)).toEqual(leads.map((x) => x.id));
    // The first chunk read is the 7 newest leads: the default view's first page is exact at once.
    expect(firstChunk[0]).toEqual(leads.slice(0, 7).map((x) => x.id));

    // The count runs beside the first read: the first report may not know the total yet.
    expect(progress[0]!.loaded).toBe(7);
    expect([0, 50]).toContain(progress[0]!.total);
    const loaded = progress.slice(0, -1).map((p) => p.loaded);
    // The 7 newest first, then primary-key pages of 7 (some of whose leads are already in).
    expect(loaded[0]).toBe(7);
    expect(loaded.length).toBe(1 + 8); // the first screen, then 8 pages: 7 × 7 + 1
    expect(loaded.every((n, i) => i === 0 || n >= loaded[i - 1]!)).toBe(true);
    expect(loaded.at(-1)).toBe(50);
    expect(progress.slice(1, -1).every((p) => !p.done && p.total === 50)).toBe(true);
    expect(progress[0]!.done).toBe(false);
    expect(progress.at(-1)).toEqual({ loaded: 50, total: 50, done: true });
    expect(l.progress).toEqual({ loaded: 50, total: 50, done: true });
  });

  it('joins every lead to its candidate, shared between their leads', async () => {
    const l = start();
    await l.start();
    const twoLeads = leads.filter((x) => x.candidateId === candidates[0]!.id);
    expect(twoLeads).toHaveLength(2);
    const [e1, e2] = twoLeads.map((x) => l.index.get(x.id)!);
    expect(e1!.candidate.firstName).toBe('Name0');
    expect(e2!.candidate).toBe(e1!.candidate);
    expect(l.index.query({ ...DEFAULT_QUERY, search: 'name0 family0' }).total).toBe(2);
    expect(l.index.query({ ...DEFAULT_QUERY, search: '0917 100 0003' }).entries.map((e) => e.id)).toEqual(
      leads.filter((x) => x.candidateId === candidates[3]!.id).map((x) => x.id),
    );
  });

  it('handles an empty database and a chunk size that divides the count', async () => {
    const empty = makeDb();
    try {
      const progress: HydrationProgress[] = [];
      const l = new LiveIndex(empty, { country: () => 'PH', selfId: () => 'me', onProgress: (p) => progress.push(p) });
      await l.start();
      l.stop();
      expect(l.index.size).toBe(0);
      expect(progress.at(-1)).toEqual({ loaded: 0, total: 0, done: true });
    } finally {
      await empty.delete();
    }
    const l = start({ chunkSize: 10 });
    await l.start();
    expect(ids(l)).toEqual(leads.map((x) => x.id));
  });

  it('shows a lead whose candidate row is missing as an unknown candidate instead of dropping it', async () => {
    const orphan = makeLead({ campaignId: campaignA, addedAt: T0 + 100 * HOUR });
    await db.leads.add(orphan);
    const l = start();
    await l.start();
    expect(l.index.get(orphan.id)!.candidate.firstName).toBe('Unknown');
    expect(l.index.size).toBe(51);
  });

  it('puts a lead whose campaign does not exist under UNKNOWN', async () => {
    const stray = makeLead({ campaignId: 'camp_deleted', candidateId: candidates[9]!.id, folderId: 'hired' });
    await db.leads.add(stray);
    const l = start();
    await l.start();
    // The panel gives the index the campaigns and folders it knows, as the UI does.
    l.index.setCatalog(
      (await db.campaigns.toArray()).map((c) => c.id),
      (await db.folders.toArray()).map((f) => f.id),
    );
    expect(ids(l, { campaignIds: [UNKNOWN] })).toEqual([stray.id]);
    expect(ids(l, { campaignIds: [campaignA] })).not.toContain(stray.id);
    expect(l.index.unknownCampaignCount()).toBe(1);
    expect(l.index.folderCounts([UNKNOWN]).get('hired')).toBe(1);
  });
});

describe('LiveIndex after hydration', () => {
  it('applies a move from the rows the change carries, reading nothing', async () => {
    const l = start();
    await l.start();
    const target = leads[20]!;
    const outsideTx: { method: string; args: unknown[] }[] = [];
    const watch = <T extends object>(table: T, name: string, methods: (keyof T & string)[]) => {
      for (const method of methods) {
        const original = (table[method] as (...a: unknown[]) => unknown).bind(table);
        vi.spyOn(table, method as never).mockImplementation(((...args: unknown[]) => {
          if (!Dexie.currentTransaction) outsideTx.push({ method: `${name}.${method}`, args });
          return original(...args);
        }) as never);
      }
    };
    watch(db.leads, 'leads', ['bulkGet', 'get', 'toArray', 'orderBy', 'where', 'toCollection', 'count', 'each', 'filter']);
    watch(db.candidates, 'candidates', ['bulkGet', 'get', 'toArray', 'where', 'toCollection']);
    const countsBefore = l.index.folderCounts([campaignA]);

    await moveLeads(ctx, [target.id], 'shortlisted');
    await l.settled();

    expect(l.index.get(target.id)!.folderId).toBe('shortlisted');
    expect(ids(l, { folderId: 'shortlisted' })).toEqual([target.id]);
    expect(l.index.folderCounts([campaignA]).get('inbox')).toBe(countsBefore.get('inbox')! - 1);
    // The moved row came with the change and the candidate was known: no read, no rescan.
    expect(outsideTx).toEqual([]);
  });

  it('re-reads only the announced lead when a change carries ids without rows', async () => {
    const l = start();
    await l.start();
    const target = leads[20]!;
    await db.leads.update(target.id, { folderId: 'hired' });
    const bulkGet = vi.spyOn(db.leads, 'bulkGet');
    const toArray = vi.spyOn(db.leads, 'toArray');
    db.changes.emit(change({ leads: [target.id], remote: true }));
    await l.settled();
    expect(l.index.get(target.id)!.folderId).toBe('hired');
    expect(bulkGet.mock.calls).toEqual([[[target.id]]]);
    expect(toArray).not.toHaveBeenCalled();
  });

  it('applies a candidate rename written through mutate() to the search of all their leads', async () => {
    const l = start();
    await l.start();
    const cand = candidates[2]!;
    const theirLeads = leads.filter((x) => x.candidateId === cand.id).map((x) => x.id).sort();
    expect(theirLeads).toHaveLength(2);
    await mutate(ctx, 'renameCandidate', { id: cand.id, lastName: 'Dela Cruz' }, ['candidates'], async (scope) => {
      await scope.db.candidates.update(cand.id, { lastName: 'Dela Cruz', updatedAt: scope.now });
      scope.changedCandidates([cand.id]);
    });
    await l.settled();
    expect(ids(l, { search: 'dela cruz' }).sort()).toEqual(theirLeads);
    const stillFound = ids(l, { search: 'family2' }); // Family20… remain
    for (const id of theirLeads) expect(stillFound).not.toContain(id);
    expect(ids(l, { search: 'Name2 Dela Cruz' }).sort()).toEqual(theirLeads);
  });

  it('adds new leads and removes deleted ones announced by mutations', async () => {
    const l = start();
    await l.start();
    const newcomer = makeCandidate({ firstName: 'Zed', lastName: 'Newman' });
    const newLead = makeLead({ candidateId: newcomer.id, campaignId: campaignB, addedAt: T0 + 999 * HOUR });
    await insertDataset(ctx, { candidates: [newcomer], leads: [newLead] });
    const gone = leads[0]!;
    await mutate(ctx, 'deleteLead', { id: gone.id }, ['leads'], async (scope) => {
      await scope.db.leads.delete(gone.id);
      await scope.tombstone('leads', gone.id);
      scope.deletedLeads([gone.id]);
    });
    await l.settled();
    expect(ids(l)[0]).toBe(newLead.id);
    expect(l.index.get(gone.id)).toBeUndefined();
    expect(l.index.size).toBe(50);
    expect(ids(l, { search: 'zed newman' })).toEqual([newLead.id]);
  });

  it('removes the leads of a deleted candidate', async () => {
    const l = start();
    await l.start();
    const cand = candidates[4]!;
    await mutate(ctx, 'erasePerson', { id: cand.id }, ['candidates', 'leads'], async (scope) => {
      const theirs = await scope.db.leads.where('candidateId').equals(cand.id).primaryKeys();
      await scope.db.leads.bulkDelete(theirs);
      await scope.db.candidates.delete(cand.id);
      scope.deletedLeads(theirs);
      scope.deletedCandidates([cand.id]);
    });
    await l.settled();
    expect(l.index.size).toBe(48);
    expect(l.index.leadIdsOfCandidate(cand.id)).toEqual([]);
    expect(l.index.candidate(cand.id)).toBeUndefined();
  });

  it('applies remote ChangeSets (written by another context) too', async () => {
    const l = start();
    await l.start();
    const other = new LeadsideDB(db.name);
    try {
      const moved = leads[5]!;
      const deleted = leads[6]!;
      await other.leads.update(moved.id, { folderId: 'hired', lastActivityAt: T0 + 5000 * HOUR });
      await other.leads.delete(deleted.id);
      await other.candidates.update(candidates[7]!.id, { firstName: 'Renamed' });
      db.changes.emit(
        change({ leads: [moved.id], deletedLeads: [deleted.id], candidates: [candidates[7]!.id], remote: true }),
      );
      await l.settled();
      expect(l.index.get(moved.id)!.folderId).toBe('hired');
      expect(ids(l, { sort: { key: 'lastActivityAt', dir: 'desc' } })[0]).toBe(moved.id);
      expect(l.index.get(deleted.id)).toBeUndefined();
      expect(ids(l, { search: 'renamed' })).toEqual(
        leads.filter((x) => x.candidateId === candidates[7]!.id).map((x) => x.id),
      );
    } finally {
      other.close();
    }
  });

  it('drops a lead announced as changed that is no longer in the database', async () => {
    const l = start();
    await l.start();
    const vanished = leads[3]!;
    await db.leads.delete(vanished.id);
    db.changes.emit(change({ leads: [vanished.id], remote: true }));
    await l.settled();
    expect(l.index.get(vanished.id)).toBeUndefined();
    expect(l.index.size).toBe(49);
  });

  it('ignores changes that touch no lead or candidate, and stops following after stop()', async () => {
    const onChange = vi.fn();
    const l = start({ onChange });
    await l.start();
    onChange.mockClear();
    const revision = l.index.revision;
    db.changes.emit(change({ tables: ['labels'] }));
    await l.settled();
    expect(onChange).not.toHaveBeenCalled();
    expect(l.index.revision).toBe(revision);

    l.stop();
    await moveLeads(ctx, [leads[0]!.id], 'hired');
    await l.settled();
    expect(l.index.get(leads[0]!.id)!.folderId).toBe('inbox');
  });
});

describe('LiveIndex changes during hydration', () => {
  /**
   * Runs `during` while hydration is between reading its first chunk of leads and putting it in
   * the index (hydration's first candidate read), then lets hydration finish.
   */
  async function hydrateWith(during: () => Promise<void>): Promise<LiveIndex> {
    const l = start();
    const original = db.candidates.bulkGet.bind(db.candidates);
    let first = true;
    vi.spyOn(db.candidates, 'bulkGet').mockImplementation((keys) => {
      if (!first || Dexie.currentTransaction || keys.length === 0) return original(keys);
      first = false;
      return Dexie.Promise.resolve(
        (async () => {
          const rows = await original(keys);
          await during();
          await l.settled();
          return rows;
        })(),
      );
    });
    await l.start();
    await l.settled();
    return l;
  }

  it('keeps a move that committed while the lead was being loaded', async () => {
    const target = leads[1]!; // in the first chunk
    const l = await hydrateWith(async () => {
      await moveLeads(ctx, [target.id], 'hired');
    });
    expect(l.index.size).toBe(50);
    expect(l.index.get(target.id)!.folderId).toBe('hired');
    expect(l.index.folderCounts(null).get('hired')).toBe(1);
  });

  it('does not bring back a lead deleted while it was being loaded', async () => {
    const target = leads[2]!;
    const l = await hydrateWith(async () => {
      await mutate(ctx, 'deleteLead', { id: target.id }, ['leads'], async (scope) => {
        await scope.db.leads.delete(target.id);
        scope.deletedLeads([target.id]);
      });
    });
    expect(l.index.get(target.id)).toBeUndefined();
    expect(l.index.size).toBe(49);
  });

  it('keeps a candidate rename that committed while their lead was being loaded', async () => {
    const cand = leads[0]!.candidateId;
    const l = await hydrateWith(async () => {
      await mutate(ctx, 'renameCandidate', {}, ['candidates'], async (scope) => {
        await scope.db.candidates.update(cand, { firstName: 'Renamed' });
        scope.changedCandidates([cand]);
      });
    });
    expect(l.index.get(leads[0]!.id)!.candidate.firstName).toBe('Renamed');
    expect(ids(l, { search: 'renamed' }).sort()).toEqual(
      leads.filter((x) => x.candidateId === cand).map((x) => x.id).sort(),
    );
  });
});
