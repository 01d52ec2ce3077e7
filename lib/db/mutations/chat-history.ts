/**
 * The chat history's writes: the read marker (opening a chat) and "Log a reply" (in local mode
 * a candidate's replies arrive on the recruiter's phone or inbox, so the recruiter records them).
 */
import { Dexie } from 'dexie';
import type { Attachment, Candidate, Channel, Id, Lead, Message, MessageKind } from '../../domain/model';
import { lastConversational } from '../../chat/duplicate-guard';
import { UserError } from '../errors';
import { mutate, newId, type MutationContext } from '../mutate';

export const CHANNELS: readonly Channel[] = ['sms', 'facebook', 'email', 'whatsapp', 'linkedin'];
/** A logged reply is a chat message, not a document: past this it is refused, nothing stored. */
export const MAX_REPLY_CHARS = 20_000;
export const MAX_REPLY_ATTACHMENT_BYTES = 25 * 1024 * 1024;

/** The newest message of a candidate, through the [candidateId+sentAt] index (one key lookup). */
async function newestMessage(ctx: { db: MutationContext['db'] }, candidateId: Id): Promise<Message | undefined> {
  return ctx.db.messages
    .where('[candidateId+sentAt]')
    .between([candidateId, Dexie.minKey], [candidateId, Dexie.maxKey])
    .last();
}

/** A page of one person's messages, oldest first, cut at a moment so ties never split. */
export interface MessagePage {
  messages: Message[];
  /** Older messages may exist, all sent strictly before this time; null when there are none. */
  olderThan: number | null;
}

/**
 * About `limit` of a candidate's newest messages sent strictly before `before` (or at any time,
 * when null), oldest first: one backward read of the [candidateId+sentAt] index. When the page
 * is full, the messages sent at its oldest moment are read whole (an index range cannot resume
 * between two messages of the same millisecond), so the next page starts strictly before it.
 */
export async function readMessagesBefore(
  ctx: { db: MutationContext['db'] },
  candidateId: Id,
  before: number | null,
  limit: number,
): Promise<MessagePage> {
  const index = ctx.db.messages.where('[candidateId+sentAt]');
  const upper = before === null ? [candidateId, Dexie.maxKey] : [candidateId, before];
  const newestFirst = await index.between([candidateId, Dexie.minKey], upper, true, before === null).reverse().limit(limit).toArray();
  if (newestFirst.length < limit) return { messages: newestFirst.reverse(), olderThan: null };
  const edge = newestFirst[newestFirst.length - 1]!.sentAt;
  const atEdge = await index.equals([candidateId, edge]).toArray();
  const newer = newestFirst.filter((m) => m.sentAt !== edge).reverse();
  return { messages: atEdge.concat(newer), olderThan: edge };
}

/**
 * The newest of a candidate's messages that `accept` takes (newest first by sentAt, then id,
 * as lastConversational orders them), or null. Reads backwards in pages that start small and
 * grow (8, 32, 128, then 512 messages), so finding the answer near the end reads a few rows,
 * and even a walk through a 10,000-message history is a few dozen short reads, not one long one.
 */
export async function findNewestMessage(
  ctx: { db: MutationContext['db'] },
  candidateId: Id,
  accept: (message: Message) => boolean,
): Promise<Message | null> {
  let before: number | null = null;
  let size = 8;
  do {
    const page: MessagePage = await readMessagesBefore(ctx, candidateId, before, size);
    for (let i = page.messages.length - 1; i >= 0; i--) {
      const m = page.messages[i]!;
      if (accept(m)) return m;
    }
    before = page.olderThan;
    size = Math.min(size * 4, 512);
  } while (before !== null);
  return null;
}

/**
 * The message the Duplicate Message guard compares with (DESIGN §1): the most recent one that
 * is not a system event. `isDuplicate(last ? [last] : [], text)` then answers exactly as
 * `isDuplicate(wholeHistory, text)` does, after reading only the messages newer than it.
 */
export async function lastConversationalMessage(ctx: { db: MutationContext['db'] }, candidateId: Id): Promise<Message | null> {
  // lastConversational of one message is that message unless it is a system event: the guard's
  // own definition, not a copy of it.
  return findNewestMessage(ctx, candidateId, (m) => lastConversational([m]) !== null);
}

/**
 * Marks the candidate's chat read: lastReadAt becomes now, or the newest message's time when that
 * is later (a reply logged for a future hour stays read). Writes nothing when already read.
 * Returns the marker.
 */
export async function markRead(ctx: MutationContext, candidateId: Id): Promise<number | null> {
  const now = (ctx.now ?? Date.now)();
  const [candidate, newest] = await Promise.all([ctx.db.candidates.get(candidateId), newestMessage(ctx, candidateId)]);
  if (!candidate) return null;
  const marker = Math.max(now, newest?.sentAt ?? 0);
  // Opening a chat with nothing new must not add an outbox record every time.
  if (candidate.lastReadAt !== undefined && (newest === undefined || newest.sentAt <= candidate.lastReadAt)) return candidate.lastReadAt;
  return mutate(ctx, 'markRead', { candidateId, at: marker }, ['candidates'], async (scope) => {
    const row = await scope.db.candidates.get(candidateId);
    if (!row) return null;
    const next: Candidate = { ...row, lastReadAt: Math.max(row.lastReadAt ?? 0, marker), updatedAt: scope.now };
    await scope.db.candidates.put(next);
    scope.wroteCandidates([next]);
    return next.lastReadAt ?? null;
  });
}

export interface LoggedReply {
  candidateId: Id;
  /** The application the chat was opened from, if any (else the person's newest one). */
  leadId?: Id;
  body: string;
  channel: Channel;
  sentAt: number;
  subject?: string;
  attachment?: { name: string; type: string; size: number; blob: Blob };
}

function kindOf(type: string): MessageKind {
  if (type.startsWith('image/')) return 'image';
  if (type.startsWith('audio/')) return 'audio';
  if (type.startsWith('video/')) return 'video';
  return 'file';
}

/** Checks a reply before anything is written; throws UserError with what to fix. */
export function validateReply(input: LoggedReply): void {
  const body = input.body.trim();
  if (!body && !input.attachment) throw new UserError('Write the reply or attach a file.');
  if (input.body.length > MAX_REPLY_CHARS) {
    throw new UserError(`A reply can be at most ${MAX_REPLY_CHARS.toLocaleString('en-US')} characters; this one has ${input.body.length.toLocaleString('en-US')}.`);
  }
  if (!CHANNELS.includes(input.channel)) throw new UserError('Choose the channel the reply came on.');
  if (!Number.isFinite(input.sentAt) || input.sentAt <= 0) throw new UserError('Enter when the reply was sent.');
  if (input.attachment && input.attachment.size > MAX_REPLY_ATTACHMENT_BYTES) {
    throw new UserError(`Attachments can be at most ${MAX_REPLY_ATTACHMENT_BYTES / 1024 / 1024} MB; ${input.attachment.name} is ${(input.attachment.size / 1024 / 1024).toFixed(1)} MB.`);
  }
}

/**
 * Records a candidate's reply as an inbound message (sender 'candidate', status 'delivered') and
 * bumps lastActivityAt of the person's applications (the No Response rule and "Last Activity"
 * read it). The attachment's bytes are stored with the message.
 */
export async function logReply(ctx: MutationContext, input: LoggedReply): Promise<Message> {
  validateReply(input);
  const meta = input.attachment ? { name: input.attachment.name, type: input.attachment.type, size: input.attachment.size } : undefined;
  // The outbox carries what sync needs to send; the bytes travel separately.
  const args = { ...input, attachment: meta };
  return mutate(ctx, 'logReply', args, ['messages', 'leads', 'candidates'], async (scope) => {
    const candidate = await scope.db.candidates.get(input.candidateId);
    if (!candidate) throw new UserError('This candidate no longer exists.');
    const leads = await scope.db.leads.where('candidateId').equals(input.candidateId).toArray();
    const lead = leads.find((l) => l.id === input.leadId) ?? [...leads].sort((a, b) => b.lastActivityAt - a.lastActivityAt)[0];
    const attachments: Attachment[] = input.attachment
      ? [{ id: newId(scope.now), name: input.attachment.name, type: input.attachment.type, size: input.attachment.size, blob: input.attachment.blob }]
      : [];
    const message: Message = {
      id: newId(input.sentAt),
      candidateId: input.candidateId,
      direction: 'inbound',
      sender: 'candidate',
      channel: input.channel,
      // With an attachment the kind follows it, and the text is its caption.
      kind: input.attachment ? kindOf(input.attachment.type) : 'text',
      body: input.body.trim(),
      attachments,
      status: 'delivered',
      sentAt: input.sentAt,
      updatedAt: scope.now,
    };
    if (lead) message.leadId = lead.id;
    if (input.channel === 'email' && input.subject?.trim()) message.subject = input.subject.trim();
    await scope.db.messages.add(message);
    const bumped: Lead[] = leads
      .filter((l) => l.lastActivityAt < input.sentAt)
      .map((l) => ({ ...l, lastActivityAt: input.sentAt, updatedAt: scope.now }));
    await scope.db.leads.bulkPut(bumped);
    scope.wroteLeads(bumped);
    // Listeners (the history, Conversations) learn whose chat changed.
    scope.changedCandidates([input.candidateId]);
    return message;
  });
}
