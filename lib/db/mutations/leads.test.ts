import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeCandidate, makeDb, makeLead } from '../../../tests/factories';
import type { Lead } from '../../domain/model';
import type { ChangeSet } from '../changes';
import { UserError } from '../errors';
import type { MutationContext } from '../mutate';
import type { LeadsideDB } from '../schema';
import { moveLeads } from './leads';
import { ensureWorkspace } from './workspace';

let db: LeadsideDB;
let ctx: MutationContext;
const NOW = Date.UTC(2024, 6, 10, 14);
let leads: Lead[];

beforeEach(async () => {
  db = makeDb();
  const { self } = await ensureWorkspace(db, NOW - 10_000);
  ctx = { db, actorId: self.id, now: () => NOW };
  const candidate = makeCandidate();
  leads = [
    makeLead({ candidateId: candidate.id, folderId: 'inbox' }),
    makeLead({ folderId: 'inbox' }),
    makeLead({ folderId: 'shortlisted' }),
    makeLead({ folderId: 'completed' }),
  ];
  await db.candidates.add(candidate);
  await db.leads.bulkAdd(leads);
});

afterEach(async () => {
  await db.delete();
});

function changes(): ChangeSet[] {
  const seen: ChangeSet[] = [];
  db.changes.subscribe((c) => seen.push(c));
  return seen;
}

describe('moveLeads', () => {
  it('moves the leads, stamps them, and counts only those it moved', async () => {
    const [a, b, c, d] = leads as [Lead, Lead, Lead, Lead];
    const moved = await moveLeads(ctx, [a.id, b.id, c.id], 'shortlisted');
    expect(moved).toBe(2);
    expect(await db.leads.get(a.id)).toEqual({ ...a, folderId: 'shortlisted', updatedAt: NOW });
    expect(await db.leads.get(b.id)).toEqual({ ...b, folderId: 'shortlisted', updatedAt: NOW });
    // Already there: untouched (not even its updatedAt).
    expect(await db.leads.get(c.id)).toEqual(c);
    // Not asked for.
    expect(await db.leads.get(d.id)).toEqual(d);
  });

  it('logs one activity per moved lead, with before and after', async () => {
    const [a, , c, d] = leads as [Lead, Lead, Lead, Lead];
    await moveLeads(ctx, [a.id, c.id, d.id], 'shortlisted');
    const activities = await db.activities.orderBy('id').toArray();
    expect(activities).toHaveLength(2);
    const byLead = new Map(activities.map((x) => [x.leadId, x]));
    expect(byLead.get(a.id)).toMatchObject({
      what: 'lead.moved',
      actorId: ctx.actorId,
      at: NOW,
      candidateId: a.candidateId,
      before: { folderId: 'inbox' },
      after: { folderId: 'shortlisted' },
    });
    expect(byLead.get(d.id)).toMatchObject({ before: { folderId: 'completed' }, after: { folderId: 'shortlisted' } });
    expect(byLead.has(c.id)).toBe(false);
    expect(new Set(activities.map((x) => x.id)).size).toBe(2);
  });

  it('announces exactly the moved lead ids', async () => {
    const seen = changes();
    const [a, b, c] = leads as [Lead, Lead, Lead];
    await moveLeads(ctx, [a.id, b.id, c.id], 'shortlisted');
    expect(seen).toHaveLength(1);
    expect(seen[0]!.mutation).toBe('moveLeads');
    expect(seen[0]!.leads.sort()).toEqual([a.id, b.id].sort());
    expect(seen[0]!.deletedLeads).toEqual([]);
    expect(seen[0]!.candidates).toEqual([]);
  });

  it('ignores ids of leads that do not exist', async () => {
    const seen = changes();
    const [a] = leads as [Lead];
    expect(await moveLeads(ctx, ['nope', a.id], 'hired')).toBe(1);
    expect(seen[0]!.leads).toEqual([a.id]);
  });

  it('writes one outbox record with the lead ids, the folder and the actor', async () => {
    const [a, b] = leads as [Lead, Lead];
    const before = await db.outbox.count();
    await moveLeads(ctx, [a.id, b.id], 'rejected');
    const outbox = await db.outbox.orderBy('id').toArray();
    expect(outbox).toHaveLength(before + 1);
    expect(outbox.at(-1)).toMatchObject({
      mutation: 'moveLeads',
      args: { leadIds: [a.id, b.id], folderId: 'rejected' },
      actorId: ctx.actorId,
      at: NOW,
    });
  });

  it('still logs the mutation when nothing needed moving', async () => {
    const seen = changes();
    const [, , c] = leads as [Lead, Lead, Lead];
    expect(await moveLeads(ctx, [c.id], 'shortlisted')).toBe(0);
    expect(await db.activities.count()).toBe(0);
    expect(seen[0]!.leads).toEqual([]);
  });

  it('refuses a folder that does not exist, changing nothing', async () => {
    const seen = changes();
    const outboxBefore = await db.outbox.count();
    const [a] = leads as [Lead];
    await expect(moveLeads(ctx, [a.id], 'gone')).rejects.toThrow(UserError);
    expect(await db.leads.get(a.id)).toEqual(a);
    expect(await db.activities.count()).toBe(0);
    expect(await db.outbox.count()).toBe(outboxBefore);
    expect(seen).toEqual([]);
  });
});
