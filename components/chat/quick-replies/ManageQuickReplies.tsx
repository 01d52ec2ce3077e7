import { useState } from 'preact/hooks';
import type { Channel, QuickReply } from '../../../lib/domain/model';
import { can } from '../../../lib/domain/permissions';
import { describeError } from '../../../lib/db/errors';
import {
  CHANNEL_LABELS,
  createQuickReply,
  deleteQuickReply,
  quickReplyTokenWarning,
  roleRefusal,
  SENDABLE_CHANNELS,
  updateQuickReply,
  type QuickReplyDraft,
} from '../../../lib/db/mutations/messages';
import type { AppState } from '../../app/state';
import { Dialog } from '../../ui/Dialog';

const EMPTY: QuickReplyDraft = { title: '', body: '', channels: [...SENDABLE_CHANNELS], personal: false };

/** Create, edit and delete quick replies (owners and managers; DESIGN §1). */
export function ManageQuickReplies({ state, replies, onClose }: { state: AppState; replies: QuickReply[]; onClose: () => void }) {
  const [editing, setEditing] = useState<QuickReply | 'new' | null>(null);
  const [draft, setDraft] = useState<QuickReplyDraft>(EMPTY);
  const [warning, setWarning] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** The reply whose Delete was pressed once: a second, explicit press deletes it. */
  const [confirming, setConfirming] = useState<string | null>(null);
  const actor = state.actor.value;
  const self = state.self.value;
  const mayManage = can(actor, 'quickReply.manage');
  const options = (acknowledge: boolean) => ({ acknowledgeTokenProblems: acknowledge, ...(actor ? { actingRole: actor.role } : {}) });

  const start = (reply: QuickReply | 'new') => {
    setConfirming(null);
    setEditing(reply);
    setWarning(null);
    setError(null);
    setDraft(reply === 'new' ? EMPTY : { title: reply.title, body: reply.body, channels: [...reply.channels], personal: Boolean(reply.ownerId) });
  };

  const save = async (acknowledge: boolean) => {
    if (!self || !editing) return;
    const problem = quickReplyTokenWarning(draft.body);
    if (problem && !acknowledge) {
      setWarning(problem);
      return;
    }
    setBusy(true);
    try {
      const ctx = { db: state.db, actorId: self.id };
      if (editing === 'new') await createQuickReply(ctx, draft, options(acknowledge));
      else await updateQuickReply(ctx, editing.id, draft, options(acknowledge));
      setEditing(null);
      setWarning(null);
      setError(null);
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };

  const remove = async (reply: QuickReply) => {
    if (!self) return;
    setConfirming(null);
    try {
      await deleteQuickReply({ db: state.db, actorId: self.id }, reply.id, actor ? { actingRole: actor.role } : {});
    } catch (e) {
      setError(describeError(e));
    }
  };

  const toggleChannel = (c: Channel, on: boolean) =>
    setDraft({ ...draft, channels: on ? [...draft.channels, c] : draft.channels.filter((x) => x !== c) });

  return (
    <Dialog title="Manage quick replies" onClose={onClose}>
      {!mayManage && <p class="muted">{roleRefusal('quickReply.manage')}</p>}
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      {editing ? (
        <form
          class="quick-reply-form"
          onSubmit={(e) => {
            e.preventDefault();
            void save(false);
          }}
        >
          <label>
            Title
            <input value={draft.title} maxLength={100} onInput={(e) => setDraft({ ...draft, title: e.currentTarget.value })} />
          </label>
          <span class="muted small">The title is only for you; it is never sent.</span>
          <label>
            Text
            <textarea rows={5} value={draft.body} onInput={(e) => {
              setDraft({ ...draft, body: e.currentTarget.value });
              setWarning(null);
            }} />
          </label>
          <fieldset>
            <legend>Channels</legend>
            {SENDABLE_CHANNELS.map((c) => (
              <label key={c} class="inline">
                <input type="checkbox" checked={draft.channels.includes(c)} onChange={(e) => toggleChannel(c, e.currentTarget.checked)} />
                {CHANNEL_LABELS[c]}
              </label>
            ))}
          </fieldset>
          <label class="inline">
            <input type="checkbox" checked={draft.personal} onChange={(e) => setDraft({ ...draft, personal: e.currentTarget.checked })} />
            Personal (only you see it)
          </label>
          {warning && (
            <div class="banner banner-error" role="alert">
              <span>{warning}</span>
              <button type="button" disabled={busy} onClick={() => void save(true)}>
                Save anyway
              </button>
            </div>
          )}
          <div class="dialog-actions">
            <button type="button" onClick={() => setEditing(null)}>
              Cancel
            </button>
            <button type="submit" class="primary" disabled={busy || !mayManage}>
              Save quick reply
            </button>
          </div>
        </form>
      ) : (
        <>
          <ul class="manage-quick-replies" aria-label="Quick replies">
            {replies.map((r) => (
              <li key={r.id} style={confirming === r.id ? { flexWrap: 'wrap' } : undefined}>
                <div>
                  <strong>{r.title}</strong>
                  {r.ownerId && <span class="muted"> · personal</span>}
                  <p class="muted ellipsis">{r.body}</p>
                </div>
                <button type="button" disabled={!mayManage} title={mayManage ? undefined : roleRefusal('quickReply.manage')} aria-label={`Edit ${r.title}`} onClick={() => start(r)}>
                  Edit
                </button>
                <button type="button" disabled={!mayManage} title={mayManage ? undefined : roleRefusal('quickReply.manage')} aria-label={`Delete ${r.title}`} onClick={() => setConfirming(r.id)}>
                  Delete
                </button>
                {confirming === r.id && (
                  <div class="banner" role="group" aria-label={`Delete ${r.title}?`} style={{ flexBasis: '100%' }}>
                    <span>
                      Delete “{r.title}”{r.ownerId ? '' : ' for everyone in the workspace'}? This cannot be undone.
                    </span>
                    <button type="button" onClick={() => setConfirming(null)}>
                      Keep it
                    </button>
                    <button type="button" class="danger" onClick={() => void remove(r)}>
                      Yes, delete
                    </button>
                  </div>
                )}
              </li>
            ))}
          </ul>
          <div class="dialog-actions">
            <button type="button" onClick={onClose}>
              Close
            </button>
            <button type="button" class="primary" disabled={!mayManage} title={mayManage ? undefined : roleRefusal('quickReply.manage')} onClick={() => start('new')}>
              New quick reply
            </button>
          </div>
        </>
      )}
    </Dialog>
  );
}
