import type { Activity, Id, Lead } from '../domain/model';
import { newId, type MutationScope } from '../db/mutate';
import type { TableName } from '../db/schema';
import type { ChunkOutcome, JobKind } from './engine';

/** Every bulk action on leads carries the ids it acts on; the job's cursor walks them. */
export interface BulkParams {
  leadIds: Id[];
}

/** What an action does to one lead: a changed row to write, or why it is skipped. */
export type LeadChange =
  | { lead: Lead; what: string; before: unknown; after: unknown }
  | { skip: string }
  | null;

/**
 * A bulk action over leads: reads each chunk's leads, lets `change` decide per lead, writes the
 * changed rows with one Activity each (tagged with the job, for undo). A lead deleted since the
 * selection was made is skipped and reported, never recreated.
 */
export function leadBulkKind<P extends BulkParams>(spec: {
  kind: string;
  chunkSize?: number;
  tables?: readonly TableName[];
  /** Runs once per chunk before the leads are changed (look up folders, labels, duplicates…). */
  prepare?: (scope: MutationScope, params: P, leads: Lead[]) => Promise<unknown>;
  /** Synchronous on purpose: awaiting once per lead inside the transaction is slow and fragile. */
  change: (lead: Lead, params: P, scope: MutationScope, prepared: unknown) => LeadChange;
}): JobKind<P> {
  return {
    kind: spec.kind,
    chunkSize: spec.chunkSize ?? 1000,
    tables: ['leads', 'activities', ...(spec.tables ?? [])],
    async runChunk(scope, params, from, to, job): Promise<ChunkOutcome> {
      const ids = params.leadIds.slice(from, to);
      const rows = await scope.db.leads.bulkGet(ids);
      const present = rows.filter((l): l is Lead => l !== undefined);
      const prepared = spec.prepare ? await spec.prepare(scope, params, present) : undefined;
      const outcome: ChunkOutcome = { done: 0, skipped: [], failed: [] };
      const changed: Lead[] = [];
      const activities: Activity[] = [];
      for (let i = 0; i < ids.length; i++) {
        const lead = rows[i];
        if (!lead) {
          outcome.skipped.push({ id: ids[i]!, reason: 'Deleted since it was selected' });
          continue;
        }
        const result = spec.change(lead, params, scope, prepared);
        if (result === null) {
          outcome.skipped.push({ id: lead.id, reason: 'Nothing to change' });
        } else if ('skip' in result) {
          outcome.skipped.push({ id: lead.id, reason: result.skip });
        } else {
          changed.push({ ...result.lead, updatedAt: scope.now });
          activities.push({
            id: newId(scope.now),
            at: scope.now,
            actorId: scope.actorId,
            what: result.what,
            leadId: lead.id,
            candidateId: lead.candidateId,
            before: result.before,
            after: result.after,
            jobId: job.id,
            updatedAt: scope.now,
          });
          outcome.done++;
        }
      }
      if (changed.length > 0) {
        await scope.db.leads.bulkPut(changed);
        await scope.db.activities.bulkAdd(activities);
        scope.wroteLeads(changed);
      }
      return outcome;
    },
  };
}
