import { useEffect, useState } from 'preact/hooks';
import { fullName } from '../../lib/domain/text';
import type { AppState } from '../app/state';
import { ChatHistory } from './ChatHistory';
import { ChatToolbar } from './ChatToolbar';
import { Composer } from './Composer';
import { loadChatCandidate } from './history-actions';

/**
 * One candidate's conversation, over the whole panel: the history (every message on every
 * channel, across all their applications, kept after a lead is deleted) and the composer.
 */
export function ChatView({ state }: { state: AppState }) {
  const chat = state.chat.value;
  const [name, setName] = useState<string | null>(null);
  const candidateId = chat?.candidateId;
  useEffect(() => {
    setName(null);
    if (!candidateId) return;
    let live = true;
    const load = () =>
      loadChatCandidate(state, candidateId)
        .then((c) => live && setName(c ? fullName(c) || c.ref : 'Unknown candidate'))
        .catch((error: unknown) => console.warn('Leadside: could not read the candidate', error));
    void load();
    const stop = state.db.changes.subscribe((change) => {
      if (change.candidates.includes(candidateId)) void load();
    });
    return () => {
      live = false;
      stop();
    };
  }, [candidateId]);
  if (!chat) return null;
  return (
    <div class="chat-view" role="dialog" aria-label={name ? `Chat with ${name}` : 'Chat'}>
      <div class="preview-head">
        <button type="button" class="icon-button" aria-label="Close chat" onClick={() => (state.chat.value = null)}>
          ←
        </button>
        <h2 class="ellipsis">{name ?? 'Chat'}</h2>
      </div>
      <ChatToolbar state={state} candidateId={chat.candidateId} leadId={chat.leadId} />
      <ChatHistory key={chat.candidateId} state={state} candidateId={chat.candidateId} />
      <Composer state={state} candidateId={chat.candidateId} leadId={chat.leadId} />
    </div>
  );
}
