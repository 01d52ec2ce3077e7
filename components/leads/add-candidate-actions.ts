/**
 * What the "Add candidate" dialog does, beside it (STYLE 8): the dialog reads and calls these;
 * these call the named mutations and report back in words a recruiter can read.
 */
import type { ContactKeys, DuplicateMatch } from '../../lib/domain/duplicates';
import type { Id, Lead } from '../../lib/domain/model';
import { describeError } from '../../lib/db/errors';
import {
  addApplication,
  addCandidate,
  AlreadyAppliedError,
  DuplicateCandidateError,
  lookupDuplicates,
  personLabel,
  type CandidateInput,
  type Placement,
} from '../../lib/db/mutations/candidates';
import type { IndexEntry } from '../../lib/index/entry';
import { campaignName, folderName, type AppState } from '../app/state';

export type AddOutcome =
  | { ok: true; leadId: Id }
  | {
      ok: false;
      message: string;
      /** Set when the refusal is a duplicate found at the last moment. */
      matches?: DuplicateMatch[];
      /** Set when the candidate already has a lead in that campaign. */
      existingLeadId?: Id;
    };

/** Existing candidates sharing a contact detail with the draft (fields already normalised). */
export async function findDuplicatesFor(state: AppState, contact: ContactKeys): Promise<DuplicateMatch[]> {
  try {
    return await lookupDuplicates(state.db, contact);
  } catch (error) {
    // Only a hint while typing: the mutation checks again before it writes anything.
    console.warn('Leadside: duplicate lookup failed', error);
    return [];
  }
}

function refusal(error: unknown, what: string): AddOutcome {
  if (error instanceof DuplicateCandidateError) return { ok: false, message: error.message, matches: error.matches };
  if (error instanceof AlreadyAppliedError) return { ok: false, message: error.message, existingLeadId: error.lead.id };
  console.error(`Leadside: ${what} failed`, error);
  return { ok: false, message: describeError(error) };
}

function placed(state: AppState, lead: Lead): string {
  return `${campaignName(state, lead.campaignId)} · ${folderName(state, lead.folderId)}`;
}

export async function addCandidateByHand(state: AppState, input: CandidateInput, placement: Placement): Promise<AddOutcome> {
  const self = state.self.value;
  if (!self) return { ok: false, message: 'Your workspace is still opening. Try again in a moment.' };
  try {
    const { candidate, lead } = await addCandidate({ db: state.db, actorId: self.id }, input, {
      ...placement,
      defaultCountry: state.settings.value.defaultCountry,
    });
    state.notice.value = `Added ${personLabel(candidate)} to ${placed(state, lead)}.`;
    return { ok: true, leadId: lead.id };
  } catch (error) {
    return refusal(error, 'adding a candidate');
  }
}

export async function addApplicationFor(state: AppState, candidateId: Id, placement: Placement): Promise<AddOutcome> {
  const self = state.self.value;
  if (!self) return { ok: false, message: 'Your workspace is still opening. Try again in a moment.' };
  try {
    const lead = await addApplication({ db: state.db, actorId: self.id }, candidateId, placement);
    const candidate = state.live.index.candidate(candidateId) ?? (await state.db.candidates.get(candidateId));
    const who = candidate ? personLabel(candidate) : 'the candidate';
    state.notice.value = `Added an application (${lead.ref}) for ${who} to ${placed(state, lead)}.`;
    return { ok: true, leadId: lead.id };
  } catch (error) {
    return refusal(error, 'adding an application');
  }
}

/** A candidate's leads as the list knows them, newest first. */
export function applicationsOf(state: AppState, candidateId: Id): IndexEntry[] {
  void state.indexRevision.value; // re-read when the index changes
  const index = state.live.index;
  return index
    .leadIdsOfCandidate(candidateId)
    .map((id) => index.get(id))
    .filter((e): e is IndexEntry => e !== undefined)
    .sort((a, b) => b.addedAt - a.addedAt);
}

/**
 * Opens one of the candidate's leads in the Leads tab: the one in `preferCampaignId` when they
 * have it, else the newest. False when they have no lead at all.
 */
export async function openExisting(state: AppState, candidateId: Id, preferCampaignId?: Id): Promise<boolean> {
  let leads: { id: Id; campaignId: Id; addedAt: number }[] = applicationsOf(state, candidateId);
  // The index may not have finished loading yet: the database knows.
  if (leads.length === 0) leads = await state.db.leads.where('candidateId').equals(candidateId).toArray();
  if (leads.length === 0) return false;
  const lead = leads.find((l) => l.campaignId === preferCampaignId) ?? leads.reduce((a, b) => (b.addedAt > a.addedAt ? b : a));
  state.batch(() => {
    state.screen.value = 'leads';
    state.previewId.value = lead.id;
  });
  return true;
}
