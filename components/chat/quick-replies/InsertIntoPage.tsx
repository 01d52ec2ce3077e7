import { useState } from 'preact/hooks';
import type { QuickReply } from '../../../lib/domain/model';
import { insertIntoPage, requestMessagingAccess } from '../../../lib/platform/quick-reply-panel';

/**
 * "Insert into page" (issue 8): puts a quick reply, rendered for the candidate the page shows (or
 * the one open here), at the caret of the page beside the panel. A click in the panel is not a
 * gesture in the page, so it grants no activeTab: it works at once where Leadside already has
 * host permission (LinkedIn, Facebook, and the messaging sites once allowed). Where it does not,
 * the panel says why it needs WhatsApp Web, Messenger and Gmail and asks Chrome for them — the
 * recruiter's next click is the gesture the permission prompt needs. Once they are allowed, a
 * page Leadside still cannot use is another site: the panel says how to insert there instead.
 */
export function InsertIntoPage({ reply }: { reply: QuickReply | undefined }) {
  const [explaining, setExplaining] = useState<string | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  const insert = async (r: QuickReply, afterAsking: boolean) => {
    setMessage(null);
    const result = await insertIntoPage(r.id);
    if (result.ok) setMessage({ text: `“${r.title}” goes in at the page’s caret.`, error: false });
    else if (!afterAsking && result.mayAsk) setExplaining(result.error);
    else setMessage({ text: result.error, error: true });
  };

  if (!reply) return null;
  return (
    <div class="insert-into-page">
      {!explaining && (
        <button type="button" class="link-button" onClick={() => void insert(reply, false)}>
          Insert “{reply.title}” into page
        </button>
      )}
      {explaining && (
        <div role="group" aria-label="Allow the messaging sites">
          <p class="small">
            Leadside may not use this page yet. To put replies into WhatsApp Web, Messenger and Gmail from here, it needs
            Chrome’s permission for those three sites; it only inserts text where you click, and only when you ask.
          </p>
          <p class="small muted">{explaining}</p>
          <button
            type="button"
            onClick={() => {
              // First and synchronous: Chrome shows its prompt only during the click.
              const asked = requestMessagingAccess();
              setExplaining(null);
              void asked.then(() => insert(reply, true));
            }}
          >
            Allow and insert
          </button>{' '}
          <button type="button" onClick={() => setExplaining(null)}>
            Not now
          </button>
        </div>
      )}
      {message && (
        <p role={message.error ? 'alert' : 'status'} class={message.error ? 'error small' : 'muted small'}>
          {message.text}
        </p>
      )}
    </div>
  );
}
