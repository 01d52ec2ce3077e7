import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeCandidate, makeDb, makeLead } from '../../tests/factories';
import type { ChangeSet } from './changes';
import { StorageFullError, UserError } from './errors';
import { mutate, newId, type MutationContext } from './mutate';
import type { LeadsideDB } from './schema';

let db: LeadsideDB;
let ctx: MutationContext;
const NOW = Date.UTC(2024, 5, 1, 9, 30);

beforeEach(() => {
  db = makeDb();
  ctx = { db, actorId: 'user_actor', now: () => NOW };
});

afterEach(async () => {
  await db.delete();
});

function recordChanges(): ChangeSet[] {
  const seen: ChangeSet[] = [];
  db.changes.subscribe((c) => seen.push(c));
  return seen;
}

const quota = () => new DOMException('full', 'QuotaExceededError');

describe('newId', () => {
  it('is a 26-character ULID that sorts by time, and strictly increases within one millisecond', () => {
    const a = newId(1_000);
    const b = newId(2_000);
    expect(a).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(a < b).toBe(true);
    const same = Array.from({ length: 50 }, () => newId(5_000));
    expect(new Set(same).size).toBe(50);
    expect([...same].sort()).toEqual(same);
  });
});

describe('mutate', () => {
  it('commits the writes with exactly one outbox record carrying name, args, actor and time', async () => {
    const lead = makeLead();
    const result = await mutate(ctx, 'addThing', { leadId: lead.id }, ['leads'], async (scope) => {
      await scope.db.leads.add(lead);
      scope.changedLeads([lead.id]);
      return 'ok';
    });
    expect(result).toBe('ok');
    expect(await db.leads.get(lead.id)).toEqual(lead);
    const outbox = await db.outbox.toArray();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({
      mutation: 'addThing',
      args: { leadId: lead.id },
      actorId: 'user_actor',
      at: NOW,
      synced: 0,
    });
  });

  it('gives the body the actor and the clock of the context', async () => {
    const seen = await mutate(ctx, 'peek', {}, [], (scope) => Promise.resolve([scope.actorId, scope.now]));
    expect(seen).toEqual(['user_actor', NOW]);
  });

  it('leaves neither rows nor an outbox record when the body throws', async () => {
    const seen = recordChanges();
    const lead = makeLead();
    const attempt = mutate(ctx, 'failing', {}, ['leads', 'candidates'], async (scope) => {
      await scope.db.leads.add(lead);
      await scope.db.candidates.add(makeCandidate());
      await scope.allocateRefs('lead', 3);
      throw new UserError('No.');
    });
    await expect(attempt).rejects.toThrow(UserError);
    expect(await db.leads.count()).toBe(0);
    expect(await db.candidates.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.counters.count()).toBe(0);
    expect(seen).toEqual([]);
  });

  it('rolls back the body when the outbox record cannot be written (same transaction)', async () => {
    db.outbox.hook('creating', () => {
      throw new Error('outbox broken');
    });
    const lead = makeLead();
    await expect(
      mutate(ctx, 'addLead', {}, ['leads'], async (scope) => {
        await scope.db.leads.add(lead);
      }),
    ).rejects.toThrow('outbox broken');
    expect(await db.leads.count()).toBe(0);
  });

  it('refuses to write a table the mutation did not declare', async () => {
    await expect(
      mutate(ctx, 'sneaky', {}, ['leads'], async (scope) => {
        await scope.db.labels.add({ id: 'l1', name: 'X', nameKey: 'x', color: '#000', updatedAt: 0 });
      }),
    ).rejects.toThrow();
    expect(await db.labels.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('turns a QuotaExceededError thrown by the body into a StorageFullError with a plain message', async () => {
    const attempt = mutate(ctx, 'big', {}, ['leads'], async (scope) => {
      await scope.db.leads.add(makeLead());
      throw quota();
    });
    const error = await attempt.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageFullError);
    expect((error as Error).message).toMatch(/out of storage space/);
    expect((error as Error).message).not.toMatch(/QuotaExceeded/);
    expect((error as Error).cause).toBeDefined();
    expect(await db.leads.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('turns an AbortError wrapping a quota error into a StorageFullError', async () => {
    const attempt = mutate(ctx, 'big', {}, ['leads'], () => {
      throw new Dexie.AbortError('Transaction aborted', quota());
    });
    await expect(attempt).rejects.toBeInstanceOf(StorageFullError);
  });

  it('turns a quota error raised by IndexedDB while writing into a StorageFullError', async () => {
    db.leads.hook('creating', () => {
      throw quota();
    });
    const attempt = mutate(ctx, 'addLeads', {}, ['leads'], async (scope) => {
      await scope.db.leads.add(makeLead());
    });
    await expect(attempt).rejects.toBeInstanceOf(StorageFullError);
    expect(await db.outbox.count()).toBe(0);
  });

  it('passes other errors through unchanged', async () => {
    const boom = new TypeError('boom');
    await expect(mutate(ctx, 'x', {}, [], () => Promise.reject(boom))).rejects.toBe(boom);
  });

  it('announces one ChangeSet after the commit, with what the body declared', async () => {
    const seen = recordChanges();
    const atCommit: number[] = [];
    db.changes.subscribe(() => atCommit.push(seen.length));
    const [a, b, c] = [makeLead(), makeLead(), makeLead()];
    const cand = makeCandidate();
    await mutate(ctx, 'mixed', {}, ['leads', 'candidates'], async (scope) => {
      await scope.db.leads.bulkAdd([a, b, c]);
      await scope.db.candidates.add(cand);
      scope.changedLeads([a.id, b.id]);
      scope.changedLeads([b.id, c.id]);
      scope.deletedLeads([c.id]);
      scope.changedCandidates([cand.id]);
      scope.deletedCandidates(['gone']);
      expect(seen).toHaveLength(0); // not before the commit
    });
    expect(seen).toHaveLength(1);
    expect(atCommit).toEqual([1]);
    const change = seen[0]!;
    expect(change.mutation).toBe('mixed');
    // A lead both changed and deleted counts as deleted only; duplicates are collapsed.
    expect(change.leads.sort()).toEqual([a.id, b.id].sort());
    expect(change.deletedLeads).toEqual([c.id]);
    expect(change.candidates).toEqual([cand.id]);
    expect(change.deletedCandidates).toEqual(['gone']);
    expect(change.remote).toBeUndefined();
    expect(change.tables.sort()).toEqual(['candidates', 'leads']);
  });

  it('announces the tables it wrote, not those it only read', async () => {
    const seen = recordChanges();
    const lead = makeLead();
    await mutate(ctx, 'readsFolders', {}, ['leads', 'folders', 'users'], async (scope) => {
      await scope.db.folders.toArray();
      await scope.db.users.get('nobody');
      await scope.db.leads.put(lead);
      await scope.db.leads.delete('missing');
    });
    expect(seen.at(-1)?.tables).toEqual(['leads']);
    await mutate(ctx, 'readsOnly', {}, ['folders'], async (scope) => {
      await scope.db.folders.count();
    });
    expect(seen.at(-1)?.tables).toEqual([]);
  });

  it('forwards local changes to the other contexts', async () => {
    const forward = vi.fn();
    db.changes.forward = forward;
    await mutate(ctx, 'noop', {}, ['leads'], () => Promise.resolve());
    expect(forward).toHaveBeenCalledTimes(1);
    expect(forward).toHaveBeenCalledWith(expect.objectContaining({ mutation: 'noop' }));
  });

  it('allocates consecutive refs from the first number of each counter, inside the transaction', async () => {
    const first = await mutate(ctx, 'refs', {}, [], async (scope) => ({
      lead: await scope.allocateRefs('lead', 3),
      candidate: await scope.allocateRefs('candidate', 2),
      campaign: await scope.allocateRefs('campaign', 1),
    }));
    expect(first).toEqual({
      lead: ['A-10001', 'A-10002', 'A-10003'],
      candidate: ['C-3001', 'C-3002'],
      campaign: ['J-101'],
    });
    const next = await mutate(ctx, 'refs', {}, [], (scope) => scope.allocateRefs('lead', 2));
    expect(next).toEqual(['A-10004', 'A-10005']);
    // A failed mutation gives its refs back.
    await expect(
      mutate(ctx, 'refs', {}, [], async (scope) => {
        await scope.allocateRefs('lead', 10);
        throw new Error('no');
      }),
    ).rejects.toThrow('no');
    expect(await mutate(ctx, 'refs', {}, [], (scope) => scope.allocateRefs('lead', 1))).toEqual(['A-10006']);
  });

  it('gives concurrent mutations distinct refs', async () => {
    const all = await Promise.all(
      Array.from({ length: 5 }, () => mutate(ctx, 'refs', {}, [], (scope) => scope.allocateRefs('candidate', 2))),
    );
    const refs = all.flat();
    expect(new Set(refs).size).toBe(10);
    expect(refs.sort()).toEqual(Array.from({ length: 10 }, (_, i) => `C-${3001 + i}`).sort());
  });

  it('records tombstones for deletions', async () => {
    await mutate(ctx, 'deleteLead', {}, ['leads'], async (scope) => {
      await scope.tombstone('leads', 'lead_1');
    });
    expect(await db.tombstones.get('leads:lead_1')).toEqual({
      key: 'leads:lead_1',
      table: 'leads',
      id: 'lead_1',
      deletedAt: NOW,
      updatedAt: NOW,
    });
  });

  it('uses Date.now when the context has no clock', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(NOW + 5_000));
    try {
      const at = await mutate({ db, actorId: 'u' }, 'x', {}, [], (scope) => Promise.resolve(scope.now));
      expect(at).toBe(NOW + 5_000);
    } finally {
      vi.useRealTimers();
    }
  });
});
