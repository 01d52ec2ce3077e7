import type { Candidate, Id, Lead } from '../domain/model';

/**
 * What one committed mutation changed, coarse enough to post between extension contexts and
 * fine enough that the lead index updates only the leads that changed.
 */
export interface ChangeSet {
  /** Leads added or changed. */
  leads: Id[];
  deletedLeads: Id[];
  /** Candidates added or changed (their leads' names, contacts and search keys follow). */
  candidates: Id[];
  deletedCandidates: Id[];
  /** Every table the mutation wrote, for views of small tables (campaigns, folders, labels…). */
  tables: string[];
  /**
   * The rows as written, when the mutation wrote few enough of them: a listener can then apply
   * them without reading IndexedDB again. Ids in `leads`/`candidates` without a row here must
   * be re-read.
   */
  leadRows?: Lead[];
  candidateRows?: Candidate[];
  /** The mutation's name, for logs and tests. */
  mutation: string;
  /** True when the change was committed in another extension context. */
  remote?: boolean;
}

export type ChangeListener = (change: ChangeSet) => void;

/** A tiny synchronous event hub: listeners must not throw into each other. */
export class ChangeHub {
  private readonly listeners = new Set<ChangeListener>();
  /** Set by lib/platform to forward local commits to the other contexts. */
  forward: ((change: ChangeSet) => void) | null = null;

  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(change: ChangeSet): void {
    if (!change.remote) this.forward?.(change);
    for (const listener of this.listeners) {
      try {
        listener(change);
      } catch (error) {
        console.error('Leadside: a change listener failed', error);
      }
    }
  }
}
