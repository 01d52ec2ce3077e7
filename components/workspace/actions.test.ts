import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_FOLDERS, type Role } from '../../lib/domain/model';
import { DEFAULT_SETTINGS } from '../../lib/domain/settings';
import { reloadCatalog } from '../app/actions';
import { createAppState, type AppState } from '../app/state';
import { makeCampaign, makeDb, makeLabel, makeLead, makeUser } from '../../tests/factories';
import {
  READ_ONLY_REASONS,
  addTeammate,
  checkFolderDeletable,
  countLabelLeads,
  createAttribute,
  createFolder,
  createLabel,
  deleteAttribute,
  deleteFolder,
  deleteLabel,
  moveFolder,
  permissionProblem,
  renameAttribute,
  renameCampaign,
  renameFolder,
  setCampaignStatus,
  updateLabel,
} from './actions';

let state: AppState;
const owner = makeUser({ id: 'user_owner', role: 'owner', isSelf: true, name: 'Olivia' });

beforeEach(async () => {
  const db = makeDb();
  state = createAppState(db);
  await db.users.add(owner);
  await db.folders.bulkAdd(DEFAULT_FOLDERS.map((f, order) => ({ id: f.id, name: f.name, kind: 'default' as const, order, updatedAt: 0 })));
  state.self.value = owner;
  await reloadCatalog(state);
});

afterEach(async () => {
  await state.db.delete();
});

function actAs(role: Role | null) {
  state.settings.value = { ...DEFAULT_SETTINGS, actAsRole: role };
}

describe('permissionProblem', () => {
  it('follows can(): managers manage the workspace, only the owner manages users', () => {
    expect(permissionProblem({ role: 'owner' }, 'user.manage')).toBeNull();
    expect(permissionProblem({ role: 'manager' }, 'label.manage')).toBeNull();
    expect(permissionProblem({ role: 'manager' }, 'user.manage')).toBe('Only the owner can add teammates.');
    expect(permissionProblem({ role: 'limited_manager' }, 'folder.manage')).toBe(READ_ONLY_REASONS['folder.manage']);
    expect(permissionProblem(null, 'campaign.manage')).toBe(READ_ONLY_REASONS['campaign.manage']);
  });
});

describe('as a Limited Manager', () => {
  beforeEach(() => actAs('limited_manager'));

  it('every management action is refused with the reason, and nothing is written', async () => {
    const campaign = makeCampaign();
    const label = makeLabel({ name: 'Urgent' });
    await state.db.campaigns.add(campaign);
    await state.db.labels.add(label);
    await state.db.attributeDefs.add({ key: 'years', label: 'Years', type: 'number', updatedAt: 0 });
    const outcomes = await Promise.all([
      renameCampaign(state, campaign.id, { name: 'X' }),
      setCampaignStatus(state, campaign.id, 'closed'),
      createFolder(state, 'Interview'),
      renameFolder(state, 'inbox', 'X'),
      moveFolder(state, 'inbox', 'down'),
      checkFolderDeletable(state, 'inbox'),
      deleteFolder(state, 'inbox'),
      createLabel(state, { name: 'New', color: '#2563eb' }),
      updateLabel(state, label.id, { name: 'X' }),
      deleteLabel(state, label.id),
      createAttribute(state, 'Shift', 'text'),
      renameAttribute(state, 'years', 'Experience'),
      deleteAttribute(state, 'years'),
      addTeammate(state, { name: 'Bo', email: 'bo@example.com', role: 'manager' }),
    ]);
    for (const outcome of outcomes) {
      expect(outcome.ok).toBe(false);
      if (!outcome.ok) expect(outcome.error).toMatch(/^Only (owners and managers|the owner) can /);
    }
    expect(await state.db.outbox.count()).toBe(0);
    expect(await state.db.activities.count()).toBe(0);
    expect(state.notice.value).toBeNull();
  });

  it('may still count a label’s leads (reading is for everyone)', async () => {
    const label = makeLabel();
    await state.db.labels.add(label);
    await state.db.leads.add(makeLead({ labels: [label.id] }));
    expect(await countLabelLeads(state, label.id)).toEqual({ ok: true, value: 1 });
  });
});

describe('as a Manager', () => {
  beforeEach(() => actAs('manager'));

  it('manages campaigns, folders, labels and fields, signed by the real user', async () => {
    const campaign = makeCampaign({ name: 'Nurse' });
    await state.db.campaigns.add(campaign);
    await state.db.leads.add(makeLead({ campaignId: campaign.id }));

    expect(await renameCampaign(state, campaign.id, { name: 'Senior Nurse' })).toMatchObject({ ok: true });
    expect(await setCampaignStatus(state, campaign.id, 'closed')).toMatchObject({ ok: true });
    expect(state.notice.value).toBe('Campaign “Senior Nurse” closed. Its 1 lead is kept.');
    const folder = await createFolder(state, 'Interview');
    expect(folder.ok).toBe(true);
    const label = await createLabel(state, { name: 'Urgent', color: '#2563eb' });
    expect(label.ok).toBe(true);
    expect((await createAttribute(state, 'Shift', 'text')).ok).toBe(true);

    const outbox = await state.db.outbox.toArray();
    expect(outbox.map((o) => o.mutation)).toEqual([
      'renameCampaign',
      'setCampaignStatus',
      'createFolder',
      'createLabel',
      'upsertAttributeDef',
    ]);
    // Acting as a role is a view: the owner's id signs every change.
    expect(outbox.every((o) => o.actorId === owner.id)).toBe(true);
  });

  it('returns the mutation’s refusal as the error', async () => {
    const created = await createLabel(state, { name: 'Urgent', color: '#2563eb' });
    expect(created.ok).toBe(true);
    expect(await createLabel(state, { name: 'URGENT', color: '#2563eb' })).toEqual({
      ok: false,
      error: 'There is already a label called “Urgent”.',
    });
    const refused = await createLabel(state, { name: 'a,b', color: '#2563eb' });
    expect(refused.ok ? null : refused.error).toMatch(/cannot contain “,”/);
  });

  it('refuses deleting a folder with leads before asking, saying how many', async () => {
    const created = await createFolder(state, 'Interview');
    if (!created.ok) throw new Error(created.error);
    await reloadCatalog(state);
    await state.db.leads.bulkAdd([makeLead({ folderId: created.value.id }), makeLead({ folderId: created.value.id })]);
    expect(await checkFolderDeletable(state, created.value.id)).toEqual({
      ok: false,
      error: '“Interview” still holds 2 leads. Move them to another folder, then delete the folder.',
    });
    expect(await checkFolderDeletable(state, 'inbox')).toEqual({ ok: false, error: 'Default folders cannot be deleted.' });
    await state.db.leads.clear();
    expect(await checkFolderDeletable(state, created.value.id)).toEqual({ ok: true, value: 0 });
    expect((await deleteFolder(state, created.value.id)).ok).toBe(true);
    expect(state.notice.value).toBe('Folder “Interview” deleted.');
  });

  it('may not add teammates', async () => {
    expect(await addTeammate(state, { name: 'Bo', email: 'bo@example.com', role: 'manager' })).toEqual({
      ok: false,
      error: 'Only the owner can add teammates.',
    });
  });
});

describe('as the Owner', () => {
  it('adds a teammate', async () => {
    actAs(null);
    const outcome = await addTeammate(state, { name: 'Bo Santos', email: 'bo@example.com', role: 'limited_manager' });
    expect(outcome).toMatchObject({ ok: true, value: { name: 'Bo Santos', role: 'limited_manager' } });
    expect(state.notice.value).toBe('Bo Santos added to the workspace.');
    expect(await state.db.users.count()).toBe(2);
  });
});
