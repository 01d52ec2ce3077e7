/**
 * Reads a candidate draft from a Facebook profile page (DESIGN §4). Pure: `root` is the page's
 * document (or a parsed fixture); nothing is changed, nothing runs. Sources, most trusted first:
 * the embedded Relay JSON (the User whose id or URL is this profile), og: tags (when og:url is
 * this profile), the header's `h1`, the Intro card, and the `<title>`. About is the Intro card's
 * bio (else the Relay bio); email, phone and websites come from the About section's contact rows.
 */
import { canonicalFacebookUrl, isFacebookHost } from '../../domain/duplicates';
import {
  CAPTURE_LIMITS,
  capturePhotoUrl,
  cleanEmail,
  cleanPersonName,
  cleanPhone,
  cleanText,
  cleanUrl,
  cleanWebsite,
  finishDraft,
  first,
  isObject,
  safeJson,
  splitName,
  str,
  visibleText,
  walkJson,
  type CaptureDraft,
  type Json,
} from '../draft';
import { facebookProfileUrl, isFacebookAboutTab } from './detect';
import { CONTACT_LABELS, FACEBOOK, FACEBOOK_BUTTON_ANCHOR } from './selectors';

const T = CAPTURE_LIMITS.text;

interface Found {
  fullName?: string;
  company?: string;
  title?: string;
  location?: string;
  photo?: string;
  headline?: string;
  about?: string;
}

export function parse(root: Document, url: string): CaptureDraft | null {
  const profileUrl = facebookProfileUrl(url);
  if (!profileUrl) return null;
  const numericId = /[?&]id=(\d+)/.exec(profileUrl)?.[1] ?? null;
  const embedded = fromEmbedded(root, profileUrl, numericId);
  const dom = fromDom(root, url);
  const sources = [embedded, fromOg(root, profileUrl), dom, fromTitle(root)];
  const fullName = cleanPersonName(first(...sources.map((s) => s.fullName)));
  if (!fullName) return null;
  const pick = (key: keyof Found) => first(...sources.map((s) => s[key]));
  const contact = fromAboutSection(root, url);
  return finishDraft({
    site: 'facebook',
    name: splitName(fullName),
    headline: cleanText(pick('headline'), T),
    title: cleanText(pick('title'), T),
    company: cleanText(pick('company'), T),
    location: cleanText(pick('location'), T),
    photo: first(...sources.map((s) => capturePhotoUrl(s.photo, 'facebook'))),
    // What the page shows first: the Intro card's bio; the Relay bio when no card is rendered.
    about: cleanText(first(dom.about, embedded.about), CAPTURE_LIMITS.about),
    profileUrl,
    email: contact.email,
    phone: contact.phone,
    websites: contact.websites,
  });
}

function isAmongOtherPeople(el: Element): boolean {
  return el.closest(FACEBOOK.otherPeople) !== null;
}

function own(root: ParentNode, selector: string): Element | null {
  for (const el of Array.from(root.querySelectorAll(selector))) if (!isAmongOtherPeople(el)) return el;
  return null;
}

function ownAll(root: ParentNode, selector: string): Element[] {
  return Array.from(root.querySelectorAll(selector)).filter((el) => !isAmongOtherPeople(el));
}

function fromEmbedded(root: Document, profileUrl: string, numericId: string | null): Found {
  let scripts = Array.from(root.querySelectorAll(FACEBOOK.embeddedJson.primary));
  if (scripts.length === 0) scripts = Array.from(root.querySelectorAll(FACEBOOK.embeddedJson.fallback));
  const payloads = scripts.map((script) => safeJson(script.textContent));
  let user: Json | null = null;
  for (const payload of payloads) {
    walkJson(payload, (obj) => {
      if (str(obj, '__typename') !== 'User' || !str(obj, 'name')) return false;
      const id = str(obj, 'id');
      const link = str(obj, 'url') || str(obj, 'profile_url');
      const matches = (numericId !== null && id === numericId) || (link !== '' && canonicalFacebookUrl(link) === profileUrl);
      if (matches) user = obj;
      return matches;
    });
    if (user) break;
  }
  const about = relayBio(payloads, user ? str(user, 'id') || numericId : numericId);
  if (!user) return { about };
  const picture = (user as Json)['profilePicLarge'] ?? (user as Json)['profile_picture'] ?? (user as Json)['profilePicture'];
  return { fullName: str(user, 'name'), photo: str(picture, 'uri'), about };
}

/**
 * The bio in the Relay data (FACEBOOK.bio.fallback): `profile_intro_card.bio.text` of an object
 * whose id is this profile's. Facebook splits a user across payloads, so the card need not sit
 * in the object that carries the name; the id ties it to this profile, never the viewer.
 */
function relayBio(payloads: unknown[], id: string | null): string {
  if (!id) return '';
  let bio = '';
  for (const payload of payloads) {
    walkJson(payload, (obj) => {
      const card = obj['profile_intro_card'];
      if (str(obj, 'id') !== id || !isObject(card)) return false;
      bio = str(card['bio'], 'text');
      return bio !== '';
    });
    if (bio) break;
  }
  return bio;
}

function fromOg(root: Document, profileUrl: string): Found {
  const ogUrl = root.querySelector(FACEBOOK.ogUrl)?.getAttribute('content') ?? '';
  if (canonicalFacebookUrl(ogUrl) !== profileUrl) return {};
  const title = root.querySelector(FACEBOOK.ogTitle)?.getAttribute('content') ?? '';
  const image = root.querySelector(FACEBOOK.photo.fallback)?.getAttribute('content') ?? '';
  return { fullName: title.replace(/\s*\|\s*Facebook\s*$/i, ''), photo: image };
}

function fromDom(root: Document, url: string): Found {
  const out: Found = {};
  out.fullName = visibleText(own(root, FACEBOOK.name.primary) ?? own(root, FACEBOOK.name.fallback));
  let items = Array.from(root.querySelectorAll(FACEBOOK.intro.primary));
  if (items.length === 0) items = Array.from(root.querySelectorAll(FACEBOOK.intro.fallback));
  for (const item of items) {
    if (isAmongOtherPeople(item)) continue;
    const text = cleanText(visibleText(item), T * 2);
    let m: RegExpExecArray | null;
    if (!out.company && (m = /^(?:(.+?) at |Works at |Work at )(.+)$/u.exec(text))) {
      out.company = m[2];
      if (m[1] && !/^(Works|Work)$/i.test(m[1])) out.title = m[1];
    } else if (!out.location && (m = /^(?:Lives in|Location:?) (.+)$/u.exec(text))) {
      out.location = m[1];
    } else if (!out.location && (m = /^From (.+)$/u.exec(text))) {
      out.location = m[1];
    }
  }
  const image = own(root, FACEBOOK.photo.primary);
  const href = image?.getAttribute('xlink:href') ?? image?.getAttribute('href') ?? '';
  if (href) out.photo = cleanUrl(href, url);
  out.about = introBio(root);
  return out;
}

/** Elements that hold a bio's neighbours in the Intro card, never the bio itself. */
const NOT_BIO = 'li, h1, h2, h3, h4, h5, h6, [role="heading"], a, button, [role="button"], [role="link"]';

/** The Intro card's bio (FACEBOOK.bio.primary): its first own line of text outside the list. */
function introBio(root: Document): string {
  for (const el of ownAll(root, FACEBOOK.bio.primary)) {
    if (el.querySelector(FACEBOOK.rowText) || el.closest(NOT_BIO)) continue;
    const text = visibleText(el);
    if (cleanText(text, 1)) return text;
  }
  return '';
}

// ---------------------------------------------------------------------------------------------
// The About section's contact rows
// ---------------------------------------------------------------------------------------------

interface Contact {
  email: string;
  phone: string;
  websites: string[];
}

type LabelKind = keyof typeof CONTACT_LABELS;

const LABEL_KINDS = new Map<string, LabelKind>(
  (Object.keys(CONTACT_LABELS) as LabelKind[]).flatMap((kind) => CONTACT_LABELS[kind].map((word): [string, LabelKind] => [word, kind])),
);

/** "E-mail" → "email": the form CONTACT_LABELS is written in. */
function labelKind(text: string): LabelKind | null {
  if (!text || text.length > 40) return null;
  return LABEL_KINDS.get(text.normalize('NFC').toLowerCase().replace(/[\s.\-\u2010\u2011]/g, '')) ?? null;
}

/**
 * Where contact rows are read (FACEBOOK.aboutSection), on an About URL only: the tab's pagelet,
 * else the main region. On other tabs the same pagelet lists friends or followers, and the
 * timeline's main region holds posts and comments by other people, so nothing is read there.
 */
function aboutScopes(root: Document, url: string): Element[] {
  if (!isFacebookAboutTab(url)) return [];
  const sections = ownAll(root, FACEBOOK.aboutSection.primary);
  return sections.length > 0 ? sections : ownAll(root, FACEBOOK.aboutSection.fallback);
}

function fromAboutSection(root: Document, url: string): Contact {
  const out: Contact = { email: '', phone: '', websites: [] };
  const scopes = aboutScopes(root, url);
  let sawWebsiteRow = false;
  for (const scope of scopes) {
    for (const el of ownAll(scope, FACEBOOK.rowText)) {
      if (el.querySelector(FACEBOOK.rowText)) continue;
      const kind = labelKind(cleanText(visibleText(el), 80));
      if (!kind) continue;
      const row = rowOf(el, scope);
      if (!row) continue;
      if (kind === 'email') out.email ||= cleanEmail(valueOf(row, el));
      else if (kind === 'phone') out.phone ||= cleanPhone(valueOf(row, el));
      else {
        sawWebsiteRow = true;
        const links = Array.from(row.querySelectorAll('a[href]')).map((a) => offSiteUrl(a.getAttribute('href'), url)).filter(Boolean);
        // A website shown as text without a link counts; a social network's handle alone does not.
        if (links.length === 0 && kind === 'website') links.push(offSiteUrl(cleanWebsite(valueOf(row, el)), url));
        out.websites.push(...links);
      }
    }
  }
  // Fallbacks, for labels in a language CONTACT_LABELS does not know.
  for (const scope of scopes) {
    for (const a of ownAll(scope, FACEBOOK.email.fallback)) out.email ||= cleanEmail(a.getAttribute('href'));
    for (const a of ownAll(scope, FACEBOOK.phone.fallback)) out.phone ||= cleanPhone(a.getAttribute('href'));
    if (!sawWebsiteRow) for (const a of ownAll(scope, FACEBOOK.website.fallback)) out.websites.push(offSiteUrl(a.getAttribute('href'), url));
  }
  out.websites = out.websites.filter(Boolean);
  return out;
}

/** A label's row: its nearest ancestor (inside `scope`) with more text than the label. */
function rowOf(label: Element, scope: Element): Element | null {
  const labelText = cleanText(visibleText(label), 80);
  let node = label.parentElement;
  for (let depth = 0; node && node !== scope && depth < 8; depth++, node = node.parentElement) {
    if (cleanText(visibleText(node), 200) !== labelText) return node;
  }
  return null;
}

/** The row's value: its first line of text that is not the label. */
function valueOf(row: Element, label: Element): string {
  for (const el of Array.from(row.querySelectorAll(FACEBOOK.rowText))) {
    if (el === label || el.contains(label) || label.contains(el) || el.querySelector(FACEBOOK.rowText)) continue;
    const text = cleanText(visibleText(el), CAPTURE_LIMITS.url);
    if (text) return text;
  }
  return '';
}

/**
 * An off-site link as the real http(s) URL: Facebook's redirector (`l.facebook.com/l.php?u=…`)
 * unwrapped and its `fbclid` tracking parameter dropped; '' for Facebook's own pages, for
 * anything that is not http(s) (a `javascript:` link, or one smuggled inside `u=`) and for a
 * user name in the URL (`https://bank.example@evil.example` reads as one host, goes to another).
 */
function offSiteUrl(href: string | null, pageUrl: string): string {
  const link = cleanUrl(href, pageUrl);
  if (!link) return '';
  let url = new URL(link);
  if (isFacebookHost(url.hostname) && url.pathname === '/l.php') {
    const target = cleanWebsite(url.searchParams.get('u'));
    if (!target) return '';
    url = new URL(target);
  }
  if (isFacebookHost(url.hostname) || url.username || url.password) return '';
  if (url.searchParams.has('fbclid')) url.searchParams.delete('fbclid');
  return cleanUrl(url.href);
}

function fromTitle(root: Document): Found {
  const title = cleanText(root.querySelector('title')?.textContent, 300);
  if (!/\|\s*Facebook$/i.test(title)) return {};
  const name = title.replace(/^\(\d+\+?\)\s*/, '').replace(/\s*\|\s*Facebook$/i, '');
  return /^(Facebook|Log in|Home)$/i.test(name) ? {} : { fullName: name };
}

/** The element the in-page button is placed after (the profile's name), or null. */
export function findAnchor(root: Document): Element | null {
  return own(root, FACEBOOK_BUTTON_ANCHOR.primary) ?? own(root, FACEBOOK_BUTTON_ANCHOR.fallback);
}
