import { Fragment } from 'preact';
import { useState } from 'preact/hooks';
import type { Attachment } from '../../lib/domain/model';
import { formatPhone } from '../../lib/domain/phone';
import { formatDateTime } from '../../lib/domain/time';
import { urlProblem } from '../../lib/domain/validation';
import type { AppState } from '../app/state';
import { assign, openAttachment, type ProfileData } from './actions';
import { Section } from './parts';
import { ProfileEditForm } from './ProfileEditForm';

/** The application's data: contact, source, links, custom fields, answers, attachments… */
export function ApplicationSection({ state, data }: { state: AppState; data: ProfileData }) {
  const [editing, setEditing] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const { lead, candidate } = data;
  const defs = state.attributeDefs.value;
  const users = state.users.value;

  const reassign = async (value: string) => {
    const outcome = await assign(state, lead.id, value || null);
    setProblem(outcome.ok ? null : outcome.error);
  };

  if (editing) {
    return (
      <Section title="Application">
        <ProfileEditForm state={state} data={data} onDone={() => setEditing(false)} />
      </Section>
    );
  }

  const links = [
    { label: 'LinkedIn profile', url: candidate?.linkedinUrl },
    { label: 'Facebook profile', url: candidate?.facebookUrl },
  ].filter((l): l is { label: string; url: string } => Boolean(l.url) && urlProblem(l.url ?? '') === null);
  const websites = (candidate?.websites ?? []).map(webLink).filter((w): w is { label: string; url: string } => w !== null);

  return (
    <Section
      title="Application"
      actions={
        <button type="button" onClick={() => setEditing(true)} disabled={!candidate}>
          Edit
        </button>
      }
    >
      <dl class="facts">
        <dt>Email</dt>
        <dd>{candidate?.email ?? '—'}</dd>
        <dt>Phone</dt>
        <dd>{candidate?.phone ? formatPhone(candidate.phone) : '—'}</dd>
        <dt>Source</dt>
        <dd>{lead.source}</dd>
        <dt>Location</dt>
        <dd>{candidate?.location ?? '—'}</dd>
        {candidate?.title && (
          <>
            <dt>Job title</dt>
            <dd>{candidate.title}</dd>
          </>
        )}
        {candidate?.company && (
          <>
            <dt>Company</dt>
            <dd>{candidate.company}</dd>
          </>
        )}
        <dt>Date Added</dt>
        <dd>{formatDateTime(lead.addedAt)}</dd>
        <dt>Last Interaction</dt>
        <dd>{formatDateTime(lead.lastActivityAt)}</dd>
        {defs.map((d) => (
          <Fragment key={d.key}>
            <dt>{d.label}</dt>
            <dd>{lead.attributes[d.key] !== undefined ? String(lead.attributes[d.key]) : '—'}</dd>
          </Fragment>
        ))}
        {lead.rejectReason && (
          <>
            <dt>Reject reason</dt>
            <dd>{lead.rejectReason}</dd>
          </>
        )}
        {lead.externalId && (
          <>
            <dt>External ID</dt>
            <dd>{lead.externalId}</dd>
          </>
        )}
      </dl>
      <div class="field">
        <label for="profile-assignee">Assigned recruiter</label>
        <select id="profile-assignee" value={lead.assignedTo ?? ''} onChange={(e) => void reassign(e.currentTarget.value)}>
          <option value="">Unassigned</option>
          {lead.assignedTo && !users.some((u) => u.id === lead.assignedTo) && <option value={lead.assignedTo}>Former teammate</option>}
          {users.map((u) => (
            <option key={u.id} value={u.id}>
              {u.isSelf ? `${u.name} (you)` : u.name}
            </option>
          ))}
        </select>
      </div>
      {problem && (
        <p class="field-error" role="alert">
          {problem}
        </p>
      )}
      {links.length > 0 && (
        <p class="links">
          {links.map((l) => (
            <a key={l.label} href={l.url} target="_blank" rel="noopener noreferrer">
              {l.label}
            </a>
          ))}
        </p>
      )}
      {websites.length > 0 && (
        <>
          <h4>Websites</h4>
          <ul class="links websites" aria-label="Websites">
            {websites.map((w) => (
              <li key={w.url}>
                <a href={w.url} target="_blank" rel="noopener noreferrer">
                  {w.label}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
      {lead.answers.length > 0 && (
        <>
          <h4>Screening answers</h4>
          <dl class="answers">
            {lead.answers.map((a, i) => (
              <Fragment key={i}>
                <dt>{a.question}</dt>
                <dd>{a.answer}</dd>
              </Fragment>
            ))}
          </dl>
        </>
      )}
      <h4>Attachments</h4>
      {lead.attachments.length === 0 ? (
        <p class="muted small">No attachments.</p>
      ) : (
        <ul class="attachments" aria-label="Attachments">
          {lead.attachments.map((a) => (
            <AttachmentItem key={a.id} attachment={a} />
          ))}
        </ul>
      )}
    </Section>
  );
}

/**
 * A stored website as a link, or null: http(s) only (never javascript: or data:, whatever the
 * row says), shown as its host and path, as text.
 */
export function webLink(raw: string): { label: string; url: string } | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const path = url.pathname === '/' ? '' : url.pathname;
  return { label: `${url.host}${path}`, url: url.href };
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function AttachmentItem({ attachment }: { attachment: Attachment }) {
  const { blob, name, type, size } = attachment;
  return (
    <li>
      <span class="ellipsis">{name}</span> <span class="muted small">{formatSize(size)}</span>{' '}
      {blob instanceof Blob ? (
        <button type="button" class="link-button" aria-label={`Open ${name}`} onClick={() => openAttachment(blob, name, type)}>
          Open
        </button>
      ) : (
        <span class="muted small">(file not stored on this device: only its name was imported)</span>
      )}
    </li>
  );
}
