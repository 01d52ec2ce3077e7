// An import as a resumable job, and the panel-wide backup reminder (issue 5), in Chromium with
// the built extension (test build). The panel page is closed mid-import (its data worker dies
// with it, as when the recruiter closes the side panel); reopening it says what landed and
// resumes from the last committed chunk, with no row written twice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { IMPORT_CHUNK } from '../../lib/import/job';
import { countTable, launchExtension, readTable, waitFor, type ExtensionHandle } from './harness';
import type { JobRow } from './rows';
import { seedLeads } from './panel';

const LEADS = 30;
const ROWS = 12_000;
const DAY = 86_400_000;
let ext: ExtensionHandle;
let page: Page;

const reminder = () => page.getByRole('region', { name: 'Backup reminder' });

async function openPanel(): Promise<Page> {
  const p = await ext.openSidePanel({ width: 500, height: 1200 });
  await p.getByRole('status').filter({ hasText: /^\d[\d,]* leads?/ }).waitFor({ timeout: 20_000 });
  return p;
}

/** Writes storage.local keys from an extension page (WXT items keep their value under the key). */
async function setStorage(values: Record<string, number | null>): Promise<void> {
  await page.evaluate(async (v) => {
    await (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome.storage.local.set(v);
  }, values);
}

async function getStorage(key: string): Promise<unknown> {
  return page.evaluate(async (k) => {
    const got = await (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome.storage.local.get(k);
    return got[k];
  }, key);
}

beforeAll(async () => {
  ext = await launchExtension();
  await seedLeads(ext, LEADS);
  page = await openPanel();
});

afterAll(async () => {
  await ext?.close();
});

describe('an import interrupted by closing the panel', () => {
  it('leaves whole chunks only, says what landed on reopen, and resumes without duplicates', async () => {
    const before = await countTable(page, 'leads');
    const lines = ['Name,Email'];
    for (let i = 0; i < ROWS; i++) lines.push(`Resume Person${i},resume.${i}@example.com`);
    await page.getByRole('tab', { name: 'Workspace' }).click();
    const importRegion = page.getByRole('region', { name: 'Import' });
    await importRegion.getByLabel('File to import (CSV or Excel)').setInputFiles({ name: 'resume.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\r\n')) });
    await importRegion.getByRole('button', { name: 'Import 12,000 rows' }).click();

    // Close the panel once some chunks (not all) have committed.
    let job: JobRow | undefined;
    await waitFor(
      async () => {
        job = (await readTable<JobRow>(ext, 'jobs')).find((j) => j.kind === 'import');
        return !!job && job.cursor >= 2 * IMPORT_CHUNK;
      },
      { timeout: 60_000, interval: 50, message: 'two chunks of the import committed' },
    );
    await page.close();
    const stopped = (await readTable<JobRow>(ext, 'jobs')).find((j) => j.kind === 'import')!;
    expect(stopped.status).toBe('paused');
    expect(stopped.cursor).toBeLessThan(ROWS);
    // Whole chunks only: the rows in the database are exactly the committed cursor.
    const landed = (await countTable(ext, 'leads')) - before;
    expect(landed).toBe(stopped.cursor);
    expect(landed % IMPORT_CHUNK).toBe(0);
    expect((stopped.params as { created: number }).created).toBe(landed);
    // The file waits for the resume in its own database.
    expect(await countTable(ext, 'files', 'leadside-import-files')).toBe(1);

    page = await openPanel();
    const notice = page.getByRole('region', { name: 'Interrupted import' });
    await notice.waitFor();
    const n = (x: number) => x.toLocaleString('en-US');
    expect(await notice.textContent()).toContain(
      `The import of resume.csv stopped when the panel closed. ${n(landed)} of ${n(ROWS)} rows are in Leadside (${n(landed)} new candidates, 0 applications added to existing candidates); ${n(ROWS - landed)} not yet imported.`,
    );
    // The Jobs list says the same: the import waits, and offers no Cancel that nothing would act on.
    await page.getByRole('tab', { name: 'Leads' }).click();
    const jobs = page.getByRole('region', { name: 'Jobs' });
    await expect.poll(() => jobs.textContent()).toContain('interrupted: resume or stop it from the notice above');
    expect(await jobs.getByRole('button', { name: 'Cancel' }).count()).toBe(0);
    await notice.getByRole('button', { name: 'Resume import' }).click();
    await waitFor(async () => (await readTable<JobRow>(page, 'jobs')).find((j) => j.kind === 'import')?.status === 'done', { timeout: 90_000, message: 'the import to finish' });
    await waitFor(async () => (await notice.count()) === 0, { message: 'the notice to go' });

    expect(await countTable(page, 'leads')).toBe(before + ROWS);
    const emails = (await readTable<{ email?: string }>(page, 'candidates')).map((c) => c.email).filter((e) => e?.startsWith('resume.'));
    expect(emails).toHaveLength(ROWS);
    expect(new Set(emails).size).toBe(ROWS);
    const done = (await readTable<JobRow>(page, 'jobs')).find((j) => j.kind === 'import')!;
    expect(done).toMatchObject({ status: 'done', cursor: ROWS, total: ROWS, params: { created: ROWS, attached: 0 } });
    expect(await countTable(page, 'files', 'leadside-import-files')).toBe(0);
  });
});

describe('the backup reminder', () => {
  it('is not shown for a workspace begun today', async () => {
    await page.getByRole('tab', { name: 'Leads' }).click();
    expect(await reminder().count()).toBe(0);
  });

  it('offers a backup after 30 days without one; "Not now" snoozes it; "Back up now" makes one', async () => {
    await setStorage({ lastBackupAt: Date.now() - 40 * DAY });
    await reminder().waitFor();
    expect(await reminder().textContent()).toContain('No backup for 40 days.');

    await reminder().getByRole('button', { name: 'Not now' }).click();
    await waitFor(async () => (await reminder().count()) === 0, { message: 'the reminder to hide' });
    const until = (await getStorage('backupReminderSnoozedUntil')) as number;
    expect(until - Date.now()).toBeGreaterThan(6.9 * DAY);
    expect(until - Date.now()).toBeLessThanOrEqual(7 * DAY);
    // Still hidden in a new panel (the snooze is stored).
    await page.close();
    page = await openPanel();
    await page.waitForTimeout(300);
    expect(await reminder().count()).toBe(0);

    // A week later (the snooze over), it is back; this time the recruiter backs up.
    await setStorage({ backupReminderSnoozedUntil: Date.now() - 1000 });
    await reminder().waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), reminder().getByRole('button', { name: 'Back up now' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^Leadside .+ backup \d{4}-\d{2}-\d{2}\.json$/);
    const { readFile } = await import('node:fs/promises');
    const doc = JSON.parse(await readFile(await download.path(), 'utf8')) as { formatName: string; data: { tables: { name: string; rowCount: number }[] } };
    expect(doc.formatName).toBe('dexie');
    expect(doc.data.tables.find((t) => t.name === 'leads')?.rowCount).toBe(await countTable(page, 'leads'));
    await waitFor(async () => (await reminder().count()) === 0, { message: 'the reminder to go after the backup' });
    expect(Date.now() - ((await getStorage('lastBackupAt')) as number)).toBeLessThan(60_000);
  });
});
