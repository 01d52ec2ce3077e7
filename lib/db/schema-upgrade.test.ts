import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { makeCampaign, makeCandidate, makeLabel, makeLead, makeMessage, stored } from '../../tests/factories';
import { LeadsideDB, SCHEMA_V1, SCHEMA_V2 } from './schema';

// DESIGN §6: schema upgrades are tested from every shipped version with data in it.

const names: string[] = [];
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

describe('version 1 → latest (*labels index on leads, then nameKey on candidates)', () => {
  it('keeps every row and finds leads by label', async () => {
    const name = `t-${crypto.randomUUID()}`;
    names.push(name);
    const urgent = makeLabel({ name: 'Urgent' });
    const later = makeLabel({ name: 'Later' });
    const campaign = makeCampaign();
    const candidate = makeCandidate();
    const leads = [
      makeLead({ candidateId: candidate.id, campaignId: campaign.id, labels: [urgent.id, later.id] }),
      makeLead({ campaignId: campaign.id, labels: [urgent.id] }),
      makeLead({ campaignId: campaign.id, labels: [] }),
    ];
    const message = makeMessage({ candidateId: candidate.id });

    // A database as version 1 of Leadside left it, written with raw Dexie and the v1 schema.
    const v1 = new Dexie(name);
    v1.version(1).stores(SCHEMA_V1);
    await v1.table('labels').bulkAdd([urgent, later]);
    await v1.table('campaigns').add(campaign);
    await v1.table('candidates').add(candidate);
    await v1.table('leads').bulkAdd(leads);
    await v1.table('messages').add(message);
    await v1.table('outbox').add({ id: 'o1', mutation: 'insertDataset', args: {}, actorId: 'u', at: 1, synced: 0 });
    expect(v1.verno).toBe(1);
    v1.close();

    const db = new LeadsideDB(name);
    await db.open();
    expect(db.verno).toBe(3);
    expect(await db.leads.toArray()).toEqual(leads);
    expect(await db.labels.toArray()).toEqual(expect.arrayContaining([urgent, later]));
    expect(await db.campaigns.get(campaign.id)).toEqual(campaign);
    expect(await db.candidates.get(candidate.id)).toEqual(stored(candidate));
    expect(await db.messages.get(message.id)).toEqual(message);
    expect(await db.outbox.count()).toBe(1);

    // The new index: built from the existing rows, and kept by later writes.
    expect(await db.leads.where('labels').equals(urgent.id).count()).toBe(2);
    expect((await db.leads.where('labels').equals(later.id).primaryKeys())).toEqual([leads[0]!.id]);
    await db.leads.update(leads[2]!.id, { labels: [later.id] });
    expect(await db.leads.where('labels').equals(later.id).count()).toBe(2);
    // The version-1 indexes still answer.
    expect(await db.leads.where('[candidateId+campaignId]').equals([candidate.id, campaign.id]).count()).toBe(1);
    expect(await db.labels.where('nameKey').equals('urgent').count()).toBe(1);
    db.close();
  });
});

describe('version 2 → 3 (nameKey on candidates)', () => {
  it('gives every existing candidate its folded name, finds them by it, and keeps it on later writes', async () => {
    const name = `t-${crypto.randomUUID()}`;
    names.push(name);
    const maria = makeCandidate({ firstName: 'María José', lastName: 'Santos  Cruz' });
    const ana = makeCandidate({ firstName: 'Ana', lastName: 'Reyes' });
    const nameless = makeCandidate({ firstName: '', lastName: '' });

    // A database as version 2 left it: no nameKey on any row.
    const v2 = new Dexie(name);
    v2.version(1).stores(SCHEMA_V1);
    v2.version(2).stores(SCHEMA_V2);
    await v2.table('candidates').bulkAdd([maria, ana, nameless]);
    expect(v2.verno).toBe(2);
    v2.close();

    const db = new LeadsideDB(name);
    await db.open();
    expect(db.verno).toBe(3);
    expect(await db.candidates.get(maria.id)).toEqual({ ...maria, nameKey: 'maria jose santos cruz' });
    expect(await db.candidates.get(ana.id)).toEqual({ ...ana, nameKey: 'ana reyes' });
    expect((await db.candidates.get(nameless.id))?.nameKey).toBe('');
    expect(await db.candidates.where('nameKey').equals('maria jose santos cruz').primaryKeys()).toEqual([maria.id]);

    // Kept by every kind of write, whatever the writer put there.
    await db.candidates.update(ana.id, { lastName: 'Reyes-Cruz' });
    expect((await db.candidates.get(ana.id))?.nameKey).toBe('ana reyes-cruz');
    await db.candidates.where('id').equals(ana.id).modify((c) => void (c.firstName = 'Anna'));
    expect((await db.candidates.get(ana.id))?.nameKey).toBe('anna reyes-cruz');
    const zoe = makeCandidate({ firstName: 'Zoë', lastName: 'Ngô', nameKey: 'wrong' });
    await db.candidates.add(zoe);
    await db.candidates.bulkPut([{ ...maria, firstName: 'Maria' }]);
    expect((await db.candidates.get(zoe.id))?.nameKey).toBe('zoe ngo');
    expect((await db.candidates.get(maria.id))?.nameKey).toBe('maria santos cruz');
    // The writer's own object is left as it was given.
    expect(zoe.nameKey).toBe('wrong');
    db.close();
  });
});
