import { useEffect, useState } from 'preact/hooks';
import { can } from '../../lib/domain/permissions';
import { UNKNOWN } from '../../lib/index/query';
import { campaignName, folderName, type AppState } from '../app/state';
import { Avatar } from '../ui/Avatar';
import { changeStatus, copyText, type ProfileData } from './actions';

/** Who this is, which application, its status, and the person's other applications. */
export function ProfileHeader({ state, data }: { state: AppState; data: ProfileData }) {
  const { lead, candidate, others } = data;
  const [copied, setCopied] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [moving, setMoving] = useState(false);
  const folders = state.sortedFolders.value;
  const knownFolder = folders.some((f) => f.id === lead.folderId);

  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(null), 3000);
    return () => clearTimeout(timer);
  }, [copied]);

  const copy = async (text: string) => {
    setCopied((await copyText(text)) ? 'Copied' : 'Could not copy: your browser refused the clipboard.');
  };

  const move = async (folderId: string) => {
    setMoving(true);
    const outcome = await changeStatus(state, lead.id, folderId);
    setMoving(false);
    setProblem(outcome.ok ? null : outcome.error);
  };

  return (
    <div class="profile-header">
      <div class="preview-id">
        <Avatar
          firstName={candidate?.firstName ?? '?'}
          lastName={candidate?.lastName ?? ''}
          photo={candidate?.photo}
          seed={lead.candidateId}
          size={56}
          alt={`Photo of ${candidate?.firstName ?? ''} ${candidate?.lastName ?? ''}`.trim()}
        />
        <div class="profile-who">
          {candidate?.headline && <p>{candidate.headline}</p>}
          {candidate?.doNotContact && <span class="badge badge-danger">Do not contact</span>}
        </div>
      </div>
      <dl class="facts refs">
        <dt>Application ID</dt>
        <dd>
          <span class="ref">{lead.ref}</span>
          <button type="button" class="link-button" aria-label="Copy application ID" title="Copy" onClick={() => void copy(lead.ref)}>
            Copy
          </button>
        </dd>
        <dt>Candidate ID</dt>
        <dd>
          <span class="ref">{candidate?.ref ?? '—'}</span>
          {candidate && (
            <button
              type="button"
              class="link-button"
              aria-label="Copy candidate ID"
              title="Copy"
              onClick={() => void copy(candidate.ref)}
            >
              Copy
            </button>
          )}
        </dd>
        <dt>Campaign</dt>
        <dd>{campaignName(state, lead.campaignId)}</dd>
      </dl>
      <span class="copy-status small" role="status" aria-live="polite">
        {copied}
      </span>
      <div class="field status-field">
        <label for="profile-status">Status</label>
        <select
          id="profile-status"
          value={lead.folderId}
          disabled={moving || !can(state.actor.value, 'lead.move')}
          onChange={(e) => void move(e.currentTarget.value)}
        >
          {!knownFolder && <option value={lead.folderId}>{folderName(state, UNKNOWN)}</option>}
          {folders.map((f) => (
            <option key={f.id} value={f.id}>
              {f.name}
            </option>
          ))}
        </select>
      </div>
      {problem && (
        <p class="field-error" role="alert">
          {problem}
        </p>
      )}
      {others.length > 0 && (
        <nav class="other-apps" aria-label="Other applications">
          <h3>Other applications</h3>
          <ul>
            {others.map((o) => (
              <li key={o.id}>
                <button type="button" class="link-button" onClick={() => (state.previewId.value = o.id)}>
                  {campaignName(state, o.campaignId)} · {folderName(state, o.folderId)} · {o.ref}
                </button>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </div>
  );
}
