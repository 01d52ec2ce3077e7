// Sending side of the chat (issue 6) in Chromium with the built extension (test build),
// sidepanel.html in a 400 px tab, sample data loaded. Hand-offs open real tabs: wa.me is mapped
// to a local HTTPS stub (see startWaStub), so no network is needed; each opened tab is observed with
// context.waitForEvent('page') and what was logged is read back from IndexedDB.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { collectConsole, countTable, launchExtension, readTable, waitFor, type ConsoleCollector, type ExtensionHandle } from './harness';
import type { CandidateRow, LeadRow, MessageRow } from './rows';
import { loadSampleData } from './panel';

let ext: ExtensionHandle;
let page: Page;
let consoleLog: ConsoleCollector;
let leads: LeadRow[];
let candidates: Map<string, CandidateRow>;
const used = new Set<string>();

const countStatus = () => page.getByRole('status').filter({ hasText: /^\d[\d,]* leads?/ });
const searchBox = () => page.getByRole('searchbox', { name: 'Search candidates' });
const leadItems = () => page.getByRole('list', { name: 'Leads' }).getByRole('listitem');
const nameOf = (candidateId: string) => {
  const c = candidates.get(candidateId)!;
  return `${c.firstName} ${c.lastName}`.trim();
};
const leadsOf = (candidateId: string) => leads.filter((l) => l.candidateId === candidateId);

async function countText(): Promise<string> {
  return (await countStatus().textContent())?.trim() ?? '';
}

/** A sample lead that fits the test and no other test has used (its candidate neither). */
function takeLead(fits: (lead: LeadRow, c: CandidateRow) => boolean): LeadRow {
  const lead = leads.find((l) => !used.has(l.candidateId) && fits(l, candidates.get(l.candidateId)!));
  if (!lead) throw new Error('no sample lead fits this test');
  used.add(lead.candidateId);
  return lead;
}

async function search(ref: string): Promise<void> {
  await searchBox().fill(ref);
  await expect.poll(countText).toBe('1 lead');
}

/** Opens the lead's profile, then its chat; returns the composer. */
async function openChat(lead: LeadRow): Promise<Locator> {
  const staleChat = page.getByRole('button', { name: 'Close chat' });
  if ((await staleChat.count()) > 0) await staleChat.click();
  const staleProfile = page.getByRole('button', { name: 'Close profile' });
  if ((await staleProfile.count()) > 0) await staleProfile.click();
  await search(lead.ref);
  await leadItems().first().getByRole('button', { name: nameOf(lead.candidateId), exact: true }).click();
  const profile = page.getByRole('dialog', { name: nameOf(lead.candidateId) });
  await profile.getByRole('button', { name: 'Open chat' }).click();
  const composer = page.getByRole('dialog', { name: 'Chat' }).getByRole('region', { name: 'Composer' });
  await composer.getByRole('textbox', { name: 'Message' }).waitFor();
  return composer;
}

async function messagesOf(candidateId: string): Promise<MessageRow[]> {
  return (await readTable<MessageRow>(page, 'messages')).filter((m) => m.candidateId === candidateId).sort((a, b) => a.sentAt - b.sentAt || (a.id < b.id ? -1 : 1));
}

/** Clicks Send and returns the tab the hand-off opened. */
async function sendAndCatchTab(composer: Locator): Promise<Page> {
  const [tab] = await Promise.all([ext.context.waitForEvent('page', { timeout: 10_000 }), composer.getByRole('button', { name: 'Send', exact: true }).click()]);
  // A new tab starts at about:blank before it navigates to the hand-off URL.
  await tab.waitForURL((u) => u.protocol !== 'about:');
  return tab;
}

/**
 * wa.me served locally. context.route (serveSite) never sees the navigation of a tab the
 * extension creates with tabs.create (Playwright attaches to it too late: the tab showed
 * chrome-error with no request event), so the host is mapped to a local HTTPS server instead
 * (DESIGN §7: --host-resolver-rules with --ignore-certificate-errors), with a throw-away
 * self-signed certificate.
 */
async function startWaStub(): Promise<{ port: number; close: () => void }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'leadside-wa-'));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=wa.me', '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem')], { stdio: 'ignore' });
  const server = createServer({ key: readFileSync(path.join(dir, 'key.pem')), cert: readFileSync(path.join(dir, 'cert.pem')) }, (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><title>WhatsApp stub</title><p>stub</p>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    close: () => {
      server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

let waStub: { port: number; close: () => void } | undefined;

beforeAll(async () => {
  waStub = await startWaStub();
  ext = await launchExtension({ args: [`--host-resolver-rules=MAP wa.me 127.0.0.1:${waStub.port}`, '--ignore-certificate-errors'] });
  // The bad-input tests paste from the real clipboard.
  // For every origin: Chrome calls chrome-extension:// origins opaque and refuses a grant naming one.
  await ext.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  page = await ext.openSidePanel({ width: 400, height: 800 });
  consoleLog = collectConsole(page);
  await loadSampleData(page);
  leads = (await readTable<LeadRow>(page, 'leads')).sort((a, b) => (a.ref < b.ref ? -1 : 1));
  candidates = new Map((await readTable<CandidateRow>(page, 'candidates')).map((c) => [c.id, c]));
});

afterAll(async () => {
  await ext?.close();
  waStub?.close();
});

describe('composer', () => {
  let lead: LeadRow;
  let composer: Locator;
  let sentText = '';

  it('fills a quick reply with tokens and previews it for this candidate', async () => {
    lead = takeLead((l, c) => Boolean(c.phone) && !c.doNotContact && c.firstName.length > 1 && leadsOf(c.id).length === 1);
    composer = await openChat(lead);
    const c = candidates.get(lead.candidateId)!;
    await composer.getByRole('button', { name: 'Quick replies' }).click();
    const searchQr = composer.getByRole('combobox', { name: 'Search quick replies' });
    await searchQr.fill('interview');
    // Title or text match: "Documents before interview" comes first (by title); the keys move.
    await expect.poll(() => composer.getByRole('option').count()).toBe(2);
    await searchQr.press('ArrowDown');
    expect(await composer.getByRole('option', { selected: true }).textContent()).toMatch(/^Interview invite/);
    await searchQr.press('Enter');
    const textarea = composer.getByRole('textbox', { name: 'Message' });
    expect(await textarea.inputValue()).toMatch(/^Hi \{\{candidate_name\}\}, thanks for applying for \{\{job_title\}\}/);
    const preview = composer.getByRole('region', { name: 'Preview' });
    await expect.poll(() => preview.textContent()).toMatch(new RegExp(`^Hi ${c.firstName}, thanks for applying for .+ at .+! `));
    expect(await preview.textContent()).not.toMatch(/\{\{|<%/);
    sentText = (await preview.textContent())!;

    // An unknown token is an inline error and Send is disabled until it is gone.
    await textarea.fill('Hi {{nickname}}');
    await expect.poll(() => composer.getByRole('alert', { name: 'Token problems' }).textContent()).toMatch(/Unknown token: nickname/);
    expect(await composer.getByRole('button', { name: 'Send', exact: true }).isDisabled()).toBe(true);
    // Typing / at the start opens the list too; keys choose.
    await textarea.fill('');
    await textarea.pressSequentially('/invite');
    await expect.poll(() => composer.getByRole('option').count()).toBe(1);
    await textarea.press('Enter');
    expect(await textarea.inputValue()).toMatch(/^Hi \{\{candidate_name\}\}/);
  });

  it('sends by WhatsApp: the wa.me tab opens, then the message is logged as handed off', async () => {
    const c = candidates.get(lead.candidateId)!;
    await composer.getByRole('radio', { name: 'WhatsApp' }).check();
    const before = await messagesOf(c.id);
    const tab = await sendAndCatchTab(composer);
    const url = new URL(tab.url());
    expect(url.origin + url.pathname).toBe(`https://wa.me/${c.phone!.replace(/\D/g, '')}`);
    expect(url.searchParams.get('text')).toBe(sentText);
    await tab.close();
    await expect.poll(async () => (await messagesOf(c.id)).length).toBe(before.length + 1);
    const sent = (await messagesOf(c.id)).at(-1)!;
    expect(sent).toMatchObject({ direction: 'outbound', sender: 'recruiter', channel: 'whatsapp', kind: 'text', status: 'handed_off', body: sentText, leadId: lead.id });
    expect(await composer.getByRole('textbox', { name: 'Message' }).inputValue()).toBe('');
  });

  it('refuses the same text again as a Duplicate Message, opening nothing', async () => {
    const c = candidates.get(lead.candidateId)!;
    const before = await messagesOf(c.id);
    const pages = ext.context.pages().length;
    // White space differences do not matter.
    await composer.getByRole('textbox', { name: 'Message' }).fill(`  ${sentText.replace(/ /g, '  ')}\n`);
    await composer.getByRole('button', { name: 'Send', exact: true }).click();
    await expect
      .poll(() => composer.getByRole('alert').filter({ hasText: 'Duplicate Message' }).textContent())
      .toBe(`Duplicate Message: this is the same text as your last message to ${nameOf(c.id)}. Edit it before sending.`);
    expect(ext.context.pages().length).toBe(pages);
    expect(await messagesOf(c.id)).toHaveLength(before.length);
  });

  it('allows the same text after the candidate replied', async () => {
    const c = candidates.get(lead.candidateId)!;
    // The candidate's reply, logged the way a recruiter records it in local mode: Log a reply.
    const chat = page.getByRole('dialog', { name: `Chat with ${nameOf(c.id)}` });
    await chat.getByRole('button', { name: 'Log a reply' }).click();
    const log = page.getByRole('dialog', { name: 'Log a reply' });
    await log.getByRole('textbox', { name: 'Reply' }).fill('Yes, Tuesday works');
    await log.getByRole('combobox', { name: 'Channel' }).selectOption({ label: 'WhatsApp' });
    await log.getByRole('button', { name: 'Log reply' }).click();
    await expect.poll(() => log.count()).toBe(0);
    await expect.poll(async () => (await messagesOf(c.id)).at(-1)).toMatchObject({ direction: 'inbound', body: 'Yes, Tuesday works', channel: 'whatsapp' });
    const before = await messagesOf(c.id);
    const tab = await sendAndCatchTab(composer);
    // The text left in the composer (extra spaces): the same message, now allowed.
    expect(new URL(tab.url()).searchParams.get('text')?.replace(/\s+/g, ' ')).toBe(sentText);
    await tab.close();
    await expect.poll(async () => (await messagesOf(c.id)).length).toBe(before.length + 1);
    expect((await messagesOf(c.id)).at(-1)).toMatchObject({ status: 'handed_off', direction: 'outbound' });
  });

  it('attaches a file (and refuses one over the limit before storing it)', async () => {
    const c = candidates.get(lead.candidateId)!;
    const pick = async (name: string, buffer: Buffer) => {
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), composer.getByRole('button', { name: 'Attach file' }).click()]);
      await chooser.setFiles({ name, mimeType: name.endsWith('.pdf') ? 'application/pdf' : 'application/zip', buffer });
    };
    await pick('huge.zip', Buffer.alloc(11 * 1024 * 1024));
    await expect.poll(() => composer.getByRole('alert').filter({ hasText: 'huge.zip' }).textContent()).toMatch(/limited to 10\.0 MB/);
    expect(await composer.getByRole('list', { name: 'Attachments' }).count()).toBe(0);

    await pick('job-description.pdf', Buffer.from('%PDF-1.4 job description'));
    await expect.poll(() => composer.getByRole('list', { name: 'Attachments' }).textContent()).toMatch(/job-description\.pdf/);
    await composer.getByRole('textbox', { name: 'Message' }).fill('Here is the job description, {{candidate_name}}.');
    // An emoji from the picker (emojibase data, loaded when the picker first opens).
    await composer.getByRole('button', { name: 'Emoji' }).click();
    await composer.getByRole('searchbox', { name: 'Search emoji' }).fill('waving hand');
    await composer.getByRole('button', { name: 'waving hand', exact: true }).click();
    const tab = await sendAndCatchTab(composer);
    await tab.close();
    await expect.poll(async () => (await messagesOf(c.id)).at(-1)?.body).toBe(`Here is the job description, ${c.firstName}.👋`);
    const sent = (await messagesOf(c.id)).at(-1)!;
    expect(sent.kind).toBe('file');
    expect(sent.attachments).toEqual([expect.objectContaining({ name: 'job-description.pdf', size: 24, type: 'application/pdf' })]);
    // A link cannot carry the file: it is offered for download.
    await composer.getByRole('button', { name: 'Download job-description.pdf' }).waitFor();
  });

  it('refuses a Do-not-contact candidate and says why', async () => {
    const dnc = takeLead((_, c) => Boolean(c.doNotContact));
    const dncComposer = await openChat(dnc);
    await expect.poll(() => dncComposer.getByRole('note').textContent()).toMatch(/is marked Do not contact \(.+\): no messages can be sent/);
    expect(await dncComposer.getByRole('textbox', { name: 'Message' }).isDisabled()).toBe(true);
    expect(await dncComposer.getByRole('button', { name: 'Send', exact: true }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Close chat' }).click();
  });
});

describe('bad input', () => {
  let lead: LeadRow;
  let composer: Locator;

  it('refuses a 5 MB paste clearly and keeps what was typed', async () => {
    lead = takeLead((l, c) => Boolean(c.phone) && !c.doNotContact && leadsOf(c.id).length === 1);
    composer = await openChat(lead);
    const textarea = composer.getByRole('textbox', { name: 'Message' });
    await textarea.fill('Hello ');
    await page.evaluate(() => navigator.clipboard.writeText('filler, '.repeat((5 * 1024 * 1024) / 8)));
    await textarea.press('End');
    await textarea.press('Control+V');
    await expect
      .poll(() => composer.getByRole('alert').textContent())
      .toBe('That paste is 5.0 MB (5,242,880 characters); a message holds at most 20,000 characters. Nothing was pasted.');
    expect(await textarea.inputValue()).toBe('Hello ');

    // A paste that fits still goes in (the refusal is about size, not pasting).
    await page.evaluate(() => navigator.clipboard.writeText('there'));
    await textarea.press('Control+V');
    await expect.poll(() => textarea.inputValue()).toBe('Hello there');
  });

  it('refuses a dropped attachment over the limit before anything is stored', async () => {
    const c = candidates.get(lead.candidateId)!;
    const [messages, outbox] = [await countTable(page, 'messages'), await countTable(page, 'outbox')];
    // A real drop: a DataTransfer holding an 11 MB File, dropped on the composer.
    const dataTransfer = await page.evaluateHandle(() => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(11 * 1024 * 1024)], 'scan.pdf', { type: 'application/pdf' }));
      return dt;
    });
    await composer.dispatchEvent('dragover', { dataTransfer });
    await composer.dispatchEvent('drop', { dataTransfer });
    await expect
      .poll(() => composer.getByRole('alert').textContent())
      .toBe('“scan.pdf” is 11.0 MB; attachments are limited to 10.0 MB. Nothing was attached.');
    expect(await composer.getByRole('list', { name: 'Attachments' }).count()).toBe(0);
    expect(await countTable(page, 'messages')).toBe(messages);
    expect(await countTable(page, 'outbox')).toBe(outbox);

    // Sending now logs the text alone: the refused file was never kept.
    const tab = await sendAndCatchTab(composer);
    await tab.close();
    await expect.poll(() => countTable(page, 'messages')).toBe(messages + 1);
    const sent = (await messagesOf(c.id)).at(-1)!;
    expect(sent).toMatchObject({ body: 'Hello there', kind: 'text', attachments: [] });
    expect(await countTable(page, 'outbox')).toBe(outbox + 1);
  });

  it('shows message bodies with HTML, scripts and RTL text as text', async () => {
    const c = candidates.get(lead.candidateId)!;
    const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script><b>bold</b> & co';
    const rtl = 'مرحبا، هل الوظيفة متاحة؟ \u202Efdp.exe <i>ok</i>';
    const chat = page.getByRole('dialog', { name: `Chat with ${nameOf(c.id)}` });
    // An inbound reply, logged through the UI, and an outbound message sent through the composer.
    await chat.getByRole('button', { name: 'Log a reply' }).click();
    const dialog = page.getByRole('dialog', { name: 'Log a reply' });
    await dialog.getByRole('textbox', { name: 'Reply' }).fill(rtl);
    await dialog.getByRole('button', { name: 'Log reply' }).click();
    await dialog.waitFor({ state: 'detached' });
    await composer.getByRole('textbox', { name: 'Message' }).fill(hostile);
    const preview = composer.getByRole('region', { name: 'Preview' });
    await expect.poll(() => preview.textContent()).toBe(hostile);
    expect(await preview.locator('img, script, b').count()).toBe(0);
    const tab = await sendAndCatchTab(composer);
    expect(new URL(tab.url()).searchParams.get('text')).toBe(hostile);
    await tab.close();

    const history = chat.getByRole('list', { name: 'Messages' });
    const outRow = history.getByRole('listitem').filter({ hasText: 'bold</b> & co' });
    const inRow = history.getByRole('listitem').filter({ hasText: 'fdp.exe' });
    await outRow.waitFor();
    await inRow.waitFor();
    expect(await outRow.locator('.msg-body').textContent()).toBe(hostile);
    expect(await inRow.locator('.msg-body').textContent()).toBe(rtl);
    // Nothing was parsed as markup, nothing ran, and RTL text gets its own direction.
    expect(await history.locator('img[src="x"], script, b, i').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await inRow.locator('.msg-body').getAttribute('dir')).toBe('auto');
    expect(await inRow.locator('.msg-body').evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
    expect((await messagesOf(c.id)).filter((m) => m.body === hostile || m.body === rtl)).toHaveLength(2);
    await page.getByRole('button', { name: 'Close chat' }).click();
  });
});

describe('bulk Send message', () => {
  it('sends to 20 candidates one hand-off at a time, skipping those without a phone', async () => {
    await page.getByRole('button', { name: 'Close profile' }).click();
    const withPhone: LeadRow[] = [];
    for (let i = 0; i < 15; i++) withPhone.push(takeLead((l, c) => Boolean(c.phone) && !c.doNotContact && leadsOf(c.id).length === 1));
    const noPhone: LeadRow[] = [];
    for (let i = 0; i < 5; i++) noPhone.push(takeLead((l, c) => !c.phone && !c.doNotContact));
    // One person with two applications, both selected, still gets one message.
    const twin = takeLead((l, c) => Boolean(c.phone) && !c.doNotContact && leadsOf(c.id).length === 2);
    const toSelect = [...withPhone, ...noPhone, ...leadsOf(twin.candidateId)];
    for (const l of toSelect) {
      await search(l.ref);
      await leadItems().first().getByRole('button', { name: `Select ${nameOf(l.candidateId)}`, exact: true }).click();
    }
    await expect.poll(() => page.getByRole('region', { name: 'Bulk actions' }).getByRole('status').textContent()).toBe('22 selected');

    await page.getByRole('button', { name: 'More actions' }).click();
    await page.getByRole('menuitem', { name: 'Send message…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Send message' });
    await expect.poll(() => dialog.textContent()).toMatch(/To 21 candidates/);
    await dialog.getByRole('radio', { name: 'WhatsApp' }).check();
    await dialog.getByRole('textbox', { name: 'Message' }).fill('Hello {{candidate_name}}, a new shift opened for {{job_title}}. Interested?');
    await dialog.getByRole('button', { name: 'Review recipients' }).click();
    await expect.poll(() => dialog.getByRole('status').textContent()).toBe('16 messages ready by WhatsApp; 5 candidates skipped.');
    const skipped = await dialog.getByRole('list', { name: 'Skipped candidates' }).getByRole('listitem').allTextContents();
    expect(skipped.sort()).toEqual(noPhone.map((l) => `${nameOf(l.candidateId)} — No phone number on file`).sort());

    await dialog.getByRole('button', { name: 'Start sending' }).click();
    const opened: string[] = [];
    for (let i = 0; i < 16; i++) {
      await expect.poll(() => dialog.getByRole('status').textContent()).toBe(`${i} of 16 handed off`);
      const [tab] = await Promise.all([ext.context.waitForEvent('page'), dialog.getByRole('button', { name: 'Next candidate' }).click()]);
      await tab.waitForURL((u) => u.protocol !== 'about:');
      opened.push(tab.url());
      await tab.close();
    }
    await expect.poll(() => dialog.getByRole('status').textContent()).toBe('16 messages handed off and logged; 5 candidates skipped.');
    expect(opened.every((u) => u.startsWith('https://wa.me/'))).toBe(true);

    const all = await readTable<MessageRow>(page, 'messages');
    const bulk = all.filter((m) => m.body.includes('a new shift opened for'));
    expect(bulk).toHaveLength(16);
    expect(new Set(bulk.map((m) => m.candidateId)).size).toBe(16);
    for (const m of bulk) {
      const c = candidates.get(m.candidateId)!;
      expect(m.body.startsWith(`Hello ${c.firstName}, `)).toBe(true);
      expect(m).toMatchObject({ status: 'handed_off', channel: 'whatsapp', sender: 'recruiter' });
    }
    expect(bulk.some((m) => noPhone.some((l) => l.candidateId === m.candidateId))).toBe(false);
    await dialog.getByRole('button', { name: 'Close' }).click();
  });

  it('left no console errors', () => {
    expect(consoleLog.errors).toEqual([]);
  });
});

describe('bulk send queue across a closed panel', () => {
  it('resumes at the same candidate after the panel is closed and reopened', async () => {
    for (const name of ['Close chat', 'Close profile']) {
      const stale = page.getByRole('button', { name });
      if ((await stale.count()) > 0) await stale.click();
    }
    const picked: LeadRow[] = [];
    for (let i = 0; i < 3; i++) picked.push(takeLead((l, c) => Boolean(c.phone) && !c.doNotContact && leadsOf(c.id).length === 1));
    const selectLead = async (l: LeadRow) => {
      await search(l.ref);
      await leadItems().first().getByRole('button', { name: `Select ${nameOf(l.candidateId)}`, exact: true }).click();
    };
    const openSend = async () => {
      await page.getByRole('button', { name: 'More actions' }).click();
      await page.getByRole('menuitem', { name: 'Send message…' }).click();
      return page.getByRole('dialog', { name: 'Send message' });
    };
    const nextHandOff = async (dialog: Locator) => {
      const [tab] = await Promise.all([ext.context.waitForEvent('page'), dialog.getByRole('button', { name: 'Next candidate' }).click()]);
      await tab.waitForURL((u) => u.protocol !== 'about:');
      const url = tab.url();
      await tab.close();
      return url;
    };
    const text = 'Quick question {{candidate_name}}: still interested in {{job_title}}?';
    for (const l of picked) await selectLead(l);
    let dialog = await openSend();
    await dialog.getByRole('radio', { name: 'WhatsApp' }).check();
    await dialog.getByRole('textbox', { name: 'Message' }).fill(text);
    await dialog.getByRole('button', { name: 'Review recipients' }).click();
    await expect.poll(() => dialog.getByRole('status').textContent()).toBe('3 messages ready by WhatsApp; 0 candidates skipped.');
    await dialog.getByRole('button', { name: 'Start sending' }).click();
    const first = await nextHandOff(dialog);
    await expect.poll(() => dialog.getByRole('status').textContent()).toBe('1 of 3 handed off');
    const nextName = (await dialog.getByText(/^Next:/).locator('strong').textContent())!;

    // Close the panel mid-queue and open it again: the selection is gone, the queue is not.
    await page.close();
    page = await ext.openSidePanel({ width: 400, height: 800 });
    const reopenedLog = collectConsole(page);
    // The panel restores its saved view (the last search), so any count means it is ready.
    await waitFor(async () => /^\d[\d,]* leads?$/.test(await countText()), { timeout: 15_000, message: 'the reopened panel' });
    // With nothing selected, the bulk bar offers the unfinished queue.
    await page.getByRole('region', { name: 'Bulk actions' }).getByRole('button', { name: 'Continue sending…' }).click();
    dialog = page.getByRole('dialog', { name: 'Send message' });
    await expect.poll(() => dialog.getByRole('status').textContent()).toBe('An unfinished send by WhatsApp: 1 of 3 handed off.');
    expect(await dialog.getByText(/^Next:/).locator('strong').textContent()).toBe(nextName);
    await dialog.getByRole('button', { name: 'Resume sending' }).click();
    await expect.poll(() => dialog.getByRole('status').textContent()).toBe('1 of 3 handed off');
    expect(await dialog.getByText('Resumed where you left off: 1 of 3 done.').count()).toBe(1);
    const rest = [await nextHandOff(dialog)];
    await expect.poll(() => dialog.getByRole('status').textContent()).toBe('2 of 3 handed off');
    rest.push(await nextHandOff(dialog));
    await expect.poll(() => dialog.getByRole('status').textContent()).toBe('3 messages handed off and logged; 0 candidates skipped.');

    // Each of the three got exactly one message, the first one not again.
    const digits = (l: LeadRow) => candidates.get(l.candidateId)!.phone!.replace(/\D/g, '');
    const opened = [first, ...rest].map((u) => new URL(u).pathname.slice(1));
    expect(opened.sort()).toEqual(picked.map(digits).sort());
    const all = await readTable<MessageRow>(page, 'messages');
    for (const l of picked) {
      const c = candidates.get(l.candidateId)!;
      const mine = all.filter((m) => m.candidateId === c.id && m.body.startsWith('Quick question '));
      expect(mine).toHaveLength(1);
      expect(mine[0]).toMatchObject({ status: 'handed_off', channel: 'whatsapp' });
      expect(mine[0]!.body).toMatch(new RegExp(`^Quick question ${c.firstName}: still interested in .+\\?$`));
    }
    await dialog.getByRole('button', { name: 'Close' }).click();

    // A finished queue is forgotten: the next Send message… starts a new one.
    await selectLead(picked[1]!);
    dialog = await openSend();
    await dialog.getByRole('textbox', { name: 'Message' }).waitFor();
    expect(await dialog.getByRole('button', { name: 'Resume sending' }).count()).toBe(0);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(reopenedLog.errors).toEqual([]);
  });
});

describe('bulk Send message: who is left out, and Cancel', () => {
  it('skips Do not contact and Duplicate Message candidates with the reason; Cancel stops the queue where it is', async () => {
    for (const name of ['Close chat', 'Close profile']) {
      const stale = page.getByRole('button', { name });
      if ((await stale.count()) > 0) await stale.click();
    }
    const fine = (l: LeadRow, c: CandidateRow) => Boolean(c.phone) && !c.doNotContact && leadsOf(c.id).length === 1;
    const [dnc, dup, third, fourth] = [takeLead(fine), takeLead(fine), takeLead(fine), takeLead(fine)];
    // The first asks not to be contacted: the recruiter marks it in the profile.
    await search(dnc.ref);
    await leadItems().first().getByRole('button', { name: nameOf(dnc.candidateId), exact: true }).click();
    const profile = page.getByRole('dialog', { name: nameOf(dnc.candidateId) });
    await profile.getByRole('button', { name: 'Mark do not contact' }).click();
    await profile.getByRole('form', { name: 'Mark do not contact' }).getByRole('textbox', { name: 'Reason' }).fill('Asked by SMS');
    await profile.getByRole('button', { name: 'Save flag' }).click();
    await expect.poll(() => profile.getByRole('button', { name: 'Allow contact again' }).count()).toBe(1);
    await profile.getByRole('button', { name: 'Close profile' }).click();
    const text = 'Hi {{candidate_name}}, your documents are complete. See you Friday!';
    const sendTo = async (picked: LeadRow[]) => {
      const clear = page.getByRole('region', { name: 'Bulk actions' }).getByRole('button', { name: 'Clear selection' });
      if ((await clear.count()) > 0) await clear.click();
      for (const l of picked) {
        await search(l.ref);
        await leadItems().first().getByRole('button', { name: `Select ${nameOf(l.candidateId)}`, exact: true }).click();
      }
      await page.getByRole('button', { name: 'More actions' }).click();
      await page.getByRole('menuitem', { name: 'Send message…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Send message' });
      await dialog.getByRole('radio', { name: 'WhatsApp' }).check();
      await dialog.getByRole('textbox', { name: 'Message' }).fill(text);
      await dialog.getByRole('button', { name: 'Review recipients' }).click();
      return dialog;
    };
    const handOff = async (dialog: Locator) => {
      const [tab] = await Promise.all([ext.context.waitForEvent('page'), dialog.getByRole('button', { name: 'Next candidate' }).click()]);
      await tab.waitForURL((u) => u.protocol !== 'about:');
      await tab.close();
    };

    // The text goes to one candidate first, so a second send of it is a Duplicate Message.
    let dialog = await sendTo([dup]);
    await expect.poll(() => dialog.getByRole('status').textContent()).toBe('1 message ready by WhatsApp; 0 candidates skipped.');
    await dialog.getByRole('button', { name: 'Start sending' }).click();
    await handOff(dialog);
    await expect.poll(() => dialog.getByRole('status').textContent()).toBe('1 message handed off and logged; 0 candidates skipped.');
    await dialog.getByRole('button', { name: 'Close' }).click();

    dialog = await sendTo([dnc, dup, third, fourth]);
    await expect.poll(() => dialog.getByRole('status').textContent()).toBe('2 messages ready by WhatsApp; 2 candidates skipped.');
    const skipped = await dialog.getByRole('list', { name: 'Skipped candidates' }).getByRole('listitem').allTextContents();
    expect(skipped.sort()).toEqual([`${nameOf(dnc.candidateId)} — Do not contact`, `${nameOf(dup.candidateId)} — Duplicate Message`].sort());
    await dialog.getByRole('button', { name: 'Start sending' }).click();
    await handOff(dialog);
    await expect.poll(() => dialog.getByRole('status').textContent()).toBe('1 of 2 handed off');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => dialog.getByRole('status').textContent()).toBe('Cancelled. 1 message handed off and logged; 2 candidates skipped.');
    await dialog.getByRole('button', { name: 'Close' }).click();

    // Exactly one of the two ready candidates got it; nobody skipped did (the first send aside).
    const all = await readTable<MessageRow>(page, 'messages');
    const got = (l: LeadRow) => all.filter((m) => m.candidateId === l.candidateId && m.body.includes('your documents are complete')).length;
    expect(got(dnc)).toBe(0);
    expect(got(dup)).toBe(1);
    expect(got(third) + got(fourth)).toBe(1);
    // A cancelled queue is not offered again.
    expect(await page.getByRole('region', { name: 'Bulk actions' }).getByRole('button', { name: 'Continue sending…' }).count()).toBe(0);
  });
});
