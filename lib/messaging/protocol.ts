/**
 * The one message protocol between Leadside's contexts (DESIGN §2). Each message names who may
 * send it; the background refuses anything else. Payloads are checked here, not trusted.
 */

/** Extension pages (side panel, options) only; a content script may never send these. */
export interface PageMessages {
  /** A job was created (or the panel opened): run whatever jobs are unfinished. */
  'jobs:run': Record<string, never>;
}

export type MessageType = keyof PageMessages;

export interface Envelope<T extends MessageType = MessageType> {
  type: T;
  payload: PageMessages[T];
}

const PAGE_ONLY: readonly MessageType[] = ['jobs:run'];

/** A well-formed message of ours, or null (unknown type, wrong shape). */
export function parseMessage(raw: unknown): Envelope | null {
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

/** Page-only messages come from our own extension pages, never from a tab's content script. */
export function senderMaySend(type: MessageType, sender: SenderInfo, ownId: string, ownOrigin: string): boolean {
  if (sender.id !== ownId) return false;
  if (PAGE_ONLY.includes(type)) return sender.tabId === undefined || Boolean(sender.url?.startsWith(ownOrigin));
  return false;
}
