import type { Id, Job } from '../../lib/domain/model';
import { can } from '../../lib/domain/permissions';
import { describeError } from '../../lib/db/errors';
import { cancelJob, createJob, retryJob } from '../../lib/jobs/engine';
import { isUndoable, undoParams } from '../../lib/jobs/undo';
import { requestJobRun } from '../../lib/platform/job-runner';
import type { AppState } from '../app/state';

const RECENT_JOBS = 30;

export type BulkKind =
  | 'moveToFolder'
  | 'moveToCampaign'
  | 'createApplication'
  | 'addLabel'
  | 'removeLabel'
  | 'assign'
  | 'deleteLeads';

/** Reads the recent jobs, then keeps them current whenever a job row changes anywhere. */
export function watchJobs(state: AppState): void {
  const load = async () => {
    // Job ids are ULIDs: primary-key order is creation order.
    state.jobs.value = await state.db.jobs.reverse().limit(RECENT_JOBS).toArray();
  };
  state.db.changes.subscribe((change) => {
    if (change.tables.includes('jobs')) void load();
  });
  void load();
}

/** When the panel opens, jobs a stopped service worker left unfinished are picked up again. */
export function resumeJobs(): void {
  requestJobRun().catch((error: unknown) => console.warn('Leadside: could not reach the job runner', error));
}

/**
 * Starts a bulk action on the current selection as a job the service worker runs. The
 * permission is checked here (and by the buttons); the selection is cleared so the bulk bar is
 * ready for the next one.
 */
export async function startBulk(
  state: AppState,
  kind: BulkKind,
  label: string,
  params: Record<string, unknown>,
): Promise<Job | null> {
  const actor = state.actor.value;
  const self = state.self.value;
  if (!actor || !self) return null;
  if (!can(actor, 'bulk.run') || (kind === 'deleteLeads' && !can(actor, 'lead.delete'))) {
    state.error.value = 'Your role does not allow this action.';
    return null;
  }
  const leadIds = [...state.selection.value].filter((id) => state.live.index.get(id) !== undefined);
  try {
    const job = await createJob({ db: state.db, actorId: self.id }, { kind, label, params: { ...params, leadIds }, total: leadIds.length });
    state.selection.value = new Set();
    resumeJobs();
    return job;
  } catch (error) {
    state.error.value = describeError(error);
    return null;
  }
}

export async function cancel(state: AppState, jobId: Id): Promise<void> {
  const self = state.self.value;
  if (!self) return;
  try {
    await cancelJob({ db: state.db, actorId: self.id }, jobId);
  } catch (error) {
    state.error.value = describeError(error);
  }
}

export async function retry(state: AppState, jobId: Id): Promise<void> {
  const self = state.self.value;
  if (!self) return;
  try {
    await retryJob({ db: state.db, actorId: self.id }, jobId);
    resumeJobs();
  } catch (error) {
    state.error.value = describeError(error);
  }
}

export function canUndo(job: Job): boolean {
  return isUndoable(job.kind) && job.counts.done > 0 && (job.status === 'done' || job.status === 'cancelled');
}

/** Undo: a job of its own that restores exactly what `job` changed. */
export async function undo(state: AppState, job: Job): Promise<Job | null> {
  const self = state.self.value;
  if (!self) return null;
  try {
    const params = await undoParams(state.db, job.id, job.kind);
    const created = await createJob(
      { db: state.db, actorId: self.id },
      { kind: 'undo', label: `Undo: ${job.label}`, params, total: params.activityIds.length },
    );
    resumeJobs();
    return created;
  } catch (error) {
    state.error.value = describeError(error);
    return null;
  }
}

export function dismiss(state: AppState, jobId: Id): void {
  state.dismissedJobs.value = new Set([...state.dismissedJobs.value, jobId]);
}
