import { describe, expect, it, vi } from 'vitest';

// dexie-export-import reads `self` when it loads (it is written for pages and workers).
vi.hoisted(() => {
  (globalThis as { self?: unknown }).self ??= globalThis;
  // Node has no FileReader: a small one, enough for dexie-export-import (binary strings, bytes, text).
  class NodeFileReader extends EventTarget {
    result: string | ArrayBuffer | null = null;
    error: unknown = null;
    onload: ((e: Event) => void) | null = null;
    onerror: ((e: Event) => void) | null = null;
    private read(blob: Blob, as: (b: ArrayBuffer) => string | ArrayBuffer) {
      blob.arrayBuffer().then(
        (buf) => {
          this.result = as(buf);
          const e = new Event('load');
          this.dispatchEvent(e);
          this.onload?.(e);
        },
        (error: unknown) => {
          this.error = error;
          const e = new Event('error');
          this.dispatchEvent(e);
          this.onerror?.(e);
        },
      );
    }
    readAsArrayBuffer(blob: Blob) {
      this.read(blob, (b) => b);
    }
    readAsText(blob: Blob) {
      this.read(blob, (b) => new TextDecoder().decode(b));
    }
    readAsBinaryString(blob: Blob) {
      this.read(blob, (b) => Buffer.from(b).toString('latin1'));
    }
  }
  (globalThis as { FileReader?: unknown }).FileReader ??= NodeFileReader;
});
import { LeadsideDB } from '../db/schema';
import { makeAttachment, makeCandidate, makeDb, makeLead, makeMessage } from '../../tests/factories';
import { BACKUP_SNOOZE_DAYS, BackupError, backupDue, backupReminderShown, checkBackupMeta, inspectBackup, makeBackup, restoreBackup, snoozeUntil, stagingName } from './backup';

const meta = (over: Record<string, unknown> = {}) => ({ formatName: 'dexie', formatVersion: 1, data: { databaseName: 'leadside', databaseVersion: 2, tables: [{ name: 'leads', rowCount: 3 }, { name: 'candidates', rowCount: 1 }], ...over } });

describe('checkBackupMeta', () => {
  it('accepts ours and sums the rows', () => {
    expect(checkBackupMeta(meta(), 2)).toEqual({ databaseVersion: 2, tables: [{ name: 'leads', rowCount: 3 }, { name: 'candidates', rowCount: 1 }], total: 4 });
  });
  it('refuses another database, another format and a newer schema', () => {
    expect(() => checkBackupMeta(meta({ databaseName: 'other' }), 2)).toThrow('not a Leadside backup');
    expect(() => checkBackupMeta({ hello: 1 }, 2)).toThrow('not a Leadside backup');
    expect(() => checkBackupMeta(meta({ databaseVersion: 9 }), 2)).toThrow('newer version');
  });
});

describe('backupDue', () => {
  it('after 30 days, or never backed up', () => {
    expect(backupDue(null, 0, true)).toBe(true);
    expect(backupDue(null, 0, false)).toBe(false);
    expect(backupDue(0, 29 * 86_400_000, true)).toBe(false);
    expect(backupDue(0, 30 * 86_400_000, true)).toBe(true);
  });
});

describe('backup and restore', () => {
  it('round-trips every table, and refuses a truncated file without touching anything', async () => {
    const db = makeDb();
    const cand = makeCandidate();
    const bytes = new Uint8Array([1, 2, 3, 250]);
    await db.candidates.add(cand);
    await db.leads.add(makeLead({ candidateId: cand.id, attachments: [makeAttachment({ blob: new Blob([bytes], { type: 'application/pdf' }) })] }));
    await db.messages.add(makeMessage({ candidateId: cand.id, body: 'hola' }));
    const file = await makeBackup(db);
    const summary = await inspectBackup(file, db.verno, db.name);
    expect(summary.tables.find((t) => t.name === 'leads')?.rowCount).toBe(1);

    await db.leads.clear();
    await db.messages.clear();
    await db.candidates.add(makeCandidate());
    const cut = file.slice(0, Math.floor(file.size * 0.7));
    await expect(restoreBackup(db, cut, { openStaging: () => new LeadsideDB(stagingName(1)) })).rejects.toBeInstanceOf(BackupError);
    expect(await db.candidates.count()).toBe(2);

    await restoreBackup(db, file, { openStaging: () => new LeadsideDB(stagingName(2)) });
    expect(await db.candidates.count()).toBe(1);
    expect((await db.messages.toArray())[0]?.body).toBe('hola');
    const blob = (await db.leads.toArray())[0]!.attachments[0]!.blob!;
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(bytes);
  });
});

describe('the panel-wide backup reminder', () => {
  const DAY = 86_400_000;
  const now = Date.UTC(2026, 10, 28);
  const base = { lastBackupAt: null, snoozedUntil: null, dataSince: now - 40 * DAY, now, hasData: true, mayBackUp: true };

  it('shows 30 days after the last backup, or after the start when there was none', () => {
    expect(backupReminderShown({ ...base, lastBackupAt: now - 29 * DAY })).toBe(false);
    expect(backupReminderShown({ ...base, lastBackupAt: now - 30 * DAY })).toBe(true);
    expect(backupReminderShown(base)).toBe(true);
    // A workspace begun this week, never backed up: not yet (the Data section says so).
    expect(backupReminderShown({ ...base, dataSince: now - 3 * DAY })).toBe(false);
  });

  it('never shows without data or to someone who may not back up', () => {
    expect(backupReminderShown({ ...base, hasData: false })).toBe(false);
    expect(backupReminderShown({ ...base, mayBackUp: false })).toBe(false);
  });

  it('"Not now" hides it for 7 days, and a snooze cannot hide it for ever', () => {
    const until = snoozeUntil(now);
    expect(until).toBe(now + BACKUP_SNOOZE_DAYS * DAY);
    expect(backupReminderShown({ ...base, snoozedUntil: until })).toBe(false);
    expect(backupReminderShown({ ...base, snoozedUntil: until, now: now + 6 * DAY })).toBe(false);
    expect(backupReminderShown({ ...base, snoozedUntil: until, now: now + 7 * DAY })).toBe(true);
    // A snooze date far in the future (a clock set back when it was written) does not count.
    expect(backupReminderShown({ ...base, snoozedUntil: now + 365 * DAY })).toBe(true);
  });
});
