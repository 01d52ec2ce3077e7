/**
 * The candidate profile's writes (DESIGN §1, §2): edits, assignment, labels, comments, the
 * do-not-contact flag, deleting an application and erasing a person. Each is one named mutation:
 * its rows, its Activity rows and its outbox record commit in one transaction, or nothing does.
 * Input is validated again here (the UI validates first, to show messages inline).
 */
import type { Action } from '../../domain/permissions';
import { can } from '../../domain/permissions';
import type { Activity, AttributeDef, Candidate, Comment, Id, Label, Lead } from '../../domain/model';
import type { CountryCode } from '../../domain/phone';
import { fullName } from '../../domain/text';
import {
  validateCandidateDraft,
  validateComment,
  validateDoNotContactReason,
  validateLabelName,
  validateLeadDraft,
  type CandidateDraft,
  type CandidatePatch,
  type FieldErrors,
  type LeadDraft,
  type LeadPatch,
} from '../../domain/validation';
import { UserError } from '../errors';
import { mutate, newId, type MutationContext, type MutationScope } from '../mutate';

/** A refusal of typed input, with a message per field. Nothing was written. */
export class ValidationError extends UserError {
  constructor(readonly fields: FieldErrors) {
    super(Object.values(fields)[0] ?? 'Check the highlighted fields: nothing was saved.');
    this.name = 'ValidationError';
  }
}

function activity(scope: MutationScope, what: string, fields: Partial<Activity>): Activity {
  return { id: newId(scope.now), at: scope.now, actorId: scope.actorId, what, updatedAt: scope.now, ...fields };
}

const ROLE_REFUSALS: Partial<Record<Action, string>> = {
  'lead.delete': 'Only the workspace owner can delete candidates.',
  'person.erase': 'Only the workspace owner can erase a person.',
  'label.manage': 'Only owners and managers can create labels.',
};

/** The stored role of the acting user decides (in team mode the server checks it again). */
async function requireRole(scope: MutationScope, action: Action): Promise<void> {
  const user = await scope.db.users.get(scope.actorId);
  if (!can(user, action)) throw new UserError(ROLE_REFUSALS[action] ?? 'You are not allowed to do that.');
}

async function getLead(scope: MutationScope, id: Id): Promise<Lead> {
  const lead = await scope.db.leads.get(id);
  if (!lead) throw new UserError('This application no longer exists.');
  return lead;
}

async function getCandidate(scope: MutationScope, id: Id): Promise<Candidate> {
  const candidate = await scope.db.candidates.get(id);
  if (!candidate) throw new UserError('This candidate no longer exists.');
  return candidate;
}

/** Sets the patched keys (deleting those set to undefined); returns what changed, before and after. */
function applyPatch<T extends object>(row: T, patch: object): { next: T; before: Record<string, unknown>; after: Record<string, unknown> } {
  const next = { ...row } as Record<string, unknown>;
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(patch)) {
    const old = next[key];
    // Lists (websites) compare by content: the form always sends a new array.
    if (old === value || (Array.isArray(old) && Array.isArray(value) && JSON.stringify(old) === JSON.stringify(value))) continue;
    before[key] = old ?? null;
    after[key] = value ?? null;
    if (value === undefined) delete next[key];
    else next[key] = value;
  }
  return { next: next as T, before, after };
}

// ---------------------------------------------------------------------------------------------
// Edits
// ---------------------------------------------------------------------------------------------

async function writeCandidateEdit(scope: MutationScope, candidateId: Id, patch: CandidatePatch, leadId?: Id): Promise<Candidate> {
  const candidate = await getCandidate(scope, candidateId);
  const { next, before, after } = applyPatch(candidate, patch);
  if (Object.keys(after).length === 0) return candidate;
  next.updatedAt = scope.now;
  await scope.db.candidates.put(next);
  await scope.db.activities.add(activity(scope, 'candidate.edited', { candidateId, leadId, before, after }));
  scope.wroteCandidates([next]);
  return next;
}

async function writeLeadEdit(scope: MutationScope, leadId: Id, patch: LeadPatch): Promise<Lead> {
  const lead = await getLead(scope, leadId);
  const { attributes, ...rest } = patch;
  const { next, before, after } = applyPatch(lead, rest);
  if (attributes) {
    const merged: Record<string, string | number> = { ...lead.attributes };
    for (const [key, value] of Object.entries(attributes)) {
      if (merged[key] === value) continue;
      before[`attributes.${key}`] = merged[key] ?? null;
      after[`attributes.${key}`] = value ?? null;
      if (value === undefined) delete merged[key];
      else merged[key] = value;
    }
    next.attributes = merged;
  }
  if (Object.keys(after).length === 0) return lead;
  next.updatedAt = scope.now;
  await scope.db.leads.put(next);
  await scope.db.activities.add(activity(scope, 'lead.edited', { leadId, candidateId: lead.candidateId, before, after }));
  scope.wroteLeads([next]);
  return next;
}

function checkCandidate(draft: Partial<CandidateDraft>, country: CountryCode): CandidatePatch {
  const result = validateCandidateDraft(draft, country);
  if (!result.ok) throw new ValidationError(result.errors);
  return result.value;
}

async function checkLead(scope: MutationScope, draft: Partial<LeadDraft>): Promise<LeadPatch> {
  const defs: AttributeDef[] = draft.attributes ? await scope.db.attributeDefs.toArray() : [];
  const result = validateLeadDraft(draft, defs);
  if (!result.ok) throw new ValidationError(result.errors);
  return result.value;
}

/** Edits a person's fields (names, email, phone → E.164 with `country`, links…). */
export async function editCandidate(
  ctx: MutationContext,
  candidateId: Id,
  draft: Partial<CandidateDraft>,
  country: CountryCode,
): Promise<Candidate> {
  const patch = checkCandidate(draft, country);
  return mutate(ctx, 'editCandidate', { candidateId, patch }, ['candidates', 'activities'], (scope) =>
    writeCandidateEdit(scope, candidateId, patch),
  );
}

/** Edits an application's fields (source, reject reason, custom attributes by definition). */
export async function editLead(ctx: MutationContext, leadId: Id, draft: Partial<LeadDraft>): Promise<Lead> {
  return mutate(ctx, 'editLead', { leadId, draft }, ['leads', 'attributeDefs', 'activities'], async (scope) =>
    writeLeadEdit(scope, leadId, await checkLead(scope, draft)),
  );
}

export interface ProfileDraft {
  candidate: Partial<CandidateDraft>;
  lead: Partial<LeadDraft>;
}

/**
 * The profile's Save: the person's and the application's fields in one transaction, so a
 * refusal or a full disk leaves both as they were. Every field error is reported at once.
 */
export async function editProfile(
  ctx: MutationContext,
  leadId: Id,
  draft: ProfileDraft,
  country: CountryCode,
): Promise<{ lead: Lead; candidate: Candidate }> {
  const candidateCheck = validateCandidateDraft(draft.candidate, country);
  return mutate(
    ctx,
    'editProfile',
    { leadId, candidate: candidateCheck.ok ? candidateCheck.value : null, lead: draft.lead },
    ['leads', 'candidates', 'attributeDefs', 'activities'],
    async (scope) => {
      const defs = await scope.db.attributeDefs.toArray();
      const leadCheck = validateLeadDraft(draft.lead, defs);
      if (!candidateCheck.ok || !leadCheck.ok) {
        throw new ValidationError({ ...(candidateCheck.ok ? {} : candidateCheck.errors), ...(leadCheck.ok ? {} : leadCheck.errors) });
      }
      const lead = await writeLeadEdit(scope, leadId, leadCheck.value);
      const candidate = await writeCandidateEdit(scope, lead.candidateId, candidateCheck.value, leadId);
      return { lead, candidate };
    },
  );
}

// ---------------------------------------------------------------------------------------------
// Assignment, do not contact
// ---------------------------------------------------------------------------------------------

/** Assigns leads to a recruiter (a User id), or unassigns them with null. Logged per lead. */
export async function assignLeads(ctx: MutationContext, leadIds: readonly Id[], userId: Id | null): Promise<number> {
  return mutate(ctx, 'assignLeads', { leadIds, userId }, ['leads', 'users', 'activities'], async (scope) => {
    if (userId !== null && !(await scope.db.users.get(userId))) throw new UserError('That recruiter is no longer in this workspace.');
    const leads = await scope.db.leads.bulkGet([...leadIds]);
    const changed: Lead[] = [];
    const activities: Activity[] = [];
    for (const lead of leads) {
      if (!lead || (lead.assignedTo ?? null) === userId) continue;
      const next: Lead = { ...lead, updatedAt: scope.now };
      if (userId === null) delete next.assignedTo;
      else next.assignedTo = userId;
      changed.push(next);
      activities.push(
        activity(scope, 'lead.assigned', {
          leadId: lead.id,
          candidateId: lead.candidateId,
          before: { assignedTo: lead.assignedTo ?? null },
          after: { assignedTo: userId },
        }),
      );
    }
    await scope.db.leads.bulkPut(changed);
    await scope.db.activities.bulkAdd(activities);
    scope.wroteLeads(changed);
    return changed.length;
  });
}

/**
 * Sets (with a reason) or clears (`null`) a person's do-not-contact flag. While it is set,
 * every send to them is refused (single and bulk alike).
 */
export async function setDoNotContact(
  ctx: MutationContext,
  candidateId: Id,
  flag: { reason: string } | null,
): Promise<Candidate> {
  let reason: string | null = null;
  if (flag) {
    const check = validateDoNotContactReason(flag.reason);
    if (!check.ok) throw new ValidationError(check.errors);
    reason = check.value;
  }
  return mutate(ctx, 'setDoNotContact', { candidateId, reason }, ['candidates', 'activities'], async (scope) => {
    const candidate = await getCandidate(scope, candidateId);
    const next: Candidate = { ...candidate, updatedAt: scope.now };
    if (reason === null) {
      if (!candidate.doNotContact) return candidate;
      delete next.doNotContact;
    } else {
      next.doNotContact = { at: scope.now, reason };
    }
    await scope.db.candidates.put(next);
    await scope.db.activities.add(
      activity(scope, reason === null ? 'candidate.contactAllowed' : 'candidate.doNotContact', {
        candidateId,
        before: { doNotContact: candidate.doNotContact ?? null },
        after: { doNotContact: next.doNotContact ?? null },
      }),
    );
    scope.wroteCandidates([next]);
    return next;
  });
}

// ---------------------------------------------------------------------------------------------
// Labels
// ---------------------------------------------------------------------------------------------

const LABEL_COLORS = ['#2563eb', '#7c3aed', '#db2777', '#ea580c', '#059669', '#0891b2', '#ca8a04', '#dc2626'];

function colorFor(key: string): string {
  let h = 0;
  for (let i = 0; i < key.length; i++) h = (h * 31 + key.charCodeAt(i)) | 0;
  return LABEL_COLORS[Math.abs(h) % LABEL_COLORS.length]!;
}

/**
 * Creates a label (owners and managers: `label.manage`); names are unique ignoring case. With
 * `leadId`, the new label is also put on that lead, in the same transaction.
 */
export async function createLabel(ctx: MutationContext, input: { name: string; color?: string; leadId?: Id }): Promise<Label> {
  const check = validateLabelName(input.name);
  if (!check.ok) throw new ValidationError(check.errors);
  const { name, nameKey } = check.value;
  const color = input.color && /^#[0-9a-f]{6}$/i.test(input.color) ? input.color : colorFor(nameKey);
  return mutate(ctx, 'createLabel', { name, color, leadId: input.leadId ?? null }, ['labels', 'users', 'leads', 'activities'], async (scope) => {
    await requireRole(scope, 'label.manage');
    const existing = await scope.db.labels.where('nameKey').equals(nameKey).first();
    if (existing) throw new ValidationError({ name: `A label called “${existing.name}” already exists: add it from the list instead.` });
    const label: Label = { id: newId(scope.now), name, nameKey, color, updatedAt: scope.now };
    await scope.db.labels.add(label);
    await scope.db.activities.add(activity(scope, 'label.created', { after: { labelId: label.id, name } }));
    if (input.leadId) await writeLabels(scope, [input.leadId], [label.id], 'add');
    return label;
  });
}

async function writeLabels(scope: MutationScope, leadIds: readonly Id[], labelIds: readonly Id[], mode: 'add' | 'remove'): Promise<number> {
  if (mode === 'add') {
    const found = await scope.db.labels.bulkGet([...labelIds]);
    if (found.some((l) => !l)) throw new UserError('That label no longer exists.');
  }
  const leads = await scope.db.leads.bulkGet([...leadIds]);
  const changed: Lead[] = [];
  const activities: Activity[] = [];
  for (const lead of leads) {
    if (!lead) continue;
    const labels =
      mode === 'add' ? [...lead.labels, ...labelIds.filter((id) => !lead.labels.includes(id))] : lead.labels.filter((id) => !labelIds.includes(id));
    if (labels.length === lead.labels.length) continue;
    changed.push({ ...lead, labels, updatedAt: scope.now });
    activities.push(
      activity(scope, mode === 'add' ? 'lead.labelAdded' : 'lead.labelRemoved', {
        leadId: lead.id,
        candidateId: lead.candidateId,
        before: { labels: lead.labels },
        after: { labels },
      }),
    );
  }
  await scope.db.leads.bulkPut(changed);
  await scope.db.activities.bulkAdd(activities);
  scope.wroteLeads(changed);
  return changed.length;
}

/** Puts existing labels on leads (everyone may label: `lead.label`). */
export async function addLeadLabels(ctx: MutationContext, leadIds: readonly Id[], labelIds: readonly Id[]): Promise<number> {
  return mutate(ctx, 'addLeadLabels', { leadIds, labelIds }, ['leads', 'labels', 'activities'], (scope) =>
    writeLabels(scope, leadIds, labelIds, 'add'),
  );
}

export async function removeLeadLabels(ctx: MutationContext, leadIds: readonly Id[], labelIds: readonly Id[]): Promise<number> {
  return mutate(ctx, 'removeLeadLabels', { leadIds, labelIds }, ['leads', 'labels', 'activities'], (scope) =>
    writeLabels(scope, leadIds, labelIds, 'remove'),
  );
}

// ---------------------------------------------------------------------------------------------
// Comments
// ---------------------------------------------------------------------------------------------

function checkBody(raw: string): string {
  const check = validateComment(raw);
  if (!check.ok) throw new ValidationError(check.errors);
  return check.value;
}

export async function addComment(ctx: MutationContext, leadId: Id, body: string): Promise<Comment> {
  const text = checkBody(body);
  return mutate(ctx, 'addComment', { leadId, body: text }, ['comments', 'leads', 'activities'], async (scope) => {
    const lead = await getLead(scope, leadId);
    const comment: Comment = { id: newId(scope.now), leadId, authorId: scope.actorId, body: text, createdAt: scope.now, updatedAt: scope.now };
    await scope.db.comments.add(comment);
    await scope.db.activities.add(activity(scope, 'comment.added', { leadId, candidateId: lead.candidateId, after: { commentId: comment.id } }));
    return comment;
  });
}

async function ownComment(scope: MutationScope, commentId: Id, verb: string): Promise<Comment> {
  const comment = await scope.db.comments.get(commentId);
  if (!comment) throw new UserError('This comment no longer exists.');
  if (comment.authorId !== scope.actorId) throw new UserError(`Only the author of a comment can ${verb} it.`);
  return comment;
}

/** Only the author may edit a comment. */
export async function editComment(ctx: MutationContext, commentId: Id, body: string): Promise<Comment> {
  const text = checkBody(body);
  return mutate(ctx, 'editComment', { commentId, body: text }, ['comments', 'leads', 'activities'], async (scope) => {
    const comment = await ownComment(scope, commentId, 'edit');
    if (comment.body === text) return comment;
    const next: Comment = { ...comment, body: text, editedAt: scope.now, updatedAt: scope.now };
    await scope.db.comments.put(next);
    const lead = await scope.db.leads.get(comment.leadId);
    await scope.db.activities.add(
      activity(scope, 'comment.edited', {
        leadId: comment.leadId,
        candidateId: lead?.candidateId,
        before: { commentId, body: comment.body },
        after: { commentId, body: text },
      }),
    );
    return next;
  });
}

/** Only the author may delete a comment; a tombstone is kept for sync. */
export async function deleteComment(ctx: MutationContext, commentId: Id): Promise<void> {
  await mutate(ctx, 'deleteComment', { commentId }, ['comments', 'leads', 'activities'], async (scope) => {
    const comment = await ownComment(scope, commentId, 'delete');
    await scope.db.comments.delete(commentId);
    await scope.tombstone('comments', commentId);
    const lead = await scope.db.leads.get(comment.leadId);
    await scope.db.activities.add(
      activity(scope, 'comment.deleted', { leadId: comment.leadId, candidateId: lead?.candidateId, before: { commentId } }),
    );
  });
}

// ---------------------------------------------------------------------------------------------
// Deleting an application, erasing a person
// ---------------------------------------------------------------------------------------------

/**
 * "Delete candidate" (owner only): deletes one application and its comments. The person, their
 * other applications and every message stay. The audit line keeps only the name and refs.
 */
export async function deleteLead(ctx: MutationContext, leadId: Id): Promise<void> {
  await mutate(ctx, 'deleteLead', { leadId }, ['leads', 'candidates', 'campaigns', 'comments', 'users', 'activities'], async (scope) => {
    await requireRole(scope, 'lead.delete');
    const lead = await getLead(scope, leadId);
    const candidate = await scope.db.candidates.get(lead.candidateId);
    const campaign = await scope.db.campaigns.get(lead.campaignId);
    const comments = await scope.db.comments.where('leadId').equals(leadId).primaryKeys();
    await scope.db.comments.bulkDelete(comments);
    for (const id of comments) await scope.tombstone('comments', id);
    await scope.db.leads.delete(leadId);
    await scope.tombstone('leads', leadId);
    await scope.db.activities.add(
      activity(scope, 'lead.deleted', {
        leadId,
        candidateId: lead.candidateId,
        before: {
          ref: lead.ref,
          name: candidate ? fullName(candidate) : null,
          candidateRef: candidate?.ref ?? null,
          campaign: campaign?.name ?? null,
        },
      }),
    );
    scope.deletedLeads([leadId]);
  });
}

export interface ErasureCounts {
  leads: number;
  messages: number;
  comments: number;
  attachments: number;
  activities: number;
}

/** What erasing a person would remove (the confirmation dialog names it). */
export async function erasureSummary(
  db: MutationContext['db'],
  candidateId: Id,
): Promise<ErasureCounts & { refs: string[] }> {
  const leads = await db.leads.where('candidateId').equals(candidateId).toArray();
  const leadIds = leads.map((l) => l.id);
  const messages = await db.messages.where('candidateId').equals(candidateId).toArray();
  const comments = leadIds.length ? await db.comments.where('leadId').anyOf(leadIds).count() : 0;
  const activities = await personActivityIds(db, candidateId, leadIds);
  return {
    refs: leads.map((l) => l.ref),
    leads: leads.length,
    messages: messages.length,
    comments,
    attachments: leads.reduce((n, l) => n + l.attachments.length, 0) + messages.reduce((n, m) => n + m.attachments.length, 0),
    activities: activities.length,
  };
}

async function personActivityIds(db: MutationContext['db'], candidateId: Id, leadIds: Id[]): Promise<Id[]> {
  const ids = new Set(await db.activities.where('candidateId').equals(candidateId).primaryKeys());
  if (leadIds.length) for (const id of await db.activities.where('leadId').anyOf(leadIds).primaryKeys()) ids.add(id);
  return [...ids];
}

/**
 * "Erase person" (owner only, for privacy requests): removes the person, all their
 * applications, messages, comments and attachments, and the activity lines that carried their
 * data. What remains is one audit line without personal data, and a tombstone per removed row.
 */
export async function erasePerson(ctx: MutationContext, candidateId: Id): Promise<ErasureCounts> {
  return mutate(
    ctx,
    'erasePerson',
    { candidateId },
    ['candidates', 'leads', 'messages', 'comments', 'users', 'activities', 'outbox'],
    async (scope) => {
      await requireRole(scope, 'person.erase');
      const candidate = await getCandidate(scope, candidateId);
      const { db } = scope;
      const leads = await db.leads.where('candidateId').equals(candidateId).toArray();
      const leadIds = leads.map((l) => l.id);
      const messages = await db.messages.where('candidateId').equals(candidateId).toArray();
      const commentIds = leadIds.length ? await db.comments.where('leadId').anyOf(leadIds).primaryKeys() : [];
      const activityIds = await personActivityIds(db, candidateId, leadIds);
      const counts: ErasureCounts = {
        leads: leads.length,
        messages: messages.length,
        comments: commentIds.length,
        attachments: leads.reduce((n, l) => n + l.attachments.length, 0) + messages.reduce((n, m) => n + m.attachments.length, 0),
        activities: activityIds.length,
      };
      await db.comments.bulkDelete(commentIds);
      await db.messages.bulkDelete(messages.map((m) => m.id));
      await db.activities.bulkDelete(activityIds);
      await db.leads.bulkDelete(leadIds);
      await db.candidates.delete(candidateId);
      for (const id of commentIds) await scope.tombstone('comments', id);
      for (const m of messages) await scope.tombstone('messages', m.id);
      for (const id of activityIds) await scope.tombstone('activities', id);
      for (const id of leadIds) await scope.tombstone('leads', id);
      await scope.tombstone('candidates', candidateId);
      // The write log must forget them too: earlier mutations' arguments may hold their rows.
      await redactOutbox(scope, new Set([candidateId, ...leadIds, ...messages.map((m) => m.id), ...commentIds]), [
        candidate.email,
        candidate.phone,
        candidate.linkedinUrl,
        candidate.facebookUrl,
      ]);
      // No name, email or phone: the ref is a workspace number, meaningless once the person is gone.
      await db.activities.add(activity(scope, 'person.erased', { before: { candidateRef: candidate.ref }, after: counts }));
      scope.deletedLeads(leadIds);
      scope.deletedCandidates([candidateId]);
      return counts;
    },
  );
}

/**
 * Rewrites outbox records so that no row of an erased person survives in them: any object whose
 * `id` or `candidateId`/`leadId` is one of theirs becomes `{ id, erased: true }`, and their
 * contact strings become "[erased]". Other people's rows in the same record are kept.
 */
async function redactOutbox(scope: MutationScope, ids: ReadonlySet<Id>, secrets: (string | undefined)[]): Promise<void> {
  const words = new Set(secrets.filter((s): s is string => Boolean(s)));
  const mentions = (text: string) => [...ids, ...words].some((needle) => text.includes(needle));
  const redact = (value: unknown): unknown => {
    if (typeof value === 'string') return words.has(value) ? '[erased]' : value;
    if (Array.isArray(value)) return value.map(redact);
    if (value && typeof value === 'object') {
      const row = value as Record<string, unknown>;
      for (const key of ['id', 'candidateId', 'leadId']) {
        const v = row[key];
        if (typeof v === 'string' && ids.has(v)) return { id: v, erased: true };
      }
      return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, redact(v)]));
    }
    return value;
  };
  const records = await scope.db.outbox.toArray();
  const changed = records.filter((r) => mentions(JSON.stringify(r.args ?? null))).map((r) => ({ ...r, args: redact(r.args) }));
  if (changed.length > 0) await scope.db.outbox.bulkPut(changed);
}
