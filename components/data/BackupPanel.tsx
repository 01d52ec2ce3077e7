import { useEffect, useState } from 'preact/hooks';
import { backupDue, type BackupSummary } from '../../lib/backup/backup';
import type { AppState } from '../app/state';
import { lastBackupAt, runBackup, watchBackupMarks } from './backup-run';
import { createDataWorker, request } from './client';
import type { DataResult } from './protocol';
import { Progress } from './Progress';
import { ConfirmDialog } from '../ui/ConfirmDialog';

type R<T extends DataResult['type']> = Extract<DataResult, { type: T }>;

/** One-file backup of everything, and a restore that checks the file before touching anything. */
export function BackupPanel({ state, reload }: { state: AppState; reload: () => void }) {
  const [busy, setBusy] = useState<string | null>(null);
  const [prog, setProg] = useState({ done: 0, total: 0 });
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState<{ file: File; summary: BackupSummary } | null>(null);
  // Replacing a workspace that has leads asks once more, saying what goes (it cannot be undone).
  const [confirming, setConfirming] = useState(false);
  useEffect(watchBackupMarks, []);
  const last = lastBackupAt.value ?? null;
  const hasData = state.live.index.size > 0;

  const backup = () => {
    setBusy('Backup');
    setMessage(null);
    runBackup(state, (d, t) => setProg({ done: d, total: t }))
      .then(() => setMessage('Backup saved.'))
      .catch((e: unknown) => setMessage(`Backup failed: ${e instanceof Error ? e.message : String(e)}`))
      .finally(() => setBusy(null));
  };

  const inspect = (file: File) => {
    const worker = createDataWorker();
    setMessage(null);
    setPending(null);
    request<R<'inspect'>>(worker, { type: 'inspect', file })
      .result.then((r) => setPending({ file, summary: r.summary }))
      .catch((e: unknown) => setMessage(e instanceof Error ? e.message : String(e)))
      .finally(() => worker.terminate());
  };

  const restore = () => {
    if (!pending) return;
    const worker = createDataWorker();
    setBusy('Restore');
    request<R<'restore'>>(worker, { type: 'restore', file: pending.file }, (d, t) => setProg({ done: d, total: t }))
      .result.then(() => {
        setPending(null);
        setMessage('Restored. Reloading…');
        reload();
      })
      .catch((e: unknown) => setMessage(e instanceof Error ? e.message : String(e)))
      .finally(() => {
        worker.terminate();
        setBusy(null);
      });
  };

  return (
    <div class="data-backup">
      {backupDue(last, state.now.value, hasData) && (
        <p class="notice" role="note">
          {last ? `No backup for ${Math.floor((state.now.value - last) / 86_400_000)} days.` : 'No backup has been made yet.'} Back up now to keep your data safe.
        </p>
      )}
      <p class="muted">{last ? `Last backup: ${new Date(last).toLocaleString()}` : 'Never backed up.'}</p>
      <button type="button" disabled={!!busy} onClick={backup}>
        Back up now
      </button>
      <label>
        Restore from a backup file{' '}
        <input
          type="file"
          accept=".json,application/json"
          disabled={!!busy}
          onChange={(e) => {
            const f = (e.currentTarget).files?.[0];
            if (f) inspect(f);
          }}
        />
      </label>
      {pending && (
        <div class="data-restore" role="group" aria-label="Backup contents">
          <p>This backup holds:</p>
          <ul>
            {pending.summary.tables
              .filter((t) => t.rowCount > 0)
              .map((t) => (
                <li key={t.name}>
                  {t.name}: {t.rowCount.toLocaleString()}
                </li>
              ))}
          </ul>
          <p>{hasData ? 'Restoring replaces everything in this workspace with the backup.' : 'This workspace is empty: the backup fills it.'}</p>
          <button type="button" class={hasData ? 'danger' : 'primary'} disabled={!!busy} onClick={hasData ? () => setConfirming(true) : restore}>
            {hasData ? 'Replace this workspace' : 'Restore'}
          </button>{' '}
          <button type="button" onClick={() => setPending(null)}>
            Cancel
          </button>
        </div>
      )}
      {confirming && pending && (
        <ConfirmDialog
          title="Replace this workspace?"
          confirmLabel="Replace everything"
          danger
          onClose={() => setConfirming(false)}
          onConfirm={() => {
            restore();
            return Promise.resolve(null);
          }}
        >
          <p>
            The {state.live.index.size.toLocaleString()} leads in this workspace, with their candidates, messages, comments, attachments and settings, are
            replaced by the backup's {(pending.summary.tables.find((t) => t.name === 'leads')?.rowCount ?? 0).toLocaleString()} leads. This cannot be
            undone: if anything here is newer than the backup, back up first.
          </p>
        </ConfirmDialog>
      )}
      {busy && <Progress label={busy} done={prog.done} total={prog.total} />}
      {message && <p role="status">{message}</p>}
    </div>
  );
}
