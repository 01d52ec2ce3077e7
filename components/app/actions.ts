import type { Id } from '../../lib/domain/model';
import type { Filter, FilterType, SortKey } from '../../lib/index/query';
import { UNKNOWN } from '../../lib/index/query';
import type { ViewState } from '../../lib/index/view-state';
import { describeError } from '../../lib/db/errors';
import { ensureWorkspace } from '../../lib/db/mutations/workspace';
import { createCampaign as createCampaignMutation, type NewCampaign } from '../../lib/db/mutations/campaigns';
import { insertDataset } from '../../lib/db/mutations/dataset';
import { loadSettings, loadView, saveView, watchSettings } from '../../lib/platform/storage';
import { takeOpenLead, watchOpenLead } from '../../lib/platform/open-lead';
import type { AppState } from './state';
import { resumeJobs, watchJobs } from '../bulk/actions';

/** Tables whose rows the panel keeps in memory (small: campaigns, folders…). */
const CATALOG_TABLES = ['workspaces', 'users', 'campaigns', 'folders', 'labels', 'attributeDefs'];

/** Opens the workspace, restores the view, and hydrates the lead index. */
export async function boot(state: AppState): Promise<void> {
  performance.mark('leadside:boot');
  try {
    // Everything independent starts at once; the lead index first, as it has the most to read.
    const { workspace, self } = await ensureWorkspace(state.db);
    state.workspace.value = workspace;
    state.self.value = self;
    const hydrated = state.live.start();
    const [settings, view] = await Promise.all([loadSettings(), loadView(), reloadCatalog(state)]);
    watchSettings((s) => (state.settings.value = s));
    state.batch(() => {
      state.settings.value = settings;
      state.view.value = view;
      state.viewLoaded.value = true;
    });
    performance.mark('leadside:view');
    state.db.changes.subscribe((change) => {
      if (change.tables.some((t) => CATALOG_TABLES.includes(t))) void reloadCatalog(state);
    });
    setInterval(() => (state.now.value = Date.now()), 60_000);
    watchJobs(state);
    // Jobs a stopped service worker left half-done are picked up again when the panel opens.
    resumeJobs();
    // A capture card's "Open in side panel" leaves the lead in session storage (DESIGN §7).
    watchOpenLead((leadId) => openLead(state, leadId));
    const captured = await takeOpenLead();
    if (captured) openLead(state, captured);
    await hydrated;
  } catch (error) {
    console.error('Leadside: could not open the workspace', error);
    state.error.value = `Leadside could not open its data. ${describeError(error)}`;
  }
}

/** Shows one lead's profile on the Leads screen. */
export function openLead(state: AppState, leadId: Id): void {
  state.batch(() => {
    state.screen.value = 'leads';
    state.previewId.value = leadId;
  });
}

export async function reloadCatalog(state: AppState): Promise<void> {
  const { db } = state;
  const [workspace, users, campaigns, folders, labels, attributeDefs] = await Promise.all([
    db.workspaces.toCollection().first(),
    db.users.toArray(),
    db.campaigns.toArray(),
    db.folders.toArray(),
    db.labels.toArray(),
    db.attributeDefs.toArray(),
  ]);
  state.batch(() => {
    state.workspace.value = workspace ?? state.workspace.value;
    state.users.value = users;
    state.self.value = users.find((u) => u.isSelf) ?? state.self.value;
    state.campaigns.value = campaigns.sort((a, b) => a.name.localeCompare(b.name));
    state.folders.value = folders;
    state.labels.value = labels.sort((a, b) => a.name.localeCompare(b.name));
    state.attributeDefs.value = attributeDefs;
  });
  state.live.index.setCatalog(
    campaigns.map((c) => c.id),
    folders.map((f) => f.id),
  );
  state.indexRevision.value++;
}

let saveTimer: ReturnType<typeof setTimeout> | null = null;

/** Changes the view and remembers it for the next time the panel opens. */
export function updateView(state: AppState, patch: Partial<ViewState>): void {
  state.view.value = { ...state.view.value, ...patch };
  if (saveTimer) clearTimeout(saveTimer);
  saveTimer = setTimeout(() => {
    saveTimer = null;
    saveView(state.view.value).catch((error: unknown) => console.warn('Leadside: could not save the view', error));
  }, 250);
}

export function setCampaigns(state: AppState, campaignIds: Id[] | null): void {
  updateView(state, { campaignIds: campaignIds && campaignIds.length > 0 ? campaignIds : null });
}

export function toggleCampaign(state: AppState, id: Id): void {
  const current = state.view.value.campaignIds;
  if (current === null) return setCampaigns(state, [id]);
  setCampaigns(state, current.includes(id) ? current.filter((c) => c !== id) : [...current, id]);
}

export function setFolder(state: AppState, folderId: Id | null): void {
  updateView(state, { folderId });
}

export function setSearch(state: AppState, search: string): void {
  updateView(state, { search });
}

/** Clicking the active sort key flips its direction; another key starts newest first. */
export function chooseSort(state: AppState, key: SortKey): void {
  const sort = state.view.value.sort;
  updateView(state, {
    sort: sort.key === key ? { key, dir: sort.dir === 'desc' ? 'asc' : 'desc' } : { key, dir: 'desc' },
  });
}

export function setSortDir(state: AppState, dir: 'asc' | 'desc'): void {
  updateView(state, { sort: { ...state.view.value.sort, dir } });
}

export function newFilter(type: FilterType): Filter {
  switch (type) {
    case 'dateAdded':
      return { type: 'dateAdded' };
    case 'lastActivity':
      return { type: 'lastActivity' };
    case 'source':
      return { type: 'source', values: [] };
    case 'labels':
      return { type: 'labels', mode: 'any', labelIds: [] };
    case 'assigned':
      return { type: 'assigned', value: 'me' };
    case 'location':
      return { type: 'location', text: '' };
    case 'hasAttachment':
      return { type: 'hasAttachment', value: true };
    case 'reachable':
      return { type: 'reachable', channel: 'phone' };
    case 'attribute':
      return { type: 'attribute', key: '', value: '' };
  }
}

export function stageFilter(state: AppState, type: FilterType): void {
  updateView(state, { staged: [...state.view.value.staged, newFilter(type)] });
}

export function editStagedFilter(state: AppState, index: number, filter: Filter): void {
  const staged = state.view.value.staged.slice();
  staged[index] = filter;
  updateView(state, { staged });
}

export function removeStagedFilter(state: AppState, index: number): void {
  updateView(state, { staged: state.view.value.staged.filter((_, i) => i !== index) });
}

/** The Search button: staged filters become the list's filters. */
export function applyFilters(state: AppState): void {
  updateView(state, { applied: structuredClone(state.view.value.staged) });
}

export function toggleSelected(state: AppState, id: Id): void {
  const next = new Set(state.selection.value);
  if (next.has(id)) next.delete(id);
  else next.add(id);
  state.selection.value = next;
}

/** Select all: every lead matching the current search and filters, not only the visible rows. */
export function selectAllMatching(state: AppState): void {
  state.selection.value = new Set(state.results.value.entries.map((e) => e.id));
}

export function clearSelection(state: AppState): void {
  state.selection.value = new Set();
}

async function withBusy(state: AppState, label: string, work: () => Promise<void>): Promise<boolean> {
  state.busy.value = label;
  state.error.value = null;
  try {
    await work();
    return true;
  } catch (error) {
    console.error(`Leadside: ${label} failed`, error);
    state.error.value = describeError(error);
    return false;
  } finally {
    state.busy.value = null;
  }
}

export const SAMPLE_LEADS = 500;

export async function loadSampleData(state: AppState): Promise<boolean> {
  const self = state.self.value;
  if (!self) return false;
  return withBusy(state, 'Loading sample data', async () => {
    // The generator and its name tables load only when asked for.
    const { generateDataset } = await import('../../lib/sample/generate');
    const data = generateDataset({ leads: SAMPLE_LEADS, seed: 20261128, now: Date.now(), selfUserId: self.id });
    await insertDataset({ db: state.db, actorId: self.id }, data, { mutation: 'loadSampleData' });
    state.notice.value = `Loaded ${data.leads?.length ?? 0} sample leads in ${data.campaigns?.length ?? 0} campaigns.`;
  });
}

export async function createCampaign(state: AppState, input: NewCampaign): Promise<boolean> {
  const self = state.self.value;
  if (!self) return false;
  return withBusy(state, 'Creating the campaign', async () => {
    const campaign = await createCampaignMutation({ db: state.db, actorId: self.id }, input);
    state.notice.value = `Campaign “${campaign.name}” created.`;
  });
}

export { UNKNOWN };
