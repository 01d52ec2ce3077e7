import { useState } from 'preact/hooks';
import type { AppState } from '../app/state';
import { LogReplyDialog } from './LogReplyDialog';

/** The chat's small action bar: "Log a reply" (local mode: replies arrive outside Leadside). */
export function ChatToolbar({ state, candidateId, leadId }: { state: AppState; candidateId: string; leadId?: string }) {
  const [open, setOpen] = useState(false);
  return (
    <div class="chat-toolbar" role="toolbar" aria-label="Chat actions">
      <button type="button" class="link-button" onClick={() => setOpen(true)} title="Record a reply the candidate sent you elsewhere">
        Log a reply
      </button>
      {open && <LogReplyDialog state={state} candidateId={candidateId} leadId={leadId} onClose={() => setOpen(false)} />}
    </div>
  );
}
