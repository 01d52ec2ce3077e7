import { useEffect, useState } from 'preact/hooks';
import { backupReminderShown, BACKUP_SNOOZE_DAYS, snoozeUntil } from '../../lib/backup/backup';
import { can } from '../../lib/domain/permissions';
import { describeLanded, importParams } from '../../lib/import/job';
import type { AppState } from '../app/state';
import { backupSnoozedUntil, lastBackupAt, runBackup, watchBackupMarks } from './backup-run';
import { abandonImport, importRun, interruptedImports, resumeImport } from './import-runner';
import { backupSnoozeItem } from './reminder';

/**
 * Panel-wide notices from the Data section, where the recruiter sees them on any screen: the
 * backup reminder (30 days without a backup, with "Back up now" and "Not now"), and an import
 * the closed panel interrupted (what landed, Resume, Stop here).
 */
export function DataNotices({ state }: { state: AppState }) {
  useEffect(watchBackupMarks, []);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  const actor = state.actor.value;
  const last = lastBackupAt.value;
  const snoozed = backupSnoozedUntil.value;
  // Re-read when the index changes (reading the revision subscribes to it).
  const hasData = state.indexRevision.value >= 0 && state.live.index.size > 0;
  // state.now ticks once a minute (and subscribes this to it); the clock itself is fresher.
  const now = Math.max(state.now.value, Date.now());
  const remind =
    last !== undefined &&
    snoozed !== undefined &&
    !!state.workspace.value &&
    backupReminderShown({ lastBackupAt: last, snoozedUntil: snoozed, dataSince: state.workspace.value.createdAt, now, hasData, mayBackUp: can(actor, 'data.export') });
  const interrupted = interruptedImports(state.jobs.value);
  const running = importRun.value;
  if (!remind && interrupted.length === 0 && !failed) return null;
  const days = last ? Math.floor((now - last) / 86_400_000) : null;

  const backUp = () => {
    setBusy(true);
    setFailed(null);
    runBackup(state)
      .catch((e: unknown) => setFailed(`Backup failed: ${e instanceof Error ? e.message : String(e)}`))
      .finally(() => setBusy(false));
  };

  return (
    <>
      {interrupted.map((job) => (
        <div key={job.id} class="banner banner-notice" role="region" aria-label="Interrupted import">
          <span>
            The import of {importParams(job).fileName} stopped when the panel closed. {describeLanded(job)}
          </span>
          <button type="button" disabled={!!running} onClick={() => resumeImport(state, job.id)}>
            Resume import
          </button>
          <button type="button" disabled={!!running} onClick={() => void abandonImport(state, job.id)}>
            Stop here
          </button>
        </div>
      ))}
      {(remind || failed) && (
        <div class="banner banner-notice" role="region" aria-label="Backup reminder">
          <span>
            {failed ??
              `${days === null ? 'No backup has been made yet.' : `No backup for ${days} days.`} A backup file keeps your leads, messages and attachments safe if this browser loses its data.`}
          </span>
          <button type="button" disabled={busy} onClick={backUp}>
            {busy ? 'Backing up…' : 'Back up now'}
          </button>
          <button
            type="button"
            title={`Remind me again in ${BACKUP_SNOOZE_DAYS} days`}
            disabled={busy}
            onClick={() => {
              const until = snoozeUntil(Date.now());
              backupSnoozedUntil.value = until;
              setFailed(null);
              void backupSnoozeItem.setValue(until);
            }}
          >
            Not now
          </button>
        </div>
      )}
    </>
  );
}
