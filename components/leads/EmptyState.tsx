import { can } from '../../lib/domain/permissions';
import { loadSampleData } from '../app/actions';
import type { AppState } from '../app/state';

/** First run: nothing yet. Offer sample data to explore, or a first campaign to start for real. */
export function EmptyState({ state, onNewCampaign }: { state: AppState; onNewCampaign: () => void }) {
  const mayCreate = can(state.actor.value, 'campaign.manage');
  const busy = state.busy.value !== null;
  return (
    <section class="empty" aria-labelledby="empty-title">
      <h2 id="empty-title">Welcome to Leadside</h2>
      <p>Your leads will live here, beside whatever tab you are working in.</p>
      <p class="muted">
        Explore with a realistic sample workspace (campaigns, ~500 leads, labels and messages), or start with your
        first campaign.
      </p>
      <div class="empty-actions">
        <button type="button" class="primary" disabled={busy} onClick={() => void loadSampleData(state)}>
          Load sample data
        </button>
        <button
          type="button"
          disabled={!mayCreate || busy}
          title={mayCreate ? undefined : 'Only owners and managers can create campaigns'}
          onClick={onNewCampaign}
        >
          New campaign
        </button>
      </div>
      {state.busy.value && (
        <p role="status" class="muted">
          {state.busy.value}…
        </p>
      )}
    </section>
  );
}
