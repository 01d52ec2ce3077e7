/**
 * What the chat history, the Conversations screen and "Log a reply" do: read through Dexie's
 * indexes, call the named mutations, and tell the components when to read again. Components
 * call these; they do not touch the database themselves.
 */
import { Dexie } from 'dexie';
import type { Activity, Candidate, Channel, Id, Message } from '../../lib/domain/model';
import { fold, fullName, queryWords } from '../../lib/domain/text';
import { describeError, isQuotaError, UserError } from '../../lib/db/errors';
import type { ChangeSet } from '../../lib/db/changes';
import type { MutationContext } from '../../lib/db/mutate';
import { logReply as logReplyMutation, markRead as markReadMutation, type LoggedReply } from '../../lib/db/mutations/chat-history';
import {
  ConversationFold,
  describeEvent,
  groupByDay,
  mergeHistory,
  unreadCount,
  type EventNames,
  type HistoryRow,
} from '../../lib/chat/history';
import { campaignName, folderName, type AppState } from '../app/state';

function context(state: AppState): MutationContext {
  const self = state.self.value;
  if (!self) throw new UserError('Your workspace is still opening. Try again in a moment.');
  return { db: state.db, actorId: self.id };
}

// ---------------------------------------------------------------------------------------------
// One candidate's history
// ---------------------------------------------------------------------------------------------

export interface HistoryData {
  candidate: Candidate | undefined;
  messages: Message[];
  activities: Activity[];
  /** Ids of the person's applications now (to tell which changes concern this chat). */
  leadIds: Set<Id>;
  /** Only the newest messages are here so far (older ones are being read). */
  partial: boolean;
}

/**
 * Every message with the person (all channels, all applications, deleted ones included: messages
 * belong to the candidate) and their Activity rows. Indexed range reads only. With `newest`,
 * only that many of the latest messages (`partial` then says older ones exist): the history
 * paints those first and reads the rest with loadOlderMessages, page by page.
 */
export async function loadHistory(state: AppState, candidateId: Id, newest?: number): Promise<HistoryData> {
  const db = state.db;
  return db.transaction('r', ['candidates', 'messages', 'activities', 'leads'], async () => {
    const range = db.messages.where('[candidateId+sentAt]').between([candidateId, Dexie.minKey], [candidateId, Dexie.maxKey]);
    const [candidate, messages, activities, leadIds] = await Promise.all([
      db.candidates.get(candidateId),
      newest === undefined ? range.toArray() : range.reverse().limit(newest).toArray().then((rows) => rows.reverse()),
      db.activities.where('candidateId').equals(candidateId).toArray(),
      db.leads.where('candidateId').equals(candidateId).primaryKeys(),
    ]);
    return { candidate, messages, activities, leadIds: new Set(leadIds), partial: newest !== undefined && messages.length === newest };
  });
}

/**
 * Up to `limit` messages sent at or before `before` (`inclusive`) or strictly before it, oldest
 * first: one indexed range read. Pages of a large history, so no single read blocks the panel.
 */
export async function loadOlderMessages(state: AppState, candidateId: Id, before: number, limit: number, inclusive = true): Promise<Message[]> {
  const rows = await state.db.messages
    .where('[candidateId+sentAt]')
    .between([candidateId, Dexie.minKey], [candidateId, before], false, inclusive)
    .reverse()
    .limit(limit)
    .toArray();
  return rows.reverse();
}

/** How system events name people, folders, labels and campaigns in this panel. */
export function eventNames(state: AppState): EventNames {
  const selfId = state.self.value?.id;
  const users = state.userById.value;
  const labels = state.labelById.value;
  return {
    user: (id) => (id === 'system' ? 'Leadside' : id === selfId ? 'You' : (users.get(id)?.name ?? 'a former teammate')),
    folder: (id) => folderName(state, id),
    label: (id) => labels.get(id)?.name ?? 'a deleted label',
    campaign: (id) => campaignName(state, id),
  };
}

/** The rows the history renders, grouped by day ("Today", "Yesterday", a date). */
export function historyRows(state: AppState, data: HistoryData, now: number): HistoryRow[] {
  const names = eventNames(state);
  // While only the newest messages are read, only the events among them.
  const since = data.partial && data.messages.length > 0 ? data.messages[0]!.sentAt : -Infinity;
  const activities = data.partial ? data.activities.filter((a) => a.at >= since) : data.activities;
  return groupByDay(mergeHistory(data.messages, activities), { now, describe: (a) => describeEvent(a, names) });
}

/**
 * Whether a committed change can alter this chat: it wrote messages or activities, and either
 * names this person or one of their applications, or names nobody (then it may be ours).
 */
export function concernsChat(change: ChangeSet, candidateId: Id, leadIds: ReadonlySet<Id>): boolean {
  if (!change.tables.includes('messages') && !change.tables.includes('activities')) return false;
  const named = change.leads.length + change.deletedLeads.length + change.candidates.length + change.deletedCandidates.length;
  if (named === 0) return true;
  if (change.candidates.includes(candidateId) || change.deletedCandidates.includes(candidateId)) return true;
  return change.leads.some((id) => leadIds.has(id)) || change.deletedLeads.some((id) => leadIds.has(id));
}

/** Opening a chat reads it: the read marker moves (and Conversations clears its badge). */
export async function markChatRead(state: AppState, candidateId: Id): Promise<void> {
  try {
    await markReadMutation(context(state), candidateId);
  } catch (error) {
    // A read marker that failed to save is not worth interrupting the recruiter for.
    console.warn('Leadside: could not mark the chat read', error);
  }
}

/** The candidate's name for the chat header (null while unknown or gone). */
export async function loadChatCandidate(state: AppState, candidateId: Id): Promise<Candidate | null> {
  return (await state.db.candidates.get(candidateId)) ?? null;
}

// ---------------------------------------------------------------------------------------------
// Log a reply
// ---------------------------------------------------------------------------------------------

export type Outcome = { ok: true } | { ok: false; error: string };

export async function logReply(state: AppState, input: LoggedReply): Promise<Outcome> {
  try {
    await logReplyMutation(context(state), input);
    return { ok: true };
  } catch (error) {
    if (isQuotaError(error)) console.warn('Leadside: logging a reply failed: storage is full', error);
    else if (!(error instanceof UserError)) console.error('Leadside: logging a reply failed', error);
    return { ok: false, error: describeError(error) };
  }
}

/** The channel to preselect: the one the person last wrote or was written on. */
export function defaultChannel(messages: readonly Message[], candidate: Candidate | undefined): Channel {
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i]!;
    if (m.kind !== 'event') return m.channel;
  }
  if (candidate?.phone) return 'whatsapp';
  if (candidate?.email) return 'email';
  return 'sms';
}

// ---------------------------------------------------------------------------------------------
// Conversations
// ---------------------------------------------------------------------------------------------

export interface Conversation {
  candidateId: Id;
  name: string;
  /** Folded name, for search. */
  key: string;
  last: Message;
  unread: number;
}

/** Messages read per page: large enough to be quick, small enough not to block the panel. */
const PAGE = 5_000;

/**
 * Every candidate with messages, newest conversation first.
 *
 * Cost: one pass over the messages table in primary-key pages of 5,000 (each page one indexed
 * range read; the panel yields between pages so it never blocks for long), folded into one
 * summary per candidate, then a single bulkGet of those candidates for names and read markers:
 * O(messages) read, O(candidates) memory plus one number per inbound message. No per-candidate
 * queries. At 10⁵ messages that is 20 page reads.
 */
export async function loadConversations(state: AppState): Promise<Conversation[]> {
  const db = state.db;
  const fold = new ConversationFold();
  let after: string | null = null;
  for (;;) {
    const page: Message[] = after === null ? await db.messages.orderBy(':id').limit(PAGE).toArray() : await db.messages.where(':id').above(after).limit(PAGE).toArray();
    fold.add(page);
    if (page.length < PAGE) break;
    after = page[page.length - 1]!.id;
  }
  const ids = [...fold.byCandidate.keys()];
  const candidates = await db.candidates.bulkGet(ids);
  const out: Conversation[] = [];
  ids.forEach((id, i) => {
    const summary = fold.byCandidate.get(id)!;
    const candidate = candidates[i];
    const name = candidate ? fullName(candidate) || candidate.ref : 'Unknown candidate';
    out.push({ candidateId: id, name, key: foldKey(name, candidate), last: summary.last, unread: unreadCount(summary.inboundTimes, candidate?.lastReadAt) });
  });
  out.sort((a, b) => b.last.sentAt - a.last.sentAt || (a.last.id < b.last.id ? 1 : -1));
  return out;
}

function foldKey(name: string, candidate: Candidate | undefined): string {
  return fold(`${name} ${candidate?.ref ?? ''}`);
}

/** Conversations whose person's name (or Candidate ID) holds every word of the query. */
export function filterConversations(list: readonly Conversation[], query: string): readonly Conversation[] {
  const words = queryWords(query);
  if (words.length === 0) return list;
  return list.filter((c) => words.every((w) => c.key.includes(w)));
}

/** Whether a change can alter the Conversations list (a message, or a read marker). */
export function concernsConversations(change: ChangeSet): boolean {
  return change.tables.includes('messages') || change.tables.includes('candidates');
}

export function openChat(state: AppState, candidateId: Id): void {
  state.chat.value = { candidateId };
}

/** What "Log a reply" starts with: the person, and the channel they last used. */
export async function loadReplyDefaults(state: AppState, candidateId: Id): Promise<{ candidate: Candidate | undefined; channel: Channel }> {
  const db = state.db;
  const [candidate, recent] = await Promise.all([
    db.candidates.get(candidateId),
    db.messages.where('[candidateId+sentAt]').between([candidateId, Dexie.minKey], [candidateId, Dexie.maxKey]).reverse().limit(20).toArray(),
  ]);
  return { candidate, channel: defaultChannel(recent.reverse(), candidate) };
}
