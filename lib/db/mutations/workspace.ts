import { DEFAULT_FOLDERS, type Folder, type User, type Workspace } from '../../domain/model';
import { newId, type MutationContext } from '../mutate';
import type { LeadsideDB } from '../schema';
import { mutate } from '../mutate';

export interface WorkspaceInfo {
  workspace: Workspace;
  self: User;
}

/**
 * First run: one local workspace whose only real user is the Owner, and the seven default
 * folders. Safe to call from every context at every start: it creates what is missing only.
 */
export async function ensureWorkspace(db: LeadsideDB, now = Date.now()): Promise<WorkspaceInfo> {
  const existing = await readWorkspace(db);
  if (existing) return existing;
  const selfId = newId(now);
  try {
    return await mutate(
      { db, actorId: selfId, now: () => now },
      'ensureWorkspace',
      {},
      ['workspaces', 'users', 'folders'],
      async () => {
        // Checked again inside the transaction: two contexts may start at once. The loser rolls
        // back, so it leaves no outbox record (in the name of a user that was never created).
        const again = await readWorkspace(db);
        if (again) throw new AlreadyCreated(again);
        const workspace: Workspace = { id: newId(now), name: 'My workspace', createdAt: now, updatedAt: now };
        const self: User = { id: selfId, name: 'You', email: '', role: 'owner', isSelf: true, updatedAt: now };
        const folders: Folder[] = DEFAULT_FOLDERS.map((f, order) => ({
          id: f.id,
          name: f.name,
          kind: 'default',
          order,
          updatedAt: now,
        }));
        await db.workspaces.add(workspace);
        await db.users.add(self);
        await db.folders.bulkPut(folders);
        return { workspace, self };
      },
    );
  } catch (error) {
    if (error instanceof AlreadyCreated) return error.info;
    throw error;
  }
}

/** Rolls back ensureWorkspace's transaction when another context created the workspace first. */
class AlreadyCreated extends Error {
  constructor(readonly info: WorkspaceInfo) {
    super('The workspace already exists.');
  }
}

export async function readWorkspace(db: LeadsideDB): Promise<WorkspaceInfo | null> {
  const workspace = await db.workspaces.toCollection().first();
  if (!workspace) return null;
  const self = (await db.users.filter((u) => u.isSelf === true).first()) ?? null;
  if (!self) return null;
  return { workspace, self };
}

export interface ProfileChange {
  name: string;
  email: string;
  avatar?: string;
}

/** Your own profile is your User row (DESIGN §1); the Options page edits it. */
export async function updateSelf(ctx: MutationContext, change: ProfileChange): Promise<User> {
  return mutate(ctx, 'updateSelf', change, ['users'], async (scope) => {
    const self = await scope.db.users.get(scope.actorId);
    if (!self) throw new Error('Your user record is missing.');
    const next: User = { ...self, ...change, updatedAt: scope.now };
    if (!change.avatar) delete next.avatar;
    await scope.db.users.put(next);
    return next;
  });
}

export async function renameWorkspace(ctx: MutationContext, name: string): Promise<void> {
  await mutate(ctx, 'renameWorkspace', { name }, ['workspaces'], async (scope) => {
    const ws = await scope.db.workspaces.toCollection().first();
    if (ws) await scope.db.workspaces.put({ ...ws, name, updatedAt: scope.now });
  });
}
