/**
 * The import running in this panel, outside any component: switching screens does not stop it
 * (the worker lives here, not in ImportPanel), and the Data section and the panel-wide notice
 * read the same progress. What survives a closed panel is the Job row (lib/import/job.ts).
 */
import { signal } from '@preact/signals';
import type { Job } from '../../lib/domain/model';
import { isInterrupted } from '../../lib/import/job';
import type { AppState } from '../app/state';
import { createDataWorker, request, TaskCancelled } from './client';
import type { DataRequest, DataResult, ImportSummary } from './protocol';

type R<T extends DataResult['type']> = Extract<DataResult, { type: T }>;

export interface ImportRun {
  /** The job, once the worker has created it. */
  jobId: string | null;
  done: number;
  total: number;
  cancel(): void;
}

export const importRun = signal<ImportRun | null>(null);
export const importOutcome = signal<{ summary: ImportSummary } | { error: string } | null>(null);

/** Runs an import or a resume on `worker` (terminated at the end); one at a time per panel. */
export function runImport(worker: Worker, req: Extract<DataRequest, { type: 'import' | 'resume' }>): void {
  if (importRun.value) return;
  importOutcome.value = null;
  const t = request<R<'import'>>(worker, req, (done, total, jobId) => {
    importRun.value = { ...(importRun.value ?? { cancel: () => t.cancel() }), done, total, jobId: jobId ?? importRun.value?.jobId ?? null };
  });
  importRun.value = { jobId: req.type === 'resume' ? req.jobId : null, done: 0, total: 0, cancel: () => t.cancel() };
  t.result
    .then((r) => (importOutcome.value = { summary: r.summary }))
    .catch((e: unknown) => (importOutcome.value = { error: e instanceof TaskCancelled ? 'Import cancelled.' : `Import failed: ${e instanceof Error ? e.message : String(e)}` }))
    .finally(() => {
      worker.terminate();
      importRun.value = null;
    });
}

export function resumeImport(state: AppState, jobId: string): void {
  runImport(createDataWorker(), { type: 'resume', jobId, actorId: state.self.value?.id ?? '' });
}

/** "Stop here": the interrupted import ends as it is; what landed stays. */
export async function abandonImport(state: AppState, jobId: string): Promise<void> {
  const worker = createDataWorker();
  try {
    await request<R<'abandon'>>(worker, { type: 'abandon', jobId, actorId: state.self.value?.id ?? '' }).result;
  } catch (e) {
    state.error.value = e instanceof Error ? e.message : String(e);
  } finally {
    worker.terminate();
  }
}

/** Imports the closed panel interrupted (not the one running here). */
export function interruptedImports(jobs: readonly Job[]): Job[] {
  const run = importRun.value;
  // Until the worker names its job, the new job row looks interrupted: show none meanwhile.
  if (run && run.jobId === null) return [];
  return jobs.filter((j) => isInterrupted(j) && j.id !== run?.jobId);
}
