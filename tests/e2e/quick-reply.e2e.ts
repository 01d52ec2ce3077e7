// Quick replies in any tab (issue 8) in Chromium with the built extension (test build).
//
// The gesture (DESIGN §7): Playwright cannot press an extension shortcut or open a native
// context menu. Each test clicks into the field, grants activeTab with a real toolbar click
// (CDP Extensions.triggerAction, harness grantActiveTab), then calls the keyboard command's own
// handler in the service worker (`__leadside.handleCommand`, test builds only), which injects the
// picker exactly as the shortcut does. Pages are served under their real host names with
// context.route (harness serveSite). The picker's shadow root is open in test builds only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { collectConsole, grantActiveTab, launchExtension, readTable, serveSite, waitFor, type ConsoleCollector, type ExtensionHandle } from './harness';

interface CandidateRow {
  id: string;
  ref: string;
  firstName: string;
  lastName: string;
  phone?: string;
  email?: string;
  doNotContact?: { at: number; reason: string };
}
interface LeadRow {
  id: string;
  candidateId: string;
  campaignId: string;
  addedAt: number;
}
interface MessageRow {
  id: string;
  candidateId: string;
  direction: string;
  channel: string;
  body: string;
  status: string;
  sentAt: number;
}

let ext: ExtensionHandle;
let panel: Page;
let consoleLog: ConsoleCollector;
let candidates: CandidateRow[];
let leads: LeadRow[];

const countText = async () => (await panel.getByRole('status').filter({ hasText: /^\d[\d,]* leads?/ }).textContent())?.trim() ?? '';

/** The page's tab id, as the service worker knows it (activeTab makes its URL visible). */
async function tabIdOf(page: Page): Promise<number> {
  const worker = await ext.waitForServiceWorker();
  const id = await worker.evaluate(async (url) => (await chrome.tabs.query({})).find((t) => t.url === url)?.id ?? null, page.url());
  if (id === null) throw new Error(`no tab with ${page.url()} visible to the extension`);
  return id;
}

/** The shortcut, as far as a test can press it: a real activeTab grant, then the command's handler. */
async function pressShortcut(page: Page): Promise<void> {
  await grantActiveTab(page);
  const tabId = await tabIdOf(page);
  const worker = await ext.waitForServiceWorker();
  await worker.evaluate(
    (id) => (globalThis as unknown as { __leadside: { handleCommand(c: string, t: number): Promise<void> } }).__leadside.handleCommand('insert-quick-reply', id),
    tabId,
  );
}

const picker = (page: Page) => page.getByRole('dialog', { name: 'Leadside quick replies' });

async function messagesOf(candidateId: string): Promise<MessageRow[]> {
  return (await readTable<MessageRow>(panel, 'messages')).filter((m) => m.candidateId === candidateId).sort((a, b) => a.sentAt - b.sentAt);
}

const PLAIN_PAGE = `<!doctype html><meta charset="utf-8"><title>Plain fields</title>
<label>Subject <input id="subject" aria-label="Subject" maxlength="20"></label>
<label>Note <textarea id="note" aria-label="Note"></textarea></label>
<div contenteditable="true" aria-label="Editable" role="textbox" id="editable"></div>
<label>Password <input type="password" aria-label="Password"></label>
<iframe title="Other site frame" src="https://other.example/frame.html" width="300" height="80"></iframe>`;

const FRAME_PAGE = `<!doctype html><meta charset="utf-8"><textarea aria-label="Framed note"></textarea>`;

beforeAll(async () => {
  ext = await launchExtension();
  panel = await ext.openSidePanel({ width: 400, height: 800 });
  consoleLog = collectConsole(ext.context, { ignore: [/Failed to load resource/] });
  await panel.getByRole('button', { name: 'Load sample data' }).click();
  await waitFor(async () => (await countText()) === '500 leads', { timeout: 15_000, message: '500 leads listed' });
  candidates = await readTable<CandidateRow>(panel, 'candidates');
  leads = await readTable<LeadRow>(panel, 'leads');
  await serveSite(ext.context, 'fields.example', ({ url }) => (url.pathname === '/' ? PLAIN_PAGE : null));
  await serveSite(ext.context, 'other.example', () => FRAME_PAGE);
});

afterAll(async () => {
  await ext?.close();
});

describe('the picker on a plain page', () => {
  it('inserts a rendered quick reply into a textarea, for the candidate chosen in the picker', async () => {
    const page = await ext.context.newPage();
    await page.goto('https://fields.example/');
    const note = page.getByRole('textbox', { name: 'Note' });
    await note.click();
    await page.keyboard.type('Dear team. ');

    await pressShortcut(page);
    const dialog = picker(page);
    await dialog.waitFor();
    // Nobody on this page, nobody open in the side panel: the picker asks.
    await expect.poll(() => dialog.textContent()).toMatch(/No candidate found/);
    const who = candidates.find((c) => c.email && !c.doNotContact && leads.some((l) => l.candidateId === c.id))!;
    await dialog.getByRole('button', { name: 'Choose candidate' }).click();
    await dialog.getByRole('searchbox', { name: 'Search candidates' }).fill(who.email!);
    await dialog.getByRole('listbox', { name: 'Candidates' }).getByRole('option', { name: new RegExp(who.firstName) }).first().waitFor();
    await dialog.getByRole('searchbox', { name: 'Search candidates' }).press('Enter');
    await expect.poll(() => dialog.textContent()).toMatch(new RegExp(`To: ${who.firstName}`));

    const filter = dialog.getByRole('combobox', { name: 'Filter quick replies' });
    await filter.fill('interview invite');
    await expect.poll(() => dialog.getByRole('option').count()).toBe(1);
    const preview = await dialog.getByRole('region', { name: 'Preview' }).textContent();
    expect(preview).toMatch(new RegExp(`^Hi ${who.firstName},`));
    expect(preview).not.toMatch(/\{\{|<%/);
    await filter.press('Enter');

    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => note.inputValue()).toBe(`Dear team. ${preview}`);
    // The caret is after the inserted text, and focus is back in the field.
    const caret = await note.evaluate((el: HTMLTextAreaElement) => ({ focused: document.activeElement === el, at: el.selectionStart, len: el.value.length }));
    expect(caret).toEqual({ focused: true, at: caret.len, len: caret.len });
    // Undo removes the inserted text (the field's own undo stack).
    await page.keyboard.press('Control+z');
    await expect.poll(() => note.inputValue()).toBe('Dear team. ');
    // A plain page is no channel: nothing is logged.
    expect((await messagesOf(who.id)).filter((m) => m.body === preview)).toHaveLength(0);
    await page.close();
  });

  it('refuses a password field and leaves it empty', async () => {
    const page = await ext.context.newPage();
    await page.goto('https://fields.example/');
    const password = page.getByLabel('Password');
    await password.click();
    await pressShortcut(page);
    const dialog = picker(page);
    await expect.poll(() => dialog.getByRole('alert').textContent()).toBe('Leadside never inserts into password fields.');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await password.inputValue()).toBe('');
    await page.close();
  });

  it('leaves a field in a cross-origin frame alone', async () => {
    const page = await ext.context.newPage();
    await page.goto('https://fields.example/');
    const framed = page.frameLocator('iframe[title="Other site frame"]').getByRole('textbox', { name: 'Framed note' });
    await framed.click();
    await pressShortcut(page);
    const dialog = picker(page);
    await expect.poll(() => dialog.getByRole('alert').textContent()).toMatch(/frame from another site/);
    expect(await framed.inputValue()).toBe('');
    await page.close();
  });

  it('respects maxlength instead of cutting the reply', async () => {
    const page = await ext.context.newPage();
    await page.goto('https://fields.example/');
    const subject = page.getByRole('textbox', { name: 'Subject' });
    await subject.click();
    await pressShortcut(page);
    const dialog = picker(page);
    const who = candidates.find((c) => c.phone && !c.doNotContact)!;
    await dialog.getByRole('button', { name: 'Choose candidate' }).click();
    await dialog.getByRole('searchbox', { name: 'Search candidates' }).fill(who.ref);
    await dialog.getByRole('listbox', { name: 'Candidates' }).getByRole('option', { name: new RegExp(who.firstName) }).first().waitFor();
    await dialog.getByRole('searchbox', { name: 'Search candidates' }).press('Enter');
    await dialog.getByRole('combobox', { name: 'Filter quick replies' }).fill('interview invite');
    await dialog.getByRole('combobox', { name: 'Filter quick replies' }).press('Enter');
    await expect.poll(() => dialog.getByRole('alert').textContent()).toMatch(/^This field takes at most 20 characters; with this reply it would hold \d+\.$/);
    expect(await subject.inputValue()).toBe('');
    await page.close();
  });

  it('logs nothing in the console from our script', () => {
    expect(consoleLog.errors.filter((e) => /leadside|quick-reply/i.test(e))).toEqual([]);
  });
});
