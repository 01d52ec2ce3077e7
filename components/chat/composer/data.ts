import { useEffect, useState } from 'preact/hooks';
import type { Candidate, Channel, Id, Message, QuickReply } from '../../../lib/domain/model';
import type { TokenValues } from '../../../lib/chat/tokens';
import type { ChangeSet } from '../../../lib/db/changes';
import { findNewestMessage } from '../../../lib/db/mutations/chat-history';
import { loadTokenData, quickRepliesFor, SENDABLE_CHANNELS, unreachableReason } from '../../../lib/db/mutations/messages';
import type { AppState } from '../../app/state';

export interface ComposerData {
  candidate: Candidate;
  /** The channel to preselect: see loadDefaultChannel. */
  channel: Channel;
  quickReplies: QuickReply[];
  values: TokenValues;
}

/** Tables whose rows feed the token values (the person, their application, its campaign, you). */
const TOKEN_TABLES = ['candidates', 'leads', 'campaigns', 'workspaces', 'users'];

const isTalk = (m: Message) => m.kind !== 'event' && m.sender !== 'system';

/**
 * The channel the candidate last used: their most recent reply on a channel they can be reached
 * on, else the most recent message on such a channel, else the first reachable channel. Walks
 * the history backwards from the newest message and stops at that reply (findNewestMessage): a
 * person who answers reads a message or two, not their whole history.
 */
export async function loadDefaultChannel(state: AppState, candidate: Candidate): Promise<Channel> {
  const usable = (c: Channel) => (SENDABLE_CHANNELS as readonly Channel[]).includes(c) && !unreachableReason(candidate, c);
  const fallback = (['whatsapp', 'sms', 'email', 'facebook'] as const).find(usable);
  // Reachable on nothing: no message can say more (and a long history is not walked for it).
  if (!fallback) return 'whatsapp';
  let any: Channel | null = null;
  const reply = await findNewestMessage(state, candidate.id, (m) => {
    if (!isTalk(m) || !usable(m.channel)) return false;
    any ??= m.channel;
    return m.direction === 'inbound';
  });
  return reply?.channel ?? any ?? fallback;
}

/**
 * What the composer needs about one candidate, kept current from the change feed. The message
 * history is not part of it: the default channel is read once, walking back from the newest
 * message, and the Duplicate Message guard runs where the send is checked (prepareMessage). A
 * change re-reads only what it touched: token values for the person's own rows and the small
 * tables, quick replies for quick replies.
 */
export function useComposerData(state: AppState, candidateId: Id, leadId: Id | undefined): ComposerData | null | 'loading' {
  const [data, setData] = useState<ComposerData | null | 'loading'>('loading');
  const selfId = state.self.value?.id ?? '';
  useEffect(() => {
    let alive = true;
    let current: ComposerData | null = null;
    /** The applications the tokens were read from, to tell which lead changes concern them. */
    let leadIds: ReadonlySet<Id> = new Set(leadId ? [leadId] : []);
    const loadTokens = async () => {
      const tokens = await loadTokenData(state.db, candidateId, leadId, selfId);
      if (tokens?.lead) leadIds = new Set([...leadIds, tokens.lead.id]);
      return tokens;
    };
    const show = (next: ComposerData | null) => {
      current = next;
      if (alive) setData(next);
    };
    /** Changes seen before the first read finished: read what they touched once it has. */
    let opened = false;
    let missed = { tokens: false, replies: false };
    const open = async () => {
      const [tokens, quickReplies] = await Promise.all([loadTokens(), quickRepliesFor(state.db, selfId)]);
      if (!tokens) {
        opened = true;
        return show(null);
      }
      const channel = await loadDefaultChannel(state, tokens.candidate);
      show({ candidate: tokens.candidate, channel, quickReplies, values: tokens.values });
      opened = true;
      const { tokens: staleTokens, replies: staleReplies } = missed;
      missed = { tokens: false, replies: false };
      if (staleTokens) await refreshTokens();
      if (staleReplies) await refreshReplies();
    };
    const refreshTokens = async () => {
      if (!opened) return void (missed.tokens = true);
      const tokens = await loadTokens();
      if (!tokens) return show(null);
      if (current) show({ ...current, candidate: tokens.candidate, values: tokens.values });
      else {
        // The person was gone and is back (a restored backup): read everything again.
        opened = false;
        await open();
      }
    };
    const refreshReplies = async () => {
      if (!opened) return void (missed.replies = true);
      const quickReplies = await quickRepliesFor(state.db, selfId);
      if (current) show({ ...current, quickReplies });
    };
    const fail = (error: unknown) => console.warn('Leadside: could not read what the composer needs', error);
    const unsubscribe = state.db.changes.subscribe((change) => {
      if (touchesTokens(change, candidateId, leadIds)) void refreshTokens().catch(fail);
      if (change.tables.includes('quickReplies')) void refreshReplies().catch(fail);
    });
    void open().catch(fail);
    return () => {
      alive = false;
      unsubscribe();
    };
  }, [state, candidateId, leadId, selfId]);
  return data;
}

/**
 * Whether a change can alter the token values or the person: a small table (campaigns,
 * workspaces, users), their candidate row, or an application that is (or may be) theirs. A bulk
 * job moving other people's leads, or another chat's messages, re-read nothing here; when a
 * change does not say whose leads it wrote, the few key lookups are simply done again.
 */
function touchesTokens(change: ChangeSet, candidateId: Id, leadIds: ReadonlySet<Id>): boolean {
  if (!change.tables.some((t) => TOKEN_TABLES.includes(t))) return false;
  if (change.tables.some((t) => t === 'campaigns' || t === 'workspaces' || t === 'users')) return true;
  if (change.candidates.includes(candidateId) || change.deletedCandidates.includes(candidateId)) return true;
  if (change.deletedLeads.some((id) => leadIds.has(id))) return true;
  // Written rows but named none: they may be this person's.
  if (change.leads.length === 0) return change.deletedLeads.length + change.candidates.length + change.deletedCandidates.length === 0;
  const rows = change.leadRows;
  if (!rows || rows.length < change.leads.length) return true;
  return rows.some((l) => l.candidateId === candidateId || leadIds.has(l.id));
}

/** The channel to preselect (loaded with the data). */
export function defaultChannel(data: ComposerData): Channel {
  return data.channel;
}
