import { MAX_JOB_ERRORS, type Id, type Job, type JobStatus } from '../domain/model';
import { describeError } from '../db/errors';
import { mutate, newId, type MutationContext, type MutationScope } from '../db/mutate';
import type { TableName } from '../db/schema';

/** What one chunk did: each item is done, skipped (with a reason) or failed (with a reason). */
export interface ChunkOutcome {
  done: number;
  skipped: { id?: Id; reason: string }[];
  failed: { id?: Id; reason: string }[];
}

/**
 * A kind of long operation (DESIGN §2: jobs). `runChunk` does items [from, to) inside the
 * engine's transaction; the engine advances the cursor in that same transaction, so a chunk is
 * applied exactly once however often the runner is stopped and restarted.
 */
export interface JobKind<P = unknown> {
  kind: string;
  chunkSize: number;
  /** Tables the chunk writes or reads (the engine adds jobs, outbox…). */
  tables: readonly TableName[];
  runChunk(scope: MutationScope, params: P, from: number, to: number, job: Job): Promise<ChunkOutcome>;
}

export class JobRegistry {
  private readonly kinds = new Map<string, JobKind<never>>();

  register<P>(kind: JobKind<P>): this {
    this.kinds.set(kind.kind, kind);
    return this;
  }

  get(kind: string): JobKind<unknown> | undefined {
    return this.kinds.get(kind);
  }
}

const TERMINAL: readonly JobStatus[] = ['done', 'cancelled', 'failed'];

export function isFinished(job: Pick<Job, 'status'>): boolean {
  return TERMINAL.includes(job.status);
}

/** Records a new job (status pending); a runner picks it up. */
export async function createJob(
  ctx: MutationContext,
  input: { kind: string; label: string; params: unknown; total: number },
): Promise<Job> {
  return mutate(ctx, 'createJob', input, ['jobs'], async (scope) => {
    const job: Job = {
      id: newId(scope.now),
      kind: input.kind,
      label: input.label,
      params: input.params,
      cursor: 0,
      total: input.total,
      counts: { done: 0, skipped: 0, failed: 0 },
      status: input.total === 0 ? 'done' : 'pending',
      errors: [],
      actorId: scope.actorId,
      createdAt: scope.now,
      ...(input.total === 0 ? { finishedAt: scope.now } : {}),
      updatedAt: scope.now,
    };
    await scope.db.jobs.add(job);
    return job;
  });
}

/** Cancel: the runner stops at the next chunk boundary; what is done stays done. */
export async function cancelJob(ctx: MutationContext, jobId: Id): Promise<void> {
  await mutate(ctx, 'cancelJob', { jobId }, ['jobs'], async (scope) => {
    const job = await scope.db.jobs.get(jobId);
    if (!job || isFinished(job)) return;
    // A job no runner holds (pending, or failed mid-way) ends here; a running one at its next chunk.
    if (job.status === 'pending') {
      await scope.db.jobs.put({ ...job, status: 'cancelled', finishedAt: scope.now, updatedAt: scope.now });
    } else {
      await scope.db.jobs.put({ ...job, cancelRequested: true, updatedAt: scope.now });
    }
  });
}

/** A failed job (e.g. the disk was full) continues from its cursor. */
export async function retryJob(ctx: MutationContext, jobId: Id): Promise<void> {
  await mutate(ctx, 'retryJob', { jobId }, ['jobs'], async (scope) => {
    const job = await scope.db.jobs.get(jobId);
    if (!job || job.status !== 'failed') return;
    const next: Job = { ...job, status: 'running', updatedAt: scope.now };
    delete next.failure;
    delete next.finishedAt;
    await scope.db.jobs.put(next);
  });
}

/** Jobs a runner should (re)start: pending or interrupted while running. */
export async function unfinishedJobs(ctx: Pick<MutationContext, 'db'>): Promise<Job[]> {
  return ctx.db.jobs.where('status').anyOf(['pending', 'running']).toArray();
}

export interface RunOptions {
  /** Checked between chunks: true stops the runner (the job stays resumable). */
  shouldStop?: () => boolean;
  /** Called (and awaited) after every chunk with the job as committed. */
  onChunk?: (job: Job) => void | Promise<void>;
}

/**
 * Runs a job chunk by chunk until it is done, cancelled, fails, or `shouldStop` says so. Each
 * chunk's writes, its outbox record and the cursor advance commit in one transaction; a chunk
 * that throws rolls back whole and leaves the job 'failed' at the same cursor, with the reason.
 */
export async function runJob(
  ctx: MutationContext,
  registry: JobRegistry,
  jobId: Id,
  options: RunOptions = {},
): Promise<Job | undefined> {
  const { db } = ctx;
  for (;;) {
    const job = await db.jobs.get(jobId);
    if (!job || isFinished(job)) return job;
    const kind = registry.get(job.kind);
    if (!kind) return finishWith(ctx, jobId, 'failed', `Leadside does not know how to run “${job.kind}” jobs.`);
    if (job.cancelRequested) return finishWith(ctx, jobId, 'cancelled');
    const from = job.cursor;
    const to = Math.min(job.total, from + kind.chunkSize);
    try {
      await mutate(
        ctx,
        `job.${job.kind}`,
        { jobId, from, to },
        [...kind.tables, 'jobs'],
        async (scope) => {
          const current = await scope.db.jobs.get(jobId);
          // Another runner got here first, or Cancel arrived: this chunk is not ours to do.
          if (!current || current.cursor !== from || isFinished(current) || current.cancelRequested) return;
          const outcome = from < to ? await kind.runChunk(scope, current.params, from, to, current) : empty();
          const errors = current.errors.slice();
          for (const s of outcome.skipped) if (errors.length < MAX_JOB_ERRORS) errors.push({ ...s, kind: 'skipped' });
          for (const f of outcome.failed) if (errors.length < MAX_JOB_ERRORS) errors.push({ ...f, kind: 'failed' });
          const finished = to >= current.total;
          await scope.db.jobs.put({
            ...current,
            cursor: to,
            counts: {
              done: current.counts.done + outcome.done,
              skipped: current.counts.skipped + outcome.skipped.length,
              failed: current.counts.failed + outcome.failed.length,
            },
            errors,
            status: finished ? 'done' : 'running',
            ...(finished ? { finishedAt: scope.now } : {}),
            updatedAt: scope.now,
          });
        },
      );
    } catch (error) {
      console.error(`Leadside: job ${jobId} stopped`, error);
      return finishWith(ctx, jobId, 'failed', describeError(error));
    }
    const committed = await db.jobs.get(jobId);
    if (committed) await options.onChunk?.(committed);
    if (options.shouldStop?.()) return committed;
  }
}

function empty(): ChunkOutcome {
  return { done: 0, skipped: [], failed: [] };
}

async function finishWith(
  ctx: MutationContext,
  jobId: Id,
  status: 'failed' | 'cancelled',
  failure?: string,
): Promise<Job | undefined> {
  return mutate(ctx, status === 'failed' ? 'failJob' : 'cancelJob', { jobId, failure }, ['jobs'], async (scope) => {
    const job = await scope.db.jobs.get(jobId);
    if (!job || isFinished(job)) return job;
    const next: Job = { ...job, status, updatedAt: scope.now };
    // A failed job keeps no finishedAt: it can be retried from its cursor.
    if (status === 'cancelled') next.finishedAt = scope.now;
    if (failure) next.failure = failure;
    delete next.cancelRequested;
    await scope.db.jobs.put(next);
    return next;
  });
}
