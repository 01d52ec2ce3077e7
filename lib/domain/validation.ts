/**
 * Pure validators for what a recruiter types into the profile. Each returns either the cleaned
 * value or a map of field → message that says why (shown inline beside the field). Nothing
 * here touches the database: mutations run the same checks again inside their transaction.
 */
import { canonicalFacebookUrl, canonicalLinkedInUrl } from './duplicates';
import type { AttributeDef } from './model';
import { toE164, type CountryCode } from './phone';

export type FieldErrors = Record<string, string>;
export type Validated<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

export const LIMITS = {
  name: 100,
  email: 254,
  text: 200,
  url: 500,
  source: 50,
  label: 50,
  comment: 5000,
  reason: 500,
  attribute: 500,
  about: 2000,
  websites: 5,
} as const;

/** Trims and collapses runs of white space (names, titles, labels). */
export function tidy(text: string): string {
  return text.trim().replace(/\s+/g, ' ');
}

const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

/** An email's problem, or null when it is fine (or empty: email is optional). */
export function emailProblem(raw: string): string | null {
  const email = raw.trim();
  if (!email) return null;
  if (/\s/.test(email)) return 'An email address cannot contain spaces.';
  if (email.length > LIMITS.email) return `An email address can be at most ${LIMITS.email} characters.`;
  if (!EMAIL.test(email)) return 'That email address does not look right (for example name@company.com).';
  return null;
}

const PHONE_CHARS = /^[+\d\s().\-/]+$/;

/** A phone typed in any usual format → E.164 with the default country, or why not. */
export function parsePhone(raw: string, country: CountryCode): { ok: true; value: string | undefined } | { ok: false; error: string } {
  const phone = raw.trim();
  if (!phone) return { ok: true, value: undefined };
  if (!PHONE_CHARS.test(phone)) {
    return { ok: false, error: 'A phone number can only contain digits, spaces and + ( ) - . /' };
  }
  const e164 = toE164(phone, country);
  if (!e164) {
    return {
      ok: false,
      error: `That is not a phone number we can read (default country ${country}): check the digits, or start with + and the country code.`,
    };
  }
  return { ok: true, value: e164 };
}

/** A profile link: only http(s) addresses, so nothing like `javascript:` ever becomes a link. */
export function urlProblem(raw: string): string | null {
  const url = raw.trim();
  if (!url) return null;
  if (url.length > LIMITS.url) return `A link can be at most ${LIMITS.url} characters.`;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'That is not a web address: it should start with https://';
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return 'Only web addresses (https://…) can be saved as links.';
  return null;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `YYYY-MM-DD` naming a real calendar day (no 2025-02-30). */
export function isCalendarDay(text: string): boolean {
  const m = DAY.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** A custom attribute's value by its definition's type: the stored value, or why not. */
export function parseAttribute(
  def: Pick<AttributeDef, 'label' | 'type'>,
  raw: string,
): { ok: true; value: string | number | undefined } | { ok: false; error: string } {
  const text = raw.trim();
  if (!text) return { ok: true, value: undefined };
  if (text.length > LIMITS.attribute) return { ok: false, error: `${def.label} can be at most ${LIMITS.attribute} characters.` };
  switch (def.type) {
    case 'number': {
      const n = /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(text) ? Number(text) : NaN;
      if (!Number.isFinite(n)) return { ok: false, error: `${def.label} must be a number, e.g. 3 or 2.5.` };
      return { ok: true, value: n };
    }
    case 'date':
      if (!isCalendarDay(text)) return { ok: false, error: `${def.label} must be a date written YYYY-MM-DD, e.g. 2025-03-31.` };
      return { ok: true, value: text };
    case 'text':
      return { ok: true, value: tidy(text) };
  }
}

/** The candidate (person) fields of the profile's edit form, as typed. */
export interface CandidateDraft {
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  headline: string;
  /** The current job title (goes with company). */
  title: string;
  company: string;
  location: string;
  linkedinUrl: string;
  facebookUrl: string;
  /** Free text; line breaks kept. */
  about: string;
  /** One web address a line. */
  websites: string;
}

/** Cleaned values; `undefined` means "clear this field". Only the keys the draft had. */
export type CandidatePatch = Partial<{
  firstName: string;
  lastName: string;
  email: string | undefined;
  phone: string | undefined;
  headline: string | undefined;
  title: string | undefined;
  company: string | undefined;
  location: string | undefined;
  linkedinUrl: string | undefined;
  facebookUrl: string | undefined;
  about: string | undefined;
  websites: string[] | undefined;
}>;

const NAME_LABELS = { firstName: 'First name', lastName: 'Last name' } as const;
const TEXT_LABELS = { headline: 'Headline', title: 'Job title', company: 'Company', location: 'Location' } as const;

/** "About": trimmed, line breaks kept (at most two in a row), spaces within a line tidied. */
function cleanAbout(raw: string): string {
  return raw
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[^\S\n]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * Validates the keys present in `draft` (absent keys stay as they are). First and last name are
 * required when present; email, phone and links are checked; the phone becomes E.164.
 */
export function validateCandidateDraft(draft: Partial<CandidateDraft>, country: CountryCode): Validated<CandidatePatch> {
  const errors: FieldErrors = {};
  const value: CandidatePatch = {};
  for (const key of ['firstName', 'lastName'] as const) {
    const raw = draft[key];
    if (raw === undefined) continue;
    const clean = tidy(raw);
    if (!clean) errors[key] = `${NAME_LABELS[key]} is required.`;
    else if (clean.length > LIMITS.name) errors[key] = `${NAME_LABELS[key]} can be at most ${LIMITS.name} characters (this one has ${clean.length}).`;
    else value[key] = clean;
  }
  if (draft.email !== undefined) {
    const problem = emailProblem(draft.email);
    if (problem) errors.email = problem;
    else value.email = draft.email.trim() || undefined;
  }
  if (draft.phone !== undefined) {
    const phone = parsePhone(draft.phone, country);
    if (phone.ok) value.phone = phone.value;
    else errors.phone = phone.error;
  }
  for (const key of ['headline', 'title', 'company', 'location'] as const) {
    const raw = draft[key];
    if (raw === undefined) continue;
    const clean = tidy(raw);
    if (clean.length > LIMITS.text) errors[key] = `${TEXT_LABELS[key]} can be at most ${LIMITS.text} characters.`;
    else value[key] = clean || undefined;
  }
  if (draft.about !== undefined) {
    const about = cleanAbout(draft.about);
    if (about.length > LIMITS.about) errors.about = `About can be at most ${LIMITS.about.toLocaleString('en')} characters (this one has ${about.length.toLocaleString('en')}).`;
    else value.about = about || undefined;
  }
  if (draft.websites !== undefined) {
    const sites = draft.websites
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean);
    const bad = sites.map((site) => ({ site, problem: urlProblem(site) })).find((s) => s.problem);
    if (sites.length > LIMITS.websites) errors.websites = `At most ${LIMITS.websites} websites.`;
    else if (bad) errors.websites = `${bad.site.slice(0, 80)}: ${bad.problem!}`;
    else value.websites = sites.length > 0 ? sites.map((site) => new URL(site).href) : undefined;
  }
  for (const key of ['linkedinUrl', 'facebookUrl'] as const) {
    const raw = draft[key];
    if (raw === undefined) continue;
    const problem = urlProblem(raw);
    if (problem) {
      errors[key] = problem;
      continue;
    }
    if (!raw.trim()) {
      value[key] = undefined;
      continue;
    }
    // Stored in the same canonical form that capture, import and add-by-hand match duplicates on.
    const canonical = key === 'linkedinUrl' ? canonicalLinkedInUrl(raw) : canonicalFacebookUrl(raw);
    if (canonical) value[key] = canonical;
    else
      errors[key] =
        key === 'linkedinUrl'
          ? 'That is not a LinkedIn profile link (https://www.linkedin.com/in/…).'
          : 'That is not a Facebook profile link (https://www.facebook.com/…).';
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, value };
}

/** The application (lead) fields of the edit form, as typed; attributes by key. */
export interface LeadDraft {
  source: string;
  rejectReason: string;
  attributes: Record<string, string>;
}

export type LeadPatch = Partial<{
  source: string;
  rejectReason: string | undefined;
  /** Only the keys edited; `undefined` removes the value. */
  attributes: Record<string, string | number | undefined>;
}>;

/** The error key of a custom attribute's field. */
export const attributeField = (key: string) => `attr:${key}`;

/** Validates the keys present in `draft`; attributes by their definitions (unknown keys are refused). */
export function validateLeadDraft(draft: Partial<LeadDraft>, defs: readonly AttributeDef[]): Validated<LeadPatch> {
  const errors: FieldErrors = {};
  const value: LeadPatch = {};
  if (draft.source !== undefined) {
    const source = tidy(draft.source);
    if (!source) errors.source = 'Source is required.';
    else if (source.length > LIMITS.source) errors.source = `Source can be at most ${LIMITS.source} characters.`;
    else value.source = source;
  }
  if (draft.rejectReason !== undefined) {
    const reason = tidy(draft.rejectReason);
    if (reason.length > LIMITS.reason) errors.rejectReason = `Reject reason can be at most ${LIMITS.reason} characters.`;
    else value.rejectReason = reason || undefined;
  }
  if (draft.attributes !== undefined) {
    const byKey = new Map(defs.map((d) => [d.key, d]));
    const attributes: Record<string, string | number | undefined> = {};
    for (const [key, raw] of Object.entries(draft.attributes)) {
      const def = byKey.get(key);
      if (!def) {
        errors[attributeField(key)] = `There is no custom field “${key.slice(0, 40)}”.`;
        continue;
      }
      const parsed = parseAttribute(def, raw);
      if (parsed.ok) attributes[key] = parsed.value;
      else errors[attributeField(key)] = parsed.error;
    }
    value.attributes = attributes;
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, value };
}

/** Label names: trimmed, at most 50 characters, no `,` `#` `?`. `nameKey` is what must be unique. */
export function validateLabelName(raw: string): Validated<{ name: string; nameKey: string }> {
  const name = tidy(raw);
  if (!name) return { ok: false, errors: { name: 'A label needs a name.' } };
  if (name.length > LIMITS.label) {
    return { ok: false, errors: { name: `A label name can be at most ${LIMITS.label} characters (this one has ${name.length}).` } };
  }
  const bad = [...new Set(name.match(/[,#?]/g) ?? [])];
  if (bad.length > 0) {
    return {
      ok: false,
      errors: { name: `A label name cannot contain ${bad.map((c) => `“${c}”`).join(' or ')}: commas, # and ? are kept for lists and search.` },
    };
  }
  return { ok: true, value: { name, nameKey: labelKey(name) } };
}

/** Unique ignoring case (and surrounding or repeated spaces). */
export function labelKey(name: string): string {
  return tidy(name).toLowerCase();
}

/** A comment's body: not empty, not huge. Line breaks are kept. */
export function validateComment(raw: string): Validated<string> {
  const body = raw.trim();
  if (!body) return { ok: false, errors: { body: 'A comment cannot be empty.' } };
  if (body.length > LIMITS.comment) {
    return { ok: false, errors: { body: `A comment can be at most ${LIMITS.comment} characters (this one has ${body.length}).` } };
  }
  return { ok: true, value: body };
}

/** Why a candidate must not be contacted: required, so the flag explains itself later. */
export function validateDoNotContactReason(raw: string): Validated<string> {
  const reason = tidy(raw);
  if (!reason) return { ok: false, errors: { reason: 'Say why this person must not be contacted (e.g. “Asked not to be contacted”).' } };
  if (reason.length > LIMITS.reason) return { ok: false, errors: { reason: `A reason can be at most ${LIMITS.reason} characters.` } };
  return { ok: true, value: reason };
}
