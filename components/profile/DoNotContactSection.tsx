import { useId, useState } from 'preact/hooks';
import type { Candidate } from '../../lib/domain/model';
import { formatDateTime } from '../../lib/domain/time';
import type { AppState } from '../app/state';
import { setDoNotContact } from './actions';
import { Section } from './parts';

/** The opt-out flag: while set, every send to this person is refused. Set and cleared here, logged. */
export function DoNotContactSection({ state, candidate }: { state: AppState; candidate: Candidate }) {
  const [editing, setEditing] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  const flag = candidate.doNotContact;

  const save = async (value: string | null) => {
    const outcome = await setDoNotContact(state, candidate.id, value);
    if (outcome.ok) {
      setEditing(false);
      setReason('');
      setError(null);
    } else {
      setError(outcome.fields?.reason ?? outcome.error);
    }
  };

  return (
    <Section title="Do not contact">
      {flag ? (
        <>
          <p class="dnc">
            Do not contact since {formatDateTime(flag.at)}: {flag.reason}
          </p>
          <button type="button" onClick={() => void save(null)}>
            Allow contact again
          </button>
        </>
      ) : editing ? (
        <form
          class="form"
          aria-label="Mark do not contact"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void save(reason);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.stopPropagation();
              setEditing(false);
            }
          }}
        >
          <label for={id}>Reason</label>
          <input
            id={id}
            type="text"
            value={reason}
            placeholder="e.g. Asked not to be contacted"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            onInput={(e) => setReason(e.currentTarget.value)}
          />
          {error && (
            <p id={`${id}-error`} class="field-error" role="alert">
              {error}
            </p>
          )}
          <div class="dialog-actions">
            <button type="button" onClick={() => setEditing(false)}>
              Cancel
            </button>
            <button type="submit" class="primary">
              Save flag
            </button>
          </div>
        </form>
      ) : (
        <>
          <p class="muted small">Messages can be sent to this person.</p>
          <button type="button" onClick={() => setEditing(true)}>
            Mark do not contact
          </button>
        </>
      )}
      {flag && error && (
        <p class="field-error" role="alert">
          {error}
        </p>
      )}
    </Section>
  );
}
