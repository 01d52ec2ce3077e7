/**
 * What the profile's controls do. Components call these; these check the actor's permission
 * (the dev "act as role" included), call the named mutations and report the outcome. The
 * mutations check the stored role again, and in team mode the server does too.
 */
import type { Activity, Candidate, Comment, Id, Lead, Message } from '../../lib/domain/model';
import { can, type Action } from '../../lib/domain/permissions';
import type { FieldErrors } from '../../lib/domain/validation';
import { describeError, isQuotaError, UserError } from '../../lib/db/errors';
import { moveLeads } from '../../lib/db/mutations/leads';
import {
  addComment as addCommentMutation,
  addLeadLabels,
  assignLeads,
  createLabel as createLabelMutation,
  deleteComment as deleteCommentMutation,
  deleteLead as deleteLeadMutation,
  editComment as editCommentMutation,
  editProfile as editProfileMutation,
  erasePerson as erasePersonMutation,
  erasureSummary,
  removeLeadLabels,
  setDoNotContact as setDoNotContactMutation,
  ValidationError,
  type ErasureCounts,
  type ProfileDraft,
} from '../../lib/db/mutations/profile';
import type { MutationContext } from '../../lib/db/mutate';
import type { AppState } from '../app/state';

export type Outcome = { ok: true } | { ok: false; error: string; fields?: FieldErrors };

const REFUSALS: Partial<Record<Action, string>> = {
  'lead.delete': 'Only the workspace owner can delete candidates.',
  'person.erase': 'Only the workspace owner can erase a person.',
  'label.manage': 'Only owners and managers can create labels.',
};

export function refusal(action: Action): string {
  return REFUSALS[action] ?? 'Your role does not allow this.';
}

function context(state: AppState): MutationContext {
  const self = state.self.value;
  if (!self) throw new UserError('Your workspace is still opening. Try again in a moment.');
  return { db: state.db, actorId: self.id };
}

function ensureAllowed(state: AppState, action: Action): void {
  if (!can(state.actor.value, action)) throw new UserError(refusal(action));
}

/** Runs one write; a refusal or failure becomes a message (and field messages) for the recruiter. */
async function run(label: string, work: () => Promise<unknown>): Promise<Outcome> {
  try {
    await work();
    return { ok: true };
  } catch (error) {
    // Refusals and a full disk are the recruiter's to act on (they see the message); anything
    // else is a bug worth an error in the console.
    if (isQuotaError(error)) console.warn(`Leadside: ${label} failed: storage is full`, error);
    else if (!(error instanceof UserError)) console.error(`Leadside: ${label} failed`, error);
    return { ok: false, error: describeError(error), fields: error instanceof ValidationError ? error.fields : undefined };
  }
}

// ---------------------------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------------------------

export interface ProfileData {
  lead: Lead;
  candidate: Candidate | undefined;
  /** The same person's other applications, newest first. */
  others: Lead[];
  comments: Comment[];
  /** This application's and this person's activity, newest first. */
  activities: Activity[];
}

export async function loadProfile(state: AppState, leadId: Id): Promise<ProfileData | null> {
  const { db } = state;
  const lead = await db.leads.get(leadId);
  if (!lead) return null;
  const [candidate, siblings, comments, leadActs, personActs] = await Promise.all([
    db.candidates.get(lead.candidateId),
    db.leads.where('candidateId').equals(lead.candidateId).toArray(),
    db.comments.where('leadId').equals(leadId).toArray(),
    db.activities.where('leadId').equals(leadId).toArray(),
    db.activities.where('candidateId').equals(lead.candidateId).toArray(),
  ]);
  const acts = new Map<Id, Activity>();
  for (const a of leadActs) acts.set(a.id, a);
  // The person's own changes (edits, do not contact) and deleted applications, not the other
  // applications' moves and labels.
  for (const a of personActs) if (!a.leadId || a.what === 'lead.deleted') acts.set(a.id, a);
  return {
    lead,
    candidate,
    others: siblings.filter((l) => l.id !== leadId).sort((a, b) => b.addedAt - a.addedAt),
    comments: comments.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1)),
    activities: [...acts.values()].sort((a, b) => b.at - a.at || (a.id < b.id ? 1 : -1)),
  };
}

export async function loadMessages(state: AppState, candidateId: Id): Promise<Message[]> {
  return state.db.messages.where('candidateId').equals(candidateId).toArray();
}

export async function loadErasureSummary(state: AppState, candidateId: Id): Promise<ErasureCounts & { refs: string[] }> {
  return erasureSummary(state.db, candidateId);
}

// ---------------------------------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------------------------------

export function changeStatus(state: AppState, leadId: Id, folderId: Id): Promise<Outcome> {
  return run('Changing the status', async () => {
    ensureAllowed(state, 'lead.move');
    await moveLeads(context(state), [leadId], folderId);
  });
}

export function assign(state: AppState, leadId: Id, userId: Id | null): Promise<Outcome> {
  return run('Assigning', async () => {
    ensureAllowed(state, 'lead.move');
    await assignLeads(context(state), [leadId], userId);
  });
}

export function saveProfile(state: AppState, leadId: Id, draft: ProfileDraft): Promise<Outcome> {
  return run('Saving the profile', async () => {
    await editProfileMutation(context(state), leadId, draft, state.settings.value.defaultCountry);
  });
}

export function addLabel(state: AppState, leadId: Id, labelId: Id): Promise<Outcome> {
  return run('Adding a label', async () => {
    ensureAllowed(state, 'lead.label');
    await addLeadLabels(context(state), [leadId], [labelId]);
  });
}

export function removeLabel(state: AppState, leadId: Id, labelId: Id): Promise<Outcome> {
  return run('Removing a label', async () => {
    ensureAllowed(state, 'lead.label');
    await removeLeadLabels(context(state), [leadId], [labelId]);
  });
}

export function createLabel(state: AppState, leadId: Id, name: string): Promise<Outcome> {
  return run('Creating a label', async () => {
    ensureAllowed(state, 'label.manage');
    await createLabelMutation(context(state), { name, leadId });
  });
}

export function addComment(state: AppState, leadId: Id, body: string): Promise<Outcome> {
  return run('Adding a comment', async () => {
    ensureAllowed(state, 'lead.comment');
    await addCommentMutation(context(state), leadId, body);
  });
}

export function editComment(state: AppState, commentId: Id, body: string): Promise<Outcome> {
  return run('Editing a comment', () => editCommentMutation(context(state), commentId, body));
}

export function deleteComment(state: AppState, commentId: Id): Promise<Outcome> {
  return run('Deleting a comment', () => deleteCommentMutation(context(state), commentId));
}

export function setDoNotContact(state: AppState, candidateId: Id, reason: string | null): Promise<Outcome> {
  return run('Changing do not contact', () =>
    setDoNotContactMutation(context(state), candidateId, reason === null ? null : { reason }),
  );
}

export async function deleteLead(state: AppState, lead: Lead): Promise<Outcome> {
  const outcome = await run('Deleting the candidate', async () => {
    ensureAllowed(state, 'lead.delete');
    await deleteLeadMutation(context(state), lead.id);
  });
  if (outcome.ok) {
    state.batch(() => {
      if (state.previewId.value === lead.id) state.previewId.value = null;
      if (state.selection.value.has(lead.id)) {
        const next = new Set(state.selection.value);
        next.delete(lead.id);
        state.selection.value = next;
      }
      state.notice.value = `Application ${lead.ref} deleted.`;
    });
  }
  return outcome;
}

export async function erasePerson(state: AppState, candidateId: Id): Promise<Outcome> {
  let counts: ErasureCounts | null = null;
  const outcome = await run('Erasing the person', async () => {
    ensureAllowed(state, 'person.erase');
    counts = await erasePersonMutation(context(state), candidateId);
  });
  if (outcome.ok && counts) {
    const c: ErasureCounts = counts;
    state.batch(() => {
      state.previewId.value = null;
      state.selection.value = new Set();
      state.notice.value = `Person erased: ${c.leads} ${c.leads === 1 ? 'application' : 'applications'}, ${c.messages} ${c.messages === 1 ? 'message' : 'messages'} and ${c.comments} ${c.comments === 1 ? 'comment' : 'comments'} removed.`;
    });
  }
  return outcome;
}

/** Copies text to the clipboard; false when the browser refuses. */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch (error) {
    console.warn('Leadside: could not copy', error);
    return false;
  }
}

/** Attachment types a browser tab may show inline; anything else is downloaded, never rendered. */
const INLINE_TYPES = new Set(['application/pdf', 'image/png', 'image/jpeg', 'image/gif', 'image/webp', 'text/plain']);

/**
 * Opens a stored attachment through an object URL. Types that could run script in our origin
 * (HTML, SVG…) are downloaded as plain bytes instead of opened.
 */
export function openAttachment(blob: Blob, name: string, type: string): void {
  const inline = INLINE_TYPES.has(type.toLowerCase());
  const url = URL.createObjectURL(inline ? new Blob([blob], { type }) : new Blob([blob], { type: 'application/octet-stream' }));
  if (inline) {
    window.open(url, '_blank', 'noopener');
  } else {
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    a.rel = 'noopener';
    a.click();
  }
  // Long enough for the new tab or the download to read it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
