import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeCandidate, makeDb, makeLabel, makeLead } from '../../tests/factories';
import { DB_NAME, LeadsideDB, SCHEMA_V1 } from './schema';

let db: LeadsideDB;

beforeEach(() => {
  db = makeDb();
});

afterEach(async () => {
  await db.delete();
});

describe('LeadsideDB', () => {
  it('is called "leadside" by default', () => {
    const named = new LeadsideDB();
    expect(named.name).toBe(DB_NAME);
    expect(DB_NAME).toBe('leadside');
  });

  it('opens at the latest version (3) with every table of the schema, all empty', async () => {
    await db.open();
    expect(db.verno).toBe(3);
    expect(db.tables.map((t) => t.name).sort()).toEqual(Object.keys(SCHEMA_V1).sort());
    for (const table of db.tables) expect(await table.count()).toBe(0);
  });

  it('reads leads newest first through the [addedAt+id] index, ties by id', async () => {
    const a = makeLead({ addedAt: 100 });
    const b = makeLead({ addedAt: 300 });
    const c = makeLead({ addedAt: 300 });
    const d = makeLead({ addedAt: 200 });
    await db.leads.bulkAdd([a, b, c, d]);
    const ids = (await db.leads.orderBy('[addedAt+id]').reverse().toArray()).map((l) => l.id);
    expect(ids).toEqual([c.id, b.id, d.id, a.id]);
  });

  it('finds a lead by candidate and campaign, and candidates by their contact fields', async () => {
    const cand = makeCandidate({ email: 'maria@example.com', phone: '+639171234567', externalId: 'X-9' });
    const lead = makeLead({ candidateId: cand.id });
    await db.candidates.add(cand);
    await db.leads.add(lead);
    expect(await db.leads.where('[candidateId+campaignId]').equals([cand.id, lead.campaignId]).first()).toEqual(lead);
    expect((await db.candidates.where('email').equals('maria@example.com').first())?.id).toBe(cand.id);
    expect((await db.candidates.where('phone').equals('+639171234567').first())?.id).toBe(cand.id);
    expect((await db.candidates.where('externalId').equals('X-9').first())?.id).toBe(cand.id);
  });

  it('keeps label names unique', async () => {
    await db.labels.add(makeLabel({ name: 'Urgent', nameKey: 'urgent' }));
    await expect(db.labels.add(makeLabel({ name: 'URGENT', nameKey: 'urgent' }))).rejects.toBeInstanceOf(
      Dexie.ConstraintError,
    );
    expect(await db.labels.count()).toBe(1);
  });

  it('gives every database its own change hub', () => {
    const other = makeDb();
    expect(other.changes).not.toBe(db.changes);
  });
});
