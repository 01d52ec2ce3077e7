import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_FOLDERS, type Folder } from '../../domain/model';
import { makeAttributeDef, makeCampaign, makeDb, makeFolder, makeLabel, makeLead, makeUser } from '../../../tests/factories';
import { UserError } from '../errors';
import type { MutationContext } from '../mutate';
import type { LeadsideDB } from '../schema';
import {
  addTeammate,
  countLeadsInFolder,
  countLeadsWithLabel,
  createFolder,
  createLabel,
  deleteAttributeDef,
  deleteFolder,
  deleteLabel,
  moveFolder,
  renameCampaign,
  renameFolder,
  setCampaignStatus,
  updateLabel,
  upsertAttributeDef,
} from './workspace-admin';

let db: LeadsideDB;
let ctx: MutationContext;
const NOW = Date.UTC(2024, 3, 2, 8);
const ACTOR = 'user_mgr';

const defaultFolders = (): Folder[] =>
  DEFAULT_FOLDERS.map((f, order) => ({ id: f.id, name: f.name, kind: 'default', order, updatedAt: 0 }));

beforeEach(async () => {
  db = makeDb();
  ctx = { db, actorId: ACTOR, now: () => NOW };
  await db.folders.bulkAdd(defaultFolders());
});

afterEach(async () => {
  await db.delete();
});

async function outbox() {
  return db.outbox.toArray();
}

/** The mutation left exactly one outbox record and the given activity. */
async function expectRecorded(mutation: string, what: string) {
  const records = await outbox();
  expect(records).toHaveLength(1);
  expect(records[0]).toMatchObject({ mutation, actorId: ACTOR, at: NOW, synced: 0 });
  const activities = await db.activities.toArray();
  expect(activities).toHaveLength(1);
  expect(activities[0]).toMatchObject({ what, actorId: ACTOR, at: NOW });
  return { record: records[0]!, activity: activities[0]! };
}

/** A refused mutation wrote nothing at all. */
async function expectNothingWritten() {
  expect(await db.outbox.count()).toBe(0);
  expect(await db.activities.count()).toBe(0);
  expect(await db.tombstones.count()).toBe(0);
}

describe('campaigns', () => {
  it('renames a campaign (name and location), with outbox and activity', async () => {
    const c = makeCampaign({ name: 'Nurse', location: 'Cebu' });
    await db.campaigns.add(c);
    const next = await renameCampaign(ctx, c.id, { name: '  Senior   Nurse ', location: 'Cebu City' });
    expect(next).toMatchObject({ name: 'Senior Nurse', location: 'Cebu City', updatedAt: NOW, status: 'open' });
    expect(await db.campaigns.get(c.id)).toEqual(next);
    const { record, activity } = await expectRecorded('renameCampaign', 'campaign.renamed');
    expect(record.args).toEqual({ campaignId: c.id, name: 'Senior Nurse', location: 'Cebu City' });
    expect(activity.before).toMatchObject({ name: 'Nurse', location: 'Cebu' });
    expect(activity.after).toMatchObject({ name: 'Senior Nurse', location: 'Cebu City' });
  });

  it('keeps the location when only the name is given', async () => {
    const c = makeCampaign({ location: 'Davao' });
    await db.campaigns.add(c);
    expect((await renameCampaign(ctx, c.id, { name: 'Driver' })).location).toBe('Davao');
  });

  it('refuses an empty or over-long name, or a missing campaign, writing nothing', async () => {
    const c = makeCampaign({ name: 'Nurse' });
    await db.campaigns.add(c);
    await expect(renameCampaign(ctx, c.id, { name: '  ' })).rejects.toThrow('A campaign needs a job title.');
    await expect(renameCampaign(ctx, c.id, { name: 'x'.repeat(10_000) })).rejects.toThrow(/at most 200/);
    await expect(renameCampaign(ctx, 'nope', { name: 'Driver' })).rejects.toThrow('That campaign no longer exists.');
    expect((await db.campaigns.get(c.id))?.name).toBe('Nurse');
    await expectNothingWritten();
  });

  it('closes a campaign keeping its leads, and reopens it', async () => {
    const c = makeCampaign();
    await db.campaigns.add(c);
    await db.leads.bulkAdd([makeLead({ campaignId: c.id }), makeLead({ campaignId: c.id }), makeLead()]);
    const closed = await setCampaignStatus(ctx, c.id, 'closed');
    expect(closed.leadCount).toBe(2);
    expect((await db.campaigns.get(c.id))?.status).toBe('closed');
    expect(await db.leads.where('campaignId').equals(c.id).count()).toBe(2);
    await expectRecorded('setCampaignStatus', 'campaign.closed');

    await setCampaignStatus(ctx, c.id, 'open');
    expect((await db.campaigns.get(c.id))?.status).toBe('open');
    expect((await db.activities.toArray()).map((a) => a.what).sort()).toEqual(['campaign.closed', 'campaign.reopened']);
  });

  it('refuses an unknown status', async () => {
    const c = makeCampaign();
    await db.campaigns.add(c);
    await expect(setCampaignStatus(ctx, c.id, 'archived' as 'open')).rejects.toBeInstanceOf(UserError);
    await expectNothingWritten();
  });
});

describe('folders', () => {
  it('adds a custom folder after the last one', async () => {
    const folder = await createFolder(ctx, '  Interview   Scheduled ');
    expect(folder).toMatchObject({ name: 'Interview Scheduled', kind: 'custom', order: 7, updatedAt: NOW });
    expect(await db.folders.get(folder.id)).toEqual(folder);
    const { record } = await expectRecorded('createFolder', 'folder.created');
    expect(record.args).toEqual({ name: 'Interview Scheduled' });
  });

  it('refuses duplicates ignoring case (default names included), empty and 10,000-character names', async () => {
    await createFolder(ctx, 'Interview');
    await db.outbox.clear();
    await db.activities.clear();
    await expect(createFolder(ctx, 'INTERVIEW')).rejects.toThrow('There is already a folder called “Interview”.');
    await expect(createFolder(ctx, 'inbox')).rejects.toThrow('There is already a folder called “Inbox”.');
    await expect(createFolder(ctx, '')).rejects.toThrow('A folder needs a name.');
    await expect(createFolder(ctx, 'x'.repeat(10_000))).rejects.toThrow(/at most 50 characters \(this one has 10,000\)/);
    expect(await db.folders.count()).toBe(8);
    await expectNothingWritten();
  });

  it('renames a custom folder (its own name in another case too), not a default one', async () => {
    const f = await createFolder(ctx, 'Interview');
    await db.outbox.clear();
    await db.activities.clear();
    expect((await renameFolder(ctx, f.id, 'INTERVIEW')).name).toBe('INTERVIEW');
    await expectRecorded('renameFolder', 'folder.renamed');
    await expect(renameFolder(ctx, f.id, 'Hired')).rejects.toThrow('There is already a folder called “Hired”.');
    await expect(renameFolder(ctx, 'inbox', 'Start')).rejects.toThrow('Default folders cannot be renamed.');
    expect((await db.folders.get('inbox'))?.name).toBe('Inbox');
  });

  it('moves a custom folder up and down past its neighbours; default folders stay in their order', async () => {
    const f = await createFolder(ctx, 'Interview');
    const order = async () => (await db.folders.orderBy('order').toArray()).map((x) => x.id);
    await moveFolder(ctx, f.id, 'up');
    await moveFolder(ctx, f.id, 'up');
    expect(await order()).toEqual(['inbox', 'completed', 'shortlisted', 'on_hold', 'hired', f.id, 'rejected', 'no_response']);
    await moveFolder(ctx, f.id, 'down');
    expect((await order()).indexOf(f.id)).toBe(6);
    const activities = (await db.activities.toArray()).filter((a) => a.what === 'folder.moved');
    expect(activities).toHaveLength(3);
    expect((await outbox()).filter((o) => o.mutation === 'moveFolder')).toHaveLength(3);
    const defaults = (await order()).filter((id) => id !== f.id);
    expect(defaults).toEqual(DEFAULT_FOLDERS.map((d) => d.id));
  });

  it('renumbers duplicate orders so a move always moves', async () => {
    const a = makeFolder({ name: 'A', order: 7 });
    const b = makeFolder({ name: 'B', order: 7 });
    await db.folders.bulkAdd([a, b]);
    const [first] = [a, b].sort((x, y) => (x.id < y.id ? -1 : 1));
    await moveFolder(ctx, first!.id, 'down');
    const orders = (await db.folders.toArray()).map((f) => f.order).sort((x, y) => x - y);
    expect(orders).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    const last = (await db.folders.orderBy('order').last())!;
    expect(last.id).toBe(first!.id);
  });

  it('refuses to move a default folder, or past either end, writing nothing', async () => {
    const f = await createFolder(ctx, 'Interview');
    await db.outbox.clear();
    await db.activities.clear();
    await expect(moveFolder(ctx, 'inbox', 'down')).rejects.toThrow('Default folders keep their place.');
    await expect(moveFolder(ctx, f.id, 'down')).rejects.toThrow('“Interview” is already last.');
    await expectNothingWritten();
  });

  it('deletes an empty custom folder, with a tombstone', async () => {
    const f = await createFolder(ctx, 'Interview');
    await db.outbox.clear();
    await db.activities.clear();
    await deleteFolder(ctx, f.id);
    expect(await db.folders.get(f.id)).toBeUndefined();
    expect(await db.tombstones.get(`folders:${f.id}`)).toMatchObject({ table: 'folders', id: f.id, deletedAt: NOW });
    await expectRecorded('deleteFolder', 'folder.deleted');
  });

  it('refuses to delete a folder still holding leads, saying how many', async () => {
    const f = await createFolder(ctx, 'Interview');
    await db.outbox.clear();
    await db.activities.clear();
    await db.leads.bulkAdd([makeLead({ folderId: f.id }), makeLead({ folderId: f.id }), makeLead({ folderId: f.id })]);
    expect(await countLeadsInFolder(db, f.id)).toBe(3);
    await expect(deleteFolder(ctx, f.id)).rejects.toThrow(
      '“Interview” still holds 3 leads. Move them to another folder, then delete the folder.',
    );
    await db.leads.where('folderId').equals(f.id).modify({ folderId: 'inbox' });
    await db.leads.add(makeLead({ folderId: f.id }));
    await expect(deleteFolder(ctx, f.id)).rejects.toThrow('“Interview” still holds 1 lead. Move it');
    expect(await db.folders.get(f.id)).toBeDefined();
    await expectNothingWritten();
  });

  it('refuses to delete a default folder', async () => {
    await expect(deleteFolder(ctx, 'no_response')).rejects.toThrow('Default folders cannot be deleted.');
    expect(await db.folders.get('no_response')).toBeDefined();
    await expectNothingWritten();
  });
});

describe('labels', () => {
  it('creates a label with its key, color, outbox and activity', async () => {
    const label = await createLabel(ctx, { name: '  Night   Shift ', color: '#2563EB' });
    expect(label).toMatchObject({ name: 'Night Shift', nameKey: 'night shift', color: '#2563eb', updatedAt: NOW });
    const { record } = await expectRecorded('createLabel', 'label.created');
    expect(record.args).toEqual({ name: 'Night Shift', color: '#2563eb' });
  });

  it('refuses a,b, a 10,000-character name, a duplicate ignoring case and a bad color', async () => {
    await db.labels.add(makeLabel({ name: 'Urgent' }));
    await expect(createLabel(ctx, { name: 'a,b', color: '#2563eb' })).rejects.toThrow(/cannot contain “,”/);
    await expect(createLabel(ctx, { name: 'x'.repeat(10_000), color: '#2563eb' })).rejects.toThrow(
      'A label name can be at most 50 characters (this one has 10,000).',
    );
    await expect(createLabel(ctx, { name: ' uRGENT ', color: '#2563eb' })).rejects.toThrow(
      'There is already a label called “Urgent”.',
    );
    await expect(createLabel(ctx, { name: 'Fine', color: 'blue' })).rejects.toThrow('Choose a color for the label.');
    expect(await db.labels.count()).toBe(1);
    await expectNothingWritten();
  });

  it('renames and recolors a label; its leads keep it', async () => {
    const l = makeLabel({ name: 'Urgent', color: '#2563eb' });
    await db.labels.add(l);
    const lead = makeLead({ labels: [l.id] });
    await db.leads.add(lead);
    const next = await updateLabel(ctx, l.id, { name: 'Very urgent', color: '#dc2626' });
    expect(next).toMatchObject({ name: 'Very urgent', nameKey: 'very urgent', color: '#dc2626' });
    expect((await db.leads.get(lead.id))?.labels).toEqual([l.id]);
    const { activity } = await expectRecorded('updateLabel', 'label.updated');
    expect(activity.before).toMatchObject({ name: 'Urgent', color: '#2563eb' });
    expect(activity.after).toMatchObject({ name: 'Very urgent', color: '#dc2626' });
  });

  it('recolors alone, and renames into another case of its own name', async () => {
    const l = makeLabel({ name: 'Urgent', color: '#2563eb' });
    await db.labels.add(l);
    expect((await updateLabel(ctx, l.id, { color: '#059669' })).name).toBe('Urgent');
    expect((await updateLabel(ctx, l.id, { name: 'URGENT' })).color).toBe('#059669');
  });

  it('refuses renaming into another label’s name', async () => {
    const a = makeLabel({ name: 'Urgent' });
    const b = makeLabel({ name: 'Later' });
    await db.labels.bulkAdd([a, b]);
    await expect(updateLabel(ctx, b.id, { name: 'urgent' })).rejects.toThrow('There is already a label called “Urgent”.');
    expect((await db.labels.get(b.id))?.name).toBe('Later');
    await expectNothingWritten();
  });

  it('deletes a label and takes it off every lead in the same transaction', async () => {
    const l = makeLabel({ name: 'Urgent' });
    const other = makeLabel({ name: 'Other' });
    await db.labels.bulkAdd([l, other]);
    const carriers = [makeLead({ labels: [l.id, other.id] }), makeLead({ labels: [l.id] })];
    const untouched = makeLead({ labels: [other.id] });
    await db.leads.bulkAdd([...carriers, untouched]);
    expect(await countLeadsWithLabel(db, l.id)).toBe(2);

    const changes: string[][] = [];
    db.changes.subscribe((c) => changes.push(c.leads));
    expect(await deleteLabel(ctx, l.id)).toEqual({ affected: 2 });
    expect(await db.labels.get(l.id)).toBeUndefined();
    expect(await countLeadsWithLabel(db, l.id)).toBe(0);
    expect((await db.leads.get(carriers[0]!.id))?.labels).toEqual([other.id]);
    expect((await db.leads.get(carriers[1]!.id))).toMatchObject({ labels: [], updatedAt: NOW });
    expect(await db.leads.get(untouched.id)).toEqual(untouched);
    expect(await db.tombstones.get(`labels:${l.id}`)).toBeDefined();
    const { activity } = await expectRecorded('deleteLabel', 'label.deleted');
    expect(activity.after).toEqual({ leadsAffected: 2 });
    expect(changes).toEqual([expect.arrayContaining(carriers.map((c) => c.id))]);
  });

  it('leaves the label and every lead as they were when the transaction fails half-way', async () => {
    const l = makeLabel({ name: 'Urgent' });
    await db.labels.add(l);
    const leads = [makeLead({ labels: [l.id] }), makeLead({ labels: [l.id] })];
    await db.leads.bulkAdd(leads);
    // The leads are already rewritten when the activity fails to be written.
    db.activities.hook('creating', () => {
      throw new Error('disk trouble');
    });
    await expect(deleteLabel(ctx, l.id)).rejects.toThrow('disk trouble');
    expect(await db.labels.get(l.id)).toEqual(l);
    expect(await countLeadsWithLabel(db, l.id)).toBe(2);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.tombstones.count()).toBe(0);
  });
});

describe('custom fields', () => {
  it('creates a field with a key derived from the label', async () => {
    const def = await upsertAttributeDef(ctx, { label: ' Shift  preference ', type: 'text' });
    expect(def).toEqual({ key: 'shift_preference', label: 'Shift preference', type: 'text', updatedAt: NOW });
    await expectRecorded('upsertAttributeDef', 'attribute.created');
  });

  it('gives a second field with the same derived key its own key', async () => {
    await db.attributeDefs.add(makeAttributeDef({ key: 'shift', label: 'Shift (old)' }));
    expect((await upsertAttributeDef(ctx, { label: 'Shift', type: 'date' })).key).toBe('shift_2');
  });

  it('renames a field keeping its key and type', async () => {
    await db.attributeDefs.add(makeAttributeDef({ key: 'years', label: 'Years', type: 'number' }));
    const next = await upsertAttributeDef(ctx, { key: 'years', label: 'Years of experience', type: 'text' });
    expect(next).toMatchObject({ key: 'years', label: 'Years of experience', type: 'number' });
    expect(await db.attributeDefs.count()).toBe(1);
    await expectRecorded('upsertAttributeDef', 'attribute.renamed');
  });

  it('refuses empty, over-long and duplicate names (ignoring case), bad types and missing fields', async () => {
    await db.attributeDefs.add(makeAttributeDef({ key: 'years', label: 'Years' }));
    await expect(upsertAttributeDef(ctx, { label: '', type: 'text' })).rejects.toThrow('A custom field needs a name.');
    await expect(upsertAttributeDef(ctx, { label: 'y'.repeat(10_000), type: 'text' })).rejects.toThrow(/at most 60/);
    await expect(upsertAttributeDef(ctx, { label: 'YEARS', type: 'text' })).rejects.toThrow(
      'There is already a custom field called “Years”.',
    );
    await expect(upsertAttributeDef(ctx, { label: 'Pay', type: 'money' as 'text' })).rejects.toThrow(/text, a number or a date/);
    await expect(upsertAttributeDef(ctx, { key: 'gone', label: 'Pay', type: 'text' })).rejects.toThrow(
      'That custom field no longer exists.',
    );
    expect(await db.attributeDefs.count()).toBe(1);
    await expectNothingWritten();
  });

  it('deletes a field, with a tombstone; lead values are left as they were', async () => {
    await db.attributeDefs.add(makeAttributeDef({ key: 'years', label: 'Years', type: 'number' }));
    const lead = makeLead({ attributes: { years: 4 } });
    await db.leads.add(lead);
    await deleteAttributeDef(ctx, 'years');
    expect(await db.attributeDefs.count()).toBe(0);
    expect(await db.tombstones.get('attributeDefs:years')).toBeDefined();
    expect(await db.leads.get(lead.id)).toEqual(lead);
    await expectRecorded('deleteAttributeDef', 'attribute.deleted');
    await expect(deleteAttributeDef(ctx, 'years')).rejects.toThrow('That custom field no longer exists.');
  });
});

describe('teammates', () => {
  it('adds a teammate with name, email and role', async () => {
    const user = await addTeammate(ctx, { name: '  Ana  Reyes ', email: ' ana@example.com ', role: 'limited_manager' });
    expect(user).toMatchObject({ name: 'Ana Reyes', email: 'ana@example.com', role: 'limited_manager', updatedAt: NOW });
    expect(user.isSelf).toBeUndefined();
    expect(await db.users.get(user.id)).toEqual(user);
    const { record } = await expectRecorded('addTeammate', 'user.added');
    expect(record.args).toEqual({ name: 'Ana Reyes', email: 'ana@example.com', role: 'limited_manager' });
  });

  it('refuses a taken email (ignoring case), a bad email, no name and a second owner', async () => {
    await db.users.add(makeUser({ name: 'Ana', email: 'ana@example.com' }));
    await expect(addTeammate(ctx, { name: 'Other', email: 'ANA@example.com', role: 'manager' })).rejects.toThrow(
      'Ana already has that email address.',
    );
    await expect(addTeammate(ctx, { name: 'Bo', email: 'bo at example', role: 'manager' })).rejects.toThrow(
      /does not look right/,
    );
    await expect(addTeammate(ctx, { name: ' ', email: 'bo@example.com', role: 'manager' })).rejects.toThrow(
      'A teammate needs a name.',
    );
    await expect(addTeammate(ctx, { name: 'Bo', email: 'bo@example.com', role: 'owner' })).rejects.toThrow(/one Owner/);
    expect(await db.users.count()).toBe(1);
    await expectNothingWritten();
  });
});
