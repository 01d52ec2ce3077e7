/**
 * An import as a Job row (DESIGN §2): the prepared rows are cut into chunks; each chunk's rows
 * and the job's cursor commit in one transaction (lib/import/write.ts). The job is run by the
 * side panel's data worker, never by the service worker (which has no Worker for parsing and
 * cannot read the file): it keeps the status 'paused' while not done — the service worker's
 * runner only takes 'pending' and 'running' jobs — and a closed panel leaves it there, at a
 * chunk boundary, for the panel to offer Resume. Resuming re-reads the stored file and
 * re-prepares the rows (deterministic: same file, mapping and settings give the same rows),
 * then continues at the cursor.
 */
import type { Placement } from '../db/mutations/candidates';
import { mutate, newId, type MutationContext } from '../db/mutate';
import { MAX_JOB_ERRORS, type Id, type Job } from '../domain/model';
import type { CountryCode } from '../domain/phone';
import { isFinished } from '../jobs/engine';
import type { Target } from './columns';
import type { ParsedFile } from './parse';
import { personKeys, prepareRow, type ImportRecord } from './rows';
import { ChunkAlreadyDone, importChunk, type DuplicatePolicy, type ImportProgress } from './write';

export const IMPORT_JOB_KIND = 'import';
export const IMPORT_CHUNK = 1000;

export interface ImportSettings {
  mapping: Target[];
  policy: DuplicatePolicy;
  country: CountryCode;
  placement: Placement;
}

export interface ImportJobParams extends ImportSettings, ImportProgress {
  /** The staged file (lib/import/files.ts). */
  fileId: Id;
  fileName: string;
  rowsInFile: number;
  /** Rows refused before writing (errors, in-file duplicates with "skip"). */
  refused: number;
}

export interface Skip {
  line: number;
  reason: string;
}

export interface ImportPlan {
  records: ImportRecord[];
  /** Refused before writing, with reasons, in line order. */
  refused: Skip[];
}

/** The rows to write and the rows refused, from a parsed file. Pure and deterministic. */
export function planImport(file: ParsedFile, settings: Pick<ImportSettings, 'mapping' | 'policy' | 'country'>): ImportPlan {
  const refused: Skip[] = [];
  let records: ImportRecord[] = [];
  for (let i = 0; i < file.rows.length; i++) {
    const p = prepareRow(file.rows[i]!, settings.mapping, i + 2, settings.country);
    if (p.ok) records.push(p.record);
    else refused.push({ line: p.line, reason: p.reason });
  }
  // Duplicates inside the file with "skip": only the first of each person is kept. (With
  // "attach", a later row finds the earlier one in the database: the chunks are in file order.)
  if (settings.policy === 'skip') {
    const seen = new Map<string, number>();
    const kept: ImportRecord[] = [];
    for (const r of records) {
      const keys = personKeys(r.candidate);
      const first = keys.map((k) => seen.get(k)).find((l) => l !== undefined);
      if (first !== undefined) {
        refused.push({ line: r.line, reason: `Duplicate of line ${first} in the file` });
        continue;
      }
      for (const k of keys) seen.set(k, r.line);
      kept.push(r);
    }
    records = kept;
    refused.sort((a, b) => a.line - b.line);
  }
  return { records, refused };
}

export function isImportJob(job: Pick<Job, 'kind'>): boolean {
  return job.kind === IMPORT_JOB_KIND;
}

/** An import no runner holds: the panel closed (or its worker stopped) before it finished. */
export function isInterrupted(job: Job): boolean {
  return isImportJob(job) && !isFinished(job);
}

export function importParams(job: Job): ImportJobParams {
  return job.params as ImportJobParams;
}

export async function createImportJob(
  ctx: MutationContext,
  input: { settings: ImportSettings; fileId: Id; fileName: string; rowsInFile: number; plan: ImportPlan; campaignName: string },
): Promise<Job> {
  const { plan } = input;
  const params: ImportJobParams = {
    ...input.settings,
    fileId: input.fileId,
    fileName: input.fileName,
    rowsInFile: input.rowsInFile,
    refused: plan.refused.length,
    created: 0,
    attached: 0,
  };
  // Written here, not through createJob: a 'pending' row, even for a moment, could be taken by
  // the service worker's runner, which cannot run imports. 'paused' is left alone by it.
  return mutate(ctx, 'createJob', { kind: IMPORT_JOB_KIND, total: plan.records.length }, ['jobs'], async (scope) => {
    const done = plan.records.length === 0;
    const job: Job = {
      id: newId(scope.now),
      kind: IMPORT_JOB_KIND,
      label: `Import ${input.fileName} (${input.rowsInFile.toLocaleString('en-US')} rows) into ${input.campaignName}`,
      params,
      cursor: 0,
      total: plan.records.length,
      counts: { done: 0, skipped: plan.refused.length, failed: 0 },
      status: done ? 'done' : 'paused',
      errors: plan.refused.slice(0, MAX_JOB_ERRORS).map((s) => ({ id: String(s.line), reason: s.reason, kind: 'skipped' as const })),
      actorId: scope.actorId,
      createdAt: scope.now,
      ...(done ? { finishedAt: scope.now } : {}),
      updatedAt: scope.now,
    };
    await scope.db.jobs.add(job);
    return job;
  });
}

export interface RunImportOptions {
  /** Checked between chunks (the worker's Cancel); the job's own cancelRequested is too. */
  isCancelled?: () => boolean;
  onProgress?: (done: number, total: number) => void;
  chunkSize?: number;
}

/**
 * Writes the job's remaining chunks, from its cursor. Returns the job as it ended: done,
 * cancelled, or still paused (another runner took over, or a chunk failed — then `failure`
 * says why and Resume continues at the same cursor).
 */
export async function runImportJob(ctx: MutationContext, jobId: Id, records: readonly ImportRecord[], options: RunImportOptions = {}): Promise<Job> {
  const size = options.chunkSize ?? IMPORT_CHUNK;
  for (;;) {
    const job = await ctx.db.jobs.get(jobId);
    if (!job) throw new Error('The import job is gone.');
    if (isFinished(job)) return job;
    if (records.length !== job.total) throw new Error('The stored file no longer gives the rows this import started with.');
    if (job.cancelRequested || options.isCancelled?.()) return endImport(ctx, jobId, 'cancelled');
    const p = importParams(job);
    const from = job.cursor;
    try {
      await importChunk(ctx, records.slice(from, from + size), p.placement, p.policy, { id: jobId, from });
    } catch (error) {
      if (error instanceof ChunkAlreadyDone) return (await ctx.db.jobs.get(jobId))!;
      await mutate(ctx, 'failImportChunk', { jobId }, ['jobs'], async (scope) => {
        const row = await scope.db.jobs.get(jobId);
        if (row && !isFinished(row)) await scope.db.jobs.put({ ...row, failure: error instanceof Error ? error.message : String(error), updatedAt: scope.now });
      });
      throw error;
    }
    options.onProgress?.(Math.min(job.total, from + size), job.total);
  }
}

/** Ends an import where it is: what landed stays (Cancel, or "Stop here" after an interruption). */
export async function endImport(ctx: MutationContext, jobId: Id, status: 'cancelled'): Promise<Job> {
  return mutate(ctx, 'endImportJob', { jobId, status }, ['jobs'], async (scope) => {
    const row = await scope.db.jobs.get(jobId);
    if (!row) throw new Error('The import job is gone.');
    if (isFinished(row)) return row;
    const next: Job = { ...row, status, finishedAt: scope.now, updatedAt: scope.now };
    delete next.cancelRequested;
    await scope.db.jobs.put(next);
    return next;
  });
}

/** What landed, in words ("1,500 of 4,000 rows are in: …"). */
export function describeLanded(job: Job): string {
  const p = importParams(job);
  const n = (x: number) => x.toLocaleString('en-US');
  return `${n(job.cursor)} of ${n(job.total)} rows are in Leadside (${n(p.created)} new candidates, ${n(p.attached)} applications added to existing candidates); ${n(job.total - job.cursor)} not yet imported.`;
}

/**
 * Skip reasons for the report, every one: refused before writing (the plan) and skipped by the
 * database check (kept whole in the job's params; older jobs have only job.errors, which stops
 * at MAX_JOB_ERRORS).
 */
export function skippedRows(plan: ImportPlan, job: Job): Skip[] {
  const refusedLines = new Set(plan.refused.map((s) => s.line));
  const groups = importParams(job).skippedInDb;
  const fromChunks = groups
    ? groups.flatMap((g) => g.lines.map((line) => ({ line, reason: g.reason })))
    : job.errors
        .filter((e) => e.kind === 'skipped' && e.id !== undefined && !refusedLines.has(Number(e.id)))
        .map((e) => ({ line: Number(e.id), reason: e.reason }));
  return [...plan.refused, ...fromChunks].sort((a, b) => a.line - b.line);
}
