import type { Message } from '../domain/model';

/**
 * The duplicate guard ("Duplicate Message", DESIGN §1): a send is refused when the most recent
 * message in the candidate's history, system events aside, is an outbound one whose text —
 * trimmed, white space collapsed — equals the new text, on any channel. A reply from the
 * candidate in between lifts it.
 */

export type GuardMessage = Pick<Message, 'id' | 'direction' | 'sender' | 'kind' | 'body' | 'sentAt'>;

/** Trimmed, every run of white space (newlines, tabs, no-break spaces) one space. */
export function normalizeForDuplicate(text: string): string {
  return text.trim().replace(/\s+/gu, ' ');
}

function isSystemEvent(m: GuardMessage): boolean {
  return m.kind === 'event' || m.sender === 'system';
}

/** The most recent message that is not a system event (by sentAt, then id), in any order given. */
export function lastConversational<T extends GuardMessage>(history: readonly T[]): T | null {
  let last: T | null = null;
  for (const m of history) {
    if (isSystemEvent(m)) continue;
    if (!last || m.sentAt > last.sentAt || (m.sentAt === last.sentAt && m.id > last.id)) last = m;
  }
  return last;
}

export function isDuplicate(history: readonly GuardMessage[], text: string): boolean {
  const last = lastConversational(history);
  if (!last || last.direction !== 'outbound') return false;
  const next = normalizeForDuplicate(text);
  return next !== '' && normalizeForDuplicate(last.body) === next;
}

export function duplicateMessage(candidateName: string): string {
  return `Duplicate Message: this is the same text as your last message to ${candidateName}. Edit it before sending.`;
}
