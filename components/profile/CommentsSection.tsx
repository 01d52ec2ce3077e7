import { useId, useState } from 'preact/hooks';
import type { Comment, Lead } from '../../lib/domain/model';
import { formatDateTime } from '../../lib/domain/time';
import type { AppState } from '../app/state';
import { addComment, deleteComment, editComment } from './actions';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { Section } from './parts';

/** Internal notes on the application: everyone may add; only the author may edit or delete. */
export function CommentsSection({ state, lead, comments }: { state: AppState; lead: Lead; comments: Comment[] }) {
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [deleting, setDeleting] = useState<Comment | null>(null);
  const id = useId();

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    const outcome = await addComment(state, lead.id, body);
    setBusy(false);
    if (outcome.ok) {
      setBody('');
      setError(null);
    } else {
      setError(outcome.fields?.body ?? outcome.error);
    }
  };

  return (
    <Section title="Comments">
      {comments.length === 0 ? (
        <p class="muted small">No comments yet.</p>
      ) : (
        <ul class="comments" aria-label="Comments">
          {comments.map((c) => (
            <CommentItem key={c.id} state={state} comment={c} onDelete={() => setDeleting(c)} />
          ))}
        </ul>
      )}
      <form class="form comment-form" aria-label="Add a comment" noValidate onSubmit={(e) => void submit(e)}>
        <textarea
          aria-label="New comment"
          placeholder="Write a note for your team…"
          rows={2}
          value={body}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onInput={(e) => setBody(e.currentTarget.value)}
        />
        {error && (
          <p id={`${id}-error`} class="field-error" role="alert">
            {error}
          </p>
        )}
        <div class="dialog-actions">
          <button type="submit" class="primary" disabled={busy}>
            Add comment
          </button>
        </div>
      </form>
      {deleting && (
        <ConfirmDialog
          title="Delete comment?"
          confirmLabel="Delete"
          danger
          onClose={() => setDeleting(null)}
          onConfirm={async () => {
            const outcome = await deleteComment(state, deleting.id);
            return outcome.ok ? null : outcome.error;
          }}
        >
          <p>This comment will be removed for everyone. It cannot be undone.</p>
        </ConfirmDialog>
      )}
    </Section>
  );
}

function CommentItem({ state, comment, onDelete }: { state: AppState; comment: Comment; onDelete: () => void }) {
  const selfId = state.self.value?.id;
  const mine = comment.authorId === selfId;
  const author = state.userById.value.get(comment.authorId);
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(comment.body);
  const [error, setError] = useState<string | null>(null);
  const id = useId();

  const save = async (e: Event) => {
    e.preventDefault();
    const outcome = await editComment(state, comment.id, text);
    if (outcome.ok) {
      setEditing(false);
      setError(null);
    } else {
      setError(outcome.fields?.body ?? outcome.error);
    }
  };

  return (
    <li class="comment">
      <div class="comment-meta small">
        <strong>{mine ? 'You' : (author?.name ?? 'Former teammate')}</strong>{' '}
        <time class="muted" dateTime={new Date(comment.createdAt).toISOString()}>
          {formatDateTime(comment.createdAt)}
        </time>
        {comment.editedAt && <span class="muted"> (edited)</span>}
      </div>
      {editing ? (
        <form
          class="form"
          aria-label="Edit comment"
          noValidate
          onSubmit={(e) => void save(e)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.stopPropagation();
              setEditing(false);
            }
          }}
        >
          <textarea
            aria-label="Comment text"
            rows={3}
            value={text}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            onInput={(e) => setText(e.currentTarget.value)}
          />
          {error && (
            <p id={`${id}-error`} class="field-error" role="alert">
              {error}
            </p>
          )}
          <div class="dialog-actions">
            <button
              type="button"
              onClick={() => {
                setEditing(false);
                setText(comment.body);
                setError(null);
              }}
            >
              Cancel
            </button>
            <button type="submit" class="primary">
              Save comment
            </button>
          </div>
        </form>
      ) : (
        <p class="comment-body">{comment.body}</p>
      )}
      {mine && !editing && (
        <div class="comment-actions">
          <button
            type="button"
            class="link-button"
            onClick={() => {
              setText(comment.body);
              setEditing(true);
            }}
          >
            Edit comment
          </button>
          <button type="button" class="link-button" onClick={onDelete}>
            Delete comment
          </button>
        </div>
      )}
    </li>
  );
}
