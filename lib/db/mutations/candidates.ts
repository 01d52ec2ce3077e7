import {
  canonicalFacebookUrl,
  canonicalLinkedInUrl,
  describeFields,
  findDuplicates,
  normalizeEmail,
  normalizePhone,
  type CandidateLookup,
  type ContactKeys,
  type DuplicateMatch,
} from '../../domain/duplicates';
import type { Activity, Campaign, Candidate, Id, Lead } from '../../domain/model';
import type { CountryCode } from '../../domain/phone';
import { DEFAULT_SETTINGS } from '../../domain/settings';
import { fullName } from '../../domain/text';
import { UserError } from '../errors';
import { mutate, newId, type MutationContext } from '../mutate';
import type { LeadsideDB } from '../schema';

/** A candidate as typed into a form (or parsed by capture and import): raw strings. */
export interface CandidateInput {
  firstName: string;
  lastName: string;
  email?: string;
  phone?: string;
  linkedinUrl?: string;
  facebookUrl?: string;
}

export type CandidateField = keyof CandidateInput;

/** A valid candidate: names cleaned, email trimmed, phone E.164, profile URLs canonical. */
export interface CleanCandidate extends ContactKeys {
  firstName: string;
  lastName: string;
}

export type FieldErrors<K extends string> = Partial<Record<K, string>>;

export type Validated<T, K extends string> = { ok: true; value: T } | { ok: false; errors: FieldErrors<K> };

const MAX_NAME = 100;
const MAX_SOURCE = 100;

function cleanText(text: string | undefined): string {
  return (text ?? '').trim().replace(/\s+/g, ' ');
}

/** Checks every field at once, so a form can show all its problems together. */
export function validateCandidate(input: CandidateInput, defaultCountry: CountryCode): Validated<CleanCandidate, CandidateField> {
  const errors: FieldErrors<CandidateField> = {};
  const firstName = cleanText(input.firstName);
  const lastName = cleanText(input.lastName);
  if (!firstName) errors.firstName = 'Enter a first name.';
  else if (firstName.length > MAX_NAME) errors.firstName = `A first name can be at most ${MAX_NAME} characters.`;
  if (!lastName) errors.lastName = 'Enter a last name.';
  else if (lastName.length > MAX_NAME) errors.lastName = `A last name can be at most ${MAX_NAME} characters.`;

  const value: CleanCandidate = { firstName, lastName };
  const email = input.email?.trim();
  if (email) {
    const clean = normalizeEmail(email);
    if (clean) value.email = clean;
    else errors.email = 'Enter an email address like name@example.com.';
  }
  const phone = input.phone?.trim();
  if (phone) {
    const clean = normalizePhone(phone, defaultCountry);
    if (clean) value.phone = clean;
    else errors.phone = `Enter a phone number: with its country code (+…), or as dialled in ${defaultCountry}.`;
  }
  const linkedin = input.linkedinUrl?.trim();
  if (linkedin) {
    const clean = canonicalLinkedInUrl(linkedin);
    if (clean) value.linkedinUrl = clean;
    else errors.linkedinUrl = 'Enter a LinkedIn profile URL like https://www.linkedin.com/in/name.';
  }
  const facebook = input.facebookUrl?.trim();
  if (facebook) {
    const clean = canonicalFacebookUrl(facebook);
    if (clean) value.facebookUrl = clean;
    else errors.facebookUrl = 'Enter a Facebook profile URL like https://www.facebook.com/name.';
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, value };
}

/** Where a new application goes. */
export interface Placement {
  campaignId: Id;
  folderId: Id;
  source: string;
}

export type PlacementField = keyof Placement;

/** The shape of a placement (whether the campaign and folder exist is checked when writing). */
export function validatePlacement(input: Placement): Validated<Placement, PlacementField> {
  const errors: FieldErrors<PlacementField> = {};
  const source = cleanText(input.source);
  if (!input.campaignId) errors.campaignId = 'Choose a campaign.';
  if (!input.folderId) errors.folderId = 'Choose a folder.';
  if (!source) errors.source = 'Choose a source.';
  else if (source.length > MAX_SOURCE) errors.source = `A source can be at most ${MAX_SOURCE} characters.`;
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: { campaignId: input.campaignId, folderId: input.folderId, source } };
}

function firstError(errors: FieldErrors<string>): string {
  return Object.values(errors)[0] ?? 'Check the fields.';
}

// ---------------------------------------------------------------------------------------------
// Duplicates in the database
// ---------------------------------------------------------------------------------------------

/**
 * Stored URLs should be canonical (every write canonicalises them), but rows from older imports
 * may differ in scheme or host prefix: ask for those prefixes too, ignoring case.
 * findDuplicates then keeps only the exact canonical matches.
 */
function urlPrefixes(canonical: string): string[] {
  const rest = canonical.replace(/^https:\/\/www\./, '');
  return ['https://www.', 'http://www.', 'https://', 'http://', 'https://m.', 'http://m.'].map((p) => p + rest);
}

/** Index queries on the candidates table (email, phone, linkedinUrl and facebookUrl). */
export function databaseLookup(db: LeadsideDB): CandidateLookup<Candidate> {
  return {
    byEmail: (email) => db.candidates.where('email').equalsIgnoreCase(email.trim()).toArray(),
    byPhone: (e164) => db.candidates.where('phone').equals(e164).toArray(),
    byLinkedinUrl: (url) => db.candidates.where('linkedinUrl').startsWithAnyOfIgnoreCase(urlPrefixes(url)).toArray(),
    byFacebookUrl: (url) => db.candidates.where('facebookUrl').startsWithAnyOfIgnoreCase(urlPrefixes(url)).toArray(),
  };
}

/** The existing candidates sharing an email, phone or profile URL with `draft` (normalised). */
export function lookupDuplicates(db: LeadsideDB, draft: ContactKeys): Promise<DuplicateMatch[]> {
  return findDuplicates(draft, databaseLookup(db));
}

/** "Ana Reyes (C-3012)". */
export function personLabel(c: Pick<Candidate, 'firstName' | 'lastName' | 'ref'>): string {
  const name = fullName(c) || 'Unnamed candidate';
  return c.ref ? `${name} (${c.ref})` : name;
}

/** Refusal to create a twin: the person is already there. */
export class DuplicateCandidateError extends UserError {
  constructor(readonly matches: DuplicateMatch[]) {
    super(
      matches.length === 1
        ? `${personLabel(matches[0]!.candidate)} is already in Leadside with the same ${describeFields(matches[0]!.fields)}. Open them or add an application for them instead.`
        : `Already in Leadside: ${matches.map((m) => `${personLabel(m.candidate)} (same ${describeFields(m.fields)})`).join('; ')}.`,
    );
    this.name = 'DuplicateCandidateError';
  }
}

/** Refusal of a second lead for the same candidate in the same campaign. */
export class AlreadyAppliedError extends UserError {
  constructor(
    readonly lead: Lead,
    candidate: Candidate,
    campaign: Campaign,
  ) {
    super(`${personLabel(candidate)} already has an application in ${campaign.name} (${lead.ref}).`);
    this.name = 'AlreadyAppliedError';
  }
}

// ---------------------------------------------------------------------------------------------
// Mutations
// ---------------------------------------------------------------------------------------------

async function checkPlacement(db: LeadsideDB, placement: Placement): Promise<Campaign> {
  const [campaign, folder] = await Promise.all([db.campaigns.get(placement.campaignId), db.folders.get(placement.folderId)]);
  if (!campaign) throw new UserError('That campaign no longer exists.');
  if (campaign.status !== 'open') throw new UserError(`${campaign.name} is closed: reopen it to add applications.`);
  if (!folder) throw new UserError('That folder no longer exists.');
  return campaign;
}

function newLead(id: Id, ref: string, candidateId: Id, placement: Placement, now: number): Lead {
  return {
    id,
    ref,
    candidateId,
    campaignId: placement.campaignId,
    folderId: placement.folderId,
    source: placement.source,
    labels: [],
    attributes: {},
    answers: [],
    attachments: [],
    addedAt: now,
    lastActivityAt: now,
    updatedAt: now,
  };
}

export interface AddedCandidate {
  candidate: Candidate;
  lead: Lead;
}

export interface AddCandidateOptions extends Placement {
  /** For a phone typed without +country code; the settings' default when absent. */
  defaultCountry?: CountryCode;
  /**
   * Profile details already checked by the caller (capture: headline, title, about, websites,
   * photo…), written in the same row and transaction as the person.
   */
  details?: Partial<Pick<Candidate, 'headline' | 'title' | 'company' | 'location' | 'about' | 'websites' | 'photo'>>;
}

/**
 * A new candidate (ref C-…) with their first application (ref A-…) and an Activity, in one
 * transaction. Duplicates are looked up again inside it: a twin added meanwhile (another panel,
 * a capture) is refused with a DuplicateCandidateError naming who matched.
 */
export async function addCandidate(
  ctx: MutationContext,
  draft: CandidateInput,
  options: AddCandidateOptions,
): Promise<AddedCandidate> {
  const checked = validateCandidate(draft, options.defaultCountry ?? DEFAULT_SETTINGS.defaultCountry);
  if (!checked.ok) throw new UserError(firstError(checked.errors));
  const placed = validatePlacement(options);
  if (!placed.ok) throw new UserError(firstError(placed.errors));
  const clean = checked.value;
  const placement = placed.value;
  // One clock for the ids, the rows and the outbox record; the ids travel in the record (sync).
  const now = (ctx.now ?? Date.now)();
  const candidateId = newId(now);
  const leadId = newId(now);
  const details = options.details ?? {};
  const args = { candidateId, leadId, candidate: { ...details, ...clean }, ...placement };
  return mutate(
    { ...ctx, now: () => now },
    'addCandidate',
    args,
    ['candidates', 'leads', 'campaigns', 'folders', 'activities'],
    async (scope) => {
      await checkPlacement(scope.db, placement);
      const matches = await lookupDuplicates(scope.db, clean);
      if (matches.length > 0) throw new DuplicateCandidateError(matches);
      const [candidateRef] = await scope.allocateRefs('candidate', 1);
      const [leadRef] = await scope.allocateRefs('lead', 1);
      const candidate: Candidate = { id: candidateId, ref: candidateRef!, ...details, ...clean, createdAt: now, updatedAt: now };
      const lead = newLead(leadId, leadRef!, candidateId, placement, now);
      const activity: Activity = {
        id: newId(now),
        at: now,
        actorId: scope.actorId,
        what: 'candidate.added',
        leadId,
        candidateId,
        after: { ...placement },
        updatedAt: now,
      };
      await scope.db.candidates.add(candidate);
      await scope.db.leads.add(lead);
      await scope.db.activities.add(activity);
      scope.wroteCandidates([candidate]);
      scope.wroteLeads([lead]);
      return { candidate, lead };
    },
  );
}

/**
 * A new application of an existing candidate. At most one lead per (candidate, campaign): a
 * second one is refused with an AlreadyAppliedError carrying the existing lead.
 */
export async function addApplication(ctx: MutationContext, candidateId: Id, options: Placement): Promise<Lead> {
  const placed = validatePlacement(options);
  if (!placed.ok) throw new UserError(firstError(placed.errors));
  const placement = placed.value;
  const now = (ctx.now ?? Date.now)();
  const leadId = newId(now);
  return mutate(
    { ...ctx, now: () => now },
    'addApplication',
    { leadId, candidateId, ...placement },
    ['candidates', 'leads', 'campaigns', 'folders', 'activities'],
    async (scope) => {
      const candidate = await scope.db.candidates.get(candidateId);
      if (!candidate) throw new UserError('That candidate no longer exists.');
      const campaign = await checkPlacement(scope.db, placement);
      const existing = await scope.db.leads
        .where('[candidateId+campaignId]')
        .equals([candidateId, placement.campaignId])
        .first();
      if (existing) throw new AlreadyAppliedError(existing, candidate, campaign);
      const [leadRef] = await scope.allocateRefs('lead', 1);
      const lead = newLead(leadId, leadRef!, candidateId, placement, now);
      await scope.db.leads.add(lead);
      await scope.db.activities.add({
        id: newId(now),
        at: now,
        actorId: scope.actorId,
        what: 'lead.added',
        leadId,
        candidateId,
        after: { ...placement },
        updatedAt: now,
      });
      scope.wroteLeads([lead]);
      return lead;
    },
  );
}
