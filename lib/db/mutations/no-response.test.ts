import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Lead } from '../../domain/model';
import { DAY_MS } from '../../domain/no-response';
import { makeActivity, makeCandidate, makeDb, makeLead, makeMessage } from '../../../tests/factories';
import type { LeadsideDB } from '../schema';
import { moveLeads } from './leads';
import { runNoResponseSweep } from './no-response';

let db: LeadsideDB;
const NOW = Date.UTC(2024, 5, 1, 9);
const daysAgo = (d: number) => NOW - d * DAY_MS;

beforeEach(async () => {
  db = makeDb();
  await db.folders.bulkAdd([
    { id: 'inbox', name: 'Inbox', kind: 'default', order: 0, updatedAt: 0 },
    { id: 'no_response', name: 'No Response', kind: 'default', order: 6, updatedAt: 0 },
  ]);
});

afterEach(async () => {
  await db.delete();
});

/** A lead of its own candidate, added `days` ago, in Inbox unless told otherwise. */
async function lead(days: number, overrides: Partial<Lead> = {}): Promise<Lead> {
  const candidate = makeCandidate();
  const row = makeLead({ candidateId: candidate.id, addedAt: daysAgo(days), ...overrides });
  await db.candidates.add(candidate);
  await db.leads.add(row);
  return row;
}

const folderOf = async (l: Lead) => (await db.leads.get(l.id))?.folderId;

describe('runNoResponseSweep', () => {
  it('moves an Inbox lead silent for 22 days, not one silent for 20', async () => {
    const old = await lead(22);
    const recent = await lead(20);
    const result = await runNoResponseSweep(db, { now: NOW });
    expect(result).toEqual({ checked: 2, moved: 1, transactions: 1 });
    expect(await folderOf(old)).toBe('no_response');
    expect(await folderOf(recent)).toBe('inbox');
  });

  it('logs the move as a system event: an Activity and a chat message', async () => {
    const old = await lead(30);
    await db.messages.add(
      makeMessage({ candidateId: old.candidateId, direction: 'outbound', channel: 'whatsapp', sentAt: daysAgo(29) }),
    );
    await runNoResponseSweep(db, { now: NOW });
    expect(await db.leads.get(old.id)).toMatchObject({ folderId: 'no_response', updatedAt: NOW, lastActivityAt: old.lastActivityAt });
    const activities = await db.activities.toArray();
    expect(activities).toEqual([
      expect.objectContaining({
        actorId: 'system',
        what: 'lead.moved',
        leadId: old.id,
        candidateId: old.candidateId,
        before: { folderId: 'inbox' },
        after: { folderId: 'no_response' },
        at: NOW,
      }),
    ]);
    const events = (await db.messages.toArray()).filter((m) => m.kind === 'event');
    expect(events).toEqual([
      expect.objectContaining({
        candidateId: old.candidateId,
        leadId: old.id,
        kind: 'event',
        sender: 'system',
        direction: 'outbound',
        channel: 'whatsapp',
        status: 'delivered',
        body: 'Moved to No Response after 21 days without a reply',
        sentAt: NOW,
        attachments: [],
      }),
    ]);
    const outbox = await db.outbox.toArray();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ mutation: 'noResponseSweep', actorId: 'system', at: NOW, args: { leadIds: [old.id] } });
  });

  it('uses SMS for the event when the candidate has no messages', async () => {
    await lead(30);
    await runNoResponseSweep(db, { now: NOW });
    expect((await db.messages.toArray())[0]?.channel).toBe('sms');
  });

  it('counts from the latest inbound message: a reply resets the clock', async () => {
    const replied = await lead(40);
    const silent = await lead(40);
    await db.messages.bulkAdd([
      makeMessage({ candidateId: replied.candidateId, direction: 'inbound', sender: 'candidate', sentAt: daysAgo(10) }),
      makeMessage({ candidateId: replied.candidateId, direction: 'outbound', sentAt: daysAgo(1) }),
      makeMessage({ candidateId: silent.candidateId, direction: 'inbound', sender: 'candidate', sentAt: daysAgo(25) }),
      makeMessage({ candidateId: silent.candidateId, direction: 'outbound', sentAt: daysAgo(2) }),
    ]);
    expect((await runNoResponseSweep(db, { now: NOW })).moved).toBe(1);
    expect(await folderOf(replied)).toBe('inbox');
    expect(await folderOf(silent)).toBe('no_response');
  });

  it('moves only Inbox leads', async () => {
    const others = await Promise.all(
      ['completed', 'shortlisted', 'on_hold', 'hired', 'rejected'].map((folderId) => lead(60, { folderId })),
    );
    expect((await runNoResponseSweep(db, { now: NOW })).moved).toBe(0);
    for (const l of others) expect(await folderOf(l)).toBe(l.folderId);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.messages.count()).toBe(0);
  });

  it('does not move a lead twice: a second run finds nothing, and a lead brought back gets 21 fresh days', async () => {
    const old = await lead(30);
    await runNoResponseSweep(db, { now: NOW });
    expect(await runNoResponseSweep(db, { now: NOW + DAY_MS })).toEqual({ checked: 0, moved: 0, transactions: 0 });

    // A recruiter moves it back to Inbox: the next mornings leave it there, until 21 days pass.
    await moveLeads({ db, actorId: 'user_1', now: () => NOW + DAY_MS }, [old.id], 'inbox');
    expect((await runNoResponseSweep(db, { now: NOW + 2 * DAY_MS })).moved).toBe(0);
    expect(await folderOf(old)).toBe('inbox');
    expect((await runNoResponseSweep(db, { now: NOW + 22 * DAY_MS })).moved).toBe(1);
    expect((await db.activities.where('leadId').equals(old.id).toArray()).filter((a) => a.actorId === 'system')).toHaveLength(2);
  });

  it('ignores other actors’ moves when looking for its own last move', async () => {
    const old = await lead(30);
    await db.activities.add(
      makeActivity({ actorId: 'user_1', leadId: old.id, at: daysAgo(2), after: { folderId: 'no_response' } }),
    );
    expect((await runNoResponseSweep(db, { now: NOW })).moved).toBe(1);
  });

  it('processes 1,200 leads in chunks of 500, each once, every chunk its own transaction', async () => {
    const candidates = Array.from({ length: 1200 }, () => makeCandidate());
    const leads = candidates.map((c, i) => makeLead({ candidateId: c.id, addedAt: daysAgo(i % 3 === 0 ? 10 : 30) }));
    await db.candidates.bulkAdd(candidates);
    await db.leads.bulkAdd(leads);
    const due = leads.filter((_, i) => i % 3 !== 0);
    const progress: number[] = [];
    const changes: number[] = [];
    db.changes.subscribe((c) => changes.push(c.leads.length));

    const result = await runNoResponseSweep(db, { now: NOW, chunkSize: 500, onProgress: (p) => progress.push(p.checked) });
    expect(result).toEqual({ checked: 1200, moved: due.length, transactions: 3 });
    expect(progress).toEqual([500, 1000, 1200]);
    const outbox = await db.outbox.toArray();
    expect(outbox).toHaveLength(3);
    expect(outbox.every((o) => o.mutation === 'noResponseSweep')).toBe(true);
    expect(changes.reduce((a, b) => a + b, 0)).toBe(due.length);
    expect(Math.max(...changes)).toBeLessThanOrEqual(500);

    const activities = await db.activities.toArray();
    expect(activities).toHaveLength(due.length);
    expect(new Set(activities.map((a) => a.leadId)).size).toBe(due.length);
    expect(await db.messages.count()).toBe(due.length);
    expect(await db.leads.where('folderId').equals('no_response').count()).toBe(due.length);
    expect(await db.leads.where('folderId').equals('inbox').count()).toBe(400);

    expect((await runNoResponseSweep(db, { now: NOW })).moved).toBe(0);
    expect(await db.activities.count()).toBe(due.length);
  });

  it('commits whole chunks only: a failing chunk leaves its leads untouched, earlier chunks stay done', async () => {
    const leads: Lead[] = [];
    for (let i = 0; i < 4; i++) leads.push(await lead(30));
    const doomed = leads[3]!.candidateId;
    db.messages.hook('creating', (_key, message) => {
      if ((message as { candidateId: string }).candidateId === doomed) throw new Error('disk trouble');
    });
    await expect(runNoResponseSweep(db, { now: NOW, chunkSize: 2 })).rejects.toThrow('disk trouble');
    expect(await Promise.all(leads.map(folderOf))).toEqual(['no_response', 'no_response', 'inbox', 'inbox']);
    expect(await db.activities.count()).toBe(2);
    expect(await db.messages.count()).toBe(2);
    expect(await db.outbox.count()).toBe(1);
  });
});
