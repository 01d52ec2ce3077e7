import type { Activity, Id, Lead } from '../domain/model';
import { newId } from '../db/mutate';
import type { LeadsideDB } from '../db/schema';
import type { ChunkOutcome, JobKind } from './engine';

/** Job kinds whose changes Undo can reverse, and the lead fields each one changed. */
const UNDOABLE: Record<string, readonly (keyof Lead)[]> = {
  moveToFolder: ['folderId', 'rejectReason'],
  addLabel: ['labels'],
  removeLabel: ['labels'],
  assign: ['assignedTo'],
  moveToCampaign: ['campaignId'],
};

export function isUndoable(kind: string): boolean {
  return kind in UNDOABLE;
}

export interface UndoParams {
  /** The job being undone. */
  jobId: Id;
  kind: string;
  /** Its activities, in order: one per lead it changed. */
  activityIds: Id[];
}

/** What Undo will walk: every change the job made (read once, when Undo is asked for). */
export async function undoParams(db: LeadsideDB, jobId: Id, kind: string): Promise<UndoParams> {
  const activities = await db.activities.where('jobId').equals(jobId).toArray();
  return { jobId, kind, activityIds: activities.map((a) => a.id) };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * Restores exactly what a job changed: each lead goes back to its `before` values, but only
 * when it still holds the job's `after` values. A lead changed since by someone else (or
 * deleted) is left alone and reported.
 */
export const undoJob: JobKind<UndoParams> = {
  kind: 'undo',
  chunkSize: 500,
  tables: ['leads', 'activities'],
  async runChunk(scope, params, from, to, job): Promise<ChunkOutcome> {
    const outcome: ChunkOutcome = { done: 0, skipped: [], failed: [] };
    const fields = UNDOABLE[params.kind] ?? [];
    const activities = (await scope.db.activities.bulkGet(params.activityIds.slice(from, to))).filter(
      (a): a is Activity => a !== undefined && a.leadId !== undefined,
    );
    const leads = await scope.db.leads.bulkGet(activities.map((a) => a.leadId!));
    const restored: Lead[] = [];
    const log: Activity[] = [];
    activities.forEach((activity, i) => {
      const lead = leads[i];
      const id = activity.leadId!;
      if (!lead) return outcome.skipped.push({ id, reason: 'Deleted since' });
      const after = (activity.after ?? {}) as Record<string, unknown>;
      const before = (activity.before ?? {}) as Record<string, unknown>;
      const current = lead as unknown as Record<string, unknown>;
      if (!fields.every((f) => !(f in after) || same(current[f], after[f]))) {
        return outcome.skipped.push({ id, reason: 'Changed since by someone else' });
      }
      const next = { ...lead } as unknown as Record<string, unknown>;
      for (const f of fields) {
        if (!(f in before)) continue;
        if (before[f] === null || before[f] === undefined) delete next[f];
        else next[f] = before[f];
      }
      restored.push({ ...(next as unknown as Lead), updatedAt: scope.now });
      log.push({
        id: newId(scope.now),
        at: scope.now,
        actorId: scope.actorId,
        what: `${activity.what}.undone`,
        leadId: id,
        candidateId: lead.candidateId,
        before: after,
        after: before,
        jobId: job.id,
        updatedAt: scope.now,
      });
      outcome.done++;
    });
    if (restored.length > 0) {
      await scope.db.leads.bulkPut(restored);
      await scope.db.activities.bulkAdd(log);
      scope.wroteLeads(restored);
    }
    return outcome;
  },
};
