import { batch, computed, signal } from '@preact/signals';
import type { AttributeDef, Campaign, Folder, Id, Job, Label, User, Workspace } from '../../lib/domain/model';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/domain/settings';
import type { LeadsideDB } from '../../lib/db/schema';
import { LiveIndex, type HydrationProgress } from '../../lib/index/live-index';
import { DEFAULT_VIEW, toQuery, type ViewState } from '../../lib/index/view-state';
import { UNKNOWN } from '../../lib/index/query';

/**
 * The side panel's state as signals (STYLE 8). Components read these; the functions in
 * actions.ts change them. Nothing here touches the database by itself.
 */
export function createAppState(db: LeadsideDB) {
  const workspace = signal<Workspace | null>(null);
  const self = signal<User | null>(null);
  const settings = signal<Settings>(DEFAULT_SETTINGS);
  const campaigns = signal<Campaign[]>([]);
  const folders = signal<Folder[]>([]);
  const labels = signal<Label[]>([]);
  const users = signal<User[]>([]);
  const attributeDefs = signal<AttributeDef[]>([]);
  const view = signal<ViewState>(structuredClone(DEFAULT_VIEW));
  const viewLoaded = signal(false);
  /** Bumped when the index changes; results recompute from it. */
  const indexRevision = signal(0);
  const progress = signal<HydrationProgress>({ loaded: 0, total: 0, done: false });
  const selection = signal<ReadonlySet<Id>>(new Set());
  const previewId = signal<Id | null>(null);
  /** Recent jobs (bulk actions…), newest first; kept current from the change feed. */
  const jobs = signal<Job[]>([]);
  /** Finished jobs whose summary the recruiter closed. */
  const dismissedJobs = signal<ReadonlySet<Id>>(new Set());
  /** The panel's top-level screen. */
  const screen = signal<'leads' | 'chats' | 'pipeline' | 'workspace'>('leads');
  /** The chat open in the panel: a candidate (and the lead it was opened from, if any). */
  const chat = signal<{ candidateId: Id; leadId?: Id } | null>(null);
  const error = signal<string | null>(null);
  const notice = signal<string | null>(null);
  const busy = signal<string | null>(null);
  const now = signal(Date.now());

  // Index changes arrive in bursts (a hydration chunk, a bulk move): one re-render per burst.
  let revisionTimer: ReturnType<typeof setTimeout> | null = null;
  const live = new LiveIndex(db, {
    country: () => settings.peek().defaultCountry,
    selfId: () => self.peek()?.id ?? '',
    onProgress: (p) => {
      // Marks for `npm run bench`: first chunk in the index, and every lead in it.
      const before = progress.peek();
      if (p.done) performance.mark('leadside:hydrated');
      else if (p.loaded > 0 && before.loaded === 0) performance.mark('leadside:first-chunk');
      // The panel shows whole percents: re-rendering it for every page would cost more.
      const step = Math.max(1, p.total / 50);
      if (p.done || before.loaded === 0 || p.total !== before.total || p.loaded - before.loaded >= step) {
        progress.value = p;
      }
    },
    onChange: () => {
      revisionTimer ??= setTimeout(() => {
        revisionTimer = null;
        indexRevision.value++;
      }, 16);
    },
  });

  /** You, as the UI should treat you: the dev-only "act as role" applies here. */
  const actor = computed<User | null>(() => {
    const me = self.value;
    if (!me) return null;
    const role = settings.value.actAsRole;
    return role && import.meta.env.MODE !== 'production' ? { ...me, role } : me;
  });

  const campaignById = computed(() => new Map(campaigns.value.map((c) => [c.id, c])));
  const folderById = computed(() => new Map(folders.value.map((f) => [f.id, f])));
  const labelById = computed(() => new Map(labels.value.map((l) => [l.id, l])));
  const userById = computed(() => new Map(users.value.map((u) => [u.id, u])));
  const sortedFolders = computed(() => [...folders.value].sort((a, b) => a.order - b.order));

  const results = computed(() => {
    void indexRevision.value;
    return live.index.query(toQuery(view.value));
  });

  const folderCounts = computed(() => {
    void indexRevision.value;
    return live.index.folderCounts(view.value.campaignIds);
  });

  const unknownCampaignCount = computed(() => {
    void indexRevision.value;
    return live.index.unknownCampaignCount();
  });

  /** Staged filters differ from the ones the list shows: Search has not been pressed. */
  const filtersPending = computed(
    () => JSON.stringify(view.value.staged) !== JSON.stringify(view.value.applied),
  );

  const isEmptyWorkspace = computed(() => {
    void indexRevision.value;
    return progress.value.done && live.index.size === 0 && campaigns.value.length === 0;
  });

  return {
    db,
    live,
    workspace,
    self,
    actor,
    settings,
    campaigns,
    folders,
    sortedFolders,
    labels,
    users,
    attributeDefs,
    campaignById,
    folderById,
    labelById,
    userById,
    view,
    viewLoaded,
    indexRevision,
    progress,
    results,
    folderCounts,
    unknownCampaignCount,
    filtersPending,
    isEmptyWorkspace,
    selection,
    previewId,
    screen,
    chat,
    jobs,
    dismissedJobs,
    error,
    notice,
    busy,
    now,
    batch,
  };
}

export type AppState = ReturnType<typeof createAppState>;

export function campaignName(state: AppState, id: Id): string {
  return state.campaignById.value.get(id)?.name ?? 'Unknown campaign';
}

export function folderName(state: AppState, id: Id): string {
  if (id === UNKNOWN) return 'Unknown';
  return state.folderById.value.get(id)?.name ?? 'Unknown';
}
