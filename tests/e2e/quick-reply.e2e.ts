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
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT_DIR, collectConsole, fixturePath, grantActiveTab, launchExtension, readTable, serveSite, waitFor, type ConsoleCollector, type ExtensionHandle } from './harness';
import type { CandidateRow, LeadRow, MessageRow } from './rows';
import { loadSampleData } from './panel';

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
  const injected = await worker.evaluate(
    (id) => (globalThis as unknown as { __leadside: { handleCommand(c: string, t: number): Promise<boolean> } }).__leadside.handleCommand('insert-quick-reply', id),
    tabId,
  );
  if (!injected) throw new Error(`the picker could not be injected into ${page.url()}`);
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
<iframe title="Other site frame" src="https://other.example/frame.html" width="300" height="80"></iframe>
<iframe title="Same site frame" src="/frame.html" width="300" height="80"></iframe>`;

const FRAME_PAGE = `<!doctype html><meta charset="utf-8"><textarea aria-label="Framed note"></textarea>`;

// The real editor libraries, bundled by scripts/build-editor-fixtures.mjs (npm test builds them).
const EDITORS_DIR = path.resolve(import.meta.dirname, 'fixtures/editors');
const EDITOR_BUNDLE = (name: string) => readFileSync(path.join(EDITORS_DIR, 'dist', name));

/**
 * A saved messaging-site fixture (tests/fixtures/threads) as its site serves it, with the real
 * Lexical editor mounted on the composer where the site uses Lexical.
 */
function threadPage(file: string): string {
  const html = readFileSync(fixturePath('threads', file), 'utf8');
  return html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/data-fixture-field="(composer|body|reply)"/, 'id="fx-composer" data-fixture-field="$1"')
    .replace('</body>', '<script src="/__fixture/lexical.js"></script></body>');
}

function siteHandler(file: string) {
  return ({ url }: { url: URL }) =>
    url.pathname === '/__fixture/lexical.js'
      ? { contentType: 'text/javascript', body: EDITOR_BUNDLE('lexical.js') }
      : url.pathname.endsWith('.js') || url.pathname.endsWith('.ico')
        ? null
        : threadPage(file);
}

/** The editor's own state (Lexical's, Draft's, React's), read in the page's main world. */
async function editorState(page: Page, id: string): Promise<{ text: string; selection: { anchor: number; focus: number } | null }> {
  return page.evaluate((key) => {
    const editor = (globalThis as unknown as { __fixtureEditors: Record<string, { text(): string; selection(): { anchor: number; focus: number } | null }> }).__fixtureEditors[key]!;
    return { text: editor.text(), selection: editor.selection() };
  }, id);
}

/** Adds a candidate (with an application in a sample campaign) and a quick reply, directly. */
async function seed(rows: { candidates?: Record<string, unknown>[]; quickReplies?: Record<string, unknown>[] }): Promise<void> {
  await panel.evaluate(async (r) => {
    type Table = { bulkAdd(rows: unknown[]): Promise<unknown>; toCollection(): { first(): Promise<{ id: string } | undefined> } };
    const db = (globalThis as unknown as { __leadside: { state: { db: Record<string, Table> } } }).__leadside.state.db;
    const campaign = await db.campaigns!.toCollection().first();
    const now = Date.now();
    let n = 0;
    for (const c of r.candidates ?? []) {
      n++;
      await db.candidates!.bulkAdd([{ createdAt: now, updatedAt: now, ...c }]);
      await db.leads!.bulkAdd([
        {
          id: `lead_qr_${String(c.id)}`,
          ref: `A-9${n}${String(now).slice(-4)}`,
          candidateId: c.id,
          campaignId: campaign!.id,
          folderId: 'inbox',
          source: 'Manual',
          labels: [],
          attributes: {},
          answers: [],
          attachments: [],
          addedAt: now,
          lastActivityAt: now,
          updatedAt: now,
        },
      ]);
    }
    if (r.quickReplies?.length) await db.quickReplies!.bulkAdd(r.quickReplies.map((q) => ({ channels: ['sms', 'facebook', 'email', 'whatsapp'], updatedAt: now, ...q })));
  }, rows);
}

/** Filters the picker to one reply and inserts it; waits for the picker to close. */
async function chooseReply(page: Page, title: string): Promise<string> {
  const dialog = picker(page);
  const filter = dialog.getByRole('combobox', { name: 'Filter quick replies' });
  await filter.fill(title);
  await expect.poll(() => dialog.getByRole('option').count()).toBe(1);
  const preview = (await dialog.getByRole('region', { name: 'Preview' }).textContent()) ?? '';
  await filter.press('Enter');
  await dialog.waitFor({ state: 'detached' });
  return preview;
}

beforeAll(async () => {
  // The editor bundles (a no-op when up to date; npm test builds them too).
  execFileSync(process.execPath, [path.join(ROOT_DIR, 'scripts/build-editor-fixtures.mjs')], { stdio: 'inherit' });
  ext = await launchExtension();
  panel = await ext.openSidePanel({ width: 400, height: 800 });
  consoleLog = collectConsole(ext.context, { ignore: [/Failed to load resource/] });
  await loadSampleData(panel);
  candidates = await readTable<CandidateRow>(panel, 'candidates');
  leads = await readTable<LeadRow>(panel, 'leads');
  await serveSite(ext.context, 'fields.example', ({ url }) => (url.pathname === '/' ? PLAIN_PAGE : url.pathname === '/frame.html' ? FRAME_PAGE : null));
  await serveSite(ext.context, 'other.example', () => FRAME_PAGE);
  await serveSite(ext.context, 'editors.example', EDITORS_DIR);
  await seed({
    candidates: [
      { id: 'qr_ana', ref: 'C-90001', firstName: 'Ana', lastName: 'Reyes', linkedinUrl: 'https://www.linkedin.com/in/ana-reyes-12ab' },
      { id: 'qr_carla', ref: 'C-90002', firstName: 'Carla', lastName: 'Phone', phone: '+639171234567' },
      { id: 'qr_ben', ref: 'C-90003', firstName: 'Ben', lastName: 'Cruz', email: 'ben.cruz@example.org' },
      { id: 'qr_kim', ref: 'C-90004', firstName: 'Kim', lastName: 'Tan', facebookUrl: 'https://www.facebook.com/ana.reyes.demo' },
    ],
    quickReplies: [
      { id: 'qr_thanks', title: 'Thanks note', body: 'Thanks {{candidate_name}}, talk soon.' },
      { id: 'qr_plain', title: 'Plain ack', body: 'Got it, thank you.' },
      { id: 'qr_wa', title: 'WhatsApp hello', body: 'Hello {{candidate_name}}! Is now a good time to chat about {{campaign_name}}?' },
      { id: 'qr_li', title: 'LinkedIn intro', body: 'Hi {{candidate_first_name}}, I saw your profile and would love to talk.' },
      { id: 'qr_mail', title: 'Mail follow-up', body: 'Dear {{candidate_full_name}},\nthank you for your time today.' },
    ],
  });
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
    // It opens at the field being typed in: just below it (6 px), at its left edge.
    const [box, at] = [(await dialog.boundingBox())!, (await note.boundingBox())!];
    expect(Math.abs(box.y - (at.y + at.height + 6))).toBeLessThanOrEqual(1);
    expect(Math.abs(box.x - Math.max(8, at.x))).toBeLessThanOrEqual(1);
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

  it('reaches a field inside a frame of the same site', async () => {
    const page = await ext.context.newPage();
    await page.goto('https://fields.example/');
    const framed = page.frameLocator('iframe[title="Same site frame"]').getByRole('textbox', { name: 'Framed note' });
    await framed.click();
    await page.keyboard.type('Note: ');
    await pressShortcut(page);
    // The reply has no token, so it needs no candidate.
    expect(await chooseReply(page, 'Plain ack')).toBe('Got it, thank you.');
    await expect.poll(() => framed.inputValue()).toBe('Note: Got it, thank you.');
    // Focus and caret are back in the frame's field.
    await page.keyboard.type('!');
    await expect.poll(() => framed.inputValue()).toBe('Note: Got it, thank you.!');
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

  it('logs nothing in the console from our script (plain page)', () => {
    expect(consoleLog.errors.filter((e) => /leadside|quick-reply/i.test(e))).toEqual([]);
  });
});

describe('five editor kinds, each checked in its own state (real Lexical, Draft.js, React 18)', () => {
  let page: Page;
  let who: CandidateRow;

  beforeAll(async () => {
    // The candidate open in the side panel stands in when the page names nobody.
    who = candidates.find((c) => !c.doNotContact && c.firstName.length > 1 && leads.some((l) => l.candidateId === c.id))!;
    await panel.getByRole('searchbox', { name: 'Search candidates' }).fill(who.ref);
    const count = leads.filter((l) => l.candidateId === who.id).length;
    await waitFor(async () => (await countText()) === (count === 1 ? '1 lead' : `${count} leads`), { message: 'the candidate listed' });
    await panel.getByRole('list', { name: 'Leads' }).getByRole('listitem').first().getByRole('button', { name: `${who.firstName} ${who.lastName}`.trim(), exact: true }).click();
    await panel.getByRole('dialog', { name: `${who.firstName} ${who.lastName}`.trim() }).waitFor();
    page = await ext.context.newPage();
    await page.goto('https://editors.example/editors.html');
    await page.waitForFunction(() => Object.keys((globalThis as unknown as { __fixtureEditors?: object }).__fixtureEditors ?? {}).length >= 3);
  });

  afterAll(async () => {
    await page?.close();
  });

  const kinds = [
    { id: 'lexical', label: 'Lexical editor', undo: true },
    { id: 'draft', label: 'Draft editor', undo: true },
    { id: 'react-textarea', label: 'React textarea', undo: true },
    { id: 'plain-contenteditable', label: 'Plain contenteditable', undo: true },
    { id: 'plain-input', label: 'Plain input', undo: true },
  ];

  it.each(kinds)('$label: the rendered reply lands in the editor state, caret after it, and undo removes it', async ({ id, label }) => {
    const field = page.getByRole('textbox', { name: label });
    await field.click();
    await page.keyboard.type('Start ');
    await page.waitForTimeout(400); // past Lexical's history merge window: the insert is its own step
    const read = async () =>
      id === 'plain-contenteditable' || id === 'plain-input'
        ? await page.evaluate((key) => {
            const el = document.getElementById(key) as HTMLInputElement | HTMLElement;
            const text = 'value' in el ? (el).value : el.innerText.replace(/\n$/, '').replace(/\u00a0/g, ' ');
            let caret: number | null;
            if ('value' in el) caret = (el).selectionStart;
            else {
              const sel = document.getSelection()!;
              const range = document.createRange();
              range.selectNodeContents(el);
              range.setEnd(sel.focusNode!, sel.focusOffset);
              caret = range.toString().length;
            }
            return { text, selection: caret === null ? null : { anchor: caret, focus: caret } };
          }, id)
        : await editorState(page, id);
    expect((await read()).text).toBe('Start ');

    await pressShortcut(page);
    const dialog = picker(page);
    await expect.poll(() => dialog.textContent()).toMatch(new RegExp(`To: ${who.firstName}.*\\(open in Leadside\\)`));
    const inserted = await chooseReply(page, 'Thanks note');
    expect(inserted).toBe(`Thanks ${who.firstName}, talk soon.`);

    const expected = `Start ${inserted}`;
    await expect.poll(async () => (await read()).text).toBe(expected);
    expect((await read()).selection).toEqual({ anchor: expected.length, focus: expected.length });
    // Focus is back in the field (Draft's and React's editable elements sit inside the host).
    expect(await page.evaluate(() => document.activeElement?.closest('[id]')?.id)).toBe(id);

    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await read()).text).toBe('Start ');
  });

  it('refuses the password field', async () => {
    await page.getByLabel('Password').click();
    await pressShortcut(page);
    await expect.poll(() => picker(page).getByRole('alert').textContent()).toBe('Leadside never inserts into password fields.');
    await page.keyboard.press('Escape');
    expect(await page.getByLabel('Password').inputValue()).toBe('');
  });

  it('a WhatsApp chat with someone not in Leadside is not taken for the panel’s candidate: it is only offered', async () => {
    // The saved WhatsApp fixture, its contact renamed to a person Leadside does not have.
    const html = threadPage('whatsapp-name-chat-2026-11-28.html').replace(/Ana Reyes/g, 'Zed Nobody');
    const stop = await serveSite(ext.context, 'web.whatsapp.com', ({ url }) =>
      url.pathname === '/__fixture/lexical.js' ? { contentType: 'text/javascript', body: EDITOR_BUNDLE('lexical.js') } : url.pathname === '/' ? html : null,
    );
    const wa = await ext.context.newPage();
    try {
      await wa.goto('https://web.whatsapp.com/');
      await wa.waitForFunction(() => Boolean((globalThis as unknown as { __fixtureEditors?: Record<string, unknown> }).__fixtureEditors?.['fx-composer']));
      await wa.locator('#fx-composer').click();
      await pressShortcut(wa);
      const dialog = picker(wa);
      await expect.poll(() => dialog.textContent()).toMatch(/Zed Nobody.* \(this conversation\) is not in Leadside\./);
      expect(await dialog.textContent()).not.toContain('To: ');
      await dialog.getByRole('button', { name: 'Choose candidate' }).click();
      const offer = dialog.getByRole('listbox', { name: 'Candidates' }).getByRole('option');
      await expect.poll(() => offer.count()).toBe(1);
      expect(await offer.textContent()).toContain(`${who.firstName} ${who.lastName}`.trim());
      expect(await offer.textContent()).toContain('Open in Leadside');
      await offer.click();
      await expect.poll(() => dialog.textContent()).toMatch(new RegExp(`To: ${who.firstName}.*\\(chosen by you\\)`));
      await wa.keyboard.press('Escape');
    } finally {
      await wa.close();
      await stop();
    }
  });
});

describe('messaging sites: the conversation names the candidate, and the text is logged', () => {
  const sites = [
    { name: 'WhatsApp Web (saved contact, Lexical)', host: 'web.whatsapp.com', path: '/', file: 'whatsapp-name-chat-2026-11-28.html', candidateId: 'qr_ana', reply: 'WhatsApp hello', channel: 'whatsapp', lexical: true },
    { name: 'WhatsApp Web (unsaved number, Lexical)', host: 'web.whatsapp.com', path: '/', file: 'whatsapp-phone-chat-2026-11-28.html', candidateId: 'qr_carla', reply: 'WhatsApp hello', channel: 'whatsapp', lexical: true },
    { name: 'Messenger (Lexical)', host: 'www.messenger.com', path: '/t/100055555555555/', file: 'messenger-messenger-com-thread-2026-11-28.html', candidateId: 'qr_kim', reply: 'Thanks note', channel: 'facebook', lexical: true },
    { name: 'LinkedIn messaging (contenteditable)', host: 'www.linkedin.com', path: '/messaging/thread/2-YWJjZGVmMTIzNDU2Nzg5MA==/', file: 'linkedin-thread-page-2026-11-28.html', candidateId: 'qr_ana', reply: 'LinkedIn intro', channel: 'linkedin', lexical: false },
    { name: 'Gmail compose (contenteditable)', host: 'mail.google.com', path: '/mail/u/0/', file: 'gmail-compose-one-recipient-2026-11-28.html', candidateId: 'qr_ben', reply: 'Mail follow-up', channel: 'email', lexical: false },
  ];

  it.each(sites)('$name', async ({ host, path: at, file, candidateId, reply, channel, lexical }) => {
    const stop = await serveSite(ext.context, host, siteHandler(file));
    const page = await ext.context.newPage();
    try {
      await page.goto(`https://${host}${at}`);
      if (lexical) await page.waitForFunction(() => Boolean((globalThis as unknown as { __fixtureEditors?: Record<string, unknown> }).__fixtureEditors?.['fx-composer']));
      await page.locator('#fx-composer').click();
      await pressShortcut(page);
      const dialog = picker(page);
      try {
        await dialog.waitFor({ timeout: 10_000 });
        await expect.poll(() => dialog.textContent()).toMatch(/To: /);
      } catch (e) {
        // This step failed twice in about a dozen full runs and never when watched: say what
        // the page and the extension showed, for whoever meets it next.
        const hosts = await page.locator('leadside-quick-reply').count();
        const text = await dialog.textContent({ timeout: 1000 }).catch(() => '(no picker)');
        console.error(`quick-reply picker on ${host}: ${hosts} host element(s), text: ${text}; last console lines:`, consoleLog.messages.slice(-8));
        throw e;
      }
      const c = await panel.evaluate((id) => (globalThis as unknown as { __leadside: { state: { db: { candidates: { get(id: string): Promise<{ firstName: string; lastName: string }> } } } } }).__leadside.state.db.candidates.get(id), candidateId);
      await expect.poll(() => dialog.textContent()).toMatch(new RegExp(`To: ${c.firstName} ${c.lastName}\\(from this conversation\\)`));
      const before = (await messagesOf(candidateId)).length;
      const text = await chooseReply(page, reply);
      expect(text).toContain(c.firstName);
      expect(text).not.toMatch(/\{\{|<%/);

      if (lexical) {
        await expect.poll(async () => (await editorState(page, 'fx-composer')).text).toBe(text);
      } else {
        await expect.poll(() => page.locator('#fx-composer').innerText()).toBe(text);
      }
      // Logged in the candidate's history as handed off on the site's channel.
      await expect.poll(async () => (await messagesOf(candidateId)).length).toBe(before + 1);
      const last = (await messagesOf(candidateId)).at(-1)!;
      expect(last).toMatchObject({ direction: 'outbound', channel, status: 'handed_off', body: text.trim() });

      // The same text again is a Duplicate Message: refused before anything is inserted.
      await pressShortcut(page);
      await dialog.getByRole('combobox', { name: 'Filter quick replies' }).fill(reply);
      await dialog.getByRole('combobox', { name: 'Filter quick replies' }).press('Enter');
      await expect.poll(() => dialog.getByRole('alert').textContent()).toMatch(/Duplicate Message/i);
      await page.keyboard.press('Escape');
      expect((await messagesOf(candidateId)).length).toBe(before + 1);
    } finally {
      await page.close();
      await stop();
    }
  });

  it('shows the shortcut in Options, and with logging turned off there inserts without logging', async () => {
    const options = await ext.openExtensionPage('options.html');
    await expect.poll(() => options.getByRole('note', { name: 'Quick reply shortcut' }).textContent()).toMatch(/Alt\+Shift\+Q.*chrome:\/\/extensions\/shortcuts/);
    const logging = options.getByRole('checkbox', { name: "Log quick replies inserted on other sites in the candidate's history" });
    expect(await logging.isChecked()).toBe(true);
    await logging.uncheck();

    const stop = await serveSite(ext.context, 'mail.google.com', siteHandler('gmail-compose-one-recipient-2026-11-28.html'));
    const page = await ext.context.newPage();
    try {
      await page.goto('https://mail.google.com/mail/u/0/');
      await page.locator('#fx-composer').click();
      const before = (await messagesOf('qr_ben')).length;
      await pressShortcut(page);
      await expect.poll(() => picker(page).textContent()).toMatch(/To: Ben Cruz/);
      expect(await picker(page).textContent()).not.toMatch(/are logged/);
      const text = await chooseReply(page, 'Thanks note');
      await expect.poll(() => page.locator('#fx-composer').innerText()).toBe(text);
      await page.waitForTimeout(500);
      expect((await messagesOf('qr_ben')).length).toBe(before);
    } finally {
      await page.close();
      await stop();
      await logging.check();
      await options.close();
    }
  });

  it('logs nothing in the console from our script', () => {
    expect(consoleLog.errors.filter((e) => /leadside|quick-reply/i.test(e))).toEqual([]);
  });
});

describe('"Insert into page" from the side panel', () => {
  /** Opens `url` in a window of its own (the browser window beside a real side panel). */
  async function pageInNewWindow(url: string): Promise<Page> {
    const cdp = await ext.browserSession();
    const [page] = await Promise.all([ext.context.waitForEvent('page'), cdp.send('Target.createTarget', { url, newWindow: true })]);
    await page.waitForURL(url);
    return page;
  }

  /** The quick-reply list of the chat open in the panel (a sample candidate's), filtered. */
  async function panelQuickReplies(filter: string) {
    await panel.bringToFront();
    const chat = panel.getByRole('dialog', { name: 'Chat' });
    if ((await chat.count()) === 0) {
      const close = panel.getByRole('button', { name: 'Close profile' });
      if ((await close.count()) > 0) await close.click();
      const lead = leads.find((l) => leads.filter((x) => x.candidateId === l.candidateId).length === 1)!;
      const shown = candidates.find((c) => c.id === lead.candidateId)!;
      const name = `${shown.firstName} ${shown.lastName}`.trim();
      await panel.getByRole('searchbox', { name: 'Search candidates' }).fill(shown.ref);
      await waitFor(async () => (await countText()) === '1 lead', { message: 'the sample candidate listed' });
      await panel.getByRole('list', { name: 'Leads' }).getByRole('listitem').first().getByRole('button', { name, exact: true }).click();
      await panel.getByRole('dialog', { name }).getByRole('button', { name: 'Open chat' }).click();
    }
    const composer = chat.getByRole('region', { name: 'Composer' });
    if ((await composer.getByRole('combobox', { name: 'Search quick replies' }).count()) === 0) await composer.getByRole('button', { name: 'Quick replies' }).click();
    await composer.getByRole('combobox', { name: 'Search quick replies' }).fill(filter);
    return composer;
  }

  it('inserts the highlighted reply, rendered for the person the page shows, into a site Leadside may use', async () => {
    const stop = await serveSite(ext.context, 'www.linkedin.com', siteHandler('linkedin-thread-page-2026-11-28.html'));
    const page = await pageInNewWindow('https://www.linkedin.com/messaging/thread/2-YWJjZGVmMTIzNDU2Nzg5MA==/');
    try {
      await page.locator('#fx-composer').click();
      await page.keyboard.type('Hello ');
      const composer = await panelQuickReplies('thanks note');
      await composer.getByRole('button', { name: 'Insert “Thanks note” into page' }).click();
      await expect.poll(() => composer.getByRole('status').filter({ hasText: 'goes in at the page' }).count()).toBe(1);
      // Rendered for Ana (the LinkedIn thread's person), not for the candidate open in the panel.
      await expect.poll(() => page.locator('#fx-composer').innerText()).toBe('Hello Thanks Ana, talk soon.');
      await expect.poll(async () => (await messagesOf('qr_ana')).at(-1)?.body).toBe('Thanks Ana, talk soon.');
    } finally {
      await page.close();
      await stop();
    }
  });

  it('on a messaging site not yet allowed, explains why before Chrome asks, and inserts nothing meanwhile', async () => {
    const stop = await serveSite(ext.context, 'web.whatsapp.com', siteHandler('whatsapp-name-chat-2026-11-28.html'));
    const page = await pageInNewWindow('https://web.whatsapp.com/');
    try {
      await page.waitForFunction(() => Boolean((globalThis as unknown as { __fixtureEditors?: Record<string, unknown> }).__fixtureEditors?.['fx-composer']));
      await page.locator('#fx-composer').click();
      const composer = await panelQuickReplies('thanks note');
      await composer.getByRole('button', { name: 'Insert “Thanks note” into page' }).click();
      const why = composer.getByRole('group', { name: 'Allow the messaging sites' });
      await expect.poll(() => why.textContent()).toMatch(/WhatsApp Web, Messenger and Gmail/);
      // The native prompt itself cannot be answered from Playwright; "Not now" leaves things as they were.
      await why.getByRole('button', { name: 'Not now' }).click();
      await expect.poll(() => why.count()).toBe(0);
      expect(await editorState(page, 'fx-composer')).toMatchObject({ text: '' });
      expect(await page.locator('leadside-quick-reply').count()).toBe(0);
    } finally {
      await page.close();
      await stop();
    }
  });
});
