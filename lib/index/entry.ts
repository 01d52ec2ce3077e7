import type { Candidate, Id, Lead } from '../domain/model';
import { nationalDigits } from '../domain/phone';
import { fold } from '../domain/text';

/** Reach bits: which channels a lead's candidate can be contacted on. */
export const REACH = { phone: 1, email: 2, facebook: 4, linkedin: 8 } as const;

/** The compact projection of a candidate that the index keeps (shared by all their leads). */
export interface CandidateView {
  id: Id;
  ref: string;
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  photo: string;
  location: string;
  reach: number;
  doNotContact: boolean;
  externalId: string;
  /** Folded text a search word may be found in: names, email, refs, external id. */
  text: string;
  /** National and full E.164 digits of the phone, for phone queries. */
  digits: string;
}

/** One lead in the index: what the list shows and what search, filters and sort read. */
export interface IndexEntry {
  id: Id;
  ref: string;
  candidate: CandidateView;
  campaignId: Id;
  folderId: Id;
  source: string;
  labels: Id[];
  assignedTo: Id | null;
  hasAttachment: boolean;
  attributes: Record<string, string | number>;
  addedAt: number;
  lastActivityAt: number;
  /** Folded lead-level keys: application ref and external id. */
  leadText: string;
  /**
   * What search reads: `leadText` and the candidate's text in one string, so a query word costs
   * one `includes` per lead. Kept in step by LeadIndex.putCandidate.
   */
  text: string;
}

export function candidateView(c: Candidate): CandidateView {
  const phone = c.phone ?? '';
  const email = c.email ?? '';
  let reach = 0;
  if (phone) reach |= REACH.phone;
  if (email) reach |= REACH.email;
  if (c.facebookUrl) reach |= REACH.facebook;
  if (c.linkedinUrl) reach |= REACH.linkedin;
  const nsn = phone ? nationalDigits(phone) : '';
  return {
    id: c.id,
    ref: c.ref,
    firstName: c.firstName,
    lastName: c.lastName,
    email,
    phone,
    photo: c.photo ?? '',
    location: fold(c.location ?? ''),
    reach,
    doNotContact: Boolean(c.doNotContact),
    externalId: c.externalId ?? '',
    text: fold(`${c.firstName} ${c.lastName}\n${email}\n${c.ref}\n${c.externalId ?? ''}`),
    digits: phone ? `${nsn} ${phone.slice(1)}` : '',
  };
}

/** Stand-in for a candidate row that is missing (should not happen; never breaks the list). */
export function missingCandidate(id: Id): CandidateView {
  return {
    id,
    ref: '',
    firstName: 'Unknown',
    lastName: 'candidate',
    email: '',
    phone: '',
    photo: '',
    location: '',
    reach: 0,
    doNotContact: false,
    externalId: '',
    text: 'unknown candidate',
    digits: '',
  };
}

export function leadEntry(lead: Lead, candidate: CandidateView): IndexEntry {
  const leadText = fold(`${lead.ref}\n${lead.externalId ?? ''}`);
  return {
    id: lead.id,
    ref: lead.ref,
    candidate,
    campaignId: lead.campaignId,
    folderId: lead.folderId,
    source: lead.source,
    labels: lead.labels ?? [],
    assignedTo: lead.assignedTo ?? null,
    hasAttachment: (lead.attachments?.length ?? 0) > 0,
    attributes: lead.attributes ?? {},
    addedAt: lead.addedAt,
    lastActivityAt: lead.lastActivityAt,
    leadText,
    text: `${leadText}\n${candidate.text}`,
  };
}
