/**
 * Making a backup (the Data section's "Back up now" and the panel's reminder share it), and
 * the two dates the reminder needs, as signals kept current from storage (any context).
 */
import { signal } from '@preact/signals';
import { exportFileName } from '../../lib/export/fields';
import type { AppState } from '../app/state';
import { createDataWorker, download, request } from './client';
import type { DataResult } from './protocol';
import { backupSnoozeItem, lastBackupItem } from './reminder';

/** undefined: not read yet. */
export const lastBackupAt = signal<number | null | undefined>(undefined);
export const backupSnoozedUntil = signal<number | null | undefined>(undefined);

let watching = false;
export function watchBackupMarks(): void {
  if (watching) return;
  watching = true;
  void lastBackupItem.getValue().then((v) => (lastBackupAt.value = v));
  void backupSnoozeItem.getValue().then((v) => (backupSnoozedUntil.value = v));
  lastBackupItem.watch((v) => (lastBackupAt.value = v));
  backupSnoozeItem.watch((v) => (backupSnoozedUntil.value = v));
}

/** Backs everything up into one downloaded file and records when. */
export async function runBackup(state: AppState, onProgress?: (done: number, total: number) => void): Promise<void> {
  const worker = createDataWorker();
  try {
    const r = await request<Extract<DataResult, { type: 'backup' }>>(worker, { type: 'backup' }, onProgress).result;
    download(r.blob, exportFileName(state.workspace.value?.name ?? 'Workspace', new Date(), 'json' as 'csv', 'backup').replace(/\.csv$/, '.json'));
    const now = Date.now();
    await lastBackupItem.setValue(now);
    lastBackupAt.value = now;
  } finally {
    worker.terminate();
  }
}
