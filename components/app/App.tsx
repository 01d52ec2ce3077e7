import { ROLE_LABELS } from '../../lib/domain/permissions';
import { LeadsTab } from '../leads/LeadsTab';
import { ChatView } from '../chat/ChatView';
import { ConversationsScreen } from '../chat/ConversationsScreen';
import { PipelineScreen } from '../pipeline/PipelineScreen';
import { WorkspaceScreen } from '../workspace/WorkspaceScreen';
import { Banner } from '../ui/Banner';
import { DataNotices } from '../data/DataNotices';
import type { AppState } from './state';

const SCREENS = [
  { id: 'leads', label: 'Leads' },
  { id: 'chats', label: 'Chats' },
  { id: 'pipeline', label: 'Pipeline' },
  { id: 'workspace', label: 'Workspace' },
] as const;

export function App({ state, openOptions }: { state: AppState; openOptions: () => void }) {
  const actor = state.actor.value;
  const actingAs = actor && state.self.value && actor.role !== state.self.value.role ? actor.role : null;
  const screen = state.screen.value;
  return (
    <div class="app">
      <header class="app-head">
        <nav class="screens" role="tablist" aria-label="Leadside">
          {SCREENS.map((s) => (
            <button
              key={s.id}
              type="button"
              role="tab"
              id={`tab-${s.id}`}
              aria-selected={screen === s.id}
              aria-controls="screen"
              class={screen === s.id ? 'active' : ''}
              onClick={() => (state.screen.value = s.id)}
            >
              {s.label}
            </button>
          ))}
        </nav>
        {actingAs && <span class="badge">Acting as {ROLE_LABELS[actingAs]}</span>}
        <button type="button" class="icon-button" aria-label="Settings" title="Settings" onClick={openOptions}>
          ⚙
        </button>
      </header>
      <Banner error={state.error} notice={state.notice} />
      <DataNotices state={state} />
      <main id="screen" class="screen" role="tabpanel" aria-labelledby={`tab-${screen}`}>
        {!state.viewLoaded.value ? (
          <p class="muted loading">Opening your workspace…</p>
        ) : screen === 'leads' ? (
          <LeadsTab state={state} />
        ) : screen === 'chats' ? (
          <ConversationsScreen state={state} />
        ) : screen === 'pipeline' ? (
          <PipelineScreen state={state} />
        ) : (
          <WorkspaceScreen state={state} />
        )}
      </main>
      {state.chat.value && <ChatView state={state} />}
    </div>
  );
}
