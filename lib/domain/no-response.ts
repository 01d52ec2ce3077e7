/**
 * The No Response rule (DESIGN §1): a lead in Inbox that has heard nothing from its candidate
 * for 21 days moves to No Response by itself. Pure: the clock and the facts are arguments;
 * lib/db/mutations/no-response.ts reads the facts and applies the moves.
 */
import type { Channel, DefaultFolderId } from './model';

export const NO_RESPONSE_DAYS = 21;
export const DAY_MS = 24 * 60 * 60 * 1000;
export const NO_RESPONSE_AFTER_MS = NO_RESPONSE_DAYS * DAY_MS;

export const FROM_FOLDER: DefaultFolderId = 'inbox';
export const TO_FOLDER: DefaultFolderId = 'no_response';

/** The actor of automatic changes, in Activity.actorId and the outbox. */
export const SYSTEM_ACTOR = 'system';

export interface SilenceFacts {
  folderId: string;
  /** The lead's "Date Added". */
  addedAt: number;
  /** sentAt of the candidate's latest inbound message (any channel, any lead), or null. */
  latestInboundAt: number | null;
  /**
   * When this rule last moved the lead to No Response, or null. A lead a recruiter brought back
   * to Inbox gets a fresh 21 days instead of bouncing straight back the next morning.
   */
  lastAutoMoveAt: number | null;
}

/**
 * When the silence began: the latest inbound message, or the lead's addedAt when there is
 * none. A lead added after the candidate's last reply (a new application of a known person)
 * counts from its addedAt, so a lead added yesterday is never "21 days without a reply".
 */
export function silenceSince(facts: SilenceFacts): number {
  return Math.max(facts.addedAt, facts.latestInboundAt ?? -Infinity, facts.lastAutoMoveAt ?? -Infinity);
}

/** Whether the lead moves now: in Inbox, and silent for more than 21 days. */
export function isNoResponseDue(facts: SilenceFacts, now: number): boolean {
  return facts.folderId === FROM_FOLDER && now - silenceSince(facts) > NO_RESPONSE_AFTER_MS;
}

/** The system event shown in the chat history. */
export function noResponseEventBody(days: number = NO_RESPONSE_DAYS): string {
  return `Moved to No Response after ${days} days without a reply`;
}

/** The event's channel: that of the candidate's last message, else SMS. */
export function eventChannel(lastMessageChannel: Channel | null | undefined): Channel {
  return lastMessageChannel ?? 'sms';
}

/**
 * Whether the daily sweep is due at start-up: never run, run more than a day ago, or a "last
 * run" in the future (the computer's clock was moved back).
 */
export function isDailyRunDue(lastRunAt: number | null | undefined, now: number): boolean {
  if (lastRunAt === null || lastRunAt === undefined || !Number.isFinite(lastRunAt)) return true;
  return now - lastRunAt > DAY_MS || lastRunAt > now;
}
