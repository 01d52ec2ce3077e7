import { useEffect, useState } from 'preact/hooks';
import type { Id } from '../../lib/domain/model';
import { can } from '../../lib/domain/permissions';
import { fullName } from '../../lib/domain/text';
import type { AppState } from '../app/state';
import { loadProfile, refusal, type ProfileData } from './actions';
import { ActivitySection } from './ActivitySection';
import { ApplicationSection } from './ApplicationSection';
import { CommentsSection } from './CommentsSection';
import { DeleteLeadDialog, ErasePersonDialog } from './DeleteDialogs';
import { DoNotContactSection } from './DoNotContactSection';
import { LabelsSection } from './LabelsSection';
import { Section } from './parts';
import { ProfileHeader } from './ProfileHeader';

/** Tables whose changes can alter what a profile shows. */
const WATCHED = new Set(['leads', 'candidates', 'comments', 'activities', 'labels', 'users', 'folders', 'campaigns', 'attributeDefs']);

/**
 * The candidate profile, over the list (a narrow side-panel layout): opened from the list by
 * `state.previewId`, closed with "Close profile" or Escape. One application of one person.
 */
export function Profile({ state }: { state: AppState }) {
  const id = state.previewId.value;
  if (!id) return null;
  // Keyed: another application starts with fresh state (no edit form carried over).
  return <ProfileView key={id} state={state} leadId={id} />;
}

function ProfileView({ state, leadId }: { state: AppState; leadId: Id }) {
  const [data, setData] = useState<ProfileData | null | 'loading'>('loading');

  useEffect(() => {
    let live = true;
    let seq = 0;
    const load = () => {
      const mine = ++seq;
      loadProfile(state, leadId)
        .then((d) => live && mine === seq && setData(d))
        .catch((error: unknown) => {
          console.error('Leadside: could not load the profile', error);
          if (live && mine === seq) setData(null);
        });
    };
    load();
    const stop = state.db.changes.subscribe((change) => {
      if (change.tables.some((t) => WATCHED.has(t))) load();
    });
    return () => {
      live = false;
      stop();
    };
  }, [leadId]);

  const close = () => (state.previewId.value = null);
  const ready = data !== 'loading' && data !== null ? data : null;
  const title = ready?.candidate ? fullName(ready.candidate) : ready ? 'Unknown candidate' : 'Candidate';
  const actor = state.actor.value;
  const mayDelete = can(actor, 'lead.delete');
  const [dialog, setDialog] = useState<'delete' | 'erase' | null>(null);

  return (
    <div
      class="preview profile"
      role="dialog"
      aria-label={title}
      onKeyDown={(e) => {
        // Escape inside a form cancels nothing by accident: only outside forms it closes.
        if (e.key === 'Escape' && !(e.target as HTMLElement).closest('form')) close();
      }}
    >
      <div class="preview-head">
        <button type="button" class="icon-button" aria-label="Close profile" title="Back to the list" onClick={close} autoFocus>
          ←
        </button>
        <h2 class="ellipsis">{title}</h2>
        {ready && data && data !== 'loading' && (
          <button
            type="button"
            class="icon-button"
            aria-label="Open chat"
            title="Messages with this candidate"
            onClick={() => (state.chat.value = { candidateId: data.lead.candidateId, leadId: data.lead.id })}
          >
            💬
          </button>
        )}
        {ready && (
          <button
            type="button"
            class="icon-button trash"
            aria-label="Delete candidate"
            title={mayDelete ? 'Delete this application' : refusal('lead.delete')}
            disabled={!mayDelete}
            onClick={() => setDialog('delete')}
          >
            <TrashIcon />
          </button>
        )}
      </div>
      {data === 'loading' && <p class="muted preview-body">Loading…</p>}
      {data === null && <p class="preview-body">This application no longer exists.</p>}
      {ready && (
        <div class="preview-body profile-body">
          <ProfileHeader state={state} data={ready} />
          {ready.candidate?.about && (
            <Section title="About">
              {/* Plain text from the captured profile; its line breaks kept. */}
              <p class="about-text" style={{ whiteSpace: 'pre-line' }}>
                {ready.candidate.about}
              </p>
            </Section>
          )}
          <ApplicationSection state={state} data={ready} />
          <LabelsSection state={state} lead={ready.lead} />
          <CommentsSection state={state} lead={ready.lead} comments={ready.comments} />
          {ready.candidate && <DoNotContactSection state={state} candidate={ready.candidate} />}
          <ActivitySection state={state} activities={ready.activities} />
          {ready.candidate && (
            <section class="profile-section danger-zone" aria-label="Privacy">
              <p class="muted small">
                For a privacy request: remove this person, all their applications, messages, comments and attachments.
              </p>
              <button
                type="button"
                class="danger"
                disabled={!can(actor, 'person.erase')}
                title={can(actor, 'person.erase') ? 'Erase this person and everything about them' : refusal('person.erase')}
                onClick={() => setDialog('erase')}
              >
                Erase person
              </button>
            </section>
          )}
        </div>
      )}
      {ready && dialog === 'delete' && <DeleteLeadDialog state={state} data={ready} onClose={() => setDialog(null)} />}
      {ready?.candidate && dialog === 'erase' && (
        <ErasePersonDialog state={state} candidate={ready.candidate} onClose={() => setDialog(null)} />
      )}
    </div>
  );
}

function TrashIcon() {
  return (
    <svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M9 3h6l1 2h4v2H4V5h4l1-2zm-3 6h12l-1 12H7L6 9zm4 2v8h2v-8h-2zm4 0v8h2v-8h-2z"
      />
    </svg>
  );
}
