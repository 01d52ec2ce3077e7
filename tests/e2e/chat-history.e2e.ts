// The chat history, Conversations and "Log a reply", as a recruiter uses them: Chromium with the
// built extension (test build), sidepanel.html in a 400 px tab, sample data loaded. Controls are
// found by role and accessible name; what was stored is read back with readTable(). The 10,000
// message chat is seeded through the test build's `globalThis.__leadside` hook.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { collectConsole, launchExtension, readTable, type ConsoleCollector, type ExtensionHandle } from './harness';
import type { CandidateRow, LeadRow, MessageRow, UserRow } from './rows';
import { loadSampleData } from './panel';

const CHANNEL_LABELS: Record<string, string> = { sms: 'SMS', facebook: 'Facebook', email: 'Email', whatsapp: 'WhatsApp', linkedin: 'LinkedIn' };

let ext: ExtensionHandle;
let page: Page;
let consoleLog: ConsoleCollector;
let leads: LeadRow[];
let candidates: Map<string, CandidateRow>;
let messages: MessageRow[];
let users: Map<string, UserRow>;
/** The person these tests follow: one application, a bot, a recruiter, replies and an event. */
let lead: LeadRow;
let name: string;
const dialogs: string[] = [];

const countStatus = () => page.getByRole('status').filter({ hasText: /^\d[\d,]* leads?/ });
const searchBox = () => page.getByRole('searchbox', { name: 'Search candidates' });
const nameOf = (candidateId: string) => {
  const c = candidates.get(candidateId)!;
  return `${c.firstName} ${c.lastName}`.trim();
};
const chatDialog = (who: string) => page.getByRole('dialog', { name: `Chat with ${who}` });
const historyOf = (chat: Locator) => chat.getByRole('list', { name: 'Messages' });

async function openProfile(l: LeadRow): Promise<Locator> {
  await page.getByRole('tab', { name: 'Leads' }).click();
  await searchBox().fill(l.ref);
  await expect.poll(async () => (await countStatus().textContent())?.trim()).toBe('1 lead');
  await page.getByRole('list', { name: 'Leads' }).getByRole('listitem').first().getByRole('button', { name: nameOf(l.candidateId), exact: true }).click();
  const profile = page.getByRole('dialog', { name: nameOf(l.candidateId) });
  await expect.poll(() => profile.getByText(l.ref, { exact: true }).isVisible()).toBe(true);
  return profile;
}

async function closeChat(chat: Locator): Promise<void> {
  await chat.getByRole('button', { name: 'Close chat' }).click();
  await expect.poll(() => chat.count()).toBe(0);
}

/** Conversations → search by name → the person's row. */
async function conversationRow(who: string): Promise<Locator> {
  await page.getByRole('tab', { name: 'Chats' }).click();
  await page.getByRole('searchbox', { name: 'Search conversations' }).fill(who);
  const row = page.getByRole('list', { name: 'Conversations' }).getByRole('listitem').filter({ hasText: who });
  await expect.poll(() => row.count(), { timeout: 10_000 }).toBe(1);
  return row;
}

async function logReply(chat: Locator, text: string, channel: string): Promise<void> {
  await chat.getByRole('button', { name: 'Log a reply' }).click();
  const dialog = page.getByRole('dialog', { name: 'Log a reply' });
  await dialog.getByRole('textbox', { name: 'Reply' }).fill(text);
  await dialog.getByRole('combobox', { name: 'Channel' }).selectOption({ label: channel });
  expect(await dialog.getByLabel('Date and time').inputValue()).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d$/);
  await dialog.getByRole('button', { name: 'Log reply' }).click();
  await expect.poll(() => dialog.count()).toBe(0);
}

beforeAll(async () => {
  ext = await launchExtension();
  page = await ext.openSidePanel({ width: 400, height: 800 });
  consoleLog = collectConsole(page);
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await loadSampleData(page);
  leads = await readTable<LeadRow>(page, 'leads');
  candidates = new Map((await readTable<CandidateRow>(page, 'candidates')).map((c) => [c.id, c]));
  messages = await readTable<MessageRow>(page, 'messages');
  users = new Map((await readTable<UserRow>(page, 'users')).map((u) => [u.id, u]));
  const leadCount = new Map<string, number>();
  for (const l of leads) leadCount.set(l.candidateId, (leadCount.get(l.candidateId) ?? 0) + 1);
  const fits = (l: LeadRow) => {
    const mine = messages.filter((m) => m.candidateId === l.candidateId);
    return (
      leadCount.get(l.candidateId) === 1 &&
      mine.some((m) => m.sender === 'bot') &&
      mine.some((m) => m.sender === 'recruiter') &&
      mine.some((m) => m.direction === 'inbound') &&
      mine.some((m) => m.kind === 'event') &&
      mine.length <= 12
    );
  };
  const found = leads.find(fits);
  if (!found) throw new Error('no sample candidate has a bot, a recruiter, replies and an event');
  lead = found;
  name = nameOf(lead.candidateId);
});

afterAll(async () => {
  await ext?.close();
});

describe('chat history', () => {
  it('shows inbound and outbound messages with channels, senders, statuses and system events', async () => {
    const profile = await openProfile(lead);
    // A move from the profile becomes a system event in the chat.
    const folderName = ({ hired: 'Hired', interview_scheduled: 'Interview Scheduled', no_response: 'No Response' } as Record<string, string>)[lead.folderId] ?? lead.folderId;
    await profile.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'On Hold' });
    await expect.poll(async () => (await readTable<LeadRow>(page, 'leads')).find((l) => l.id === lead.id)!.folderId).toBe('on_hold');

    await profile.getByRole('button', { name: 'Open chat' }).click();
    const chat = chatDialog(name);
    await expect.poll(() => chat.count()).toBe(1);
    expect(await chat.getByRole('heading', { level: 2 }).textContent()).toBe(name);
    const history = historyOf(chat);
    const mine = messages.filter((m) => m.candidateId === lead.candidateId).sort((a, b) => a.sentAt - b.sentAt);
    await expect.poll(() => history.getByRole('listitem').count()).toBeGreaterThan(mine.length);

    // Each message's text, on its side: inbound grey on the left, outbound green on the right.
    for (const m of mine.filter((x) => x.kind === 'text')) {
      const item = history.getByRole('listitem').filter({ hasText: m.body }).first();
      expect(await item.locator(m.direction === 'inbound' ? '.msg-in' : '.msg-out').count()).toBe(1);
    }
    const colors = await history.evaluate((ul) => {
      const bg = (sel: string) => getComputedStyle(ul.querySelector(`${sel} .msg-bubble`)!).backgroundColor;
      const side = (sel: string) => getComputedStyle(ul.querySelector(sel)!).alignItems;
      return { inBg: bg('.msg-in'), outBg: bg('.msg-out'), inSide: side('.msg-in'), outSide: side('.msg-out') };
    });
    expect(colors).toEqual({ inBg: 'rgb(229, 231, 235)', outBg: 'rgb(209, 250, 229)', inSide: 'flex-start', outSide: 'flex-end' });

    // Channel icons with accessible names, senders (bot and recruiter), statuses.
    const channel = CHANNEL_LABELS[mine[0]!.channel]!;
    expect(await history.getByRole('img', { name: channel, exact: true }).count()).toBeGreaterThanOrEqual(mine.filter((m) => m.kind !== 'event').length);
    expect(await history.locator('.msg-sender', { hasText: 'Bot' }).count()).toBe(mine.filter((m) => m.sender === 'bot').length);
    const recruiter = users.get(mine.find((m) => m.sender === 'recruiter')!.senderUserId!)!;
    expect(await history.locator('.msg-sender', { hasText: recruiter.name }).count()).toBe(mine.filter((m) => m.sender === 'recruiter').length);
    expect(await history.getByText(/^(Handed off|Delivered)$/).count()).toBeGreaterThan(0);

    // System events, inline: the sample's own and the move just made.
    const event = mine.find((m) => m.kind === 'event')!;
    expect(await history.locator('.history-event', { hasText: event.body }).count()).toBe(1);
    await expect.poll(() => history.locator('.history-event', { hasText: `Moved from ${folderName} to On Hold by You` }).count()).toBe(1);
    // Grouped by day.
    expect(await history.locator('.history-day').count()).toBeGreaterThan(0);

    // Opening the chat set the read marker.
    await expect.poll(async () => (await readTable<CandidateRow>(page, 'candidates')).find((c) => c.id === lead.candidateId)!.lastReadAt).toBeGreaterThan(0);
    await closeChat(chat);
    await profile.getByRole('button', { name: 'Close profile' }).click();
  });

  it('opens from a row of the Leads list, straight to the chat (no profile on the way)', async () => {
    await page.getByRole('tab', { name: 'Leads' }).click();
    await searchBox().fill(lead.ref);
    await expect.poll(async () => (await countStatus().textContent())?.trim()).toBe('1 lead');
    const row = page.getByRole('list', { name: 'Leads' }).getByRole('listitem').first();
    await row.getByRole('button', { name: `Chat with ${name}` }).click();
    const chat = chatDialog(name);
    await expect.poll(() => chat.count()).toBe(1);
    await expect.poll(() => historyOf(chat).getByRole('listitem').count()).toBeGreaterThan(0);
    expect(await page.getByRole('dialog', { name, exact: true }).count()).toBe(0);
    await closeChat(chat);
    await searchBox().fill('');
  });

  it('logs a reply: it shows in the history and in Conversations as unread until the chat is opened', async () => {
    const profile = await openProfile(lead);
    await profile.getByRole('button', { name: 'Open chat' }).click();
    const chat = chatDialog(name);
    await expect.poll(() => historyOf(chat).getByRole('listitem').count()).toBeGreaterThan(0);
    const text = 'Hello po, available ako for the interview on Monday';
    await logReply(chat, text, 'SMS');
    const item = historyOf(chat).getByRole('listitem').filter({ hasText: text });
    await expect.poll(() => item.count()).toBe(1);
    expect(await item.locator('.msg-in').count()).toBe(1);
    expect(await item.getByRole('img', { name: 'SMS' }).count()).toBe(1);
    const stored = (await readTable<MessageRow>(page, 'messages')).find((m) => m.body === text)!;
    expect(stored).toMatchObject({ direction: 'inbound', sender: 'candidate', status: 'delivered', channel: 'sms', candidateId: lead.candidateId });
    await closeChat(chat);
    await profile.getByRole('button', { name: 'Close profile' }).click();

    const row = await conversationRow(name);
    expect(await row.textContent()).toContain(text);
    expect(await row.getByRole('img', { name: '1 unread' }).count()).toBe(1);
    await row.getByRole('button').click();
    const again = chatDialog(name);
    await expect.poll(() => historyOf(again).getByRole('listitem').filter({ hasText: text }).count()).toBe(1);
    await closeChat(again);
    await expect.poll(() => row.getByRole('img', { name: /unread/ }).count()).toBe(0);
  });

  it('still reaches the history through Conversations after the lead was deleted', async () => {
    const profile = await openProfile(lead);
    await profile.getByRole('button', { name: 'Delete candidate' }).click();
    await page.getByRole('dialog', { name: 'Delete candidate?' }).getByRole('button', { name: 'Yes' }).click();
    await expect.poll(() => profile.count()).toBe(0);
    await expect.poll(async () => (await readTable<LeadRow>(page, 'leads')).some((l) => l.candidateId === lead.candidateId)).toBe(false);
    await searchBox().fill('');

    const row = await conversationRow(name);
    await row.getByRole('button').click();
    const chat = chatDialog(name);
    const history = historyOf(chat);
    await expect.poll(() => history.locator('.history-event', { hasText: `Application ${lead.ref}` }).count()).toBe(1);
    expect(await history.locator('.history-event', { hasText: `Application ${lead.ref}` }).textContent()).toContain('deleted by You');
    const firstText = messages.filter((m) => m.candidateId === lead.candidateId && m.kind === 'text').sort((a, b) => b.sentAt - a.sentAt)[0]!;
    expect(await history.getByRole('listitem').filter({ hasText: firstText.body }).count()).toBe(1);
    await closeChat(chat);
  });

  it('shows a body with HTML, a script and RTL text as text, running nothing', async () => {
    const row = await conversationRow(name);
    await row.getByRole('button').click();
    const chat = chatDialog(name);
    const evil = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2;alert(1)"> مرحبا بالعالم';
    consoleLog.clear();
    await logReply(chat, evil, 'WhatsApp');
    const body = historyOf(chat).locator('.msg-body').filter({ hasText: 'مرحبا' });
    await expect.poll(() => body.count()).toBe(1);
    expect(await body.textContent()).toBe(evil);
    expect(await body.getAttribute('dir')).toBe('auto');
    expect(await historyOf(chat).locator('script, img[src="x"]').count()).toBe(0);
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (globalThis as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(consoleLog.errors).toEqual([]);
    await closeChat(chat);
  });

  it('logs replies with attachments: an image, a voice note, a video and a file, each shown by its kind', async () => {
    const row = await conversationRow(name);
    await row.getByRole('button').click();
    const chat = chatDialog(name);
    // A 1×1 PNG, a tiny WAV header and a PDF-ish file: the bytes are stored as Blobs.
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
    const wav = Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WAVEfmt '), Buffer.alloc(28)]);
    const files = [
      { name: 'photo.png', mimeType: 'image/png', buffer: png, caption: 'My ID photo' },
      { name: 'voice.wav', mimeType: 'audio/wav', buffer: wav, caption: 'Voice note po' },
      // The player is chosen by the type; these bytes need not play for it to be shown.
      { name: 'intro.webm', mimeType: 'video/webm', buffer: Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0, 0, 0, 0]), caption: 'My video intro' },
      { name: 'resume.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 resume'), caption: 'My resume' },
    ];
    for (const f of files) {
      await chat.getByRole('button', { name: 'Log a reply' }).click();
      const dialog = page.getByRole('dialog', { name: 'Log a reply' });
      await dialog.getByRole('textbox', { name: 'Reply' }).fill(f.caption);
      await dialog.getByLabel('Attachment (optional)').setInputFiles({ name: f.name, mimeType: f.mimeType, buffer: f.buffer });
      await dialog.getByRole('button', { name: 'Log reply' }).click();
      await expect.poll(() => dialog.count()).toBe(0);
    }
    const history = historyOf(chat);
    const image = history.getByRole('img', { name: 'photo.png' });
    await expect.poll(() => image.count()).toBe(1);
    expect(await image.getAttribute('src')).toMatch(/^blob:chrome-extension:/);
    await expect.poll(() => image.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(1);
    // Rows are measured and placed as they render (the list is virtualized): poll, as for the image.
    await expect.poll(() => history.locator('audio[controls]').count()).toBe(1);
    const video = history.locator('video[controls]');
    await expect.poll(() => video.count()).toBe(1);
    expect(await video.getAttribute('aria-label')).toBe('intro.webm');
    expect(await video.getAttribute('src')).toMatch(/^blob:chrome-extension:/);
    const download = history.getByRole('button', { name: 'Download resume.pdf' });
    await expect.poll(() => download.count()).toBe(1);
    const stored = (await readTable<MessageRow>(page, 'messages')).filter((m) => m.candidateId === lead.candidateId && files.some((f) => f.caption === m.body));
    expect(stored.map((m) => m.kind).sort()).toEqual(['audio', 'file', 'image', 'video']);
    await closeChat(chat);
  });

  it('opens a chat with 10,000 messages at the newest one, with only a few rows in the DOM', async () => {
    const other = leads.find((l) => l.candidateId !== lead.candidateId)!;
    const who = nameOf(other.candidateId);
    const newest = await page.evaluate(async (candidateId) => {
      const { state } = (globalThis as unknown as { __leadside: { state: { db: { messages: { bulkAdd(rows: unknown[]): Promise<unknown> } } } } }).__leadside;
      const start = Date.now() - 10_000 * 3_600_000;
      const rows = Array.from({ length: 10_000 }, (_, i) => ({
        id: `0SEED${String(i).padStart(8, '0')}`,
        candidateId,
        direction: i % 2 ? 'inbound' : 'outbound',
        sender: i % 2 ? 'candidate' : 'bot',
        channel: i % 3 ? 'whatsapp' : 'email',
        kind: 'text',
        body: `Seeded message ${i}${i % 7 === 0 ? ' with a longer body that wraps onto a second line in a narrow side panel' : ''}`,
        subject: i % 3 ? undefined : 'Your application',
        attachments: [],
        status: 'delivered',
        sentAt: start + i * 3_600_000,
        updatedAt: start,
      }));
      await state.db.messages.bulkAdd(rows);
      return 'Seeded message 9999';
    }, other.candidateId);
    // A raw bulkAdd announces nothing: open Conversations afresh so it reads the table again.
    await page.getByRole('tab', { name: 'Leads' }).click();

    const row = await conversationRow(who);
    expect(await row.textContent()).toContain(newest);
    await row.getByRole('button').click();
    const chat = chatDialog(who);
    const history = historyOf(chat);
    await expect.poll(() => history.getByText(newest, { exact: true }).isVisible(), { timeout: 10_000 }).toBe(true);
    await expect.poll(() => history.getByText(/^Seeded message 0 /).count()).toBe(0);
    const rendered = await history.locator('li').count();
    expect(rendered).toBeGreaterThan(3);
    expect(rendered).toBeLessThan(80);
    // The full list is there: scrolling to the top reaches the oldest message, still virtualized.
    const scroller = chat.getByRole('log', { name: 'Conversation history' });
    await expect.poll(async () => scroller.evaluate((el) => el.scrollHeight)).toBeGreaterThan(10_000 * 40);
    for (let i = 0; i < 3; i++) {
      await scroller.evaluate((el) => (el.scrollTop = 0));
      await page.waitForTimeout(100);
    }
    await expect.poll(() => history.getByText(/^Seeded message 0 with a longer body/).isVisible()).toBe(true);
    expect(await history.locator('li').count()).toBeLessThan(80);
    expect(consoleLog.errors).toEqual([]);
    await closeChat(chat);
  });
});
