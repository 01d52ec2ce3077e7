import { useEffect, useState } from 'preact/hooks';
import type { Candidate } from '../../lib/domain/model';
import { fullName } from '../../lib/domain/text';
import type { ErasureCounts } from '../../lib/db/mutations/profile';
import { campaignName, type AppState } from '../app/state';
import { deleteLead, erasePerson, loadErasureSummary, type ProfileData } from './actions';
import { ConfirmDialog } from '../ui/ConfirmDialog';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "Delete candidate": one application goes; the person, their other applications and messages stay. */
export function DeleteLeadDialog({ state, data, onClose }: { state: AppState; data: ProfileData; onClose: () => void }) {
  const { lead, candidate } = data;
  const name = candidate ? fullName(candidate) : 'this candidate';
  return (
    <ConfirmDialog
      title="Delete candidate?"
      confirmLabel="Yes"
      danger
      onClose={onClose}
      onConfirm={async () => {
        const outcome = await deleteLead(state, lead);
        return outcome.ok ? null : outcome.error;
      }}
    >
      <p>
        This deletes application {lead.ref} of {name} for {campaignName(state, lead.campaignId)}, with its comments.{' '}
        <strong>It cannot be undone.</strong>
      </p>
      <p class="muted small">
        {data.others.length > 0
          ? `${name}’s other ${plural(data.others.length, 'application', 'applications')} and every message stay.`
          : `${name} and every message stay.`}
      </p>
    </ConfirmDialog>
  );
}

/** "Erase person" (privacy requests): names everything that will be removed before asking. */
export function ErasePersonDialog({ state, candidate, onClose }: { state: AppState; candidate: Candidate; onClose: () => void }) {
  const [summary, setSummary] = useState<(ErasureCounts & { refs: string[] }) | null>(null);
  useEffect(() => {
    let live = true;
    loadErasureSummary(state, candidate.id)
      .then((s) => live && setSummary(s))
      .catch((error: unknown) => console.error('Leadside: could not count what erasing removes', error));
    return () => {
      live = false;
    };
  }, [candidate.id]);
  const name = fullName(candidate);
  return (
    <ConfirmDialog
      title={`Erase ${name}?`}
      confirmLabel="Yes, erase"
      danger
      onClose={onClose}
      onConfirm={async () => {
        const outcome = await erasePerson(state, candidate.id);
        return outcome.ok ? null : outcome.error;
      }}
    >
      <p>
        This permanently removes {name} ({candidate.ref}) and everything about them. <strong>It cannot be undone.</strong>
      </p>
      {summary ? (
        <ul class="erase-list">
          <li>
            {plural(summary.leads, 'application', 'applications')}
            {summary.refs.length > 0 && ` (${summary.refs.join(', ')})`}
          </li>
          <li>{plural(summary.messages, 'message', 'messages')}</li>
          <li>{plural(summary.comments, 'comment', 'comments')}</li>
          <li>{plural(summary.attachments, 'attachment', 'attachments')}</li>
          <li>their contact details and activity history</li>
        </ul>
      ) : (
        <p class="muted">Counting what will be removed…</p>
      )}
      <p class="muted small">Only an audit line without personal data remains.</p>
    </ConfirmDialog>
  );
}
