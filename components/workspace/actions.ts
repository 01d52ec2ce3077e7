/**
 * The Workspace screen's actions: each checks can() for the acting user (the dev-only "act as
 * role" included), runs one named mutation as the real user, and returns an Outcome the
 * component shows where the recruiter is looking (in the dialog, or beside the list).
 */
import type { AttributeType, CampaignStatus, Id, Role, User } from '../../lib/domain/model';
import { can, type Action } from '../../lib/domain/permissions';
import { UserError, describeError } from '../../lib/db/errors';
import type { MutationContext } from '../../lib/db/mutate';
import * as admin from '../../lib/db/mutations/workspace-admin';
import type { AppState } from '../app/state';

export type Outcome<T = void> = { ok: true; value: T } | { ok: false; error: string };

export type ManageAction = Extract<Action, 'campaign.manage' | 'folder.manage' | 'label.manage' | 'attribute.manage' | 'user.manage'>;

/** Why a control is read-only, in words a Limited Manager (or Manager, for teammates) can read. */
export const READ_ONLY_REASONS: Record<ManageAction, string> = {
  'campaign.manage': 'Only owners and managers can create, rename, close or reopen campaigns.',
  'folder.manage': 'Only owners and managers can add, rename, reorder or delete folders.',
  'label.manage': 'Only owners and managers can create, edit or delete labels.',
  'attribute.manage': 'Only owners and managers can add, rename or delete custom fields.',
  'user.manage': 'Only the owner can add teammates.',
};

/** null when the acting user may do it, else the reason they may not. */
export function permissionProblem(actor: Pick<User, 'role'> | null | undefined, action: ManageAction): string | null {
  return can(actor, action) ? null : READ_ONLY_REASONS[action];
}

async function run<T>(
  state: AppState,
  action: ManageAction,
  label: string,
  work: (ctx: MutationContext) => Promise<T>,
  notice?: (value: T) => string,
): Promise<Outcome<T>> {
  const problem = permissionProblem(state.actor.value, action);
  if (problem) return { ok: false, error: problem };
  const self = state.self.value;
  if (!self) return { ok: false, error: 'Leadside is still opening your workspace. Try again in a moment.' };
  state.busy.value = label;
  try {
    // The real user signs the change: acting as a role is a view, not another identity.
    const value = await work({ db: state.db, actorId: self.id });
    if (notice) state.notice.value = notice(value);
    return { ok: true, value };
  } catch (error) {
    // A refusal (UserError) is an answer for the recruiter, not a fault to log.
    if (!(error instanceof UserError)) console.error(`Leadside: ${label} failed`, error);
    return { ok: false, error: describeError(error) };
  } finally {
    state.busy.value = null;
  }
}

// Campaigns ------------------------------------------------------------------------------------

export function renameCampaign(state: AppState, id: Id, input: admin.CampaignRename) {
  return run(state, 'campaign.manage', 'Renaming the campaign', (ctx) => admin.renameCampaign(ctx, id, input), (c) =>
    `Campaign renamed to “${c.name}”.`,
  );
}

export function setCampaignStatus(state: AppState, id: Id, status: CampaignStatus) {
  return run(
    state,
    'campaign.manage',
    status === 'closed' ? 'Closing the campaign' : 'Reopening the campaign',
    (ctx) => admin.setCampaignStatus(ctx, id, status),
    ({ campaign, leadCount }) =>
      status === 'closed'
        ? `Campaign “${campaign.name}” closed. Its ${leadCount.toLocaleString('en')} ${leadCount === 1 ? 'lead is' : 'leads are'} kept.`
        : `Campaign “${campaign.name}” reopened.`,
  );
}

// Folders --------------------------------------------------------------------------------------

export function createFolder(state: AppState, name: string) {
  return run(state, 'folder.manage', 'Adding the folder', (ctx) => admin.createFolder(ctx, name), (f) =>
    `Folder “${f.name}” added.`,
  );
}

export function renameFolder(state: AppState, id: Id, name: string) {
  return run(state, 'folder.manage', 'Renaming the folder', (ctx) => admin.renameFolder(ctx, id, name), (f) =>
    `Folder renamed to “${f.name}”.`,
  );
}

export function moveFolder(state: AppState, id: Id, direction: 'up' | 'down') {
  return run(state, 'folder.manage', 'Moving the folder', (ctx) => admin.moveFolder(ctx, id, direction));
}

/**
 * The first step of deleting a folder: refused at once (saying how many leads it holds) when it
 * is not empty, so the recruiter is asked to confirm only a deletion that can happen.
 */
export async function checkFolderDeletable(state: AppState, id: Id): Promise<Outcome<number>> {
  const problem = permissionProblem(state.actor.value, 'folder.manage');
  if (problem) return { ok: false, error: problem };
  const folder = state.folderById.value.get(id);
  if (!folder) return { ok: false, error: 'That folder no longer exists.' };
  if (folder.kind === 'default') return { ok: false, error: 'Default folders cannot be deleted.' };
  try {
    const count = await admin.countLeadsInFolder(state.db, id);
    if (count > 0) return { ok: false, error: admin.folderNotEmptyMessage(folder.name, count) };
    return { ok: true, value: 0 };
  } catch (error) {
    return { ok: false, error: describeError(error) };
  }
}

export function deleteFolder(state: AppState, id: Id) {
  const name = state.folderById.value.get(id)?.name ?? 'The folder';
  return run(state, 'folder.manage', 'Deleting the folder', (ctx) => admin.deleteFolder(ctx, id), () =>
    `Folder “${name}” deleted.`,
  );
}

// Labels ---------------------------------------------------------------------------------------

export function createLabel(state: AppState, input: admin.LabelInput) {
  return run(state, 'label.manage', 'Creating the label', (ctx) => admin.createLabel(ctx, input), (l) =>
    `Label “${l.name}” created.`,
  );
}

export function updateLabel(state: AppState, id: Id, change: Partial<admin.LabelInput>) {
  return run(state, 'label.manage', 'Saving the label', (ctx) => admin.updateLabel(ctx, id, change), (l) =>
    `Label “${l.name}” saved.`,
  );
}

/** How many leads carry a label: what its delete confirmation states. */
export async function countLabelLeads(state: AppState, id: Id): Promise<Outcome<number>> {
  try {
    return { ok: true, value: await admin.countLeadsWithLabel(state.db, id) };
  } catch (error) {
    return { ok: false, error: describeError(error) };
  }
}

export function deleteLabel(state: AppState, id: Id) {
  const name = state.labelById.value.get(id)?.name ?? 'The label';
  return run(state, 'label.manage', 'Deleting the label', (ctx) => admin.deleteLabel(ctx, id), ({ affected }) =>
    `Label “${name}” deleted and removed from ${affected.toLocaleString('en')} ${affected === 1 ? 'lead' : 'leads'}.`,
  );
}

// Custom fields --------------------------------------------------------------------------------

export function createAttribute(state: AppState, label: string, type: AttributeType) {
  return run(state, 'attribute.manage', 'Adding the custom field', (ctx) => admin.upsertAttributeDef(ctx, { label, type }), (d) =>
    `Custom field “${d.label}” added.`,
  );
}

export function renameAttribute(state: AppState, key: string, label: string) {
  const def = state.attributeDefs.value.find((d) => d.key === key);
  return run(
    state,
    'attribute.manage',
    'Renaming the custom field',
    (ctx) => admin.upsertAttributeDef(ctx, { key, label, type: def?.type ?? 'text' }),
    (d) => `Custom field renamed to “${d.label}”.`,
  );
}

export function deleteAttribute(state: AppState, key: string) {
  const label = state.attributeDefs.value.find((d) => d.key === key)?.label ?? 'The custom field';
  return run(state, 'attribute.manage', 'Deleting the custom field', (ctx) => admin.deleteAttributeDef(ctx, key), () =>
    `Custom field “${label}” deleted.`,
  );
}

// Teammates ------------------------------------------------------------------------------------

export function addTeammate(state: AppState, input: { name: string; email: string; role: Role }) {
  return run(state, 'user.manage', 'Adding the teammate', (ctx) => admin.addTeammate(ctx, input), (u) =>
    `${u.name} added to the workspace.`,
  );
}
