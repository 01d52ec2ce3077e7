import type { DBCoreMutateResponse } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeCampaign, makeCandidate, makeDb, makeLead, makeMessage, makeUser } from '../../../tests/factories';
import type { ChangeSet } from '../changes';
import { StorageFullError } from '../errors';
import type { MutationContext } from '../mutate';
import type { LeadsideDB } from '../schema';
import { insertDataset, type Dataset } from './dataset';

let db: LeadsideDB;
let ctx: MutationContext;

beforeEach(() => {
  db = makeDb();
  ctx = { db, actorId: 'user_owner', now: () => 1_700_000_000_000 };
});

afterEach(async () => {
  await db.delete();
});

/** n candidates with one lead each in one campaign, all without refs. */
function people(n: number): Dataset {
  const campaign = makeCampaign();
  const candidates = Array.from({ length: n }, () => makeCandidate({ ref: '' }));
  const leads = candidates.map((c) => makeLead({ ref: '', candidateId: c.id, campaignId: campaign.id }));
  return { campaigns: [campaign], candidates, leads };
}

describe('insertDataset', () => {
  it('writes every table it is given and reports counts', async () => {
    const data = people(3);
    data.users = [makeUser()];
    data.messages = [makeMessage({ candidateId: data.candidates![0]!.id })];
    const counts = await insertDataset(ctx, data);
    expect(counts).toEqual({ campaigns: 1, candidates: 3, leads: 3, messages: 1 });
    expect(await db.leads.count()).toBe(3);
    expect(await db.candidates.count()).toBe(3);
    expect(await db.users.count()).toBe(1);
    expect(await db.messages.count()).toBe(1);
    expect(await db.campaigns.count()).toBe(1);
  });

  it('assigns A- and C- refs in order to rows without one, and keeps given refs', async () => {
    const data = people(3);
    data.candidates![1]!.ref = 'C-77';
    await insertDataset(ctx, data);
    const candidates = await db.candidates.bulkGet(data.candidates!.map((c) => c.id));
    expect(candidates.map((c) => c?.ref)).toEqual(['C-3001', 'C-77', 'C-3002']);
    const leads = await db.leads.bulkGet(data.leads!.map((l) => l.id));
    expect(leads.map((l) => l?.ref)).toEqual(['A-10001', 'A-10002', 'A-10003']);
    const campaigns = await db.campaigns.toArray();
    expect(campaigns[0]!.ref).toBe(data.campaigns![0]!.ref); // the factory gave one
  });

  it('continues numbering across calls', async () => {
    await insertDataset(ctx, people(2));
    const second = people(3);
    await insertDataset(ctx, second);
    expect(second.leads!.map((l) => l.ref)).toEqual(['A-10003', 'A-10004', 'A-10005']);
    expect(second.candidates!.map((c) => c.ref)).toEqual(['C-3003', 'C-3004', 'C-3005']);
    const allRefs = (await db.leads.toArray()).map((l) => l.ref);
    expect(new Set(allRefs).size).toBe(5);
  });

  it('allocates campaign refs when missing', async () => {
    await insertDataset(ctx, { campaigns: [makeCampaign({ ref: '' }), makeCampaign({ ref: '' })] });
    expect((await db.campaigns.toArray()).map((c) => c.ref).sort()).toEqual(['J-101', 'J-102']);
  });

  it('writes one outbox record: the whole dataset, or only counts when asked', async () => {
    const data = people(2);
    await insertDataset(ctx, data);
    await insertDataset(ctx, people(4), { mutation: 'generateBench', recordArgs: false });
    const outbox = await db.outbox.orderBy('id').toArray();
    expect(outbox).toHaveLength(2);
    expect(outbox[0]).toMatchObject({ mutation: 'insertDataset', actorId: 'user_owner' });
    expect((outbox[0]!.args as Dataset).leads!.map((l) => l.id)).toEqual(data.leads!.map((l) => l.id));
    expect(outbox[1]).toMatchObject({
      mutation: 'generateBench',
      args: { counts: { campaigns: 1, candidates: 4, leads: 4, messages: 0 } },
    });
  });

  it('announces the inserted leads and candidates', async () => {
    const seen: ChangeSet[] = [];
    db.changes.subscribe((c) => seen.push(c));
    const data = people(3);
    await insertDataset(ctx, data);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.leads).toEqual(data.leads!.map((l) => l.id));
    expect(seen[0]!.candidates).toEqual(data.candidates!.map((c) => c.id));
  });

  it('leaves nothing behind when storage runs out part way (100 leads)', async () => {
    await insertDataset(ctx, people(1)); // something already there, which must survive
    const before = { leads: await db.leads.count(), outbox: await db.outbox.count(), counters: await db.counters.toArray() };
    let written = 0;
    db.leads.hook('creating', () => {
      if (++written > 60) throw new DOMException('full', 'QuotaExceededError');
    });
    const seen: ChangeSet[] = [];
    db.changes.subscribe((c) => seen.push(c));
    const error = await insertDataset(ctx, people(100)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageFullError);
    expect((error as Error).message).toMatch(/run out of storage space/);
    expect(written).toBeGreaterThan(60);
    expect(await db.leads.count()).toBe(before.leads);
    expect(await db.candidates.count()).toBe(1);
    expect(await db.campaigns.count()).toBe(1);
    expect(await db.outbox.count()).toBe(before.outbox);
    expect(await db.counters.toArray()).toEqual(before.counters);
    expect(seen).toEqual([]);
  });

  it('reports a quota failure of individual writes in a bulk put as storage full, with nothing left', async () => {
    // IndexedDB can fail single put requests; Dexie then collects them into a BulkError.
    let full = false;
    db.use({
      stack: 'dbcore',
      name: 'full-disk',
      create: (down) => ({
        ...down,
        table: (name) => {
          const table = down.table(name);
          if (name !== 'leads') return table;
          return {
            ...table,
            mutate: (req) => {
              if (!full || req.type !== 'put') return table.mutate(req);
              const failures: Record<number, Error> = {};
              req.values.forEach((_, i) => (failures[i] = new DOMException('full', 'QuotaExceededError')));
              const response: DBCoreMutateResponse = { numFailures: req.values.length, failures, lastResult: undefined };
              return Promise.resolve(response);
            },
          };
        },
      }),
    });
    await insertDataset(ctx, people(2));
    full = true;
    const error = await insertDataset(ctx, people(100)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageFullError);
    expect(await db.leads.count()).toBe(2);
    expect(await db.candidates.count()).toBe(2);
    expect(await db.outbox.count()).toBe(1);
  });
});
