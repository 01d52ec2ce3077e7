import { useState } from 'preact/hooks';
import type { Job } from '../../lib/domain/model';
import { formatDateTime } from '../../lib/domain/time';
import { isFinished } from '../../lib/jobs/engine';
import type { AppState } from '../app/state';
import { interruptedImports } from '../data/import-runner';
import { Dialog } from '../ui/Dialog';
import { cancel, canUndo, dismiss, retry, undo } from './actions';

/**
 * Running jobs with a progress bar and Cancel; finished ones with their summary, Undo and
 * details until dismissed; and the job history.
 */
export function JobsPanel({ state }: { state: AppState }) {
  const [history, setHistory] = useState(false);
  const jobs = state.jobs.value;
  // An import the closed panel left behind waits for Resume or Stop here (DataNotices); its row
  // keeps status 'paused' whether it waits or runs here, so ask which.
  const waiting = new Set(interruptedImports(jobs).map((j) => j.id));
  const shown = jobs.filter((j) => !state.dismissedJobs.value.has(j.id) && (!isFinished(j) || Date.now() - (j.finishedAt ?? j.updatedAt) < 10 * 60_000)).slice(0, 3);
  if (jobs.length === 0) return null;
  return (
    <section class="jobs" aria-label="Jobs">
      {shown.map((job) => (
        <JobCard key={job.id} state={state} job={job} interrupted={waiting.has(job.id)} />
      ))}
      <button type="button" class="link-button small" onClick={() => setHistory(true)}>
        Recent jobs ({jobs.length})
      </button>
      {history && (
        <Dialog title="Recent jobs" onClose={() => setHistory(false)}>
          <ul class="job-history">
            {jobs.map((job) => (
              <li key={job.id}>
                <strong>{job.label}</strong>
                <span class="muted small">
                  {' '}
                  · {formatDateTime(job.createdAt)} · {statusText(job, waiting.has(job.id))}
                </span>
                <div class="small">{summary(job)}</div>
                <Reasons job={job} />
              </li>
            ))}
          </ul>
          <div class="dialog-actions">
            <button type="button" onClick={() => setHistory(false)}>
              Close
            </button>
          </div>
        </Dialog>
      )}
    </section>
  );
}

function statusText(job: Job, interrupted: boolean): string {
  if (interrupted) return 'interrupted: resume or stop it from the notice above';
  switch (job.status) {
    case 'pending':
      return 'waiting';
    case 'running':
    case 'paused':
      return job.cancelRequested ? 'cancelling…' : 'running';
    case 'done':
      return 'done';
    case 'cancelled':
      return 'cancelled';
    case 'failed':
      return 'stopped';
  }
}

function summary(job: Job): string {
  const { done, skipped, failed } = job.counts;
  return `${done.toLocaleString()} done · ${skipped.toLocaleString()} skipped · ${failed.toLocaleString()} failed · ${job.cursor.toLocaleString()} of ${job.total.toLocaleString()} processed`;
}

function JobCard({ state, job, interrupted }: { state: AppState; job: Job; interrupted: boolean }) {
  const finished = isFinished(job);
  return (
    <div class={`job job-${job.status}`}>
      <div class="job-head">
        <span class="job-label">{job.label}</span>
        <span class="muted small">{statusText(job, interrupted)}</span>
      </div>
      <progress
        max={Math.max(1, job.total)}
        value={job.cursor}
        aria-label={`Progress: ${job.label}`}
        aria-valuetext={`${job.cursor} of ${job.total}`}
      />
      <div class="small" role="status">
        {summary(job)}
      </div>
      {job.status === 'failed' && job.failure && <p class="field-error small">{job.failure}</p>}
      <div class="job-actions">
        {!finished && !interrupted && (
          <button type="button" disabled={job.cancelRequested} onClick={() => void cancel(state, job.id)}>
            Cancel
          </button>
        )}
        {job.status === 'failed' && (
          <button type="button" onClick={() => void retry(state, job.id)}>
            Resume
          </button>
        )}
        {finished && canUndo(job) && (
          <button type="button" onClick={() => void undo(state, job)}>
            Undo
          </button>
        )}
        {finished && (
          <button type="button" class="link-button" onClick={() => dismiss(state, job.id)}>
            Dismiss
          </button>
        )}
      </div>
      {finished && <Reasons job={job} />}
    </div>
  );
}

/** Skipped and failed leads with their reasons, grouped by reason. */
function Reasons({ job }: { job: Job }) {
  if (job.errors.length === 0) return null;
  const byReason = new Map<string, number>();
  for (const e of job.errors) byReason.set(`${e.kind === 'failed' ? 'Failed' : 'Skipped'}: ${e.reason}`, (byReason.get(`${e.kind === 'failed' ? 'Failed' : 'Skipped'}: ${e.reason}`) ?? 0) + 1);
  return (
    <details class="small">
      <summary>Why some were skipped or failed</summary>
      <ul>
        {[...byReason].map(([reason, n]) => (
          <li key={reason}>
            {reason} ({n.toLocaleString()})
          </li>
        ))}
      </ul>
    </details>
  );
}
