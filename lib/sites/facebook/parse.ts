/**
 * Reads a candidate draft from a Facebook profile page (DESIGN §4). Pure: `root` is the page's
 * document (or a parsed fixture); nothing is changed, nothing runs. Sources, most trusted first:
 * the embedded Relay JSON (the User whose id or URL is this profile), og: tags (when og:url is
 * this profile), the header's `h1`, the Intro card, and the `<title>`.
 */
import { canonicalFacebookUrl } from '../../domain/duplicates';
import {
  CAPTURE_LIMITS,
  capturePhotoUrl,
  cleanPersonName,
  cleanText,
  cleanUrl,
  finishDraft,
  first,
  safeJson,
  splitName,
  str,
  visibleText,
  walkJson,
  type CaptureDraft,
  type Json,
} from '../draft';
import { facebookProfileUrl } from './detect';
import { FACEBOOK, FACEBOOK_BUTTON_ANCHOR } from './selectors';

const T = CAPTURE_LIMITS.text;

interface Found {
  fullName?: string;
  company?: string;
  title?: string;
  location?: string;
  photo?: string;
  headline?: string;
}

export function parse(root: Document, url: string): CaptureDraft | null {
  const profileUrl = facebookProfileUrl(url);
  if (!profileUrl) return null;
  const numericId = /[?&]id=(\d+)/.exec(profileUrl)?.[1] ?? null;
  const sources = [fromEmbedded(root, profileUrl, numericId), fromOg(root, profileUrl), fromDom(root, url), fromTitle(root)];
  const fullName = cleanPersonName(first(...sources.map((s) => s.fullName)));
  if (!fullName) return null;
  const pick = (key: keyof Found) => first(...sources.map((s) => s[key]));
  return finishDraft({
    site: 'facebook',
    name: splitName(fullName),
    headline: cleanText(pick('headline'), T),
    title: cleanText(pick('title'), T),
    company: cleanText(pick('company'), T),
    location: cleanText(pick('location'), T),
    photo: first(...sources.map((s) => capturePhotoUrl(s.photo, 'facebook'))),
    about: '',
    profileUrl,
    email: '',
    phone: '',
    websites: [],
  });
}

function isAmongOtherPeople(el: Element): boolean {
  return el.closest(FACEBOOK.otherPeople) !== null;
}

function own(root: ParentNode, selector: string): Element | null {
  for (const el of Array.from(root.querySelectorAll(selector))) if (!isAmongOtherPeople(el)) return el;
  return null;
}

function fromEmbedded(root: Document, profileUrl: string, numericId: string | null): Found {
  let scripts = Array.from(root.querySelectorAll(FACEBOOK.embeddedJson.primary));
  if (scripts.length === 0) scripts = Array.from(root.querySelectorAll(FACEBOOK.embeddedJson.fallback));
  let user: Json | null = null;
  for (const script of scripts) {
    walkJson(safeJson(script.textContent), (obj) => {
      if (str(obj, '__typename') !== 'User' || !str(obj, 'name')) return false;
      const id = str(obj, 'id');
      const link = str(obj, 'url') || str(obj, 'profile_url');
      const matches = (numericId !== null && id === numericId) || (link !== '' && canonicalFacebookUrl(link) === profileUrl);
      if (matches) user = obj;
      return matches;
    });
    if (user) break;
  }
  if (!user) return {};
  const picture = (user as Json)['profilePicLarge'] ?? (user as Json)['profile_picture'] ?? (user as Json)['profilePicture'];
  return { fullName: str(user, 'name'), photo: str(picture, 'uri') };
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
  return out;
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
