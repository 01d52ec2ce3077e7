import { Fragment } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { formatPhone } from '../../lib/domain/phone';
import { fullName } from '../../lib/domain/text';
import { formatDateTime } from '../../lib/domain/time';
import { loadLeadDetails, type LeadDetails } from '../app/actions';
import { campaignName, folderName, type AppState } from '../app/state';
import { Avatar } from '../ui/Avatar';

/** A quick look at one application; the full profile comes in its own view. */
export function LeadPreview({ state }: { state: AppState }) {
  const id = state.previewId.value;
  const [details, setDetails] = useState<LeadDetails | null | 'loading'>('loading');
  const revision = state.indexRevision.value;

  useEffect(() => {
    if (!id) return;
    let live = true;
    loadLeadDetails(state, id)
      .then((d) => live && setDetails(d))
      .catch(() => live && setDetails(null));
    return () => {
      live = false;
    };
  }, [id, revision]);

  if (!id) return null;
  const close = () => (state.previewId.value = null);
  const title = details && details !== 'loading' && details.candidate ? fullName(details.candidate) : 'Lead';

  return (
    <div
      class="preview"
      role="dialog"
      aria-label={title}
      onKeyDown={(e) => {
        if (e.key === 'Escape') close();
      }}
    >
      <div class="preview-head">
        <button type="button" class="icon-button" aria-label="Close preview" onClick={close} autoFocus>
          ←
        </button>
        <h2>{title}</h2>
      </div>
      {details === 'loading' && <p class="muted">Loading…</p>}
      {details === null && <p>This lead no longer exists.</p>}
      {details && details !== 'loading' && <PreviewBody state={state} details={details} />}
    </div>
  );
}

function PreviewBody({ state, details }: { state: AppState; details: LeadDetails }) {
  const { lead, candidate } = details;
  const labels = lead.labels.map((l) => state.labelById.value.get(l)).filter((l) => l !== undefined);
  const assignee = lead.assignedTo ? state.userById.value.get(lead.assignedTo) : undefined;
  const defs = state.attributeDefs.value;
  return (
    <div class="preview-body">
      <div class="preview-id">
        <Avatar
          firstName={candidate?.firstName ?? '?'}
          lastName={candidate?.lastName ?? ''}
          photo={candidate?.photo}
          seed={lead.candidateId}
          size={56}
        />
        <div>
          {candidate?.headline && <p>{candidate.headline}</p>}
          <p class="muted">
            {campaignName(state, lead.campaignId)} · {folderName(state, lead.folderId)}
          </p>
        </div>
      </div>
      <dl class="facts">
        <dt>Application ID</dt>
        <dd>{lead.ref}</dd>
        <dt>Candidate ID</dt>
        <dd>{candidate?.ref ?? '—'}</dd>
        {candidate?.email && (
          <>
            <dt>Email</dt>
            <dd>{candidate.email}</dd>
          </>
        )}
        {candidate?.phone && (
          <>
            <dt>Phone</dt>
            <dd>{formatPhone(candidate.phone)}</dd>
          </>
        )}
        {candidate?.location && (
          <>
            <dt>Location</dt>
            <dd>{candidate.location}</dd>
          </>
        )}
        <dt>Source</dt>
        <dd>{lead.source}</dd>
        <dt>Date Added</dt>
        <dd>{formatDateTime(lead.addedAt)}</dd>
        <dt>Last Activity</dt>
        <dd>{formatDateTime(lead.lastActivityAt)}</dd>
        <dt>Assigned to</dt>
        <dd>{assignee?.name ?? 'Unassigned'}</dd>
        {lead.externalId && (
          <>
            <dt>External ID</dt>
            <dd>{lead.externalId}</dd>
          </>
        )}
        {defs
          .filter((d) => lead.attributes[d.key] !== undefined)
          .map((d) => (
            <Fragment key={d.key}>
              <dt>{d.label}</dt>
              <dd>{String(lead.attributes[d.key])}</dd>
            </Fragment>
          ))}
        {lead.rejectReason && (
          <>
            <dt>Reject reason</dt>
            <dd>{lead.rejectReason}</dd>
          </>
        )}
      </dl>
      {labels.length > 0 && (
        <ul class="chips" aria-label="Labels">
          {labels.map((l) => (
            <li key={l.id} class="chip" style={{ borderColor: l.color }}>
              <span class="label-dot" style={{ background: l.color }} aria-hidden="true" />
              {l.name}
            </li>
          ))}
        </ul>
      )}
      {(candidate?.linkedinUrl || candidate?.facebookUrl) && (
        <p class="links">
          {candidate.linkedinUrl && (
            <a href={candidate.linkedinUrl} target="_blank" rel="noopener noreferrer">
              LinkedIn profile
            </a>
          )}
          {candidate.facebookUrl && (
            <a href={candidate.facebookUrl} target="_blank" rel="noopener noreferrer">
              Facebook profile
            </a>
          )}
        </p>
      )}
    </div>
  );
}
