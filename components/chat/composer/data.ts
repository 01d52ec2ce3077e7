import { useEffect, useState } from 'preact/hooks';
import type { Candidate, Channel, Id, Message, QuickReply } from '../../../lib/domain/model';
import type { TokenValues } from '../../../lib/chat/tokens';
import { loadTokenData, quickRepliesFor, SENDABLE_CHANNELS, unreachableReason } from '../../../lib/db/mutations/messages';
import type { AppState } from '../../app/state';

export interface ComposerData {
  candidate: Candidate;
  /** This person's history, for the duplicate guard and the default channel. */
  messages: Message[];
  quickReplies: QuickReply[];
  values: TokenValues;
}

const WATCHED = ['messages', 'candidates', 'quickReplies', 'leads', 'campaigns', 'workspaces', 'users'];

/** What the composer needs about one candidate, kept current from the change feed. */
export function useComposerData(state: AppState, candidateId: Id, leadId: Id | undefined): ComposerData | null | 'loading' {
  const [data, setData] = useState<ComposerData | null | 'loading'>('loading');
  const selfId = state.self.value?.id ?? '';
  useEffect(() => {
    let alive = true;
    const load = async () => {
      const tokens = await loadTokenData(state.db, candidateId, leadId, selfId);
      if (!tokens) {
        if (alive) setData(null);
        return;
      }
      const [messages, quickReplies] = await Promise.all([
        state.db.messages.where('candidateId').equals(candidateId).toArray(),
        quickRepliesFor(state.db, selfId),
      ]);
      if (alive) setData({ candidate: tokens.candidate, messages, quickReplies, values: tokens.values });
    };
    const unsubscribe = state.db.changes.subscribe((change) => {
      if (change.tables.some((t) => WATCHED.includes(t))) void load();
    });
    void load();
    return () => {
      alive = false;
      unsubscribe();
    };
  }, [state, candidateId, leadId, selfId]);
  return data;
}

/** The channel the candidate last used (their last reply, else the last message), if reachable. */
export function defaultChannel(data: ComposerData): Channel {
  const usable = (c: Channel) => (SENDABLE_CHANNELS as readonly Channel[]).includes(c) && !unreachableReason(data.candidate, c);
  const talk = data.messages.filter((m) => m.kind !== 'event' && m.sender !== 'system').sort((a, b) => b.sentAt - a.sentAt);
  const inbound = talk.find((m) => m.direction === 'inbound' && usable(m.channel));
  if (inbound) return inbound.channel;
  const any = talk.find((m) => usable(m.channel));
  if (any) return any.channel;
  return (['whatsapp', 'sms', 'email', 'facebook'] as const).find(usable) ?? 'whatsapp';
}
