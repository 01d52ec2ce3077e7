// Local-mode hand-offs of the composer (issue 6, DESIGN §5) in Chromium with the built extension
// (test build), sidepanel.html in a 400 px tab, sample data loaded. WhatsApp is covered by
// composer.e2e.ts; this file covers SMS, email (mailto: and Gmail), Facebook (m.me), the
// over-long fallback and the failures that must log nothing.
//
// How each hand-off is observed — the real effect, no test hook in the extension:
// - sms: and mailto: links: the extension asks Chrome for a tab with that URL (tabs.create);
//   Chrome creates a page target with it and passes the URL to the system's handler. Playwright
//   does not announce such a tab as a Page, so the test watches the browser's targets over CDP
//   (Target.setDiscoverTargets → targetCreated / targetInfoChanged) and reads the URL there.
// - https links (m.me, mail.google.com): a real tab loads them from a local HTTPS stub (the hosts
//   are mapped with --host-resolver-rules, a throw-away self-signed certificate and
//   --ignore-certificate-errors, as in composer.e2e.ts); the test sees the tab (context 'page')
//   and the stub sees the request.
// - the clipboard: read back with navigator.clipboard.readText() in the panel (clipboard
//   permissions granted to the extension's origin).
// "Nothing is logged when it was not opened": Chrome's tabs.create (and, for Messenger, the
// clipboard) are made to fail inside the panel page for one send, and the test checks that no tab
// appeared and no message row was written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CDPSession, Locator, Page } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { collectConsole, launchExtension, readTable, waitFor, type ConsoleCollector, type ExtensionHandle } from './harness';
import type { CandidateRow, LeadRow, MessageRow } from './rows';
import { loadSampleData } from './panel';

let ext: ExtensionHandle;
let page: Page;
let consoleLog: ConsoleCollector;
let leads: LeadRow[];
let candidates: Map<string, CandidateRow>;
const used = new Set<string>();

const countStatus = () => page.getByRole('status').filter({ hasText: /^\d[\d,]* leads?/ });
const nameOf = (candidateId: string) => {
  const c = candidates.get(candidateId)!;
  return `${c.firstName} ${c.lastName}`.trim();
};
const countText = async () => (await countStatus().textContent())?.trim() ?? '';

function takeLead(fits: (c: CandidateRow) => boolean): LeadRow {
  const lead = leads.find(
    (l) => !used.has(l.candidateId) && leads.filter((x) => x.candidateId === l.candidateId).length === 1 && fits(candidates.get(l.candidateId)!),
  );
  if (!lead) throw new Error('no sample lead fits this test');
  used.add(lead.candidateId);
  return lead;
}

async function openChat(lead: LeadRow): Promise<Locator> {
  const staleChat = page.getByRole('button', { name: 'Close chat' });
  if ((await staleChat.count()) > 0) await staleChat.click();
  const staleProfile = page.getByRole('button', { name: 'Close profile' });
  if ((await staleProfile.count()) > 0) await staleProfile.click();
  await page.getByRole('searchbox', { name: 'Search candidates' }).fill(lead.ref);
  await expect.poll(countText).toBe('1 lead');
  await page.getByRole('list', { name: 'Leads' }).getByRole('listitem').first().getByRole('button', { name: nameOf(lead.candidateId), exact: true }).click();
  await page.getByRole('dialog', { name: nameOf(lead.candidateId) }).getByRole('button', { name: 'Open chat' }).click();
  const composer = page.getByRole('dialog', { name: `Chat with ${nameOf(lead.candidateId)}` }).getByRole('region', { name: 'Composer' });
  await composer.getByRole('textbox', { name: 'Message' }).waitFor();
  return composer;
}

async function messagesOf(candidateId: string): Promise<MessageRow[]> {
  return (await readTable<MessageRow>(page, 'messages'))
    .filter((m) => m.candidateId === candidateId)
    .sort((a, b) => a.sentAt - b.sentAt || (a.id < b.id ? -1 : 1));
}

async function clipboardText(): Promise<string> {
  // The panel lost focus to the opened tab; reading the clipboard needs a focused document.
  await page.bringToFront();
  return page.evaluate(() => navigator.clipboard.readText());
}

// ---------------------------------------------------------------------------------------------
// Observing tabs: every page target's URL as Chrome reports it
// ---------------------------------------------------------------------------------------------

const targetUrls: string[] = [];
let cdp: CDPSession;

async function watchTargets(): Promise<void> {
  cdp = await ext.browserSession();
  const record = (e: { targetInfo: { type: string; url: string } }) => {
    if (e.targetInfo.type === 'page' && e.targetInfo.url) targetUrls.push(e.targetInfo.url);
  };
  cdp.on('Target.targetCreated', record);
  cdp.on('Target.targetInfoChanged', record);
  await cdp.send('Target.setDiscoverTargets', { discover: true });
}

/** Runs `act`, then waits for a tab whose URL starts with `prefix` (created after `act` began). */
async function expectTab(prefix: string, act: () => Promise<void>): Promise<string> {
  const from = targetUrls.length;
  await act();
  return waitFor(() => targetUrls.slice(from).find((u) => u.startsWith(prefix)), { timeout: 10_000, message: `a tab opening ${prefix}…` });
}

/** The query of a non-hierarchical URI (sms:, mailto:) as decoded name → value pairs. */
function hfields(url: string): Map<string, string> {
  const query = url.slice(url.indexOf('?') + 1);
  return new Map(
    query.split('&').map((pair) => {
      const eq = pair.indexOf('=');
      return [decodeURIComponent(pair.slice(0, eq)), decodeURIComponent(pair.slice(eq + 1))] as const;
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// m.me and mail.google.com, served locally
// ---------------------------------------------------------------------------------------------

interface Stub {
  port: number;
  /** https://<host><path> of every request. */
  requests: string[];
  close: () => void;
}

async function startStub(): Promise<Stub> {
  const dir = mkdtempSync(path.join(tmpdir(), 'leadside-handoff-'));
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=m.me', '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem')],
    { stdio: 'ignore' },
  );
  const requests: string[] = [];
  const server = createServer({ key: readFileSync(path.join(dir, 'key.pem')), cert: readFileSync(path.join(dir, 'cert.pem')) }, (req, res) => {
    requests.push(`https://${req.headers.host?.replace(/:\d+$/, '')}${req.url}`);
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><title>stub</title><p>stub</p>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    requests,
    close: () => {
      server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

let stub: Stub | undefined;

beforeAll(async () => {
  stub = await startStub();
  ext = await launchExtension({
    args: [`--host-resolver-rules=MAP m.me 127.0.0.1:${stub.port}, MAP mail.google.com 127.0.0.1:${stub.port}`, '--ignore-certificate-errors'],
  });
  // For every origin: Chrome calls chrome-extension:// origins opaque and refuses a grant naming one.
  await ext.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await watchTargets();
  page = await ext.openSidePanel({ width: 400, height: 800 });
  consoleLog = collectConsole(page, { ignore: [/could not open the hand-off link/] });
  await loadSampleData(page);
  leads = (await readTable<LeadRow>(page, 'leads')).sort((a, b) => (a.ref < b.ref ? -1 : 1));
  candidates = new Map((await readTable<CandidateRow>(page, 'candidates')).map((c) => [c.id, c]));
});

afterAll(async () => {
  await ext?.close();
  stub?.close();
});

const sendButton = (composer: Locator) => composer.getByRole('button', { name: 'Send', exact: true });
const notice = (composer: Locator) => composer.getByRole('status');

describe('channel choice', () => {
  it('disables the channels this candidate cannot be reached on, saying why, and starts on the one they last replied on', async () => {
    const lead = takeLead((c) => Boolean(c.phone) && !c.email && !c.facebookUrl && !c.doNotContact);
    const who = nameOf(lead.candidateId);
    let composer = await openChat(lead);
    const why = async (label: string) => {
      const radio = composer.getByRole('radio', { name: label });
      const id = await radio.getAttribute('aria-describedby');
      return { disabled: await radio.isDisabled(), reason: id ? await composer.locator(`[id="${id}"]`).textContent() : null };
    };
    expect(await why('Email')).toEqual({ disabled: true, reason: 'No email address on file' });
    expect(await why('Facebook')).toEqual({ disabled: true, reason: 'No Facebook profile on file' });
    expect(await why('SMS')).toEqual({ disabled: false, reason: null });
    expect(await why('WhatsApp')).toEqual({ disabled: false, reason: null });

    // The candidate answers on the channel that is not preselected now; reopened, the composer starts there.
    const now = (await composer.getByRole('radio', { name: 'WhatsApp' }).isChecked()) ? 'WhatsApp' : 'SMS';
    const other = now === 'WhatsApp' ? 'SMS' : 'WhatsApp';
    await page.getByRole('dialog', { name: `Chat with ${who}` }).getByRole('button', { name: 'Log a reply' }).click();
    const log = page.getByRole('dialog', { name: 'Log a reply' });
    await log.getByRole('textbox', { name: 'Reply' }).fill(`Replying on ${other}`);
    await log.getByRole('combobox', { name: 'Channel' }).selectOption({ label: other });
    await log.getByRole('button', { name: 'Log reply' }).click();
    await expect.poll(() => log.count()).toBe(0);
    composer = await openChat(lead);
    await expect.poll(() => composer.getByRole('radio', { name: other }).isChecked()).toBe(true);
    expect(await composer.getByRole('radio', { name: now }).isChecked()).toBe(false);
  });
});

describe('SMS', () => {
  it('opens an sms: link (RFC 5724) with the body, then logs the message as handed off', async () => {
    const lead = takeLead((c) => Boolean(c.phone) && !c.doNotContact);
    const c = candidates.get(lead.candidateId)!;
    const composer = await openChat(lead);
    await composer.getByRole('radio', { name: 'SMS' }).check();
    await composer.getByRole('textbox', { name: 'Message' }).fill('Hi {{candidate_name}} & team: #1 shift, +20% pay?\nReply 😊 yes/no');
    const expected = `Hi ${c.firstName} & team: #1 shift, +20% pay?\nReply 😊 yes/no`;
    // The counter: an emoji makes it UCS-2.
    await expect.poll(() => composer.getByLabel('SMS length').textContent()).toMatch(/1 SMS \(UCS-2\)/);
    const before = await messagesOf(c.id);

    const url = await expectTab('sms:', () => sendButton(composer).click());
    expect(url.slice(0, url.indexOf('?'))).toBe(`sms:${c.phone}`);
    // Reserved characters are percent-encoded, so the body is one hfield.
    expect(url.slice(url.indexOf('?body=') + '?body='.length)).not.toMatch(/[ #&+\n]/);
    expect([...hfields(url)]).toEqual([['body', expected]]);

    await expect.poll(() => notice(composer).textContent()).toBe('Opened your SMS app.');
    await expect.poll(async () => (await messagesOf(c.id)).length).toBe(before.length + 1);
    expect((await messagesOf(c.id)).at(-1)).toMatchObject({
      direction: 'outbound',
      sender: 'recruiter',
      channel: 'sms',
      status: 'handed_off',
      body: expected,
      leadId: lead.id,
    });
  });

  it('puts an over-long message on the clipboard, opens the link without it, and says so', async () => {
    const lead = takeLead((c) => Boolean(c.phone) && !c.doNotContact);
    const c = candidates.get(lead.candidateId)!;
    const composer = await openChat(lead);
    await composer.getByRole('radio', { name: 'SMS' }).check();
    const long = `Dear ${c.firstName}, ${'the full job description follows. '.repeat(70)}End.`;
    expect(long.length).toBeGreaterThan(2_000);
    await composer.getByRole('textbox', { name: 'Message' }).fill(long.replace(c.firstName, '{{candidate_name}}'));
    const before = await messagesOf(c.id);

    const url = await expectTab('sms:', () => sendButton(composer).click());
    expect(url).toBe(`sms:${c.phone}?body=`);
    await expect
      .poll(() => notice(composer).textContent())
      .toBe('The message is too long for an SMS link, so it is on your clipboard: paste it there.');
    expect(await clipboardText()).toBe(long);
    await expect.poll(async () => (await messagesOf(c.id)).length).toBe(before.length + 1);
    expect((await messagesOf(c.id)).at(-1)).toMatchObject({ channel: 'sms', status: 'handed_off', body: long });
  });

  it('logs nothing when the link could not be opened', async () => {
    const lead = takeLead((c) => Boolean(c.phone) && !c.doNotContact);
    const c = candidates.get(lead.candidateId)!;
    const composer = await openChat(lead);
    await composer.getByRole('radio', { name: 'SMS' }).check();
    await composer.getByRole('textbox', { name: 'Message' }).fill('This one never leaves');
    const before = await messagesOf(c.id);
    // Chrome refuses the tab (as it does e.g. while a tab is being dragged).
    await page.evaluate(() => {
      const refuse = () => Promise.reject(new Error('Tabs cannot be edited right now (user may be dragging a tab).'));
      const w = globalThis as unknown as { chrome: typeof chrome; browser?: typeof chrome; __createTab?: typeof chrome.tabs.create };
      w.__createTab = w.chrome.tabs.create;
      w.chrome.tabs.create = refuse;
      if (w.browser?.tabs) w.browser.tabs.create = refuse;
    });
    const from = targetUrls.length;
    try {
      await sendButton(composer).click();
      await expect.poll(() => composer.getByRole('alert').textContent()).toBe('Could not open SMS, so the message was not logged.');
    } finally {
      await page.evaluate(() => {
        const w = globalThis as unknown as { chrome: typeof chrome; browser?: typeof chrome; __createTab?: typeof chrome.tabs.create };
        w.chrome.tabs.create = w.__createTab!;
        if (w.browser?.tabs) w.browser.tabs.create = w.__createTab!;
      });
    }
    expect(targetUrls.slice(from).filter((u) => u.startsWith('sms:'))).toEqual([]);
    expect(await messagesOf(c.id)).toHaveLength(before.length);
    // The text stays, to try again; now it goes through.
    expect(await composer.getByRole('textbox', { name: 'Message' }).inputValue()).toBe('This one never leaves');
    const url = await expectTab('sms:', () => sendButton(composer).click());
    expect(hfields(url).get('body')).toBe('This one never leaves');
    await expect.poll(async () => (await messagesOf(c.id)).length).toBe(before.length + 1);
  });
});

describe('Email', () => {
  let lead: LeadRow;
  let composer: Locator;

  it('opens mailto: (RFC 6068) with subject and body by default', async () => {
    lead = takeLead((c) => Boolean(c.email) && !c.doNotContact);
    const c = candidates.get(lead.candidateId)!;
    composer = await openChat(lead);
    await composer.getByRole('radio', { name: 'Email' }).check();
    expect(await composer.getByRole('checkbox', { name: 'Open in Gmail' }).isChecked()).toBe(false);
    await composer.getByRole('textbox', { name: 'Subject' }).fill('Your application, {{candidate_name}} (#42 & more)');
    await composer.getByRole('textbox', { name: 'Message' }).fill('Hello {{candidate_name}},\n\nSee you Monday at 9 — bring ID.\nThanks!');
    const before = await messagesOf(c.id);

    const url = await expectTab('mailto:', () => sendButton(composer).click());
    const [address, query] = [url.slice('mailto:'.length, url.indexOf('?')), url.slice(url.indexOf('?'))];
    expect(decodeURIComponent(address)).toBe(c.email);
    // Line breaks travel as %0D%0A (RFC 6068 §5).
    expect(query).toContain('%0D%0A%0D%0ASee%20you%20Monday');
    expect([...hfields(url)]).toEqual([
      ['subject', `Your application, ${c.firstName} (#42 & more)`],
      ['body', `Hello ${c.firstName},\r\n\r\nSee you Monday at 9 — bring ID.\r\nThanks!`],
    ]);
    await expect.poll(() => notice(composer).textContent()).toBe('Opened your email app.');
    await expect.poll(async () => (await messagesOf(c.id)).length).toBe(before.length + 1);
    expect((await messagesOf(c.id)).at(-1)).toMatchObject({
      channel: 'email',
      status: 'handed_off',
      subject: `Your application, ${c.firstName} (#42 & more)`,
      body: `Hello ${c.firstName},\n\nSee you Monday at 9 — bring ID.\nThanks!`,
    });
  });

  it('with the Options setting on Gmail, opens Gmail’s compose page instead', async () => {
    const c = candidates.get(lead.candidateId)!;
    const options = await ext.openExtensionPage('options.html');
    try {
      const mailto = options.getByRole('radio', { name: 'Your email app (a mailto: link)' });
      await mailto.waitFor();
      expect(await mailto.isChecked()).toBe(true);
      await options.getByRole('radio', { name: 'Gmail, in a new tab' }).check();
      await expect.poll(() => options.getByRole('status').textContent()).toBe('Preferences saved.');
    } finally {
      await options.close();
    }
    // The open composer follows the stored setting.
    await expect.poll(() => composer.getByRole('checkbox', { name: 'Open in Gmail' }).isChecked()).toBe(true);

    await composer.getByRole('textbox', { name: 'Subject' }).fill('Next steps');
    await composer.getByRole('textbox', { name: 'Message' }).fill('Hi {{candidate_name}}, here are the next steps & times.');
    const before = await messagesOf(c.id);
    const requestsBefore = stub!.requests.length;
    const [tab] = await Promise.all([ext.context.waitForEvent('page', { timeout: 10_000 }), sendButton(composer).click()]);
    await tab.waitForURL((u) => u.protocol !== 'about:');
    const url = new URL(tab.url());
    expect(url.origin + url.pathname).toBe('https://mail.google.com/mail/');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      view: 'cm',
      fs: '1',
      to: c.email,
      su: 'Next steps',
      body: `Hi ${c.firstName}, here are the next steps & times.`,
    });
    // The page was really requested.
    await expect.poll(() => stub!.requests.slice(requestsBefore).some((r) => r.startsWith('https://mail.google.com/mail/?view=cm'))).toBe(true);
    await tab.close();
    await expect.poll(() => notice(composer).textContent()).toBe('Opened Gmail in a new tab.');
    await expect.poll(async () => (await messagesOf(c.id)).length).toBe(before.length + 1);
    expect((await messagesOf(c.id)).at(-1)).toMatchObject({ channel: 'email', status: 'handed_off', subject: 'Next steps' });
  });

  it('the composer’s “Open in Gmail” box is the same stored setting', async () => {
    await composer.getByRole('checkbox', { name: 'Open in Gmail' }).uncheck();
    const stored = () =>
      page.evaluate(async () => (await chrome.storage.local.get<{ settings?: { emailHandoff?: string } }>('settings')).settings?.emailHandoff);
    await expect.poll(stored).toBe('mailto');
    const options = await ext.openExtensionPage('options.html');
    try {
      const mailto = options.getByRole('radio', { name: 'Your email app (a mailto: link)' });
      await mailto.waitFor();
      expect(await mailto.isChecked()).toBe(true);
      expect(await options.getByRole('radio', { name: 'Gmail, in a new tab' }).isChecked()).toBe(false);
      // The default country, set meanwhile elsewhere, was not overwritten by the composer's save.
      expect(await options.getByRole('combobox', { name: 'Default phone country' }).inputValue()).toBe('PH');
    } finally {
      await options.close();
    }
  });

  it('adopts a Gmail choice stored the old way (panel localStorage) once', async () => {
    await page.getByRole('button', { name: 'Close chat' }).click();
    await page.evaluate(() => localStorage.setItem('leadside.composer.useGmail', '1'));
    const next = takeLead((c) => Boolean(c.email) && !c.doNotContact);
    const nextComposer = await openChat(next);
    await nextComposer.getByRole('radio', { name: 'Email' }).check();
    await expect.poll(() => nextComposer.getByRole('checkbox', { name: 'Open in Gmail' }).isChecked()).toBe(true);
    expect(await page.evaluate(() => localStorage.getItem('leadside.composer.useGmail'))).toBeNull();
    await nextComposer.getByRole('checkbox', { name: 'Open in Gmail' }).uncheck();
    await expect.poll(() => nextComposer.getByRole('checkbox', { name: 'Open in Gmail' }).isChecked()).toBe(false);
  });
});

describe('Options', () => {
  it('stores “Log quick replies inserted on other sites” (on by default) and shows it after a reload', async () => {
    const stored = () =>
      page.evaluate(async () => (await chrome.storage.local.get<{ settings?: { logQuickReplyInserts?: boolean } }>('settings')).settings?.logQuickReplyInserts);
    const options = await ext.openExtensionPage('options.html');
    try {
      const box = options.getByRole('checkbox', { name: "Log quick replies inserted on other sites in the candidate's history" });
      await box.waitFor();
      expect(await box.isChecked()).toBe(true);
      await box.uncheck();
      await expect.poll(stored).toBe(false);
      await options.reload();
      await box.waitFor();
      expect(await box.isChecked()).toBe(false);
      await box.check();
      await expect.poll(stored).toBe(true);
    } finally {
      await options.close();
    }
  });
});

describe('Facebook', () => {
  it('opens m.me/<id> with the text on the clipboard, then logs it', async () => {
    const lead = takeLead((c) => Boolean(c.facebookUrl) && !c.doNotContact);
    const c = candidates.get(lead.candidateId)!;
    const id = new URL(c.facebookUrl!).pathname.split('/').filter(Boolean)[0]!;
    const composer = await openChat(lead);
    await composer.getByRole('radio', { name: 'Facebook' }).check();
    await composer.getByRole('textbox', { name: 'Message' }).fill('Hi {{candidate_name}}! Are you free for a call? 📞');
    const expected = `Hi ${c.firstName}! Are you free for a call? 📞`;
    await page.evaluate(() => navigator.clipboard.writeText('something else'));
    const before = await messagesOf(c.id);
    const requestsBefore = stub!.requests.length;

    const [tab] = await Promise.all([ext.context.waitForEvent('page', { timeout: 10_000 }), sendButton(composer).click()]);
    await tab.waitForURL((u) => u.protocol !== 'about:');
    expect(tab.url()).toBe(`https://m.me/${id}`);
    await expect.poll(() => stub!.requests.slice(requestsBefore)).toContain(`https://m.me/${id}`);
    await tab.close();
    expect(await clipboardText()).toBe(expected);
    await expect
      .poll(() => notice(composer).textContent())
      .toBe('Opened Messenger in a new tab; the message is on your clipboard: paste it there.');
    await expect.poll(async () => (await messagesOf(c.id)).length).toBe(before.length + 1);
    expect((await messagesOf(c.id)).at(-1)).toMatchObject({ channel: 'facebook', status: 'handed_off', body: expected, direction: 'outbound' });
  });

  it('opens and logs nothing when the clipboard refuses the text', async () => {
    const lead = takeLead((c) => Boolean(c.facebookUrl) && !c.doNotContact);
    const c = candidates.get(lead.candidateId)!;
    const composer = await openChat(lead);
    await composer.getByRole('radio', { name: 'Facebook' }).check();
    await composer.getByRole('textbox', { name: 'Message' }).fill('Clipboard says no');
    const before = await messagesOf(c.id);
    await page.evaluate(() => {
      const w = globalThis as unknown as { __write?: unknown; __exec?: unknown };
      w.__write = navigator.clipboard.writeText;
      w.__exec = document.execCommand;
      navigator.clipboard.writeText = () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));
      document.execCommand = () => false;
    });
    const from = targetUrls.length;
    const pages = ext.context.pages().length;
    try {
      await sendButton(composer).click();
      await expect
        .poll(() => composer.getByRole('alert').textContent())
        .toBe('Could not copy the message to the clipboard, so nothing was opened or logged.');
    } finally {
      await page.evaluate(() => {
        const w = globalThis as unknown as { __write: typeof navigator.clipboard.writeText; __exec: typeof document.execCommand };
        navigator.clipboard.writeText = w.__write;
        document.execCommand = w.__exec;
      });
    }
    expect(targetUrls.slice(from).filter((u) => u.includes('m.me'))).toEqual([]);
    expect(ext.context.pages().length).toBe(pages);
    expect(await messagesOf(c.id)).toHaveLength(before.length);
  });

  it('left no console errors', () => {
    expect(consoleLog.errors).toEqual([]);
  });
});
