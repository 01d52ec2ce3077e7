import { useState } from 'preact/hooks';
import type { Id } from '../../lib/domain/model';
import type { AppState } from '../app/state';
import { Dialog } from '../ui/Dialog';
import { startBulk, type BulkKind } from './actions';

export const REJECT_REASONS = [
  'Not qualified',
  'Failed screening',
  'Position filled',
  'Candidate withdrew',
  'No show',
  'Salary expectations',
  'Other',
] as const;

/** A bulk action chosen from the bar, before it is confirmed. */
export interface BulkIntent {
  kind: BulkKind;
  /** For moves to a fixed folder (Shortlist, Reject, Hold, Hire). */
  folderId?: Id;
  title: string;
}

const plural = (n: number) => `${n.toLocaleString()} ${n === 1 ? 'lead' : 'leads'}`;

/**
 * Confirmation for a bulk action: says how many leads, asks what the action needs (reason,
 * folder, campaign, label, recruiter), and says what will be skipped when that is known.
 */
export function BulkDialog({ state, intent, onClose }: { state: AppState; intent: BulkIntent; onClose: () => void }) {
  const selected = [...state.selection.value].map((id) => state.live.index.get(id)).filter((e) => e !== undefined);
  const count = selected.length;
  const folders = state.sortedFolders.value;
  const campaigns = state.campaigns.value.filter((c) => c.status === 'open');
  const [folderId, setFolderId] = useState<Id>(intent.folderId ?? folders[0]?.id ?? 'inbox');
  const [campaignId, setCampaignId] = useState<Id>(campaigns[0]?.id ?? '');
  const [labelId, setLabelId] = useState<Id>(state.labels.value[0]?.id ?? '');
  const [userId, setUserId] = useState<string>(state.self.value?.id ?? '');
  const [reason, setReason] = useState<string>(REJECT_REASONS[0]);
  const [busy, setBusy] = useState(false);

  const folderName = state.folderById.value.get(folderId)?.name ?? 'that folder';
  const campaignName = state.campaignById.value.get(campaignId)?.name ?? 'that campaign';
  const labelName = state.labelById.value.get(labelId)?.name ?? 'that label';

  // What is known to be skipped, from the index (the job reports the final truth).
  let skipped = 0;
  let skipNote = '';
  if (intent.kind === 'moveToFolder' && folderId !== 'rejected') {
    skipped = selected.filter((e) => e.folderId === folderId).length;
    skipNote = `already in ${folderName}`;
  } else if (intent.kind === 'moveToCampaign' || intent.kind === 'createApplication') {
    const has = (candidateId: Id) =>
      state.live.index.leadIdsOfCandidate(candidateId).some((id) => state.live.index.get(id)?.campaignId === campaignId);
    skipped = selected.filter((e) => has(e.candidate.id)).length;
    skipNote = `already have an application in ${campaignName}`;
  } else if (intent.kind === 'addLabel') {
    skipped = selected.filter((e) => e.labels.includes(labelId)).length;
    skipNote = `already labelled ${labelName}`;
  } else if (intent.kind === 'removeLabel') {
    skipped = selected.filter((e) => !e.labels.includes(labelId)).length;
    skipNote = `do not have ${labelName}`;
  }

  const { verb, params, label } = describe();
  function describe(): { verb: string; params: Record<string, unknown>; label: string } {
    switch (intent.kind) {
      case 'moveToFolder':
        return folderId === 'rejected'
          ? { verb: `Reject ${plural(count)}`, params: { folderId, rejectReason: reason }, label: `Reject ${plural(count)} (${reason})` }
          : { verb: `Move ${plural(count)} to ${folderName}`, params: { folderId }, label: `Move ${plural(count)} to ${folderName}` };
      case 'moveToCampaign':
        return { verb: `Move ${plural(count)} to ${campaignName}`, params: { campaignId }, label: `Move ${plural(count)} to ${campaignName}` };
      case 'createApplication':
        return { verb: `Create ${plural(count)} in ${campaignName}`, params: { campaignId }, label: `Create applications in ${campaignName} for ${plural(count)}` };
      case 'addLabel':
        return { verb: `Label ${plural(count)}`, params: { labelId }, label: `Label ${plural(count)} ${labelName}` };
      case 'removeLabel':
        return { verb: `Remove ${labelName} from ${plural(count)}`, params: { labelId }, label: `Remove ${labelName} from ${plural(count)}` };
      case 'assign': {
        const who = userId ? (state.userById.value.get(userId)?.name ?? 'a recruiter') : 'nobody';
        return { verb: `Assign ${plural(count)}`, params: { userId: userId || null }, label: `Assign ${plural(count)} to ${who}` };
      }
      case 'deleteLeads':
        return { verb: `Delete ${plural(count)}`, params: {}, label: `Delete ${plural(count)}` };
    }
  }

  const missing =
    ((intent.kind === 'moveToCampaign' || intent.kind === 'createApplication') && !campaignId) ||
    ((intent.kind === 'addLabel' || intent.kind === 'removeLabel') && !labelId);

  const confirm = async () => {
    setBusy(true);
    const job = await startBulk(state, intent.kind, label, params);
    setBusy(false);
    if (job) onClose();
  };

  return (
    <Dialog title={intent.title} onClose={onClose}>
      <div class="form">
        {intent.kind === 'moveToFolder' && !intent.folderId && (
          <label>
            Folder
            <select value={folderId} onChange={(e) => setFolderId(e.currentTarget.value)}>
              {folders.map((f) => (
                <option key={f.id} value={f.id}>
                  {f.name}
                </option>
              ))}
            </select>
          </label>
        )}
        {intent.kind === 'moveToFolder' && folderId === 'rejected' && (
          <label>
            Reason
            <select value={reason} onChange={(e) => setReason(e.currentTarget.value)}>
              {REJECT_REASONS.map((r) => (
                <option key={r}>{r}</option>
              ))}
            </select>
          </label>
        )}
        {(intent.kind === 'moveToCampaign' || intent.kind === 'createApplication') && (
          <label>
            Campaign
            <select value={campaignId} onChange={(e) => setCampaignId(e.currentTarget.value)}>
              {campaigns.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
        )}
        {(intent.kind === 'addLabel' || intent.kind === 'removeLabel') && (
          <label>
            Label
            <select value={labelId} onChange={(e) => setLabelId(e.currentTarget.value)}>
              {state.labels.value.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.name}
                </option>
              ))}
            </select>
          </label>
        )}
        {intent.kind === 'assign' && (
          <label>
            Recruiter
            <select value={userId} onChange={(e) => setUserId(e.currentTarget.value)}>
              {state.users.value.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.isSelf ? `${u.name} (me)` : u.name}
                </option>
              ))}
              <option value="">Nobody (unassign)</option>
            </select>
          </label>
        )}
        <p>
          This acts on <strong>{plural(count)}</strong>.
          {skipped > 0 && ` ${skipped.toLocaleString()} ${skipNote} will be skipped.`}
        </p>
        {intent.kind === 'deleteLeads' && (
          <p class="field-error">
            Deleting applications cannot be undone. The people and their messages stay.
          </p>
        )}
        <div class="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="button" class="primary" disabled={busy || missing || count === 0} onClick={() => void confirm()}>
            {verb}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
