/**
 * Workspace management (DESIGN §1, managers): campaigns, folders, labels, custom fields and
 * teammates. Each function is one named mutation: its rows, an Activity row and the outbox
 * record commit together, or nothing does. Names are checked by lib/domain/names.ts, again
 * inside the transaction for uniqueness (another context may have written in between).
 * Permissions are checked by the caller with can() (and, in team mode, by the server).
 */
import type {
  Activity,
  AttributeDef,
  AttributeType,
  Campaign,
  CampaignStatus,
  Folder,
  Id,
  Label,
  Lead,
  Role,
  User,
} from '../../domain/model';
import {
  attributeKeyFor,
  checkAttributeLabel,
  checkColor,
  checkEmail,
  checkFolderName,
  checkLabelName,
  checkPersonName,
  duplicateProblem,
  type NameCheck,
} from '../../domain/names';
import { UserError } from '../errors';
import { mutate, newId, type MutationScope, type MutationContext } from '../mutate';
import type { LeadsideDB } from '../schema';
import { validateCampaign } from './campaigns';

/** The checked value, or a UserError with the check's message. */
function required(result: NameCheck): { name: string; key: string } {
  if (!result.ok) throw new UserError(result.problem);
  return result;
}

function activity(scope: MutationScope, what: string, before?: unknown, after?: unknown): Activity {
  const row: Activity = { id: newId(scope.now), at: scope.now, actorId: scope.actorId, what, updatedAt: scope.now };
  if (before !== undefined) row.before = before;
  if (after !== undefined) row.after = after;
  return row;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

// ---------------------------------------------------------------------------------------------
// Campaigns
// ---------------------------------------------------------------------------------------------

export interface CampaignRename {
  name: string;
  /** Left as it is when absent. */
  location?: string;
}

export async function renameCampaign(ctx: MutationContext, campaignId: Id, input: CampaignRename): Promise<Campaign> {
  const clean = validateCampaign({ name: input.name, location: input.location ?? '' });
  const args = { campaignId, name: clean.name, ...(input.location !== undefined ? { location: clean.location } : {}) };
  return mutate(ctx, 'renameCampaign', args, ['campaigns', 'activities'], async (scope) => {
    const campaign = await scope.db.campaigns.get(campaignId);
    if (!campaign) throw new UserError('That campaign no longer exists.');
    const location = input.location !== undefined ? clean.location : campaign.location;
    const next: Campaign = { ...campaign, name: clean.name, location, updatedAt: scope.now };
    await scope.db.campaigns.put(next);
    await scope.db.activities.add(
      activity(
        scope,
        'campaign.renamed',
        { campaignId, name: campaign.name, location: campaign.location },
        { campaignId, name: next.name, location: next.location },
      ),
    );
    return next;
  });
}

export interface CampaignStatusResult {
  campaign: Campaign;
  /** Leads of the campaign: kept whatever its status. */
  leadCount: number;
}

/** Close (hidden from pickers by default, leads kept) or reopen a campaign. */
export async function setCampaignStatus(
  ctx: MutationContext,
  campaignId: Id,
  status: CampaignStatus,
): Promise<CampaignStatusResult> {
  if (status !== 'open' && status !== 'closed') throw new UserError('A campaign is either open or closed.');
  return mutate(ctx, 'setCampaignStatus', { campaignId, status }, ['campaigns', 'leads', 'activities'], async (scope) => {
    const campaign = await scope.db.campaigns.get(campaignId);
    if (!campaign) throw new UserError('That campaign no longer exists.');
    const leadCount = await scope.db.leads.where('campaignId').equals(campaignId).count();
    if (campaign.status === status) return { campaign, leadCount };
    const next: Campaign = { ...campaign, status, updatedAt: scope.now };
    await scope.db.campaigns.put(next);
    await scope.db.activities.add(
      activity(
        scope,
        status === 'closed' ? 'campaign.closed' : 'campaign.reopened',
        { campaignId, status: campaign.status },
        { campaignId, status },
      ),
    );
    return { campaign: next, leadCount };
  });
}

// ---------------------------------------------------------------------------------------------
// Folders
// ---------------------------------------------------------------------------------------------

/** Folders in display order; ties (e.g. imported rows) broken by id so the order is stable. */
function ordered(folders: Folder[]): Folder[] {
  return folders.sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

async function customFolder(scope: MutationScope, folderId: Id, refusal: string): Promise<Folder> {
  const folder = await scope.db.folders.get(folderId);
  if (!folder) throw new UserError('That folder no longer exists.');
  if (folder.kind === 'default') throw new UserError(refusal);
  return folder;
}

export async function createFolder(ctx: MutationContext, name: string): Promise<Folder> {
  const clean = required(checkFolderName(name));
  return mutate(ctx, 'createFolder', { name: clean.name }, ['folders', 'activities'], async (scope) => {
    const folders = await scope.db.folders.toArray();
    const twin = duplicateProblem('folder', clean.key, folders);
    if (twin) throw new UserError(twin);
    const order = folders.reduce((max, f) => Math.max(max, f.order), -1) + 1;
    const folder: Folder = { id: newId(scope.now), name: clean.name, kind: 'custom', order, updatedAt: scope.now };
    await scope.db.folders.add(folder);
    await scope.db.activities.add(activity(scope, 'folder.created', undefined, { folderId: folder.id, name: folder.name }));
    return folder;
  });
}

export async function renameFolder(ctx: MutationContext, folderId: Id, name: string): Promise<Folder> {
  const clean = required(checkFolderName(name));
  return mutate(ctx, 'renameFolder', { folderId, name: clean.name }, ['folders', 'activities'], async (scope) => {
    const folder = await customFolder(scope, folderId, 'Default folders cannot be renamed.');
    const twin = duplicateProblem('folder', clean.key, await scope.db.folders.toArray(), folderId);
    if (twin) throw new UserError(twin);
    const next: Folder = { ...folder, name: clean.name, updatedAt: scope.now };
    await scope.db.folders.put(next);
    await scope.db.activities.add(
      activity(scope, 'folder.renamed', { folderId, name: folder.name }, { folderId, name: next.name }),
    );
    return next;
  });
}

/**
 * Moves a custom folder one place up or down the pipeline, past whatever folder is there;
 * default folders keep their place (and so their order relative to each other).
 */
export async function moveFolder(ctx: MutationContext, folderId: Id, direction: 'up' | 'down'): Promise<Folder[]> {
  return mutate(ctx, 'moveFolder', { folderId, direction }, ['folders', 'activities'], async (scope) => {
    const folder = await customFolder(scope, folderId, 'Default folders keep their place.');
    const folders = ordered(await scope.db.folders.toArray());
    const at = folders.findIndex((f) => f.id === folderId);
    const to = direction === 'up' ? at - 1 : at + 1;
    if (to < 0 || to >= folders.length) {
      throw new UserError(`“${folder.name}” is already ${direction === 'up' ? 'first' : 'last'}.`);
    }
    const before = folders.map((f) => f.id);
    [folders[at], folders[to]] = [folders[to]!, folders[at]!];
    // Renumbered 0…n-1 so duplicate or sparse orders (imports, sample data) never block a move.
    const changed: Folder[] = [];
    folders.forEach((f, i) => {
      if (f.order !== i) changed.push({ ...f, order: i, updatedAt: scope.now });
    });
    await scope.db.folders.bulkPut(changed);
    await scope.db.activities.add(
      activity(scope, 'folder.moved', { folderId, order: before }, { folderId, order: folders.map((f) => f.id) }),
    );
    return folders.map((f) => changed.find((c) => c.id === f.id) ?? f);
  });
}

/** Deletes an empty custom folder; a folder still holding leads is refused, saying how many. */
export async function deleteFolder(ctx: MutationContext, folderId: Id): Promise<void> {
  await mutate(ctx, 'deleteFolder', { folderId }, ['folders', 'leads', 'activities'], async (scope) => {
    const folder = await customFolder(scope, folderId, 'Default folders cannot be deleted.');
    const count = await scope.db.leads.where('folderId').equals(folderId).count();
    if (count > 0) throw new UserError(folderNotEmptyMessage(folder.name, count));
    await scope.db.folders.delete(folderId);
    await scope.tombstone('folders', folderId);
    await scope.db.activities.add(activity(scope, 'folder.deleted', { folderId, name: folder.name }));
  });
}

/** Why a folder holding leads cannot be deleted (the UI says it before asking, too). */
export function folderNotEmptyMessage(name: string, count: number): string {
  const them = count === 1 ? 'it' : 'them';
  return `“${name}” still holds ${plural(count, 'lead')}. Move ${them} to another folder, then delete the folder.`;
}

export function countLeadsInFolder(db: LeadsideDB, folderId: Id): Promise<number> {
  return db.leads.where('folderId').equals(folderId).count();
}

// ---------------------------------------------------------------------------------------------
// Labels
// ---------------------------------------------------------------------------------------------

export interface LabelInput {
  name: string;
  color: string;
}

export async function createLabel(ctx: MutationContext, input: LabelInput): Promise<Label> {
  const name = required(checkLabelName(input.name));
  const color = required(checkColor(input.color)).name;
  return mutate(ctx, 'createLabel', { name: name.name, color }, ['labels', 'activities'], async (scope) => {
    const twin = duplicateProblem('label', name.key, await scope.db.labels.toArray());
    if (twin) throw new UserError(twin);
    const label: Label = { id: newId(scope.now), name: name.name, nameKey: name.key, color, updatedAt: scope.now };
    await scope.db.labels.add(label);
    await scope.db.activities.add(activity(scope, 'label.created', undefined, { labelId: label.id, name: label.name, color }));
    return label;
  });
}

/** Renames and/or recolors a label; its leads keep it (they hold its id). */
export async function updateLabel(ctx: MutationContext, labelId: Id, change: Partial<LabelInput>): Promise<Label> {
  const name = change.name !== undefined ? required(checkLabelName(change.name)) : null;
  const color = change.color !== undefined ? required(checkColor(change.color)).name : null;
  const args = { labelId, ...(name ? { name: name.name } : {}), ...(color ? { color } : {}) };
  return mutate(ctx, 'updateLabel', args, ['labels', 'activities'], async (scope) => {
    const label = await scope.db.labels.get(labelId);
    if (!label) throw new UserError('That label no longer exists.');
    if (name) {
      const twin = duplicateProblem('label', name.key, await scope.db.labels.toArray(), labelId);
      if (twin) throw new UserError(twin);
    }
    const next: Label = {
      ...label,
      ...(name ? { name: name.name, nameKey: name.key } : {}),
      ...(color ? { color } : {}),
      updatedAt: scope.now,
    };
    await scope.db.labels.put(next);
    await scope.db.activities.add(
      activity(
        scope,
        'label.updated',
        { labelId, name: label.name, color: label.color },
        { labelId, name: next.name, color: next.color },
      ),
    );
    return next;
  });
}

/** Deletes a label and, in the same transaction, takes it off every lead carrying it. */
export async function deleteLabel(ctx: MutationContext, labelId: Id): Promise<{ affected: number }> {
  return mutate(ctx, 'deleteLabel', { labelId }, ['labels', 'leads', 'activities'], async (scope) => {
    const label = await scope.db.labels.get(labelId);
    if (!label) throw new UserError('That label no longer exists.');
    const carriers = await scope.db.leads.where('labels').equals(labelId).toArray();
    const updated: Lead[] = carriers.map((lead) => ({
      ...lead,
      labels: lead.labels.filter((id) => id !== labelId),
      updatedAt: scope.now,
    }));
    await scope.db.leads.bulkPut(updated);
    await scope.db.labels.delete(labelId);
    await scope.tombstone('labels', labelId);
    await scope.db.activities.add(
      activity(scope, 'label.deleted', { labelId, name: label.name, color: label.color }, { leadsAffected: updated.length }),
    );
    scope.wroteLeads(updated);
    return { affected: updated.length };
  });
}

export function countLeadsWithLabel(db: LeadsideDB, labelId: Id): Promise<number> {
  return db.leads.where('labels').equals(labelId).count();
}

// ---------------------------------------------------------------------------------------------
// Custom fields (attribute definitions)
// ---------------------------------------------------------------------------------------------

export const ATTRIBUTE_TYPES: readonly AttributeType[] = ['text', 'number', 'date'];

export interface AttributeInput {
  /** Absent to create (the key is derived from the label); present to rename that field. */
  key?: string;
  label: string;
  /** Chosen at creation; a rename keeps the field's type (its values were entered as that type). */
  type: AttributeType;
}

export async function upsertAttributeDef(ctx: MutationContext, input: AttributeInput): Promise<AttributeDef> {
  const label = required(checkAttributeLabel(input.label));
  if (!ATTRIBUTE_TYPES.includes(input.type)) throw new UserError('A custom field is text, a number or a date.');
  const args = { ...(input.key !== undefined ? { key: input.key } : {}), label: label.name, type: input.type };
  return mutate(ctx, 'upsertAttributeDef', args, ['attributeDefs', 'activities'], async (scope) => {
    const defs = await scope.db.attributeDefs.toArray();
    const rows = defs.map((d) => ({ id: d.key, name: d.label }));
    const twin = duplicateProblem('custom field', label.key, rows, input.key);
    if (twin) throw new UserError(twin);
    if (input.key !== undefined) {
      const existing = defs.find((d) => d.key === input.key);
      if (!existing) throw new UserError('That custom field no longer exists.');
      const next: AttributeDef = { ...existing, label: label.name, updatedAt: scope.now };
      await scope.db.attributeDefs.put(next);
      await scope.db.activities.add(
        activity(scope, 'attribute.renamed', { key: existing.key, label: existing.label }, { key: next.key, label: next.label }),
      );
      return next;
    }
    const key = attributeKeyFor(label.name, defs.map((d) => d.key));
    const def: AttributeDef = { key, label: label.name, type: input.type, updatedAt: scope.now };
    await scope.db.attributeDefs.add(def);
    await scope.db.activities.add(activity(scope, 'attribute.created', undefined, { key, label: def.label, type: def.type }));
    return def;
  });
}

/**
 * Deletes a custom field's definition. Values already entered stay on the leads, unshown, so
 * that deleting a field never rewrites every lead (and re-creating it brings them back).
 */
export async function deleteAttributeDef(ctx: MutationContext, key: string): Promise<void> {
  await mutate(ctx, 'deleteAttributeDef', { key }, ['attributeDefs', 'activities'], async (scope) => {
    const def = await scope.db.attributeDefs.get(key);
    if (!def) throw new UserError('That custom field no longer exists.');
    await scope.db.attributeDefs.delete(key);
    await scope.tombstone('attributeDefs', key);
    await scope.db.activities.add(activity(scope, 'attribute.deleted', { key, label: def.label, type: def.type }));
  });
}

// ---------------------------------------------------------------------------------------------
// Teammates
// ---------------------------------------------------------------------------------------------

/** Roles a teammate can be added with: there is one Owner (ownership is transferred, not added). */
export const TEAMMATE_ROLES: readonly Role[] = ['manager', 'limited_manager'];

export interface TeammateInput {
  name: string;
  email: string;
  role: Role;
}

export async function addTeammate(ctx: MutationContext, input: TeammateInput): Promise<User> {
  const name = required(checkPersonName(input.name)).name;
  const email = required(checkEmail(input.email));
  if (!TEAMMATE_ROLES.includes(input.role)) {
    throw new UserError('A teammate is a Manager or a Limited Manager; the workspace has one Owner.');
  }
  const args = { name, email: email.name, role: input.role };
  return mutate(ctx, 'addTeammate', args, ['users', 'activities'], async (scope) => {
    const users = await scope.db.users.toArray();
    const holder = users.find((u) => u.email.trim().toLowerCase() === email.key);
    if (holder) throw new UserError(`${holder.name} already has that email address.`);
    const user: User = { id: newId(scope.now), name, email: email.name, role: input.role, updatedAt: scope.now };
    await scope.db.users.add(user);
    await scope.db.activities.add(activity(scope, 'user.added', undefined, { userId: user.id, name, email: user.email, role: user.role }));
    return user;
  });
}
