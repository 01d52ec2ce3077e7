/**
 * Quick replies in any tab (issue 8): the messages between the picker the background injects into
 * a page (entrypoints/quick-reply.ts) and the background. The picker runs on any site, so every
 * payload is parsed here with exact keys and caps before the background reads it, and the
 * background answers only tabs it injected the picker into (lib/platform/quick-reply-handler.ts).
 */
import type { Channel } from '../domain/model';
import type { TokenValues } from '../chat/tokens';
import { id, oneOf, record, text } from './validate';

/** Who the page shows the conversation is with (lib/sites/thread.ts), as the picker sends it. */
export interface PagePerson {
  site: 'whatsapp' | 'messenger' | 'linkedin' | 'gmail' | 'facebook';
  channel: 'whatsapp' | 'facebook' | 'linkedin' | 'email';
  name: string;
  phone: string;
  email: string;
  profileUrl: string;
}

/** A candidate as the picker shows it: the name, a line to tell namesakes apart, token values. */
export interface PickerCandidate {
  id: string;
  name: string;
  detail: string;
  values: TokenValues;
  /** Why this candidate must not be messaged (Do not contact), or null. */
  blocked: string | null;
}

export interface PickerReply {
  id: string;
  title: string;
  body: string;
}

/** Where the candidate came from: the page's conversation, the side panel, or the recruiter. */
export type CandidateSource = 'page' | 'panel' | 'chosen';

export interface QuickReplyMessages {
  /** The picker opened: what can it offer here? */
  'qr:context': { href: string; person: PagePerson | null };
  /**
   * The page names the person but no contact detail matched: look for the name (a scan of every
   * candidate, so it is asked for separately and the replies are listed meanwhile).
   */
  'qr:match': { name: string };
  /** The recruiter searches for the candidate (any identifier). */
  'qr:search': { query: string };
  /** Before inserting: may this text go to this candidate (Do not contact, Duplicate Message)? */
  'qr:check': { candidateId: string; text: string; channel: LogChannel | null };
  /** After inserting: log the text in the candidate's history (when logging is on). */
  'qr:log': { candidateId: string; text: string; channel: LogChannel; quickReplyId: string };
}

export type LogChannel = Extract<Channel, 'whatsapp' | 'facebook' | 'linkedin' | 'email'>;

export interface QuickReplyResponses {
  'qr:context':
    | {
        ok: true;
        replies: PickerReply[];
        candidate: PickerCandidate | null;
        source: CandidateSource | null;
        /** The channel a text inserted here goes through, when the site is one; null elsewhere. */
        channel: LogChannel | null;
        /** Inserted texts are logged (a setting); false also when the site is not a channel. */
        logging: boolean;
        /** A quick reply chosen in the side panel ("Insert into page"), to insert at once. */
        preselect: string | null;
        /** No candidate yet, but the page shows this name: ask `qr:match` for it. */
        lookupName: string | null;
        /**
         * The page's conversation is with this person (name, else phone or email), who is not in
         * Leadside: the picker says so, and the side panel's candidate is only `suggested`.
         */
        unmatched: string | null;
        /** The side panel's candidate, offered (never chosen) when the page shows someone else. */
        suggested: PickerCandidate | null;
      }
    | { ok: false; error: string };
  'qr:match':
    | { ok: true; candidate: PickerCandidate | null; source: CandidateSource | null; unmatched: string | null; suggested: PickerCandidate | null }
    | { ok: false; error: string };
  'qr:search': { ok: true; candidates: PickerCandidate[] } | { ok: false; error: string };
  'qr:check': { ok: true } | { ok: false; error: string };
  'qr:log': { ok: true; logged: boolean } | { ok: false; error: string };
}

export type QuickReplyMessageType = keyof QuickReplyMessages;

export interface QuickReplyEnvelope<T extends QuickReplyMessageType = QuickReplyMessageType> {
  type: T;
  payload: QuickReplyMessages[T];
}

export const QUICK_REPLY_TYPES: readonly QuickReplyMessageType[] = ['qr:context', 'qr:match', 'qr:search', 'qr:check', 'qr:log'];

export const QR_CAPS = {
  url: 2048,
  name: 200,
  email: 254,
  phone: 40,
  query: 200,
  /** The longest text a quick reply renders to (the message limit). */
  text: 20_000,
} as const;

const SITES = ['whatsapp', 'messenger', 'linkedin', 'gmail', 'facebook'] as const;
const CHANNELS = ['whatsapp', 'facebook', 'linkedin', 'email'] as const;

function person(value: unknown): PagePerson | null {
  const r = record(value, ['site', 'channel', 'name', 'phone', 'email', 'profileUrl']);
  if (!r) return null;
  const site = oneOf(r.site, SITES);
  const channel = oneOf(r.channel, CHANNELS);
  const name = text(r.name, QR_CAPS.name);
  const phone = text(r.phone, QR_CAPS.phone);
  const email = text(r.email, QR_CAPS.email);
  const profileUrl = text(r.profileUrl, QR_CAPS.url);
  if (!site || !channel || name === null || phone === null || email === null || profileUrl === null) return null;
  return { site, channel, name, phone, email, profileUrl };
}

/** A well-formed quick-reply message, or null (unknown type, wrong shape, over a cap). */
export function parseQuickReplyMessage(raw: unknown): QuickReplyEnvelope | null {
  const env = record(raw, ['type', 'payload']);
  if (!env || typeof env.type !== 'string') return null;
  const p = env.payload;
  switch (env.type) {
    case 'qr:context': {
      const r = record(p, ['href', 'person']);
      if (!r) return null;
      const href = text(r.href, QR_CAPS.url);
      const who = r.person === null ? null : person(r.person);
      if (href === null || (r.person !== null && !who)) return null;
      return { type: 'qr:context', payload: { href, person: who } };
    }
    case 'qr:match': {
      const r = record(p, ['name']);
      const name = r ? text(r.name, QR_CAPS.name) : null;
      return name ? { type: 'qr:match', payload: { name } } : null;
    }
    case 'qr:search': {
      const r = record(p, ['query']);
      const query = r ? text(r.query, QR_CAPS.query) : null;
      return query === null ? null : { type: 'qr:search', payload: { query } };
    }
    case 'qr:check': {
      const r = record(p, ['candidateId', 'text', 'channel']);
      if (!r) return null;
      const candidateId = id(r.candidateId);
      const body = text(r.text, QR_CAPS.text);
      const channel = r.channel === null ? null : oneOf(r.channel, CHANNELS);
      if (!candidateId || body === null || (r.channel !== null && !channel)) return null;
      return { type: 'qr:check', payload: { candidateId, text: body, channel } };
    }
    case 'qr:log': {
      const r = record(p, ['candidateId', 'text', 'channel', 'quickReplyId']);
      if (!r) return null;
      const candidateId = id(r.candidateId);
      const quickReplyId = id(r.quickReplyId);
      const body = text(r.text, QR_CAPS.text);
      const channel = oneOf(r.channel, CHANNELS);
      if (!candidateId || !quickReplyId || body === null || !channel) return null;
      return { type: 'qr:log', payload: { candidateId, text: body, channel, quickReplyId } };
    }
    default:
      return null;
  }
}

/** The channel a site's composer sends through (DESIGN §5), for logging. */
export function channelOfSite(site: PagePerson['site']): LogChannel {
  switch (site) {
    case 'whatsapp':
      return 'whatsapp';
    case 'gmail':
      return 'email';
    case 'linkedin':
      return 'linkedin';
    default:
      return 'facebook';
  }
}

/**
 * The messaging sites' origins: optional host permissions, requested from the side panel the
 * first time "Insert into page" is used there (a click in the panel does not grant activeTab).
 */
export const MESSAGING_ORIGINS = ['https://web.whatsapp.com/*', 'https://www.messenger.com/*', 'https://mail.google.com/*'] as const;
