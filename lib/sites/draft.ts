/**
 * What a capture site parser returns (DESIGN §4): a candidate draft read from a profile page,
 * plain text only, every field cleaned and capped. Pure: shared by the LinkedIn and Facebook
 * parsers, the in-page card and the background's validation.
 */

export type CaptureSite = 'linkedin' | 'facebook';

export interface CaptureDraft {
  site: CaptureSite;
  firstName: string;
  lastName: string;
  headline?: string;
  /** Current job title, when the page says it apart from the headline. */
  title?: string;
  company?: string;
  location?: string;
  /** An https URL of the profile photo on the site's own CDN (capturePhotoUrl), else absent. */
  photo?: string;
  about?: string;
  /** Canonical (lib/domain/duplicates.ts). */
  profileUrl: string;
  email?: string;
  phone?: string;
  websites: string[];
}

/** Caps on every captured string (the background checks the same caps again). */
export const CAPTURE_LIMITS = {
  name: 100,
  text: 200,
  about: 2000,
  email: 254,
  phone: 40,
  url: 2048,
  websites: 5,
  note: 5000,
} as const;

// Zero-width, joiners, bidi embeddings/overrides/isolates, BOM, soft hyphen, and C0/C1 controls.
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u206F\uFEFF]/g;
// Emoji and their modifiers/selectors; names and headlines are stored as words.
const EMOJI = /\p{Extended_Pictographic}|[\u{1F1E6}-\u{1F1FF}]|[\u{1F3FB}-\u{1F3FF}]|\uFE0E|\uFE0F|\u20E3/gu;

/** Plain text: invisible marks and emoji removed, whitespace collapsed, at most `max` characters. */
export function cleanText(raw: string | null | undefined, max: number): string {
  if (!raw) return '';
  // Cap before the regexes too, so a 1 MB headline costs no more than a short one.
  const text = raw.slice(0, max * 4).replace(INVISIBLE, '').replace(EMOJI, '').replace(/\s+/g, ' ').trim();
  return capCodePoints(text, max);
}

/** Cuts at `max` UTF-16 units without splitting a surrogate pair. */
export function capCodePoints(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, max);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return cut.trimEnd();
}

const PRONOUNS = /\(\s*(?:she|he|they|her|him|them|ze|xe|any)(?:\s*\/\s*(?:she|he|they|her|hers|him|his|them|theirs|ze|zir|xe|xem|any))+\s*\)/giu;
const BARE_PRONOUNS = /\s(?:she|he|they)\s*\/\s*(?:her|him|them|hers|his|theirs)\b.*$/iu;
// Post-nominal letters recruiters see after names ("Ana Reyes, MBA, PMP", "Dr. …").
const CREDENTIAL = /^(?:MBA|PhD|Ph\.D\.?|MD|CPA|PMP|CFA|MSc|BSc|MA|BA|MS|BS|RN|LPT|CPA|Esq\.?|Jr\.?|Sr\.?|II|III|IV|PE|SHRM-CP|SHRM-SCP|PHR|CHRP|CIPD|ACCA|CISSP|CSM|[A-Z]{2,6})$/u;

/** A person's display name without pronouns, credentials, emoji or invisible marks. */
export function cleanPersonName(raw: string | null | undefined): string {
  let name = cleanText(raw, CAPTURE_LIMITS.name * 2);
  name = name.replace(PRONOUNS, ' ').replace(BARE_PRONOUNS, '');
  // "Ana Reyes, MBA, PMP" → "Ana Reyes": drop trailing comma parts that are credentials.
  const parts = name.split(',');
  while (parts.length > 1 && CREDENTIAL.test(parts[parts.length - 1]!.trim())) parts.pop();
  name = parts.join(',');
  name = name.replace(/^(?:Dr|Engr|Atty|Prof)\.?\s+/u, '');
  return capCodePoints(name.replace(/\s+/g, ' ').replace(/[\s,|·-]+$/u, '').trim(), CAPTURE_LIMITS.name);
}

/** "Maria Clara Santos" → first "Maria Clara", last "Santos"; one word → first name only. */
export function splitName(full: string): { firstName: string; lastName: string } {
  const words = full.split(' ').filter(Boolean);
  if (words.length <= 1) return { firstName: words[0] ?? '', lastName: '' };
  return { firstName: words.slice(0, -1).join(' '), lastName: words[words.length - 1]! };
}

/** An absolute https URL (or ''), for photos and websites. */
export function cleanUrl(raw: string | null | undefined, base?: string): string {
  if (!raw) return '';
  try {
    const url = new URL(raw.trim(), base);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return '';
    const text = url.href;
    return text.length <= CAPTURE_LIMITS.url ? text : '';
  } catch {
    return '';
  }
}

/**
 * The photo URL worth keeping: https, on the site's own image CDN (LinkedIn's media.licdn.com,
 * Facebook's scontent…fbcdn.net), with no credentials or port; '' for anything else. A photo from
 * any other host (a tracking pixel, an attacker's server) is never stored nor loaded later.
 */
export function capturePhotoUrl(raw: string | null | undefined, site: CaptureSite): string {
  if (!raw || raw.length > CAPTURE_LIMITS.url) return '';
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return '';
  }
  if (url.protocol !== 'https:' || url.username || url.password || url.port) return '';
  const host = url.hostname.toLowerCase();
  // LinkedIn serves member photos from media.licdn.com (older pages: media-exp1.licdn.com).
  const ok = site === 'linkedin' ? /^media(?:-exp\d+)?\.licdn\.com$/.test(host) : /^scontent[a-z0-9.-]*\.fbcdn\.net$/.test(host);
  return ok ? url.href : '';
}

/**
 * A website as typed or shown: an absolute http(s) URL, "https://" added when the scheme is
 * missing ("ben.example.dev"); '' for anything else (javascript:, data:, mailto:, junk).
 */
export function cleanWebsite(raw: string | null | undefined): string {
  const text = (raw ?? '').trim();
  if (!text || /\s/.test(text)) return '';
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(text) ? text : `https://${text}`;
  const url = cleanUrl(withScheme);
  if (!url) return '';
  try {
    const host = new URL(url).hostname;
    return host.includes('.') || host === 'localhost' ? url : '';
  } catch {
    return '';
  }
}

/** What a capture stores beyond the contact fields, checked (checkCaptureDetails). */
export interface CaptureDetails {
  headline?: string;
  title?: string;
  company?: string;
  location?: string;
  about?: string;
  websites?: string[];
  photo?: string;
}

/** The card's typed values for the details (the capture message's person carries these). */
export interface CaptureDetailsInput {
  headline: string;
  title: string;
  company: string;
  location: string;
  about: string;
  websites: readonly string[];
  photo: string;
}

/**
 * The background's check of what the card sent (DESIGN §2: never trust a content script): plain
 * text tidied and capped, websites http(s) only (a typed "ben.dev" gets https://), the photo kept
 * only when it is on the site's own CDN. A website that is not a web link refuses the capture
 * with a message, since the recruiter typed it and can fix it; a bad photo is just left out.
 */
export function checkCaptureDetails(input: CaptureDetailsInput, site: CaptureSite): { ok: true; value: CaptureDetails } | { ok: false; error: string } {
  const value: CaptureDetails = {};
  const labels = { headline: 'A headline', title: 'A job title', company: 'A company', location: 'A location' } as const;
  for (const key of ['headline', 'title', 'company', 'location'] as const) {
    const text = input[key].replace(INVISIBLE, '').trim().replace(/\s+/g, ' ');
    if (text.length > CAPTURE_LIMITS.text) return { ok: false, error: `${labels[key]} can be at most ${CAPTURE_LIMITS.text} characters.` };
    if (text) value[key] = text;
  }
  // About keeps its line breaks (it is shown as plain text with them); other controls go.
  const about = input.about
    .replace(/\r\n?/g, '\n')
    .replace(INVISIBLE, '')
    .split('\n')
    .map((line) => line.replace(/[^\S\n]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  if (about.length > CAPTURE_LIMITS.about) return { ok: false, error: `About can be at most ${CAPTURE_LIMITS.about} characters.` };
  if (about) value.about = about;
  const websites: string[] = [];
  for (const raw of input.websites) {
    if (!raw.trim()) continue;
    const url = cleanWebsite(raw);
    if (!url) return { ok: false, error: `“${capCodePoints(raw.trim(), 80)}” is not a web address (http or https).` };
    if (!websites.includes(url)) websites.push(url);
  }
  if (websites.length > CAPTURE_LIMITS.websites) return { ok: false, error: `At most ${CAPTURE_LIMITS.websites} websites.` };
  if (websites.length > 0) value.websites = websites;
  const photo = capturePhotoUrl(input.photo, site);
  if (photo) value.photo = photo;
  return { ok: true, value };
}

/** An email address shown on a page ("mailto:" links included), or ''. */
export function cleanEmail(raw: string | null | undefined): string {
  const text = cleanText((raw ?? '').replace(/^mailto:/i, '').split('?')[0], CAPTURE_LIMITS.email);
  return /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(text) ? text : '';
}

/** A phone number as shown (digits, spaces, + ( ) - .), or ''. Normalised to E.164 when written. */
export function cleanPhone(raw: string | null | undefined): string {
  const text = cleanText((raw ?? '').replace(/^tel:/i, ''), CAPTURE_LIMITS.phone).replace(/\s*\((?:mobile|home|work)\)\s*$/i, '');
  return /^\+?[\d\s().-]{6,}$/.test(text) && (text.match(/\d/g)?.length ?? 0) >= 6 ? text : '';
}

/** LinkedIn's (and others') screen-reader twin of a visible string: skipped when reading text. */
export function isScreenReaderOnly(el: Element): boolean {
  return el.classList.contains('visually-hidden') || el.classList.contains('sr-only') || el.classList.contains('a11y-text');
}

/**
 * Text of an element as a reader sees it once: LinkedIn renders each string twice, an
 * aria-hidden copy and a visually-hidden copy for screen readers; scripts and styles are skipped.
 */
export function visibleText(el: Element | null | undefined): string {
  if (!el) return '';
  let out = '';
  const walk = (node: Node): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) out += child.nodeValue ?? '';
      else if (child.nodeType === 1) {
        const e = child as Element;
        const tag = e.tagName.toLowerCase();
        if (tag === 'script' || tag === 'style' || tag === 'template' || tag === 'noscript') continue;
        if (isScreenReaderOnly(e)) continue;
        out += ' ';
        walk(e);
        out += ' ';
      }
      if (out.length > 200_000) return;
    }
  };
  walk(el);
  return out;
}

/** Parses JSON without letting `__proto__` / `constructor` keys reach an object's prototype. */
export function safeJson(text: string | null | undefined, maxLength = 5_000_000): unknown {
  if (!text || text.length > maxLength) return null;
  try {
    return JSON.parse(text, (key, value: unknown) => (key === '__proto__' || key === 'constructor' || key === 'prototype' ? undefined : value));
  } catch {
    return null;
  }
}

export type Json = Record<string, unknown>;

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A string field of a JSON object, or '' (never an inherited property). */
export function str(obj: unknown, key: string): string {
  if (!isObject(obj) || !Object.prototype.hasOwnProperty.call(obj, key)) return '';
  const value = obj[key];
  return typeof value === 'string' ? value : '';
}

/** Visits every object in a JSON value (depth-capped), stopping when `visit` returns true. */
export function walkJson(value: unknown, visit: (obj: Json) => boolean | void, depth = 0): boolean {
  if (depth > 40) return false;
  if (Array.isArray(value)) {
    for (const item of value) if (walkJson(item, visit, depth + 1)) return true;
    return false;
  }
  if (!isObject(value)) return false;
  if (visit(value)) return true;
  for (const key of Object.keys(value)) if (walkJson(value[key], visit, depth + 1)) return true;
  return false;
}

/** The first non-empty value. */
export function first(...values: (string | null | undefined)[]): string {
  for (const v of values) if (v) return v;
  return '';
}

/** Builds the draft with empty fields left out. */
export function finishDraft(fields: {
  site: CaptureSite;
  name: { firstName: string; lastName: string };
  headline: string;
  title: string;
  company: string;
  location: string;
  photo: string;
  about: string;
  profileUrl: string;
  email: string;
  phone: string;
  websites: string[];
}): CaptureDraft {
  const draft: CaptureDraft = {
    site: fields.site,
    firstName: capCodePoints(fields.name.firstName, CAPTURE_LIMITS.name),
    lastName: capCodePoints(fields.name.lastName, CAPTURE_LIMITS.name),
    profileUrl: fields.profileUrl,
    websites: [...new Set(fields.websites.filter(Boolean))].slice(0, CAPTURE_LIMITS.websites),
  };
  const put = (key: 'headline' | 'title' | 'company' | 'location' | 'photo' | 'about' | 'email' | 'phone', value: string) => {
    if (value) draft[key] = value;
  };
  put('headline', fields.headline);
  put('title', fields.title);
  put('company', fields.company);
  put('location', fields.location);
  put('photo', fields.photo);
  put('about', fields.about);
  put('email', fields.email);
  put('phone', fields.phone);
  return draft;
}
