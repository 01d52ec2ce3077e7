// The Pipeline screen in Chromium with the built extension (test build): folder counts and new
// leads per week for the chosen campaign, against the data in IndexedDB; a folder's bar opens
// that folder in the Leads list. Controls are found by role and accessible name.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { weeklyCounts } from '../../lib/domain/weekly';
import { collectConsole, launchExtension, readTable, type ConsoleCollector, type ExtensionHandle } from './harness';
import type { CampaignRow, FolderRow, LeadRow } from './rows';
import { loadSampleData } from './panel';

let ext: ExtensionHandle;
let page: Page;
let consoleLog: ConsoleCollector;
let leads: LeadRow[];
let campaign: CampaignRow;
let folders: FolderRow[];

const countStatus = () => page.getByRole('status').filter({ hasText: /^\d[\d,]* leads?/ });
const leadsWord = (n: number) => `${n.toLocaleString('en-US')} ${n === 1 ? 'lead' : 'leads'}`;

beforeAll(async () => {
  ext = await launchExtension();
  page = await ext.openSidePanel({ width: 400, height: 800 });
  consoleLog = collectConsole(page);
  await loadSampleData(page);
  leads = await readTable<LeadRow>(page, 'leads');
  folders = (await readTable<FolderRow>(page, 'folders')).sort((a, b) => a.order - b.order);
  const campaigns = (await readTable<CampaignRow>(page, 'campaigns')).filter((c) => c.status === 'open');
  // The open campaign with the most leads: several folders have some.
  campaign = campaigns
    .map((c) => ({ c, n: leads.filter((l) => l.campaignId === c.id).length }))
    .sort((a, b) => b.n - a.n)[0]!.c;
});

afterAll(async () => {
  await ext?.close();
});

describe('Pipeline', () => {
  it('shows leads per folder for one campaign, equal to the data, folders in order', async () => {
    await page.getByRole('tab', { name: 'Pipeline' }).click();
    const picker = page.getByRole('button', { name: /^Campaigns:/ });
    await picker.click();
    await page.getByRole('checkbox', { name: new RegExp(`^${campaign.name}`) }).check();
    await page.keyboard.press('Escape');
    await expect.poll(() => picker.getAttribute('aria-label')).toBe(`Campaigns: ${campaign.name}`);

    const mine = leads.filter((l) => l.campaignId === campaign.id);
    const section = page.getByRole('region', { name: 'Leads per folder' });
    const expected = folders.map((f) => `${f.name}: ${leadsWord(mine.filter((l) => l.folderId === f.id).length)}`);
    await expect
      .poll(async () => Promise.all((await section.getByRole('button').all()).map((b) => b.getAttribute('aria-label'))))
      .toEqual(expected);
    expect(await section.getByText(`${leadsWord(mine.length)} in this campaign.`).isVisible()).toBe(true);
    // The counts are visible text too, not only labels.
    const inbox = mine.filter((l) => l.folderId === 'inbox').length;
    expect((await section.getByRole('button', { name: `Inbox: ${leadsWord(inbox)}`, exact: true }).textContent())?.replace(/\s+/g, '')).toBe(
      `Inbox${inbox}`,
    );
  });

  it('shows new leads per week for the last 13 weeks, counted from addedAt', async () => {
    const mine = leads.filter((l) => l.campaignId === campaign.id);
    // Node and Chromium run in the same time zone here; "now" differs by seconds, which moves
    // no lead across a week boundary unless one was added in those seconds (sample data is not).
    const now = await page.evaluate(() => Date.now());
    const expected = weeklyCounts(
      mine.map((l) => l.addedAt),
      now,
    ).map((w) => w.count);
    const chart = page.getByRole('list', { name: 'New leads per week' });
    const items = chart.getByRole('listitem');
    expect(await items.count()).toBe(13);
    const labels = await Promise.all((await items.all()).map((i) => i.getAttribute('aria-label')));
    expect(labels.map((l) => Number(l!.match(/: (\d+) new leads?$/)![1]))).toEqual(expected);
    expect(labels.at(-1)).toMatch(/^This week: \d+ new leads?$/);
    expect(labels[0]).toMatch(/^Week of [A-Z][a-z]{2} \d{1,2}: /);
    expect(expected.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);

    // The table alternative holds the same numbers.
    await page.getByText('Show as a table').click();
    const table = page.getByRole('table', { name: 'New leads per week' });
    await expect.poll(() => table.isVisible()).toBe(true);
    const cells = await table.getByRole('cell').allTextContents();
    expect(cells.map(Number)).toEqual(expected);
  });

  it('reads at 320 px without sideways scrolling', async () => {
    await page.setViewportSize({ width: 320, height: 700 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const box = await page.getByRole('region', { name: 'Leads per folder' }).getByRole('button').first().boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(320);
    await page.setViewportSize({ width: 400, height: 800 });
  });

  it("opens a folder's bar in the Leads list with the matching count", async () => {
    const mine = leads.filter((l) => l.campaignId === campaign.id);
    // A folder other than Inbox with leads in it.
    const folder = folders.find((f) => f.id !== 'inbox' && mine.some((l) => l.folderId === f.id))!;
    const n = mine.filter((l) => l.folderId === folder.id).length;
    await page.getByRole('region', { name: 'Leads per folder' }).getByRole('button', { name: `${folder.name}: ${leadsWord(n)}`, exact: true }).click();
    await expect.poll(() => page.getByRole('tab', { name: 'Leads' }).getAttribute('aria-selected')).toBe('true');
    expect(await page.getByRole('combobox', { name: 'Folder' }).inputValue()).toBe(folder.id);
    expect(await page.getByRole('button', { name: /^Campaigns:/ }).getAttribute('aria-label')).toBe(`Campaigns: ${campaign.name}`);
    await expect.poll(async () => (await countStatus().textContent())?.trim()).toBe(leadsWord(n));
  });

  it('follows a change: a lead moved elsewhere updates the bars', async () => {
    const mine = leads.filter((l) => l.campaignId === campaign.id);
    const target = mine.find((l) => l.folderId !== 'hired')!;
    const from = folders.find((f) => f.id === target.folderId)!;
    const fromCount = mine.filter((l) => l.folderId === from.id).length;
    const hired = mine.filter((l) => l.folderId === 'hired').length;
    await page.getByRole('tab', { name: 'Pipeline' }).click();
    await page.waitForFunction(() => (globalThis as { __leadside?: unknown }).__leadside !== undefined);
    // The same mutation the move controls call.
    await page.evaluate(async (id) => {
      const hooks = (globalThis as unknown as { __leadside: { state: { db: unknown; self: { value: { id: string } } }; moveLeads: (ctx: unknown, ids: string[], folder: string) => Promise<number> } }).__leadside;
      await hooks.moveLeads({ db: hooks.state.db, actorId: hooks.state.self.value.id }, [id], 'hired');
    }, target.id);
    const section = page.getByRole('region', { name: 'Leads per folder' });
    await expect.poll(() => section.getByRole('button', { name: `Hired: ${leadsWord(hired + 1)}`, exact: true }).count()).toBe(1);
    expect(await section.getByRole('button', { name: `${from.name}: ${leadsWord(fromCount - 1)}`, exact: true }).count()).toBe(1);
  });

  it('reports no errors in the console', () => {
    expect(consoleLog.errors).toEqual([]);
  });
});
