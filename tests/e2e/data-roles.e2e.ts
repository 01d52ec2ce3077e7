// "Export selected" from the bulk bar, and what a Limited Manager may do in and out of the
// data (issue 5), in Chromium with the built extension (test build; the role is switched with
// Options → "Act as role", which only dev and test builds have). The expectations come from
// the role matrix itself (`can()` in lib/domain/permissions.ts), so the UI is checked against
// the one table every button reads.
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { can } from '../../lib/domain/permissions';
import { launchExtension, readTable, waitFor, type ExtensionHandle } from './harness';
import type { LeadRow } from './rows';
import { actAsRole, seedLeads } from './panel';

const LEADS = 40;
let ext: ExtensionHandle;
let page: Page;

const bulkBar = () => page.getByRole('region', { name: 'Bulk actions' });

const setRole = (label: 'Manager' | 'Limited Manager' | null) => actAsRole(ext, page, label);

/** Selects leads by searching their application IDs one by one (a selection survives a search). */
async function select(refs: readonly string[]): Promise<void> {
  const search = page.getByRole('searchbox', { name: 'Search candidates' });
  for (const ref of refs) {
    await search.fill(ref);
    const row = page.getByRole('list', { name: 'Leads' }).getByRole('listitem');
    await waitFor(async () => (await row.count()) === 1, { message: `the row of ${ref}` });
    await row.getByRole('button', { name: /^Select / }).click();
  }
  await search.fill('');
  await waitFor(async () => (await bulkBar().getByRole('status').textContent()) === `${refs.length} selected`, { message: `${refs.length} selected` });
}

async function exportSelected(format: 'Excel (.xlsx)' | 'CSV (.csv)'): Promise<string> {
  await bulkBar().getByRole('button', { name: 'More actions' }).click();
  await page.getByRole('menuitem', { name: 'Export selected…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export selected' });
  await dialog.getByRole('combobox', { name: 'Format' }).selectOption({ label: format });
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export', exact: true }).click()]);
  await dialog.getByRole('status').filter({ hasText: /^Exported \d+ leads\.$/ }).waitFor();
  // The dialog closes with Escape (it has no close button).
  await dialog.getByRole('combobox', { name: 'Format' }).press('Escape');
  await waitFor(async () => (await dialog.count()) === 0, { message: 'the export dialog to close' });
  return download.path();
}

beforeAll(async () => {
  ext = await launchExtension();
  await seedLeads(ext, LEADS);
  page = await ext.openSidePanel({ width: 500, height: 1200 });
  await page.getByRole('status').filter({ hasText: /^\d[\d,]* leads?/ }).waitFor({ timeout: 20_000 });
});

afterAll(async () => {
  await ext?.close();
});

describe('export selected', () => {
  it('exports exactly the selected leads, in .csv and .xlsx', async () => {
    const leads = await readTable<LeadRow>(page, 'leads');
    expect(leads.length).toBe(LEADS);
    // Three leads spread over the list (not just the first screen).
    const picked = [leads[3]!, leads[17]!, leads[LEADS - 2]!].map((l) => l.ref);
    await select(picked);

    const csv = Papa.parse<string[]>((await readFile(await exportSelected('CSV (.csv)'), 'utf8')).replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
    const refCol = csv[0]!.indexOf('Application ID');
    expect(refCol).toBeGreaterThanOrEqual(0);
    expect(csv.slice(1).map((r) => r[refCol]).sort()).toEqual([...picked].sort());

    // The selection stays after the dialog closes: the same leads again, as a workbook.
    await waitFor(async () => (await bulkBar().getByRole('status').textContent()) === '3 selected', { message: 'still 3 selected' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await readFile(await exportSelected('Excel (.xlsx)'))) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    const col = header.indexOf('Application ID') + 1;
    const refs: string[] = [];
    ws.eachRow((row, n) => {
      if (n > 1) refs.push(row.getCell(col).text);
    });
    expect(refs.sort()).toEqual([...picked].sort());
    await bulkBar().getByRole('button', { name: 'Clear selection' }).click();
  });
});

describe('a Limited Manager', () => {
  const limited = { role: 'limited_manager' as const };
  const owner = { role: 'owner' as const };

  /** What the Data section and the bulk bar offer, as a person sees it. */
  async function offered() {
    await page.getByRole('tab', { name: 'Leads' }).click();
    const leads = await readTable<LeadRow>(page, 'leads');
    await select([leads[0]!.ref]);
    await bulkBar().getByRole('button', { name: 'More actions' }).click();
    const item = page.getByRole('menuitem', { name: 'Export selected…' });
    const exportSelected = { enabled: await item.isEnabled(), title: await item.getAttribute('title') };
    await bulkBar().getByRole('button', { name: 'More actions' }).click();
    await bulkBar().getByRole('button', { name: 'Clear selection' }).click();

    await page.getByRole('tab', { name: 'Workspace' }).click();
    const imp = page.getByRole('region', { name: 'Import' });
    const exp = page.getByRole('region', { name: 'Export' });
    const bak = page.getByRole('region', { name: 'Backup and restore' });
    await exp.waitFor();
    return {
      exportSelected,
      importInput: await imp.getByLabel('File to import (CSV or Excel)').count(),
      exportButton: await exp.getByRole('button', { name: 'Export', exact: true }).count(),
      exportText: (await exp.textContent()) ?? '',
      backupButton: await bak.getByRole('button', { name: 'Back up now' }).count(),
      restoreInput: await bak.getByLabel('Restore from a backup file').count(),
      backupText: (await bak.textContent()) ?? '',
    };
  }

  it('is refused export, backup and restore (with the reason), and may import, as the matrix says', async () => {
    // The matrix this test holds the UI to.
    expect(can(limited, 'data.export')).toBe(false);
    expect(can(limited, 'data.import')).toBe(true);
    expect(can(owner, 'data.export')).toBe(true);

    await setRole('Limited Manager');
    const lm = await offered();
    expect(lm.exportSelected).toEqual({ enabled: false, title: 'Only owners and managers can export' });
    expect(lm.importInput).toBe(1);
    expect(lm.exportButton).toBe(0);
    expect(lm.exportText).toContain('Only owners and managers can export.');
    expect(lm.backupButton).toBe(0);
    expect(lm.restoreInput).toBe(0);
    expect(lm.backupText).toContain('Only owners and managers can back up and restore.');

    // Back as the Owner, the same places offer everything: the role is what took them away.
    await setRole(null);
    const own = await offered();
    expect(own.exportSelected).toEqual({ enabled: true, title: null });
    expect(own.importInput).toBe(1);
    expect(own.exportButton).toBe(1);
    expect(own.backupButton).toBe(1);
    expect(own.restoreInput).toBe(1);
  });
});
