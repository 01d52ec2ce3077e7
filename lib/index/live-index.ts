import type { Candidate, Id, Lead } from '../domain/model';
import type { ChangeSet } from '../db/changes';
import type { LeadsideDB } from '../db/schema';
import { candidateView, leadEntry, missingCandidate, type CandidateView, type IndexEntry } from './entry';
import { LeadIndex } from './lead-index';
import type { CountryCode } from '../domain/phone';

export interface HydrationProgress {
  loaded: number;
  /** 0 while not known yet. */
  total: number;
  done: boolean;
}

export interface LiveIndexOptions {
  country: () => CountryCode;
  selfId: () => Id;
  /** Rows read per IndexedDB request: small enough that no task runs long. */
  chunkSize?: number;
  /** Newest leads read first, for the first screen. */
  firstPage?: number;
  onProgress?: (progress: HydrationProgress) => void;
  /** Called after every change applied (hydration chunk or committed mutation). */
  onChange?: () => void;
}

/**
 * Keeps a LeadIndex equal to the database: hydrated newest-first in chunks (so the first page
 * of the default view is exact after the first chunk), then kept current from the change feed,
 * re-reading only the leads and candidates a mutation touched.
 */
export class LiveIndex {
  readonly index: LeadIndex;
  private readonly chunkSize: number;
  private readonly firstPage: number;
  private readonly removedWhileLoading = new Set<Id>();
  private hydrating = false;
  private unsubscribe: (() => void) | null = null;
  private pending: Promise<void> = Promise.resolve();
  progress: HydrationProgress = { loaded: 0, total: 0, done: false };

  constructor(
    private readonly db: LeadsideDB,
    private readonly options: LiveIndexOptions,
  ) {
    this.index = new LeadIndex(options.country, () => ({ selfId: options.selfId() }));
    this.chunkSize = options.chunkSize ?? 2000;
    this.firstPage = options.firstPage ?? 200;
  }

  /** Starts following changes, then hydrates. Resolves when every lead is in the index. */
  async start(): Promise<void> {
    this.unsubscribe = this.db.changes.subscribe((change) => {
      // Changes apply in order, one after another.
      this.pending = this.pending.then(() => this.apply(change)).catch((error: unknown) => {
        console.error('Leadside: could not update the lead index', error);
      });
    });
    await this.hydrate();
  }

  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
  }

  /** Waits until every change announced so far is in the index (tests, benchmarks). */
  settled(): Promise<void> {
    return this.pending;
  }

  private async hydrate(): Promise<void> {
    this.hydrating = true;
    const { db } = this;
    // 1. The newest leads, with their candidates: the default view's first screen, at once.
    const newest: Lead[] = await db.leads.orderBy('[addedAt+id]').reverse().limit(this.firstPage).toArray();
    await this.loadLeads(newest, await this.candidateViews(newest.map((l) => l.candidateId)));
    performance.mark('leadside:first-screen');
    // Counting 100k rows takes a while: it runs beside the rest, not before the first screen.
    let total = 0;
    const counted = db.leads.count().then((n) => (total = n));
    // total stays 0 ("not known yet") until the count is in.
    this.report({ loaded: this.index.size, total: total && Math.max(total, this.index.size), done: false });
    this.options.onChange?.();

    // 2. Every candidate and every lead, in primary-key pages (IndexedDB serves those with
    //    getAll, far faster than a cursor), both stores read at once. Lead pages that arrive
    //    before the candidates are done wait; a page is small enough to keep each task short.
    let lastNotified = Date.now();
    const views = new Map<Id, CandidateView>();
    const candidatesDone = this.readPages<Candidate>(db.candidates, (page) => {
      for (const row of page) views.set(row.id, this.index.candidate(row.id) ?? candidateView(row));
    });
    const waiting: Lead[][] = [];
    let candidatesLoaded = false;
    const progress = async (page: Lead[]) => {
      await this.loadLeads(page, views);
      await counted;
      const loaded = this.index.size;
      this.report({ loaded, total: Math.max(total, loaded), done: false });
      // Re-running the view's query on every page would cost more than the loading itself.
      if (Date.now() - lastNotified > 500) {
        lastNotified = Date.now();
        this.options.onChange?.();
      }
    };
    const leadsDone = this.readPages<Lead>(db.leads, async (page) => {
      if (candidatesLoaded) await progress(page);
      else waiting.push(page);
    });
    await candidatesDone;
    candidatesLoaded = true;
    performance.mark('leadside:candidates');
    while (waiting.length > 0) {
      await progress(waiting.shift()!);
      await nextTask();
    }
    await leadsDone;
    while (waiting.length > 0) await progress(waiting.shift()!);
    this.hydrating = false;
    this.removedWhileLoading.clear();
    this.report({ loaded: this.index.size, total: this.index.size, done: true });
    this.options.onChange?.();
  }

  /** Reads a whole table in primary-key pages, handing each page over as it arrives. */
  private async readPages<T extends { id: Id }>(
    table: { where(index: ':id'): { above(key: string): { limit(n: number): { toArray(): Promise<T[]> } } } },
    onPage: (page: T[]) => void | Promise<void>,
  ): Promise<void> {
    for (let after = ''; ; ) {
      const page = await table.where(':id').above(after).limit(this.chunkSize).toArray();
      await onPage(page);
      if (page.length < this.chunkSize) return;
      after = page[page.length - 1]!.id;
    }
  }

  /**
   * Adds the leads not already in the index. Decided after any await: a change applied
   * meanwhile is newer than these rows, so a lead moved or deleted is not loaded over, and a
   * renamed candidate keeps the new name.
   */
  private async loadLeads(leads: Lead[], views: Map<Id, CandidateView>): Promise<void> {
    const fresh = leads.filter((l) => !this.index.get(l.id) && !this.removedWhileLoading.has(l.id));
    const missing = fresh.filter((l) => !views.has(l.candidateId) && !this.index.candidate(l.candidateId));
    if (missing.length > 0) for (const [id, v] of await this.candidateViews(missing.map((l) => l.candidateId))) views.set(id, v);
    const again = fresh.filter((l) => !this.index.get(l.id) && !this.removedWhileLoading.has(l.id));
    this.index.load(
      again.map((l) =>
        leadEntry(l, this.index.candidate(l.candidateId) ?? views.get(l.candidateId) ?? missingCandidate(l.candidateId)),
      ),
    );
  }

  private async candidateViews(ids: Id[]): Promise<Map<Id, CandidateView>> {
    const views = new Map<Id, CandidateView>();
    const missing: Id[] = [];
    for (const id of new Set(ids)) {
      const known = this.index.candidate(id);
      if (known) views.set(id, known);
      else missing.push(id);
    }
    if (missing.length > 0) {
      const rows = await this.db.candidates.bulkGet(missing);
      for (const row of rows) if (row) views.set(row.id, candidateView(row));
    }
    return views;
  }

  private async apply(change: ChangeSet): Promise<void> {
    if (
      change.leads.length + change.deletedLeads.length + change.candidates.length + change.deletedCandidates.length ===
      0
    )
      return;
    // Rows that came with the change need no read; the others are read by id.
    const given = new Map<Id, Lead>((change.leadRows ?? []).map((l) => [l.id, l]));
    const givenCandidates = new Map<Id, Candidate>((change.candidateRows ?? []).map((c) => [c.id, c]));
    const leadIds = change.leads.filter((id) => !given.has(id));
    const candidateIds = change.candidates.filter((id) => !givenCandidates.has(id));
    const [candidates, readLeads]: [(Candidate | undefined)[], (Lead | undefined)[]] = await Promise.all([
      candidateIds.length > 0 ? this.db.candidates.bulkGet(candidateIds) : [],
      leadIds.length > 0 ? this.db.leads.bulkGet(leadIds) : [],
    ]);
    for (const id of change.deletedCandidates) {
      if (this.hydrating) for (const leadId of this.index.leadIdsOfCandidate(id)) this.removedWhileLoading.add(leadId);
      this.index.removeCandidate(id);
    }
    // Candidates too in slices: an import chunk brings 1,000 new people, each folded for search.
    const rows = [...givenCandidates.values(), ...candidates].filter((row): row is Candidate => row !== undefined);
    for (let i = 0; i < rows.length; i += APPLY_SLICE) {
      if (i > 0) await nextTask();
      for (const row of rows.slice(i, i + APPLY_SLICE)) this.index.putCandidate(candidateView(row));
    }
    for (const id of change.deletedLeads) {
      this.index.remove(id);
      if (this.hydrating) this.removedWhileLoading.add(id);
    }
    const present = [...given.values(), ...readLeads.filter((l): l is Lead => l !== undefined)];
    const views = await this.candidateViews(present.map((l) => l.candidateId));
    // A big change (a bulk job's chunk) is applied in slices, letting the panel paint between.
    for (let i = 0; i < present.length; i += APPLY_SLICE) {
      if (i > 0) await nextTask();
      this.index.upsertMany(
        present
          .slice(i, i + APPLY_SLICE)
          .map((lead) => leadEntry(lead, views.get(lead.candidateId) ?? missingCandidate(lead.candidateId))),
      );
    }
    // A lead announced as changed but no longer in the database was deleted meanwhile.
    leadIds.forEach((id, i) => {
      if (!readLeads[i]) this.index.remove(id);
    });
    this.options.onChange?.();
  }

  private report(progress: HydrationProgress): void {
    this.progress = progress;
    this.options.onProgress?.(progress);
  }
}

const APPLY_SLICE = 250;

/**
 * Lets rendering and input in between two pieces of work. `scheduler.yield()` (Chrome 129+)
 * resumes first in line and without setTimeout's 4 ms clamp on nested timers.
 */
function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export type { IndexEntry };
