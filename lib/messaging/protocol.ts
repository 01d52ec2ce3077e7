/**
 * The one message protocol between Leadside's contexts (DESIGN §2). Each message names who may
 * send it; the background refuses anything else. Payloads are checked here, not trusted.
 */
import { id, record, text } from './validate';

/** Extension pages (side panel, options) only; a content script may never send these. */
export interface PageMessages {
  /** A job was created (or the panel opened): run whatever jobs are unfinished. */
  'jobs:run': Record<string, never>;
}

export type PageMessageType = keyof PageMessages;

export interface PageEnvelope<T extends PageMessageType = PageMessageType> {
  type: T;
  payload: PageMessages[T];
}

const PAGE_ONLY: readonly PageMessageType[] = ['jobs:run'];

/** A well-formed message of ours, or null (unknown type, wrong shape). */
export function parseMessage(raw: unknown): PageEnvelope | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { type, payload } = raw as { type?: unknown; payload?: unknown };
  if (typeof type !== 'string' || !(PAGE_ONLY as readonly string[]).includes(type)) return null;
  if (type === 'jobs:run') {
    if (payload !== undefined && (typeof payload !== 'object' || payload === null || Object.keys(payload).length > 0)) {
      return null;
    }
    return { type, payload: {} };
  }
  return null;
}

/** Who sent a message, as far as the background can tell. */
export interface SenderInfo {
  /** The sending extension's id (ours, or another extension's). */
  id?: string;
  /** The sending document's URL. */
  url?: string;
  /** Present when a content script in a tab sent it. */
  tabId?: number;
}

/**
 * Page-only messages come from our own extension pages, never from a tab's content script.
 * Capture messages come only from our content scripts in LinkedIn and Facebook tabs.
 */
export function senderMaySend(type: MessageType, sender: SenderInfo, ownId: string, ownOrigin: string): boolean {
  if (sender.id !== ownId) return false;
  if ((PAGE_ONLY as readonly string[]).includes(type)) return sender.tabId === undefined || Boolean(sender.url?.startsWith(ownOrigin));
  if ((CAPTURE_TYPES as readonly string[]).includes(type)) return sender.tabId !== undefined && isCaptureOrigin(sender.url);
  return false;
}

// ---------------------------------------------------------------------------------------------
// Capture (DESIGN §4): the only messages a content script may send
// ---------------------------------------------------------------------------------------------

/** The origins whose tabs may send capture messages (the manifest's host permissions). */
export const CAPTURE_ORIGINS = ['https://www.linkedin.com', 'https://www.facebook.com'] as const;

function isCaptureOrigin(url: string | undefined): boolean {
  if (!url) return false;
  try {
    return (CAPTURE_ORIGINS as readonly string[]).includes(new URL(url).origin);
  } catch {
    return false;
  }
}

export type CaptureSite = 'linkedin' | 'facebook';

/** The person as the recruiter confirmed them in the card: raw strings, validated when written. */
export interface CapturePerson {
  firstName: string;
  lastName: string;
  headline: string;
  /** The current job title (the position's, apart from the free-text headline). */
  title: string;
  company: string;
  location: string;
  email: string;
  phone: string;
  /** The profile URL (canonicalised again by the background). */
  profileUrl: string;
  /** The "About" text, plain. */
  about: string;
  /** Websites the profile lists (http/https only; checked again by the background). */
  websites: string[];
  /** The profile photo's URL: kept only when it is https on the site's own CDN. */
  photo: string;
}

export interface CaptureMessages {
  /** Is this person already in Leadside, and what can the card offer (campaigns, folders, labels)? */
  'capture:lookup': { site: CaptureSite; profileUrl: string; email: string; phone: string };
  /** Add the person (or, with candidateId, a new application of an existing one). */
  'capture:add': {
    site: CaptureSite;
    person: CapturePerson;
    /** An existing candidate: add an application only, never a twin. */
    candidateId: string | null;
    /** An existing campaign, or a new one created inline. */
    campaign: { id: string } | { name: string };
    folderId: string;
    labelIds: string[];
    note: string;
    /** The page the person was captured from (recorded with the capture time). */
    pageUrl: string;
  };
  /** Open the side panel on this lead (the click's user gesture must reach sidePanel.open). */
  'capture:openPanel': { leadId: string };
}

export type CaptureMessageType = keyof CaptureMessages;
export type MessageType = PageMessageType | CaptureMessageType;

export interface CaptureEnvelope<T extends CaptureMessageType = CaptureMessageType> {
  type: T;
  payload: CaptureMessages[T];
}

/** A well-formed message of either kind (for callers that handle both). */
export type Envelope = PageEnvelope | CaptureEnvelope;

export const CAPTURE_TYPES: readonly CaptureMessageType[] = ['capture:lookup', 'capture:add', 'capture:openPanel'];

export interface CaptureOption {
  id: string;
  name: string;
}

export interface ExistingLead {
  leadId: string;
  ref: string;
  campaignName: string;
  folderName: string;
}

export interface ExistingPerson {
  candidateId: string;
  name: string;
  ref: string;
  leads: ExistingLead[];
}

/** What the background answers to each capture message. */
export interface CaptureResponses {
  'capture:lookup':
    | { ok: true; existing: ExistingPerson | null; campaigns: CaptureOption[]; folders: CaptureOption[]; labels: CaptureOption[] }
    | { ok: false; error: string };
  'capture:add':
    | { ok: true; leadId: string; candidateId: string; campaignName: string; folderName: string }
    | { ok: false; error: string; existing?: ExistingPerson };
  'capture:openPanel': { ok: boolean; error?: string };
}

/** Caps on every string a content script may send (a page can put anything in a profile). */
export const CAPTURE_CAPS = {
  name: 100,
  text: 200,
  about: 2000,
  websites: 5,
  email: 254,
  phone: 40,
  url: 2048,
  id: 64,
  campaignName: 200,
  labels: 50,
  note: 5000,
} as const;

function site(value: unknown): CaptureSite | null {
  return value === 'linkedin' || value === 'facebook' ? value : null;
}

const PERSON_TEXT_KEYS = ['firstName', 'lastName', 'headline', 'title', 'company', 'location', 'email', 'phone', 'profileUrl', 'about', 'photo'] as const;
const PERSON_KEYS = [...PERSON_TEXT_KEYS, 'websites'] as const;
const PERSON_CAPS: Record<(typeof PERSON_TEXT_KEYS)[number], number> = {
  firstName: CAPTURE_CAPS.name,
  lastName: CAPTURE_CAPS.name,
  headline: CAPTURE_CAPS.text,
  title: CAPTURE_CAPS.text,
  about: CAPTURE_CAPS.about,
  photo: CAPTURE_CAPS.url,
  company: CAPTURE_CAPS.text,
  location: CAPTURE_CAPS.text,
  email: CAPTURE_CAPS.email,
  phone: CAPTURE_CAPS.phone,
  profileUrl: CAPTURE_CAPS.url,
};

function person(value: unknown): CapturePerson | null {
  const r = record(value, PERSON_KEYS);
  if (!r) return null;
  const out = {} as CapturePerson;
  for (const key of PERSON_TEXT_KEYS) {
    const v = text(r[key], PERSON_CAPS[key]);
    if (v === null) return null;
    out[key] = v;
  }
  const websites = r.websites;
  if (!Array.isArray(websites) || websites.length > CAPTURE_CAPS.websites) return null;
  const sites: string[] = [];
  for (const w of websites as unknown[]) {
    const v = text(w, CAPTURE_CAPS.url);
    if (v === null) return null;
    sites.push(v);
  }
  out.websites = sites;
  return out;
}

/** A well-formed capture message, or null (unknown type, wrong shape, a string over its cap). */
export function parseCaptureMessage(raw: unknown): CaptureEnvelope | null {
  const env = record(raw, ['type', 'payload']);
  if (!env || typeof env.type !== 'string') return null;
  const p = env.payload;
  switch (env.type) {
    case 'capture:lookup': {
      const r = record(p, ['site', 'profileUrl', 'email', 'phone']);
      if (!r) return null;
      const s = site(r.site);
      const profileUrl = text(r.profileUrl, CAPTURE_CAPS.url);
      const email = text(r.email, CAPTURE_CAPS.email);
      const phone = text(r.phone, CAPTURE_CAPS.phone);
      if (!s || profileUrl === null || email === null || phone === null) return null;
      return { type: 'capture:lookup', payload: { site: s, profileUrl, email, phone } };
    }
    case 'capture:add': {
      const r = record(p, ['site', 'person', 'candidateId', 'campaign', 'folderId', 'labelIds', 'note', 'pageUrl']);
      if (!r) return null;
      const s = site(r.site);
      const who = person(r.person);
      const candidateId = r.candidateId === null ? null : id(r.candidateId);
      const folderId = id(r.folderId);
      const note = text(r.note, CAPTURE_CAPS.note);
      const pageUrl = text(r.pageUrl, CAPTURE_CAPS.url);
      const byId = record(r.campaign, ['id']);
      const byName = record(r.campaign, ['name']);
      let campaign: { id: string } | { name: string } | null = null;
      if (byId && id(byId.id)) campaign = { id: byId.id as string };
      else if (byName) {
        const name = text(byName.name, CAPTURE_CAPS.campaignName);
        if (name?.trim()) campaign = { name };
      }
      const labels = r.labelIds;
      if (!Array.isArray(labels) || labels.length > CAPTURE_CAPS.labels || !labels.every((l) => id(l) !== null)) return null;
      if (!s || !who || (r.candidateId !== null && !candidateId) || !folderId || note === null || pageUrl === null || !campaign) return null;
      return {
        type: 'capture:add',
        payload: { site: s, person: who, candidateId, campaign, folderId, labelIds: [...(labels as string[])], note, pageUrl },
      };
    }
    case 'capture:openPanel': {
      const r = record(p, ['leadId']);
      const leadId = r ? id(r.leadId) : null;
      return leadId ? { type: 'capture:openPanel', payload: { leadId } } : null;
    }
    default:
      return null;
  }
}
