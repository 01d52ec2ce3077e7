// The Leads tab as a recruiter uses it, in Chromium with the built extension (test build),
// sidepanel.html open in a 400 px tab. Controls are found by role and accessible name.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { collectConsole, launchExtension, readTable, type ConsoleCollector, type ExtensionHandle } from './harness';
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import type { CampaignRow, CandidateRow, LeadRow } from './rows';
import { loadSampleData } from './panel';

let ext: ExtensionHandle;
let page: Page;
let consoleLog: ConsoleCollector;
let leads: LeadRow[];
let candidates: Map<string, CandidateRow>;
let campaigns: CampaignRow[];

const countStatus = () => page.getByRole('status').filter({ hasText: /^\d[\d,]* leads?/ });
const leadItems = () => page.getByRole('list', { name: 'Leads' }).getByRole('listitem');
const searchBox = () => page.getByRole('searchbox', { name: 'Search candidates' });
const folderSelect = () => page.getByRole('combobox', { name: 'Folder' });

async function expectCount(n: number): Promise<void> {
  await expect.poll(async () => (await countStatus().textContent())?.trim()).toBe(`${n.toLocaleString('en-US')} ${n === 1 ? 'lead' : 'leads'}`);
}

/** Names of the rows currently rendered, top to bottom. */
async function visibleNames(list: Locator = leadItems()): Promise<string[]> {
  const items = await list.all();
  const rows = await Promise.all(
    items.map(async (item) => ({
      pos: Number(await item.getAttribute('aria-posinset')),
      name: (await item.getByRole('button').nth(1).textContent())?.trim() ?? '',
    })),
  );
  return rows.sort((a, b) => a.pos - b.pos).map((r) => r.name);
}

const nameOf = (lead: LeadRow) => {
  const c = candidates.get(lead.candidateId)!;
  return `${c.firstName} ${c.lastName}`.trim();
};

async function resetView(): Promise<void> {
  await searchBox().fill('');
  await page.getByRole('button', { name: /^Campaigns:/ }).click();
  await page.getByRole('checkbox', { name: 'All campaigns' }).check();
  await page.keyboard.press('Escape');
  await folderSelect().selectOption({ index: 0 });
  for (const remove of await page.getByRole('button', { name: /^Remove .* filter$/ }).all()) await remove.click();
  await page.getByRole('button', { name: 'Search', exact: true }).click();
}

beforeAll(async () => {
  ext = await launchExtension();
  page = await ext.openSidePanel({ width: 400, height: 800 });
  consoleLog = collectConsole(page);
  await loadSampleData(page);
  leads = await readTable<LeadRow>(page, 'leads');
  candidates = new Map((await readTable<CandidateRow>(page, 'candidates')).map((c) => [c.id, c]));
  campaigns = await readTable<CampaignRow>(page, 'campaigns');
});

afterAll(async () => {
  await ext?.close();
});

describe('Leads tab', () => {
  it('loads sample data: 500 leads in several campaigns, every default folder in the picker', async () => {
    expect(leads).toHaveLength(500);
    expect(campaigns.length).toBeGreaterThanOrEqual(3);
    const options = await folderSelect().locator('option').allTextContents();
    expect(options[0]).toBe('All folders (500)');
    for (const name of ['Inbox', 'Completed', 'Shortlisted', 'On Hold', 'Hired', 'Rejected', 'No Response']) {
      expect(options.some((o) => o.startsWith(`${name} (`))).toBe(true);
    }
    // Virtualized: far fewer rows in the DOM than leads.
    const rendered = await leadItems().count();
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(60);
  });

  it('chooses one campaign, then two, with folder counts that match the data', async () => {
    const open = campaigns.filter((c) => c.status === 'open').sort((a, b) => a.name.localeCompare(b.name));
    const [first, second] = [open[0]!, open[1]!];
    const picker = page.getByRole('button', { name: /^Campaigns:/ });

    const expectFolderCounts = async (ids: string[]) => {
      const mine = leads.filter((l) => ids.includes(l.campaignId));
      const folders = await readTable<{ id: string; name: string }>(page, 'folders');
      const expected = [`All folders (${mine.length})`];
      const options = await folderSelect().locator('option').allTextContents();
      expect(options[0]).toBe(expected[0]);
      for (const f of folders) {
        const n = mine.filter((l) => l.folderId === f.id).length;
        expect(options).toContain(`${f.name} (${n})`);
      }
      await expectCount(mine.length);
    };

    await picker.click();
    await page.getByRole('checkbox', { name: new RegExp(`^${first.name}`) }).check();
    await page.keyboard.press('Escape');
    await expect.poll(() => picker.getAttribute('aria-label')).toBe(`Campaigns: ${first.name}`);
    await expectFolderCounts([first.id]);

    await picker.click();
    await page.getByRole('checkbox', { name: new RegExp(`^${second.name}`) }).check();
    await page.keyboard.press('Escape');
    await expect.poll(() => picker.getAttribute('aria-label')).toBe('Campaigns: 2 campaigns');
    await expectFolderCounts([first.id, second.id]);

    // A folder narrows the list to that folder's count.
    const inbox = leads.filter((l) => [first.id, second.id].includes(l.campaignId) && l.folderId === 'inbox').length;
    await folderSelect().selectOption({ value: 'inbox' });
    await expectCount(inbox);
    await resetView();
    await expectCount(500);
  });

  it('stages two filters and changes nothing until Search is pressed', async () => {
    await page.getByRole('button', { name: '+ Add filter' }).click();
    await page.getByRole('menuitem', { name: 'Reachable by' }).click();
    await page.getByRole('combobox', { name: 'Reachable by' }).selectOption('facebook');
    await page.getByRole('button', { name: '+ Add filter' }).click();
    await page.getByRole('menuitem', { name: 'Source' }).click();
    await page.getByRole('group', { name: 'Source' }).getByRole('checkbox', { name: 'LinkedIn' }).check();
    await page.getByRole('group', { name: 'Source' }).getByRole('checkbox', { name: 'Referral' }).check();

    await expect.poll(() => page.getByText('Filters changed — press Search to apply them.').isVisible()).toBe(true);
    await expectCount(500);

    await page.getByRole('button', { name: 'Search', exact: true }).click();
    const expected = leads.filter(
      (l) => Boolean(candidates.get(l.candidateId)!.facebookUrl) && (l.source === 'LinkedIn' || l.source === 'Referral'),
    ).length;
    expect(expected).toBeGreaterThan(0);
    expect(expected).toBeLessThan(500);
    await expectCount(expected);
    await expect.poll(() => page.getByText('Filters changed — press Search to apply them.').count()).toBe(0);

    // Removing a staged filter is staged too: the list keeps the applied filters until Search.
    await page.getByRole('button', { name: 'Remove Source filter' }).click();
    await expectCount(expected);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await expectCount(leads.filter((l) => Boolean(candidates.get(l.candidateId)!.facebookUrl)).length);
    await resetView();
    await expectCount(500);
  });

  it('searches by application ID, candidate ID, last name and email', async () => {
    const lead = leads[137]!;
    await searchBox().fill(lead.ref);
    await expectCount(1);
    expect(await visibleNames()).toEqual([nameOf(lead)]);

    const cand = candidates.get(lead.candidateId)!;
    await searchBox().fill(cand.ref.toLowerCase());
    const ofCandidate = leads.filter((l) => l.candidateId === cand.id).length;
    await expectCount(ofCandidate);

    const withLast = leads.filter((l) => candidates.get(l.candidateId)!.lastName === cand.lastName);
    await searchBox().fill(cand.lastName.toUpperCase());
    await expect.poll(async () => (await countStatus().textContent())?.trim()).toMatch(/^\d+ leads?$/);
    const shown = Number((await countStatus().textContent())!.match(/\d+/)![0]);
    expect(shown).toBeGreaterThanOrEqual(withLast.length);
    expect(await visibleNames()).toContain(nameOf(lead));

    if (cand.email) {
      await searchBox().fill(cand.email);
      await expectCount(leads.filter((l) => candidates.get(l.candidateId)!.email === cand.email).length);
    }
    await searchBox().fill('');
    await expectCount(500);
  });

  it('finds a person by a phone typed in another format', async () => {
    // Default phone country is PH: find a Philippine mobile in the sample data.
    const ph = leads.find((l) => candidates.get(l.candidateId)!.phone?.startsWith('+63'));
    expect(ph).toBeDefined();
    const phone = candidates.get(ph!.candidateId)!.phone!;
    const parsed = parsePhoneNumberFromString(phone)!;
    const national = parsed.formatNational(); // e.g. "0917 123 4567"
    const dashed = national.replace(/\s/g, '-');
    const expected = leads.filter((l) => candidates.get(l.candidateId)!.phone === phone).length;
    for (const typed of [parsed.formatInternational(), dashed, parsed.nationalNumber]) {
      await searchBox().fill(typed);
      await expectCount(expected);
      expect(await visibleNames()).toContain(nameOf(ph!));
    }
    await searchBox().fill('');
  });

  it('sorts by Date Added and Last Activity, both ways', async () => {
    const byAdded = page.getByRole('button', { name: 'Sort by date added' });
    const byActivity = page.getByRole('button', { name: 'Sort by last activity' });
    const cmp = (key: 'addedAt' | 'lastActivityAt') => (a: LeadRow, b: LeadRow) =>
      a[key] - b[key] || (a.id < b.id ? -1 : 1);
    const top = (key: 'addedAt' | 'lastActivityAt', dir: 'asc' | 'desc') => {
      const sorted = leads.slice().sort(cmp(key));
      if (dir === 'desc') sorted.reverse();
      return sorted.slice(0, 5).map(nameOf);
    };

    expect(await byAdded.getAttribute('aria-pressed')).toBe('true');
    expect((await visibleNames()).slice(0, 5)).toEqual(top('addedAt', 'desc'));

    await byAdded.click(); // the active key again: flips the direction
    await expect.poll(() => page.getByRole('button', { name: 'Oldest first' }).isVisible()).toBe(true);
    await expect.poll(async () => (await visibleNames()).slice(0, 5)).toEqual(top('addedAt', 'asc'));

    await byActivity.click();
    expect(await byActivity.getAttribute('aria-pressed')).toBe('true');
    expect(await byAdded.getAttribute('aria-pressed')).toBe('false');
    await expect.poll(async () => (await visibleNames()).slice(0, 5)).toEqual(top('lastActivityAt', 'desc'));

    await page.getByRole('button', { name: 'Newest first' }).click();
    await expect.poll(async () => (await visibleNames()).slice(0, 5)).toEqual(top('lastActivityAt', 'asc'));

    await byAdded.click();
    await expect.poll(async () => (await visibleNames()).slice(0, 5)).toEqual(top('addedAt', 'desc'));
  });

  it('Select all selects every matching lead, not only the rows on screen', async () => {
    const open = campaigns.filter((c) => c.status === 'open').sort((a, b) => a.name.localeCompare(b.name));
    await page.getByRole('button', { name: /^Campaigns:/ }).click();
    await page.getByRole('checkbox', { name: new RegExp(`^${open[0]!.name}`) }).check();
    await page.keyboard.press('Escape');
    const matching = leads.filter((l) => l.campaignId === open[0]!.id).length;
    expect(matching).toBeGreaterThan(await leadItems().count());
    await page.getByRole('checkbox', { name: 'Select all' }).check();
    const bulk = page.getByRole('region', { name: 'Bulk actions' });
    await expect.poll(() => bulk.getByRole('status').textContent()).toBe(`${matching} selected`);

    // Clicking an avatar toggles one lead.
    const firstRow = leadItems().first();
    await firstRow.getByRole('button', { name: /^Select / }).click();
    await expect.poll(() => bulk.getByRole('status').textContent()).toBe(`${matching - 1} selected`);
    await bulk.getByRole('button', { name: 'Clear selection' }).click();
    await expect.poll(() => bulk.count()).toBe(0);
    await firstRow.getByRole('button', { name: /^Select / }).click();
    await expect.poll(() => bulk.getByRole('status').textContent()).toBe('1 selected');
    await bulk.getByRole('button', { name: 'Clear selection' }).click();
    await resetView();
  });

  it('moves through the list with the keyboard and opens a preview with Enter', async () => {
    await expectCount(500);
    const names = await visibleNames();
    await leadItems().first().getByRole('button').nth(1).focus();
    // Pressed back to back, faster than the list re-renders: no key may be lost.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    const preview = page.getByRole('dialog', { name: names[2] });
    await expect.poll(() => preview.isVisible()).toBe(true);
    const lead = leads.find((l) => nameOf(l) === names[2])!;
    expect(await preview.getByText(lead.ref, { exact: true }).isVisible()).toBe(true);
    await preview.getByRole('button', { name: 'Close profile' }).click();
    await expect.poll(() => preview.count()).toBe(0);
  });

  it('reopens where the recruiter left it', async () => {
    const open = campaigns.filter((c) => c.status === 'open').sort((a, b) => a.name.localeCompare(b.name));
    await page.getByRole('button', { name: /^Campaigns:/ }).click();
    await page.getByRole('checkbox', { name: new RegExp(`^${open[1]!.name}`) }).check();
    await page.keyboard.press('Escape');
    await folderSelect().selectOption({ value: 'inbox' });
    await page.getByRole('button', { name: 'Sort by last activity' }).click();
    await page.getByRole('button', { name: '+ Add filter' }).click();
    await page.getByRole('menuitem', { name: 'Reachable by' }).click();
    await page.getByRole('combobox', { name: 'Reachable by' }).selectOption('email');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await searchBox().fill('a');
    const before = (await countStatus().textContent())?.trim();
    const namesBefore = await visibleNames();
    await page.waitForTimeout(400); // the view is saved a moment after the last change

    await page.reload();
    await expect.poll(async () => (await countStatus().textContent())?.trim()).toBe(before);
    expect(await searchBox().inputValue()).toBe('a');
    expect(await folderSelect().inputValue()).toBe('inbox');
    expect(await page.getByRole('button', { name: /^Campaigns:/ }).getAttribute('aria-label')).toBe(
      `Campaigns: ${open[1]!.name}`,
    );
    expect(await page.getByRole('button', { name: 'Sort by last activity' }).getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByRole('combobox', { name: 'Reachable by' }).inputValue()).toBe('email');
    expect(await visibleNames()).toEqual(namesBefore);
    await resetView();
    await page.getByRole('button', { name: 'Sort by date added' }).click();
  });

  it('shows the change another extension page makes, without reloading', async () => {
    const other = await ext.openSidePanel();
    // The test hooks exist before the panel has booted: wait for "you" (the User row) too.
    await other.waitForFunction(() => Boolean((globalThis as { __leadside?: { state: { self: { value: unknown } } } }).__leadside?.state.self.value));
    const target = leads.find((l) => l.folderId === 'inbox')!;
    const hiredBefore = leads.filter((l) => l.folderId === 'hired').length;
    // There is no move control yet (bulk actions and the profile come later), so the other page
    // uses the same mutation those controls will call.
    await other.evaluate(async (id) => {
      const hooks = (globalThis as unknown as { __leadside: { state: { db: unknown; self: { value: { id: string } } }; moveLeads: (ctx: unknown, ids: string[], folder: string) => Promise<number> } }).__leadside;
      await hooks.moveLeads({ db: hooks.state.db, actorId: hooks.state.self.value.id }, [id], 'hired');
    }, target.id);
    await expect.poll(() => folderSelect().locator('option', { hasText: /^Hired/ }).textContent()).toBe(`Hired (${hiredBefore + 1})`);
    await other.close();
  });

  it('reports no errors in the console', () => {
    expect(consoleLog.errors).toEqual([]);
  });
});

describe('Leads tab, bad input', () => {
  it('falls back to the default view when the saved view is malformed', async () => {
    const p = await ext.openSidePanel();
    await p.evaluate(async () => {
      await chrome.storage.local.set({ leadsView: { campaignIds: 'nope', folderId: 42, staged: [{ type: 'evil' }, null], applied: 'x', search: { a: 1 }, sort: { key: 'rm -rf', dir: 7 } } });
    });
    await p.reload();
    await expect.poll(async () => p.getByRole('status').filter({ hasText: /leads?$/ }).first().textContent()).toMatch(/^500 leads/);
    expect(await p.getByRole('searchbox', { name: 'Search candidates' }).inputValue()).toBe('');
    expect(await p.getByRole('button', { name: 'Sort by date added' }).getAttribute('aria-pressed')).toBe('true');
    expect(await p.getByRole('button', { name: /^Campaigns:/ }).getAttribute('aria-label')).toBe('Campaigns: All campaigns');
    await p.close();
  });

  it('lists a lead whose campaign and folder no longer exist under "Unknown"', async () => {
    const p = await ext.openSidePanel();
    const template = leads[0]!;
    await p.evaluate(async (lead) => {
      const db = await new Promise<IDBDatabase>((res, rej) => {
        const r = indexedDB.open('leadside');
        r.onsuccess = () => res(r.result);
        r.onerror = () => rej(new Error(String(r.error)));
      });
      await new Promise<void>((res, rej) => {
        const tx = db.transaction('leads', 'readwrite');
        tx.objectStore('leads').put({ ...lead, id: 'orphan-lead', ref: 'A-99999', campaignId: 'gone-campaign', folderId: 'gone-folder' });
        tx.oncomplete = () => res();
        tx.onerror = () => rej(new Error(String(tx.error)));
      });
      db.close();
    }, template);
    await p.reload();
    const folder = p.getByRole('combobox', { name: 'Folder' });
    await expect.poll(() => folder.locator('option', { hasText: /^Unknown/ }).textContent()).toBe('Unknown (1)');
    await folder.selectOption({ label: 'Unknown (1)' });
    const item = p.getByRole('list', { name: 'Leads' }).getByRole('listitem');
    await expect.poll(() => item.count()).toBe(1);
    expect(await item.textContent()).toContain('Unknown campaign · Unknown');
    await p.getByRole('button', { name: /^Campaigns:/ }).click();
    expect(await p.getByRole('checkbox', { name: 'Unknown campaign (1)' }).isVisible()).toBe(true);
    await p.close();
  });
});
