import { useState } from 'preact/hooks';
import { can } from '../../lib/domain/permissions';
import { clearSelection, selectAllMatching, setSearch } from '../app/actions';
import type { AppState } from '../app/state';
import { BulkBar } from './BulkBar';
import { JobsPanel } from '../bulk/JobsPanel';
import { CampaignPicker } from './CampaignPicker';
import { EmptyState } from './EmptyState';
import { FilterBar } from './FilterBar';
import { FolderSelect } from './FolderSelect';
import { LeadList } from './LeadList';
import { Profile } from '../profile/Profile';
import { AddCandidateDialog } from './AddCandidateDialog';
import { NewCampaignDialog } from './NewCampaignDialog';
import { SortControls } from './SortControls';

export function LeadsTab({ state }: { state: AppState }) {
  const [newCampaign, setNewCampaign] = useState(false);
  const [addCandidate, setAddCandidate] = useState(false);
  const { total } = state.results.value;
  const progress = state.progress.value;
  const selectedCount = state.selection.value.size;
  const allSelected = total > 0 && selectedCount >= total && state.results.value.entries.every((e) => state.selection.value.has(e.id));
  const mayCreate = can(state.actor.value, 'campaign.manage');

  if (state.isEmptyWorkspace.value) {
    return (
      <>
        <EmptyState state={state} onNewCampaign={() => setNewCampaign(true)} />
        {newCampaign && <NewCampaignDialog state={state} onClose={() => setNewCampaign(false)} />}
      </>
    );
  }

  return (
    <div class="leads">
      <div class="toolbar">
        <CampaignPicker state={state} />
        <button
          type="button"
          class="icon-button"
          aria-label="New campaign"
          title={mayCreate ? 'New campaign' : 'Only owners and managers can create campaigns'}
          disabled={!mayCreate}
          onClick={() => setNewCampaign(true)}
        >
          +
        </button>
        <button type="button" onClick={() => setAddCandidate(true)}>
          Add candidate
        </button>
      </div>
      <div class="toolbar">
        <FolderSelect state={state} />
      </div>
      <input
        type="search"
        class="search"
        aria-label="Search candidates"
        placeholder="Search name, email, phone, ID…"
        value={state.view.value.search}
        onInput={(e) => setSearch(state, e.currentTarget.value)}
      />
      <FilterBar state={state} />
      <div class="list-head">
        <label class="check">
          <input
            type="checkbox"
            aria-label="Select all"
            checked={allSelected}
            disabled={total === 0}
            onChange={() => (allSelected ? clearSelection(state) : selectAllMatching(state))}
          />
        </label>
        <span class="count" role="status" aria-live="polite">
          {total.toLocaleString()} {total === 1 ? 'lead' : 'leads'}
          {!progress.done && (
            <span class="muted">
              {' '}
              (loading{progress.total > 0 ? ` ${Math.round((100 * progress.loaded) / progress.total)}%` : '…'})
            </span>
          )}
        </span>
        <SortControls state={state} />
      </div>
      <JobsPanel state={state} />
      <BulkBar state={state} />
      {total === 0 && progress.done ? (
        <p class="no-results">No leads match. Try another search, folder or filter.</p>
      ) : (
        <LeadList state={state} />
      )}
      <Profile state={state} />
      {addCandidate && <AddCandidateDialog state={state} onClose={() => setAddCandidate(false)} />}
      {newCampaign && <NewCampaignDialog state={state} onClose={() => setNewCampaign(false)} />}
    </div>
  );
}
