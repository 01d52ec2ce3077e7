import type { Candidate, Id, Lead } from '../domain/model';
import type { ChangeSet } from '../db/changes';
import type { LeadsideDB } from '../db/schema';
import { candidateView, leadEntry, missingCandidate, type CandidateView, type IndexEntry } from './entry';
import { LeadIndex } from './lead-index';
import type { CountryCode } from '../domain/phone';

export interface HydrationProgress {
  loaded: number;
  total: number;
  done: boolean;
}

export interface LiveIndexOptions {
  country: () => CountryCode;
  selfId: () => Id;
  /** Leads read per IndexedDB request: small enough that no task runs long. */
  chunkSize?: number;
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
    this.chunkSize = options.chunkSize ?? 1000;
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
    const total = await this.db.leads.count();
    this.report({ loaded: 0, total, done: false });
    let last: [number, string] | null = null;
    let loaded = 0;
    for (;;) {
      const leads: Lead[] = await (
        last
          ? this.db.leads.where('[addedAt+id]').below(last).reverse()
          : this.db.leads.orderBy('[addedAt+id]').reverse()
      )
        .limit(this.chunkSize)
        .toArray();
      if (leads.length === 0) break;
      const tail: Lead = leads[leads.length - 1]!;
      last = [tail.addedAt, tail.id];
      const isFresh = (l: Lead) => !this.index.get(l.id) && !this.removedWhileLoading.has(l.id);
      const views = await this.candidateViews(leads.filter(isFresh).map((l) => l.candidateId));
      // Changes applied while the candidates were read are newer than this chunk: a lead moved
      // or deleted meanwhile is not loaded over, and a renamed candidate keeps the new name.
      const fresh = leads.filter(isFresh);
      this.index.load(
        fresh.map((l) =>
          leadEntry(l, this.index.candidate(l.candidateId) ?? views.get(l.candidateId) ?? missingCandidate(l.candidateId)),
        ),
      );
      loaded += leads.length;
      this.report({ loaded, total: Math.max(total, loaded), done: false });
      this.options.onChange?.();
      if (leads.length < this.chunkSize) break;
    }
    this.hydrating = false;
    this.removedWhileLoading.clear();
    this.report({ loaded: this.index.size, total: this.index.size, done: true });
    this.options.onChange?.();
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
    const [candidates, leads]: [(Candidate | undefined)[], (Lead | undefined)[]] = await Promise.all([
      this.db.candidates.bulkGet(change.candidates),
      this.db.leads.bulkGet(change.leads),
    ]);
    for (const id of change.deletedCandidates) {
      if (this.hydrating) for (const leadId of this.index.leadIdsOfCandidate(id)) this.removedWhileLoading.add(leadId);
      this.index.removeCandidate(id);
    }
    for (const row of candidates) if (row) this.index.putCandidate(candidateView(row));
    for (const id of change.deletedLeads) {
      this.index.remove(id);
      if (this.hydrating) this.removedWhileLoading.add(id);
    }
    const present = leads.filter((l): l is Lead => l !== undefined);
    const views = await this.candidateViews(present.map((l) => l.candidateId));
    for (const lead of present) {
      this.index.upsert(leadEntry(lead, views.get(lead.candidateId) ?? missingCandidate(lead.candidateId)));
    }
    // A lead announced as changed but no longer in the database was deleted meanwhile.
    change.leads.forEach((id, i) => {
      if (!leads[i]) this.index.remove(id);
    });
    this.options.onChange?.();
  }

  private report(progress: HydrationProgress): void {
    this.progress = progress;
    this.options.onProgress?.(progress);
  }
}

export type { IndexEntry };
