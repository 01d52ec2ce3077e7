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
import {
  logReply as logReplyMutation,
  markRead as markReadMutation,
  readMessagesBefore,
  type LoggedReply,
  type MessagePage,
} from '../../lib/db/mutations/chat-history';
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

export interface HistoryHead extends MessagePage {
  candidate: Candidate | undefined;
  /** Every Activity row of the person, in time order (then id). */
  activities: Activity[];
  /** Ids of the person's applications now (to tell which changes concern this chat). */
  leadIds: Set<Id>;
}

/**
 * What opening a chat reads first: the person, their Activity rows, their applications' ids and
 * the newest `newest` messages (one consistent snapshot). The rest comes page by page through
 * loadOlderPage, so no single read or build blocks the panel. Indexed range reads only.
 */
export async function loadHistoryHead(state: AppState, candidateId: Id, newest: number): Promise<HistoryHead> {
  const db = state.db;
  return db.transaction('r', ['candidates', 'messages', 'activities', 'leads'], async () => {
    const [candidate, page, activities, leadIds] = await Promise.all([
      db.candidates.get(candidateId),
      readMessagesBefore(state, candidateId, null, newest),
      db.activities.where('candidateId').equals(candidateId).toArray(),
      db.leads.where('candidateId').equals(candidateId).primaryKeys(),
    ]);
    activities.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return { ...page, candidate, activities, leadIds: new Set(leadIds) };
  });
}

/** The page of about `limit` messages sent before `before` (see readMessagesBefore), oldest first. */
export async function loadOlderPage(state: AppState, candidateId: Id, before: number, limit: number): Promise<MessagePage> {
  return readMessagesBefore(state, candidateId, before, limit);
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

/**
 * Builds the rows of one slice of the timeline: `messages` (one page) and the activities from
 * `from` (inclusive) to `to` (exclusive), grouped by day. Slices join with joinRows. Event texts
 * use the names as they are now; `activities` must be in time order.
 */
export function sliceBuilder(state: AppState, activities: readonly Activity[], now: number) {
  const names = eventNames(state);
  const describe = (a: Activity) => describeEvent(a, names);
  return (messages: readonly Message[], from: number, to: number): HistoryRow[] => {
    const start = performance.now();
    const slice = activities.filter((a) => a.at >= from && a.at < to);
    const rows = groupByDay(mergeHistory(messages, slice), { now, describe });
    // For `npm run bench`: what building each slice of rows costs.
    performance.measure('leadside:chat-rows-built', { start, detail: rows.length });
    return rows;
  };
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
