/**
 * Backup and restore of the whole database (every table; attachment Blobs included) with
 * dexie-export-import. A restore never touches the live database until the file has been read
 * completely into a separate staging database and checked (ours, not from a newer schema, every
 * table's row count as announced); the swap then clears and refills every table in ONE
 * transaction, so a failure leaves the current data exactly as it was.
 */
import type { Dexie } from 'dexie';
import { exportDB, importInto, peakImportFile } from 'dexie-export-import';
import type { LeadsideDB } from '../db/schema';
import { DB_NAME } from '../db/schema';

export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

export interface BackupSummary {
  databaseVersion: number;
  tables: { name: string; rowCount: number }[];
  /** Rows in all tables. */
  total: number;
}

interface Meta {
  formatName?: unknown;
  formatVersion?: unknown;
  data?: { databaseName?: unknown; databaseVersion?: unknown; tables?: unknown };
}

/** Checks a backup's header (what `peakImportFile` returns) against this database. Pure. */
export function checkBackupMeta(meta: unknown, ourVersion: number, ourName: string = DB_NAME): BackupSummary {
  const m = (meta ?? {}) as Meta;
  if (m.formatName !== 'dexie' || !m.data || m.data.databaseName !== ourName || !Array.isArray(m.data.tables)) {
    throw new BackupError('This file is not a Leadside backup.');
  }
  const version = Number(m.data.databaseVersion);
  if (!Number.isFinite(version)) throw new BackupError('This file is not a Leadside backup.');
  if (version > ourVersion) {
    throw new BackupError(`This backup comes from a newer version of Leadside (database version ${version}; this one has ${ourVersion}). Update Leadside, then restore it.`);
  }
  const tables = (m.data.tables as { name?: unknown; rowCount?: unknown }[]).map((t) => ({ name: String(t.name), rowCount: Number(t.rowCount) || 0 }));
  if (!tables.some((t) => t.name === 'leads') || !tables.some((t) => t.name === 'candidates')) {
    throw new BackupError('This file is not a Leadside backup (it has no leads or candidates).');
  }
  return { databaseVersion: version, tables, total: tables.reduce((s, t) => s + t.rowCount, 0) };
}

/** The tail of a complete export: the JSON document closes. A cut-off file does not. */
export function looksComplete(tail: string): boolean {
  return /\}\s*$/.test(tail);
}

/** Backs up everything into one Blob (JSON, Blobs encoded inside). */
export function makeBackup(db: Dexie, onProgress?: (done: number, total: number) => void): Promise<Blob> {
  return exportDB(db, {
    numRowsPerChunk: 1000,
    progressCallback: (p) => {
      onProgress?.(p.completedRows, p.totalRows ?? 0);
      return true;
    },
  });
}

/** Reads a file's header and checks it, without touching any database. */
export async function inspectBackup(file: Blob, ourVersion: number, ourName: string = DB_NAME): Promise<BackupSummary> {
  if (file.size === 0) throw new BackupError('The file is empty.');
  const tail = await file.slice(Math.max(0, file.size - 64)).text();
  let meta: unknown;
  try {
    meta = await peakImportFile(file);
  } catch {
    throw new BackupError('This file is not a Leadside backup (it could not be read as one).');
  }
  const summary = checkBackupMeta(meta, ourVersion, ourName);
  if (!looksComplete(tail)) throw new BackupError('This backup is incomplete (the file was cut off). Nothing was changed.');
  return summary;
}

export interface RestoreIo {
  /** A fresh database for staging the restore (its name must not be the live one's). */
  openStaging: () => LeadsideDB;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Replaces every table of `db` with the backup's content. Stages first; on any problem the
 * live database is untouched and a BackupError says why.
 */
export async function restoreBackup(db: LeadsideDB, file: Blob, io: RestoreIo): Promise<BackupSummary> {
  const summary = await inspectBackup(file, db.verno, db.name);
  const staging = io.openStaging();
  if (staging.name === db.name) throw new Error('The staging database must not be the live one.');
  try {
    await staging.delete();
    await staging.open();
    try {
      await importInto(staging, file, {
        acceptVersionDiff: true,
        acceptNameDiff: true,
        acceptMissingTables: true,
        progressCallback: (p) => {
          io.onProgress?.(p.completedRows, summary.total);
          return true;
        },
      });
    } catch (error) {
      console.warn('Leadside: the backup could not be read', error);
      throw new BackupError('This backup is damaged or incomplete and could not be read. Nothing was changed.');
    }
    const names = db.tables.map((t) => t.name);
    const content = new Map<string, unknown[]>();
    for (const name of names) content.set(name, staging.tables.some((t) => t.name === name) ? await staging.table(name).toArray() : []);
    for (const t of summary.tables) {
      if (names.includes(t.name) && (content.get(t.name)?.length ?? 0) !== t.rowCount) {
        throw new BackupError(`This backup is incomplete: ${t.name} has ${content.get(t.name)?.length ?? 0} of ${t.rowCount} rows. Nothing was changed.`);
      }
    }
    await db.transaction('rw', db.tables, async () => {
      for (const table of db.tables) {
        await table.clear();
        const rows = content.get(table.name) ?? [];
        if (rows.length > 0) await table.bulkAdd(rows);
      }
    });
    return summary;
  } finally {
    staging.close();
    await staging.delete().catch(() => undefined);
  }
}

/** A backup reminder is due when none was made for 30 days (or never, once there is data). */
export const BACKUP_REMINDER_DAYS = 30;

export function backupDue(lastBackupAt: number | null, now: number, hasData: boolean): boolean {
  if (!hasData) return false;
  return lastBackupAt === null || now - lastBackupAt >= BACKUP_REMINDER_DAYS * 86_400_000;
}

/** "Not now" on the panel's reminder hides it for this long. */
export const BACKUP_SNOOZE_DAYS = 7;

export interface ReminderInput {
  lastBackupAt: number | null;
  /** When the workspace was created: with no backup ever, the 30 days count from there. */
  dataSince: number;
  /** Until when "Not now" hides the reminder (epoch ms), or null. */
  snoozedUntil: number | null;
  now: number;
  hasData: boolean;
  /** Whether this person may back up at all (`can(actor, 'data.export')`). */
  mayBackUp: boolean;
}

/**
 * Whether the panel-wide reminder shows: a backup is due (30 days since the last one, or since
 * the workspace began when there was none), this person may make one, and no
 * "Not now" is in force. A snooze from before the last backup does not count (a new backup
 * restarts the 30 days anyway), and a snooze is never longer than BACKUP_SNOOZE_DAYS, so a
 * clock set back cannot hide it for ever.
 */
export function backupReminderShown(r: ReminderInput): boolean {
  // Never backed up: not on day one (the Data section says so), but 30 days after the start.
  if (!r.mayBackUp || !backupDue(r.lastBackupAt ?? r.dataSince, r.now, r.hasData)) return false;
  if (r.snoozedUntil === null) return true;
  const maxSnooze = BACKUP_SNOOZE_DAYS * 86_400_000;
  return !(r.now < r.snoozedUntil && r.snoozedUntil - r.now <= maxSnooze);
}

export function snoozeUntil(now: number): number {
  return now + BACKUP_SNOOZE_DAYS * 86_400_000;
}

export function stagingName(now: number): string {
  return `${DB_NAME}-restore-${now}`;
}
