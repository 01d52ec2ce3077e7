import { render } from 'preact';
import { effect } from '@preact/signals';
import { App } from '../../components/app/App';
import { boot } from '../../components/app/actions';
import { createAppState } from '../../components/app/state';
import { openDatabase } from '../../lib/platform/database';
import { openOptionsPage } from '../../lib/platform/runtime';
import { panelCandidateItem } from '../../lib/platform/quick-reply-tabs';
import '../../components/styles.css';

const state = createAppState(openDatabase());
render(<App state={state} openOptions={openOptionsPage} />, document.getElementById('app')!);
void boot(state);

// Quick replies in other tabs fill in the candidate shown here when the page itself names nobody.
effect(() => {
  const chat = state.chat.value;
  const leadId = state.previewId.value;
  const shown = chat ? { candidateId: chat.candidateId } : leadId ? { leadId } : null;
  void panelCandidateItem.setValue(shown).catch(() => undefined);
});

if (import.meta.env.MODE !== 'production') {
  // Tests and benchmarks read the panel's live state from here (never in production builds).
  void Promise.all([import('../../lib/db/mutations/leads'), import('../../components/bulk/actions')]).then(
    ([{ moveLeads }, { startBulk }]) => {
      (globalThis as unknown as { __leadside: unknown }).__leadside = { state, moveLeads, startBulk };
    },
  );
}
