/**
 * Duplicate candidates (DESIGN §4): the same email (ignoring case), the same phone (E.164) or
 * the same canonical LinkedIn / Facebook profile URL means the same person. Pure: the normalisers
 * and `findDuplicates`, which asks a lookup (the database, or an in-memory list during an import)
 * for candidates sharing a value. Used by the "Add candidate" dialog, and meant for capture and
 * import too.
 */
import type { Candidate } from './model';
import { toE164, type CountryCode } from './phone';

/** The contact fields duplicates are found by, in their stored (normalised) form. */
export interface ContactKeys {
  email?: string;
  /** E.164. */
  phone?: string;
  linkedinUrl?: string;
  facebookUrl?: string;
}

export type DuplicateField = keyof ContactKeys;

export const DUPLICATE_FIELDS: readonly DuplicateField[] = ['email', 'phone', 'linkedinUrl', 'facebookUrl'];

export const DUPLICATE_FIELD_LABELS: Record<DuplicateField, string> = {
  email: 'email',
  phone: 'phone',
  linkedinUrl: 'LinkedIn profile',
  facebookUrl: 'Facebook profile',
};

// ---------------------------------------------------------------------------------------------
// Normalisers
// ---------------------------------------------------------------------------------------------

const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

/** An email as stored (trimmed), or null when it is not one. Compare with `emailKey`. */
export function normalizeEmail(input: string): string | null {
  const email = input.trim();
  if (email.length > 254 || !EMAIL.test(email)) return null;
  return email;
}

/** What two emails are compared by: in practice no mail provider treats case as significant. */
export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}

/** A phone typed in any usual format → E.164 (default country for numbers without +), or null. */
export function normalizePhone(input: string, defaultCountry: CountryCode): string | null {
  return toE164(input, defaultCountry);
}

/** Parses what a recruiter pastes or types ("linkedin.com/in/x", "http://…"), or null. */
function parseUrl(input: string): URL | null {
  let text = input.trim();
  if (!text || /\s/.test(text)) return null;
  if (!/^[a-z][a-z\d+.-]*:\/\//i.test(text)) text = `https://${text.replace(/^\/+/, '')}`;
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : null;
  } catch {
    return null;
  }
}

function isHostOf(host: string, domain: string): boolean {
  return host === domain || host.endsWith(`.${domain}`);
}

/** facebook.com, fb.com or one of their subdomains (l.facebook.com, m.facebook.com…). */
export function isFacebookHost(host: string): boolean {
  const h = host.toLowerCase();
  return isHostOf(h, 'facebook.com') || isHostOf(h, 'fb.com');
}

/** Path segments, percent-decoded where possible (malformed escapes are kept as they are). */
function segments(url: URL): string[] {
  return url.pathname
    .split('/')
    .filter((s) => s.length > 0)
    .map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s;
      }
    });
}

/**
 * A LinkedIn member profile URL in canonical form: `https://www.linkedin.com/in/<vanity>` — https,
 * the www host (country hosts such as ph.linkedin.com and the mobile host are the same profile),
 * no query, hash, trailing slash or sub-page (`/details/experience`), vanity lower-cased (LinkedIn
 * treats it case-insensitively) and percent-encoded the one way. Null when it is not a profile.
 */
export function canonicalLinkedInUrl(input: string): string | null {
  const url = parseUrl(input);
  if (!url || !isHostOf(url.hostname.toLowerCase(), 'linkedin.com')) return null;
  const [kind, vanity] = segments(url);
  if (!kind || kind.toLowerCase() !== 'in' || !vanity) return null;
  return `https://www.linkedin.com/in/${encodeURIComponent(vanity.toLowerCase())}`;
}

/** Facebook paths that are not a person's profile (first path segment). */
const FACEBOOK_RESERVED = new Set([
  'groups',
  'pages',
  'events',
  'watch',
  'marketplace',
  'gaming',
  'share',
  'sharer',
  'sharer.php',
  'login',
  'login.php',
  'home.php',
  'help',
  'photo',
  'photo.php',
  'photos',
  'story.php',
  'permalink.php',
  'messages',
  'notifications',
  'friends',
  'settings',
  'search',
  'hashtag',
  'reel',
  'reels',
  'stories',
]);

/**
 * A Facebook profile URL in canonical form: `https://www.facebook.com/<username>` (lower-cased:
 * usernames are case-insensitive), or `https://www.facebook.com/profile.php?id=<digits>` for a
 * profile without a username — the one query parameter kept, since it is the identity. The
 * `/people/<name>/<id>` form is that same numeric profile. Mobile (m.), web. and fb.com hosts are
 * the same site. Null when it is not a profile.
 */
export function canonicalFacebookUrl(input: string): string | null {
  const url = parseUrl(input);
  if (!url) return null;
  const host = url.hostname.toLowerCase();
  if (!isFacebookHost(host)) return null;
  const parts = segments(url);
  const first = parts[0]?.toLowerCase();
  if (!first) return null;
  if (first === 'profile.php') {
    const id = url.searchParams.get('id');
    return id && /^\d+$/.test(id) ? `https://www.facebook.com/profile.php?id=${id}` : null;
  }
  if (first === 'people') {
    const id = parts[2];
    return id && /^\d+$/.test(id) ? `https://www.facebook.com/profile.php?id=${id}` : null;
  }
  if (FACEBOOK_RESERVED.has(first)) return null;
  // Usernames: letters, digits and dots (Facebook's rule); at least 5 characters, but older
  // accounts have shorter ones, so only the character set is checked.
  if (!/^[\p{L}\p{N}.]+$/u.test(first)) return null;
  return `https://www.facebook.com/${encodeURIComponent(first)}`;
}

// ---------------------------------------------------------------------------------------------
// Matching
// ---------------------------------------------------------------------------------------------

type MaybePromise<T> = T | Promise<T>;

/**
 * Finds candidates sharing a value. It may return more than the exact matches (a prefix or
 * case-insensitive index query, say): `findDuplicates` checks each one again.
 */
export interface CandidateLookup<C extends ContactKeys & { id: string } = Candidate> {
  byEmail(email: string): MaybePromise<readonly C[]>;
  byPhone(e164: string): MaybePromise<readonly C[]>;
  byLinkedinUrl(canonical: string): MaybePromise<readonly C[]>;
  byFacebookUrl(canonical: string): MaybePromise<readonly C[]>;
}

export interface DuplicateMatch<C extends ContactKeys & { id: string } = Candidate> {
  candidate: C;
  /** The fields that matched, in DUPLICATE_FIELDS order. */
  fields: DuplicateField[];
}

/** The comparison key of one field of a stored or draft candidate ('' when absent or unusable). */
export function matchKey(field: DuplicateField, value: string | undefined): string {
  if (!value) return '';
  switch (field) {
    case 'email':
      return emailKey(value);
    case 'phone':
      // Stored phones are E.164; comparing the digits also forgives stray spacing in old rows.
      return value.replace(/\D/g, '');
    case 'linkedinUrl':
      return canonicalLinkedInUrl(value) ?? '';
    case 'facebookUrl':
      return canonicalFacebookUrl(value) ?? '';
  }
}

/**
 * The existing candidates who share an email, phone or profile URL with `draft` (whose fields
 * are already normalised), each with the fields that matched; the most matching fields first.
 */
export async function findDuplicates<C extends ContactKeys & { id: string }>(
  draft: ContactKeys,
  lookup: CandidateLookup<C>,
): Promise<DuplicateMatch<C>[]> {
  const found = new Map<string, DuplicateMatch<C>>();
  const ask: Record<DuplicateField, (value: string) => MaybePromise<readonly C[]>> = {
    email: (v) => lookup.byEmail(v),
    phone: (v) => lookup.byPhone(v),
    linkedinUrl: (v) => lookup.byLinkedinUrl(v),
    facebookUrl: (v) => lookup.byFacebookUrl(v),
  };
  for (const field of DUPLICATE_FIELDS) {
    const key = matchKey(field, draft[field]);
    if (!key) continue;
    for (const candidate of await ask[field](draft[field]!)) {
      if (matchKey(field, candidate[field]) !== key) continue;
      const match = found.get(candidate.id);
      if (!match) found.set(candidate.id, { candidate, fields: [field] });
      else if (!match.fields.includes(field)) match.fields.push(field);
    }
  }
  // Map order is first-found order; the sort is stable, so ties keep it.
  return [...found.values()].sort((a, b) => b.fields.length - a.fields.length);
}

/** A lookup over candidates held in memory (an import's own rows, tests). */
export function memoryLookup<C extends ContactKeys & { id: string }>(candidates: Iterable<C>): CandidateLookup<C> {
  const maps: Record<DuplicateField, Map<string, C[]>> = {
    email: new Map(),
    phone: new Map(),
    linkedinUrl: new Map(),
    facebookUrl: new Map(),
  };
  for (const candidate of candidates) {
    for (const field of DUPLICATE_FIELDS) {
      const key = matchKey(field, candidate[field]);
      if (!key) continue;
      const list = maps[field].get(key);
      if (list) list.push(candidate);
      else maps[field].set(key, [candidate]);
    }
  }
  const get = (field: DuplicateField) => (value: string) => maps[field].get(matchKey(field, value)) ?? [];
  return {
    byEmail: get('email'),
    byPhone: get('phone'),
    byLinkedinUrl: get('linkedinUrl'),
    byFacebookUrl: get('facebookUrl'),
  };
}

/** "email and phone", "LinkedIn profile": the matched fields for a sentence. */
export function describeFields(fields: readonly DuplicateField[]): string {
  const names = fields.map((f) => DUPLICATE_FIELD_LABELS[f]);
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]!}`;
}
