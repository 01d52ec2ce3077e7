import { useState } from 'preact/hooks';
import type { Campaign } from '../../lib/domain/model';
import type { AppState } from '../app/state';
import { CampaignDialog, NewCampaignDialog } from '../leads/NewCampaignDialog';
import { permissionProblem, renameCampaign, setCampaignStatus } from './actions';
import { rowNameId, Section } from './Section';

export function CampaignsSection({ state }: { state: AppState }) {
  const readOnly = permissionProblem(state.actor.value, 'campaign.manage');
  const [problem, setProblem] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [renaming, setRenaming] = useState<Campaign | null>(null);
  const campaigns = state.campaigns.value;
  const open = campaigns.filter((c) => c.status === 'open');
  const closed = campaigns.filter((c) => c.status === 'closed');

  const setStatus = async (c: Campaign, status: Campaign['status']) => {
    const outcome = await setCampaignStatus(state, c.id, status);
    setProblem(outcome.ok ? null : outcome.error);
  };

  const row = (c: Campaign) => {
    const nameId = rowNameId('campaign', c.id);
    return (
      <li key={c.id} class="ws-row">
        <span class="ws-name">
          <strong id={nameId}>{c.name}</strong>
          <span class="muted">
            {' '}
            {c.ref}
            {c.location && ` · ${c.location}`}
            {c.status === 'closed' && ' · closed'}
          </span>
        </span>
        <span class="ws-buttons">
          <button type="button" aria-describedby={nameId} disabled={!!readOnly} title={readOnly ?? undefined} onClick={() => setRenaming(c)}>
            Rename
          </button>
          {c.status === 'open' ? (
            <button type="button" aria-describedby={nameId} disabled={!!readOnly} title={readOnly ?? undefined} onClick={() => void setStatus(c, 'closed')}>
              Close
            </button>
          ) : (
            <button type="button" aria-describedby={nameId} disabled={!!readOnly} title={readOnly ?? undefined} onClick={() => void setStatus(c, 'open')}>
              Reopen
            </button>
          )}
        </span>
      </li>
    );
  };

  return (
    <Section title="Campaigns" readOnlyReason={readOnly} problem={problem} onDismissProblem={() => setProblem(null)}>
      <div class="ws-add">
        <button type="button" disabled={!!readOnly} title={readOnly ?? undefined} onClick={() => setCreating(true)}>
          New campaign
        </button>
      </div>
      {open.length === 0 ? (
        <p class="muted">No open campaigns.</p>
      ) : (
        <ul class="ws-list" aria-label="Open campaigns">
          {open.map(row)}
        </ul>
      )}
      {closed.length > 0 && (
        <>
          <h3 class="ws-subhead">Closed campaigns</h3>
          <p class="muted small">Hidden from the campaign picker’s list; their leads are kept.</p>
          <ul class="ws-list" aria-label="Closed campaigns">
            {closed.map(row)}
          </ul>
        </>
      )}
      {creating && <NewCampaignDialog state={state} onClose={() => setCreating(false)} />}
      {renaming && <RenameCampaignDialog state={state} campaign={renaming} onClose={() => setRenaming(null)} />}
    </Section>
  );
}

function RenameCampaignDialog(props: { state: AppState; campaign: Campaign; onClose: () => void }) {
  return (
    <CampaignDialog
      title="Rename campaign"
      submitLabel="Save"
      initial={{ name: props.campaign.name, location: props.campaign.location }}
      onSave={async (input) => {
        const outcome = await renameCampaign(props.state, props.campaign.id, input);
        return outcome.ok ? null : outcome.error;
      }}
      onClose={props.onClose}
    />
  );
}
