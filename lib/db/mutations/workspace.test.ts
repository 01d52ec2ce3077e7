import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeDb } from '../../../tests/factories';
import type { LeadsideDB } from '../schema';
import { ensureWorkspace, readWorkspace, renameWorkspace, updateSelf } from './workspace';

let db: LeadsideDB;
const NOW = Date.UTC(2024, 2, 1);

beforeEach(() => {
  db = makeDb();
});

afterEach(async () => {
  await db.delete();
});

const DESIGN_FOLDERS = ['Inbox', 'Completed', 'Shortlisted', 'On Hold', 'Hired', 'Rejected', 'No Response'];

async function counts() {
  return {
    workspaces: await db.workspaces.count(),
    users: await db.users.count(),
    folders: await db.folders.count(),
    outbox: await db.outbox.count(),
  };
}

describe('ensureWorkspace', () => {
  it('creates one workspace, an owner who is you, and the seven default folders in order', async () => {
    const { workspace, self } = await ensureWorkspace(db, NOW);
    expect(await db.workspaces.toArray()).toEqual([workspace]);
    expect(await db.users.toArray()).toEqual([self]);
    expect(self).toMatchObject({ role: 'owner', isSelf: true, updatedAt: NOW });
    const folders = await db.folders.orderBy('order').toArray();
    expect(folders.map((f) => f.name)).toEqual(DESIGN_FOLDERS);
    expect(folders.map((f) => f.order)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(folders.every((f) => f.kind === 'default')).toBe(true);
    expect(folders[0]!.id).toBe('inbox');
    expect(folders[6]!.id).toBe('no_response');
  });

  it('records itself in the outbox as done by the new owner', async () => {
    const { self } = await ensureWorkspace(db, NOW);
    const outbox = await db.outbox.toArray();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ mutation: 'ensureWorkspace', args: {}, actorId: self.id, at: NOW });
  });

  it('creates nothing the second time and returns the same workspace', async () => {
    const first = await ensureWorkspace(db, NOW);
    const second = await ensureWorkspace(db, NOW + 1000);
    expect(second).toEqual(first);
    expect(await counts()).toEqual({ workspaces: 1, users: 1, folders: 7, outbox: 1 });
  });

  it('creates nothing twice when called concurrently', async () => {
    const announced: string[] = [];
    db.changes.subscribe((c) => announced.push(c.mutation));
    const results = await Promise.all([ensureWorkspace(db, NOW), ensureWorkspace(db, NOW), ensureWorkspace(db, NOW)]);
    expect(await counts()).toEqual({ workspaces: 1, users: 1, folders: 7, outbox: 1 });
    expect(announced).toEqual(['ensureWorkspace']);
    // The outbox names the owner that exists, not one of the losers' would-be owners.
    expect((await db.outbox.toArray())[0]!.actorId).toBe((await db.users.toArray())[0]!.id);
    const stored = await readWorkspace(db);
    for (const r of results) {
      expect(r.workspace.id).toBe(stored!.workspace.id);
      expect(r.self.id).toBe(stored!.self.id);
    }
  });

  it('creates nothing twice when two database connections (two extension contexts) start at once', async () => {
    const { LeadsideDB } = await import('../schema');
    const other = new LeadsideDB(db.name);
    try {
      await Promise.all([ensureWorkspace(db, NOW), ensureWorkspace(other, NOW)]);
      expect(await counts()).toEqual({ workspaces: 1, users: 1, folders: 7, outbox: 1 });
    } finally {
      other.close();
    }
  });
});

describe('readWorkspace', () => {
  it('is null on a fresh database', async () => {
    expect(await readWorkspace(db)).toBeNull();
  });

  it('finds the workspace and you among teammates', async () => {
    const { self } = await ensureWorkspace(db, NOW);
    await db.users.add({ id: 'mate', name: 'Teammate', email: 't@example.com', role: 'manager', updatedAt: NOW });
    expect((await readWorkspace(db))!.self.id).toBe(self.id);
  });
});

describe('updateSelf', () => {
  it('changes your profile and drops a removed photo', async () => {
    const { self } = await ensureWorkspace(db, NOW);
    const ctx = { db, actorId: self.id, now: () => NOW + 1 };
    await updateSelf(ctx, { name: 'Ana Reyes', email: 'ana@example.com', avatar: 'data:image/png;base64,AA==' });
    expect(await db.users.get(self.id)).toMatchObject({
      name: 'Ana Reyes',
      email: 'ana@example.com',
      avatar: 'data:image/png;base64,AA==',
      role: 'owner',
      isSelf: true,
      updatedAt: NOW + 1,
    });
    const next = await updateSelf(ctx, { name: 'Ana Reyes', email: 'ana@example.com' });
    expect('avatar' in next).toBe(false);
    expect((await db.users.get(self.id))!.avatar).toBeUndefined();
    const last = (await db.outbox.orderBy('id').last())!;
    expect(last).toMatchObject({ mutation: 'updateSelf', actorId: self.id, args: { name: 'Ana Reyes' } });
  });

  it('fails without writing when your user row is missing', async () => {
    await ensureWorkspace(db, NOW);
    await expect(updateSelf({ db, actorId: 'nobody' }, { name: 'X', email: '' })).rejects.toThrow(/missing/);
    expect(await db.outbox.count()).toBe(1);
  });
});

describe('renameWorkspace', () => {
  it('renames the one workspace and logs it', async () => {
    const { self, workspace } = await ensureWorkspace(db, NOW);
    await renameWorkspace({ db, actorId: self.id, now: () => NOW + 5 }, 'Acme Recruiting');
    expect(await db.workspaces.get(workspace.id)).toMatchObject({ name: 'Acme Recruiting', updatedAt: NOW + 5 });
    expect((await db.outbox.orderBy('id').last())!).toMatchObject({
      mutation: 'renameWorkspace',
      args: { name: 'Acme Recruiting' },
      actorId: self.id,
    });
  });
});
