// Quick replies in the composer (issue 6): manage them (create, edit, delete; the title is never
// sent; a broken token needs an explicit "Save anyway"), open the list with `/`, choose with the
// keyboard, and the Limited Manager's view (Options → "Act as role", a test-build setting: use,
// but not create, edit or delete). Chromium with the built extension (test build), sample data.
// The one send here is by SMS: its sms: link is read from the tab Chrome creates for it (CDP
// target events; Playwright does not announce such a tab as a Page).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { collectConsole, countTable, launchExtension, readTable, waitFor, type ConsoleCollector, type ExtensionHandle } from './harness';
import type { CandidateRow, LeadRow, MessageRow } from './rows';
import { actAsRole, loadSampleData } from './panel';

interface QuickReplyRow {
  id: string;
  title: string;
  body: string;
  channels: string[];
  ownerId?: string;
}

let ext: ExtensionHandle;
let page: Page;
let consoleLog: ConsoleCollector;
let candidates: Map<string, CandidateRow>;
let lead: LeadRow;
let composer: Locator;
const targetUrls: string[] = [];

const nameOf = (candidateId: string) => {
  const c = candidates.get(candidateId)!;
  return `${c.firstName} ${c.lastName}`.trim();
};
const countText = async () => (await page.getByRole('status').filter({ hasText: /^\d[\d,]* leads?/ }).textContent())?.trim() ?? '';
const textarea = () => composer.getByRole('textbox', { name: 'Message' });
const manageDialog = () => page.getByRole('dialog', { name: 'Manage quick replies' });
const quickReplies = () => readTable<QuickReplyRow>(page, 'quickReplies');
/** The quick replies the composer offers you: shared ones and your personal ones, by title. */
async function visibleReplies(): Promise<QuickReplyRow[]> {
  const self = (await readTable<{ id: string; isSelf?: boolean }>(page, 'users')).find((u) => u.isSelf)!;
  return (await quickReplies()).filter((r) => !r.ownerId || r.ownerId === self.id).sort((a, b) => a.title.localeCompare(b.title, 'en', { sensitivity: 'base' }));
}
const byTitle = async (title: string) => (await quickReplies()).find((r) => r.title === title);

async function openChat(l: LeadRow): Promise<Locator> {
  await page.getByRole('searchbox', { name: 'Search candidates' }).fill(l.ref);
  await waitFor(async () => (await countText()) === '1 lead', { message: `${l.ref} found` });
  await page.getByRole('list', { name: 'Leads' }).getByRole('listitem').first().getByRole('button', { name: nameOf(l.candidateId), exact: true }).click();
  await page.getByRole('dialog', { name: nameOf(l.candidateId) }).getByRole('button', { name: 'Open chat' }).click();
  const c = page.getByRole('dialog', { name: `Chat with ${nameOf(l.candidateId)}` }).getByRole('region', { name: 'Composer' });
  await c.getByRole('textbox', { name: 'Message' }).waitFor();
  return c;
}

async function openManage(): Promise<Locator> {
  await composer.getByRole('button', { name: 'Quick replies', exact: true }).click();
  await composer.getByRole('button', { name: 'Manage quick replies' }).click();
  const dialog = manageDialog();
  await dialog.waitFor();
  return dialog;
}

const setRole = (label: 'Manager' | 'Limited Manager' | null) => actAsRole(ext, page, label);

beforeAll(async () => {
  ext = await launchExtension();
  const cdp = await ext.browserSession();
  const record = (e: { targetInfo: { type: string; url: string } }) => {
    if (e.targetInfo.type === 'page' && e.targetInfo.url) targetUrls.push(e.targetInfo.url);
  };
  cdp.on('Target.targetCreated', record);
  cdp.on('Target.targetInfoChanged', record);
  await cdp.send('Target.setDiscoverTargets', { discover: true });
  page = await ext.openSidePanel({ width: 400, height: 800 });
  consoleLog = collectConsole(page);
  await loadSampleData(page);
  const leads = await readTable<LeadRow>(page, 'leads');
  candidates = new Map((await readTable<CandidateRow>(page, 'candidates')).map((c) => [c.id, c]));
  lead = leads.find((l) => {
    const c = candidates.get(l.candidateId)!;
    return Boolean(c.phone) && !c.doNotContact && c.firstName.length > 1 && leads.filter((x) => x.candidateId === c.id).length === 1;
  })!;
  composer = await openChat(lead);
});

afterAll(async () => {
  await ext?.close();
});

describe('managing quick replies', () => {
  it('creates one with tokens; choosing it fills the body, never the title', async () => {
    const c = candidates.get(lead.candidateId)!;
    const before = await countTable(page, 'quickReplies');
    const dialog = await openManage();
    await dialog.getByRole('button', { name: 'New quick reply' }).click();
    await dialog.getByRole('textbox', { name: 'Title' }).fill('Zebra shift reminder');
    await dialog.getByRole('textbox', { name: 'Text' }).fill('Hi {{candidate_name}}, your {{job_title}} shift starts at 8.');
    await dialog.getByRole('button', { name: 'Save quick reply' }).click();
    await expect.poll(() => dialog.getByRole('list', { name: 'Quick replies' }).textContent()).toContain('Zebra shift reminder');
    expect(await countTable(page, 'quickReplies')).toBe(before + 1);
    expect(await byTitle('Zebra shift reminder')).toMatchObject({
      body: 'Hi {{candidate_name}}, your {{job_title}} shift starts at 8.',
      channels: ['sms', 'facebook', 'email', 'whatsapp'],
    });
    await dialog.getByRole('button', { name: 'Close' }).click();

    await textarea().fill('');
    await textarea().pressSequentially('/zebra');
    await expect.poll(() => composer.getByRole('option').allTextContents()).toEqual([expect.stringMatching(/^Zebra shift reminder/)]);
    await textarea().press('Enter');
    expect(await textarea().inputValue()).toBe('Hi {{candidate_name}}, your {{job_title}} shift starts at 8.');
    const preview = composer.getByRole('region', { name: 'Preview' });
    await expect.poll(() => preview.textContent()).toMatch(new RegExp(`^Hi ${c.firstName}, your .+ shift starts at 8\\.$`));
    const rendered = (await preview.textContent())!;

    // Sent by SMS: the link and the logged message carry the text, not the title.
    await composer.getByRole('radio', { name: 'SMS' }).check();
    const from = targetUrls.length;
    await composer.getByRole('button', { name: 'Send', exact: true }).click();
    const url = await waitFor(() => targetUrls.slice(from).find((u) => u.startsWith('sms:')), { timeout: 10_000, message: 'the sms: tab' });
    expect(decodeURIComponent(url.slice(url.indexOf('?body=') + '?body='.length))).toBe(rendered);
    expect(url).not.toContain('Zebra');
    await expect
      .poll(async () => (await readTable<MessageRow>(page, 'messages')).filter((m) => m.candidateId === c.id && m.body === rendered).length)
      .toBe(1);
    const logged = (await readTable<MessageRow>(page, 'messages')).filter((m) => m.candidateId === c.id);
    expect(logged.some((m) => m.body.includes('Zebra'))).toBe(false);
  });

  it('a broken or unknown token cannot be saved without a warning', async () => {
    const dialog = await openManage();
    await dialog.getByRole('button', { name: 'Edit Zebra shift reminder' }).click();
    const text = dialog.getByRole('textbox', { name: 'Text' });
    await text.fill('Hi {{candidate_name}, ask {{nickname}} about the 8:00 shift.');
    await dialog.getByRole('button', { name: 'Save quick reply' }).click();
    const warning = dialog.getByRole('alert');
    await expect.poll(() => warning.textContent()).toMatch(/nickname/);
    expect(await warning.textContent()).toMatch(/Candidates would not get this text until it is fixed\./);
    // Not saved.
    expect((await byTitle('Zebra shift reminder'))?.body).toBe('Hi {{candidate_name}}, your {{job_title}} shift starts at 8.');

    // Editing the text takes the warning away; saving the same problem brings it back.
    await text.fill('Hi {{nickname}}');
    await expect.poll(() => dialog.getByRole('alert').count()).toBe(0);
    await dialog.getByRole('button', { name: 'Save quick reply' }).click();
    await expect.poll(() => dialog.getByRole('alert').textContent()).toMatch(/Unknown token: nickname/);
    await dialog.getByRole('button', { name: 'Save anyway' }).click();
    await expect.poll(async () => (await byTitle('Zebra shift reminder'))?.body).toBe('Hi {{nickname}}');

    // A new one with a broken token, cancelled at the warning: nothing stored.
    const count = await countTable(page, 'quickReplies');
    await dialog.getByRole('button', { name: 'New quick reply' }).click();
    await dialog.getByRole('textbox', { name: 'Title' }).fill('Broken one');
    await dialog.getByRole('textbox', { name: 'Text' }).fill('Hello <%= @candidate_name');
    await dialog.getByRole('button', { name: 'Save quick reply' }).click();
    await expect.poll(() => dialog.getByRole('alert').count()).toBe(1);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(await countTable(page, 'quickReplies')).toBe(count);
    expect(await byTitle('Broken one')).toBeUndefined();
  });

  it('edits the title and the text', async () => {
    const dialog = manageDialog();
    const id = (await byTitle('Zebra shift reminder'))!.id;
    await dialog.getByRole('button', { name: 'Edit Zebra shift reminder' }).click();
    expect(await dialog.getByRole('textbox', { name: 'Title' }).inputValue()).toBe('Zebra shift reminder');
    await dialog.getByRole('textbox', { name: 'Title' }).fill('Zebra night shift');
    await dialog.getByRole('textbox', { name: 'Text' }).fill('Hi <%= @candidate_name %>, the night shift starts at 22:00.');
    await dialog.getByRole('button', { name: 'Save quick reply' }).click();
    await expect.poll(() => dialog.getByRole('button', { name: 'Edit Zebra night shift' }).count()).toBe(1);
    const row = (await quickReplies()).find((r) => r.id === id);
    expect(row).toMatchObject({ title: 'Zebra night shift', body: 'Hi <%= @candidate_name %>, the night shift starts at 22:00.' });
    expect(await byTitle('Zebra shift reminder')).toBeUndefined();
  });

  it('deletes one after a confirmation', async () => {
    const dialog = manageDialog();
    const count = await countTable(page, 'quickReplies');
    await dialog.getByRole('button', { name: 'Delete Zebra night shift' }).click();
    const confirm = dialog.getByRole('group', { name: 'Delete Zebra night shift?' });
    // Keep it: nothing happens.
    await confirm.getByRole('button', { name: 'Keep it' }).click();
    expect(await countTable(page, 'quickReplies')).toBe(count);
    await dialog.getByRole('button', { name: 'Delete Zebra night shift' }).click();
    await confirm.getByRole('button', { name: 'Yes, delete' }).click();
    await expect.poll(() => countTable(page, 'quickReplies')).toBe(count - 1);
    expect(await byTitle('Zebra night shift')).toBeUndefined();
    // The list follows the change feed (asynchronously).
    await expect.poll(() => dialog.getByRole('button', { name: 'Edit Zebra night shift' }).count()).toBe(0);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await textarea().fill('');
    await textarea().pressSequentially('/zebra');
    await expect.poll(() => composer.getByText('No quick replies match.').count()).toBe(1);
    await textarea().press('Escape');
  });
});

describe('choosing with the keyboard', () => {
  it('`/` at the start opens the list; arrows move; Enter fills; Escape closes', async () => {
    const visible = await visibleReplies();
    await textarea().fill('');
    await textarea().press('/');
    const options = composer.getByRole('option');
    // Every quick reply you may use (shared ones and your own), by title.
    await expect.poll(() => options.count()).toBe(visible.length);
    expect(await options.locator('strong').allTextContents()).toEqual(visible.map((r) => r.title));
    expect(await composer.getByRole('option', { selected: true }).count()).toBe(1);
    expect(await options.nth(0).getAttribute('aria-selected')).toBe('true');
    // The textarea points at the active option (aria-activedescendant), so a screen reader follows.
    const activeId = () => textarea().getAttribute('aria-activedescendant');
    expect(await activeId()).toBe(await options.nth(0).getAttribute('id'));

    await textarea().press('ArrowDown');
    await textarea().press('ArrowDown');
    await textarea().press('ArrowUp');
    expect(await options.nth(1).getAttribute('aria-selected')).toBe('true');
    expect(await activeId()).toBe(await options.nth(1).getAttribute('id'));
    // ArrowUp from the first wraps to the last.
    await textarea().press('Home');
    await textarea().press('ArrowUp');
    const last = (await options.count()) - 1;
    expect(await options.nth(last).getAttribute('aria-selected')).toBe('true');
    await textarea().press('Home');
    await textarea().press('ArrowDown');

    const chosenTitle = (await options.nth(1).locator('strong').textContent())!;
    const chosen = (await quickReplies()).find((r) => r.title === chosenTitle)!;
    await textarea().press('Enter');
    expect(await textarea().inputValue()).toBe(chosen.body);
    expect(await composer.getByRole('listbox').count()).toBe(0);

    // Escape closes the list and leaves the text as typed.
    await textarea().fill('');
    await textarea().pressSequentially('/int');
    await expect.poll(() => composer.getByRole('listbox').count()).toBe(1);
    await textarea().press('Escape');
    expect(await composer.getByRole('listbox').count()).toBe(0);
    expect(await textarea().inputValue()).toBe('/int');

    // `/` later in the text is just a slash.
    await textarea().fill('');
    await textarea().pressSequentially('Mon/Tue');
    expect(await composer.getByRole('listbox').count()).toBe(0);
    await textarea().fill('');
  });
});

describe('as a Limited Manager', () => {
  it('uses quick replies but cannot create, edit or delete them', async () => {
    const before = await quickReplies();
    await setRole('Limited Manager');
    try {
      // Use: the list opens from the button and from `/`, and a choice fills the composer.
      await composer.getByRole('button', { name: 'Quick replies', exact: true }).click();
      const manage = composer.getByRole('button', { name: 'Manage quick replies' });
      await manage.waitFor();
      expect(await manage.isDisabled()).toBe(true);
      const why = await manage.getAttribute('aria-describedby');
      expect(why).toBeTruthy();
      expect(await page.locator(`[id="${why}"]`).textContent()).toBe('Only owners and managers can create, edit or delete quick replies.');
      await composer.getByRole('combobox', { name: 'Search quick replies' }).fill('interview invite');
      await composer.getByRole('combobox', { name: 'Search quick replies' }).press('Enter');
      expect(await textarea().inputValue()).toBe(before.find((r) => r.title.startsWith('Interview invite'))!.body);

      await textarea().fill('');
      await textarea().pressSequentially('/');
      await expect.poll(() => composer.getByRole('option').count()).toBe((await visibleReplies()).length);
      await textarea().press('Enter');
      expect(await textarea().inputValue()).not.toBe('/');
      expect(await quickReplies()).toEqual(before);
    } finally {
      await setRole(null);
    }
    // Back to the owner: the same button works again.
    await composer.getByRole('button', { name: 'Quick replies', exact: true }).click();
    expect(await composer.getByRole('button', { name: 'Manage quick replies' }).isDisabled()).toBe(false);
    await composer.getByRole('button', { name: 'Quick replies', exact: true }).click();
  });

  it('left no console errors', () => {
    expect(consoleLog.errors).toEqual([]);
  });
});
