import { monotonicFactory } from 'ulidx';
import type { Candidate, Counter, Id, Lead } from '../domain/model';
import { REF_PREFIX } from '../domain/model';
import type { ChangeSet } from './changes';
import { StorageFullError, isQuotaError } from './errors';
import { Dexie } from 'dexie';
import { writtenTables, type LeadsideDB, type TableName } from './schema';

const ulid = monotonicFactory();

/** A client-generated, time-sortable id (ULID). */
export function newId(now = Date.now()): Id {
  return ulid(now);
}

export interface MutationContext {
  db: LeadsideDB;
  /** The User doing this (the Owner in local mode), recorded in the outbox and activity. */
  actorId: Id;
  /** Injected for tests; defaults to Date.now. */
  now?: () => number;
}

/** What a mutation body gets: the transaction's clock, and a place to say what it changed. */
export interface MutationScope {
  db: LeadsideDB;
  actorId: Id;
  now: number;
  changedLeads(ids: Iterable<Id>): void;
  /** Like changedLeads, with the rows as written (listeners then need not read them again). */
  wroteLeads(rows: readonly Lead[]): void;
  deletedLeads(ids: Iterable<Id>): void;
  changedCandidates(ids: Iterable<Id>): void;
  wroteCandidates(rows: readonly Candidate[]): void;
  deletedCandidates(ids: Iterable<Id>): void;
  /** Reserve `count` consecutive refs ("A-10001"…) inside this transaction. */
  allocateRefs(counter: Counter['name'], count: number): Promise<string[]>;
  /** Record a tombstone so a deletion can be synced. */
  tombstone(table: TableName, id: Id): Promise<void>;
}

/** Up to this many rows travel with a change; past it, listeners re-read by id. */
const MAX_ROWS_IN_CHANGE = 2000;

const FIRST_REF: Record<Counter['name'], number> = { lead: 10001, candidate: 3001, campaign: 101 };

/**
 * Runs one named mutation: its writes and its outbox record commit in one IndexedDB
 * transaction, or nothing does. After the commit, the change is announced (this context's
 * listeners, and the other contexts through lib/platform's change feed).
 */
export async function mutate<T>(
  ctx: MutationContext,
  name: string,
  args: unknown,
  tables: readonly TableName[],
  body: (scope: MutationScope) => Promise<T>,
): Promise<T> {
  const { db, actorId } = ctx;
  const now = (ctx.now ?? Date.now)();
  const leads = new Set<Id>();
  const goneLeads = new Set<Id>();
  const candidates = new Set<Id>();
  const goneCandidates = new Set<Id>();
  const leadRows = new Map<Id, Lead>();
  const candidateRows = new Map<Id, Candidate>();
  const allTables = [...new Set<string>([...tables, 'outbox', 'tombstones', 'counters'])];
  const written = new Set<string>();

  let result: T;
  try {
    result = await db.transaction('rw', allTables, async () => {
      const trans = Dexie.currentTransaction?.idbtrans;
      if (trans) writtenTables.set(trans, written);
      const scope: MutationScope = {
        db,
        actorId,
        now,
        changedLeads: (ids) => {
          for (const id of ids) {
            leads.add(id);
            leadRows.delete(id);
          }
        },
        wroteLeads: (rows) => {
          for (const row of rows) {
            leads.add(row.id);
            leadRows.set(row.id, row);
          }
        },
        deletedLeads: (ids) => addAll(goneLeads, ids),
        changedCandidates: (ids) => {
          for (const id of ids) {
            candidates.add(id);
            candidateRows.delete(id);
          }
        },
        wroteCandidates: (rows) => {
          for (const row of rows) {
            candidates.add(row.id);
            candidateRows.set(row.id, row);
          }
        },
        deletedCandidates: (ids) => addAll(goneCandidates, ids),
        allocateRefs: async (counter, count) => {
          const row = await db.counters.get(counter);
          const start = row?.next ?? FIRST_REF[counter];
          await db.counters.put({ name: counter, next: start + count });
          const refs = new Array<string>(count);
          for (let i = 0; i < count; i++) refs[i] = REF_PREFIX[counter] + String(start + i);
          return refs;
        },
        tombstone: async (table, id) => {
          await db.tombstones.put({ key: `${table}:${id}`, table, id, deletedAt: now, updatedAt: now });
        },
      };
      const value = await body(scope);
      await db.outbox.add({ id: newId(now), mutation: name, args, actorId, at: now, synced: 0 });
      return value;
    });
  } catch (error) {
    if (isQuotaError(error)) throw new StorageFullError(error);
    throw error;
  }

  for (const id of goneLeads) {
    leads.delete(id);
    leadRows.delete(id);
  }
  for (const id of goneCandidates) {
    candidates.delete(id);
    candidateRows.delete(id);
  }
  const change: ChangeSet = {
    mutation: name,
    leads: [...leads],
    deletedLeads: [...goneLeads],
    candidates: [...candidates],
    deletedCandidates: [...goneCandidates],
    // The tables written, not those only read (a bulk move reads folders; it does not change them).
    tables: allTables.filter((t) => written.has(t) && t !== 'outbox' && t !== 'counters' && t !== 'tombstones'),
  };
  if (leadRows.size > 0 && leadRows.size + candidateRows.size <= MAX_ROWS_IN_CHANGE) {
    change.leadRows = [...leadRows.values()];
  }
  if (candidateRows.size > 0 && leadRows.size + candidateRows.size <= MAX_ROWS_IN_CHANGE) {
    change.candidateRows = [...candidateRows.values()];
  }
  db.changes.emit(change);
  return result;
}

function addAll<T>(set: Set<T>, items: Iterable<T>): void {
  for (const item of items) set.add(item);
}
