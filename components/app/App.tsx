import { ROLE_LABELS } from '../../lib/domain/permissions';
import { LeadsTab } from '../leads/LeadsTab';
import { Banner } from '../ui/Banner';
import type { AppState } from './state';

export function App({ state, openOptions }: { state: AppState; openOptions: () => void }) {
  const actor = state.actor.value;
  const actingAs = actor && state.self.value && actor.role !== state.self.value.role ? actor.role : null;
  return (
    <div class="app">
      <header class="app-head">
        <h1>Leads</h1>
        {actingAs && <span class="badge">Acting as {ROLE_LABELS[actingAs]}</span>}
        <button type="button" class="icon-button" aria-label="Settings" title="Settings" onClick={openOptions}>
          ⚙
        </button>
      </header>
      <Banner error={state.error} notice={state.notice} />
      {state.viewLoaded.value ? <LeadsTab state={state} /> : <p class="muted loading">Opening your workspace…</p>}
    </div>
  );
}
