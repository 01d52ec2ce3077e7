/**
 * "Who is the candidate on this page?" for quick replies in messaging sites (DESIGN §4): the
 * picker injected into WhatsApp Web, Messenger, LinkedIn, Gmail or Facebook asks which person
 * the conversation being typed into is with, so tokens render and the message is logged to that
 * candidate. Pure: each site's module reads the page it is given (lib/sites/<site>/thread.ts)
 * and this dispatcher cleans and caps what they found. Bundled into the injected script, so it
 * stays small: no libphonenumber-js here (phones are digits as shown, validated by the caller).
 */
import { canonicalFacebookUrl, canonicalLinkedInUrl } from '../domain/duplicates';
import { CAPTURE_LIMITS, cleanEmail, cleanPersonName, cleanText } from './draft';
import { detectGmailThread } from './gmail/thread';
import { detectLinkedInThread } from './linkedin/thread';
import { detectFacebookChatThread, detectMessengerThread } from './messenger/thread';
import { detectWhatsAppThread } from './whatsapp/thread';

export type ThreadSite = 'whatsapp' | 'messenger' | 'linkedin' | 'gmail' | 'facebook';

/** Who the conversation the recruiter is typing into is with, as the page shows it. */
export interface ThreadPerson {
  site: ThreadSite;
  /** The Leadside channel a message typed here goes through. */
  channel: 'whatsapp' | 'facebook' | 'linkedin' | 'email';
  /** Cleaned display name, '' when unknown. */
  name: string;
  /** '+' and digits only (as shown, not validated), '' when unknown. */
  phone: string;
  /** Lower-cased, '' when unknown. */
  email: string;
  /** Canonical LinkedIn or Facebook profile URL, '' when unknown. */
  profileUrl: string;
}

/**
 * What a site's detector read from the page, raw: the dispatcher cleans and caps every field.
 * A detector has already left out the logged-in user and returns null when unsure.
 */
export interface ThreadFound {
  name?: string;
  phone?: string;
  email?: string;
  profileUrl?: string;
}

export type ThreadDetector = (root: Document, field: Element | null, href: string) => ThreadFound | null;

const CHANNEL: Record<ThreadSite, ThreadPerson['channel']> = {
  whatsapp: 'whatsapp',
  messenger: 'facebook',
  facebook: 'facebook',
  linkedin: 'linkedin',
  gmail: 'email',
};

const DETECTORS: Record<ThreadSite, ThreadDetector> = {
  whatsapp: detectWhatsAppThread,
  messenger: detectMessengerThread,
  facebook: detectFacebookChatThread,
  linkedin: detectLinkedInThread,
  gmail: detectGmailThread,
};

/** E.164 allows 15 digits; a few more leave room for what a page shows, never a 100 KB string. */
const PHONE_MAX_DIGITS = 20;

/**
 * Which messaging site a tab is on, from its URL alone: https, the site's own host, no port.
 * facebook.com splits in two: `/messages/…` is the full Messenger page, every other path can
 * only hold chat pop-ups. Gmail is `mail.google.com/mail/…` (`/chat/` there is Google Chat).
 */
export function threadSiteOf(href: string): ThreadSite | null {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || url.port !== '') return null;
  const path = url.pathname;
  switch (url.hostname) {
    case 'web.whatsapp.com':
      return 'whatsapp';
    case 'www.messenger.com':
    case 'messenger.com':
      return 'messenger';
    case 'www.linkedin.com':
      return 'linkedin';
    case 'mail.google.com':
      return /^\/mail(?:\/|$)/.test(path) ? 'gmail' : null;
    case 'www.facebook.com':
    case 'web.facebook.com':
    case 'facebook.com':
      return /^\/messages(?:\/|$)/.test(path) ? 'messenger' : 'facebook';
    default:
      return null;
  }
}

/**
 * field: the element the recruiter is typing in (may be null); used to pick the right
 * conversation when several are open (LinkedIn message bubbles, Gmail compose windows, Facebook
 * chat pop-ups). Returns null when the page shows no conversation partner. Never throws.
 */
export function detectThreadPerson(root: Document, href: string, field?: Element | null): ThreadPerson | null {
  try {
    const site = threadSiteOf(href);
    if (!site) return null;
    const found = DETECTORS[site](root, field ?? null, href);
    return found ? finish(site, found) : null;
  } catch {
    // A page we have never seen (or a hostile one) must not break the picker: no partner.
    return null;
  }
}

function finish(site: ThreadSite, found: ThreadFound): ThreadPerson | null {
  let name = cleanPersonName(found.name);
  let phone = phoneDigits(found.phone);
  let email = cleanEmail(found.email).toLowerCase();
  // WhatsApp (and Messenger for unsaved contacts) shows a number where the name would be;
  // Gmail shows an address when a recipient has no name. Neither is a name.
  if (isPhoneText(name)) {
    phone ||= phoneDigits(name);
    name = '';
  } else if (name.includes('@')) {
    email ||= cleanEmail(name).toLowerCase();
    name = '';
  }
  const channel = CHANNEL[site];
  const profileUrl = cleanProfileUrl(found.profileUrl, channel);
  if (!name && !phone && !email && !profileUrl) return null;
  return { site, channel, name, phone, email, profileUrl };
}

/** True when the whole text is a phone number as pages show one ("+63 917 123 4567"). */
function isPhoneText(text: string): boolean {
  return /^\+?[\d\s().-]+$/.test(text) && (text.match(/\d/g)?.length ?? 0) >= 6;
}

/** '+' (when shown) and digits, or '' when it is not a number of at least six digits. */
function phoneDigits(raw: string | undefined): string {
  const text = cleanText(raw, CAPTURE_LIMITS.phone);
  if (!isPhoneText(text)) return '';
  const digits = text.replace(/\D/g, '');
  if (digits.length > PHONE_MAX_DIGITS) return '';
  return (text.startsWith('+') ? '+' : '') + digits;
}

/** The canonical form for the channel (a LinkedIn URL never fills a Facebook thread), capped. */
function cleanProfileUrl(raw: string | undefined, channel: ThreadPerson['channel']): string {
  if (!raw || raw.length > CAPTURE_LIMITS.url) return '';
  const url = channel === 'linkedin' ? canonicalLinkedInUrl(raw) : channel === 'facebook' ? canonicalFacebookUrl(raw) : null;
  return url && url.length <= CAPTURE_LIMITS.url ? url : '';
}
