// The background's side of quick replies in any tab, through the browser events a recruiter
// triggers: the context-menu item made on install, its click injecting the picker, and the
// picker's messages answered (or refused) as the background answers them. fake-browser lacks
// commands and context menus (DESIGN §7): those are stubbed and their listeners captured.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { makeCandidate, makeLead } from '../../tests/factories';
import { ensureWorkspace } from '../db/mutations/workspace';
import type { QuickReplyResponses } from '../messaging/quick-reply-protocol';
import { openDatabase } from './database';
import { QUICK_REPLY_MENU, startQuickReplies } from './quick-reply-handler';
import { panelCandidateItem, PICKER_SCRIPT } from './quick-reply-tabs';

type MenuClick = (info: { menuItemId: string | number }, tab?: { id?: number }) => void;
let menuClick: MenuClick = () => undefined;
const executeScript = vi.fn(() => Promise.resolve([]));
const createMenu = vi.fn();

/** A message from the picker in tab `tabId`, as runtime messaging delivers it. */
async function ask(tabId: number, type: string, payload: unknown): Promise<unknown> {
  const raw = JSON.parse(JSON.stringify({ type, payload })) as unknown;
  const answers = (await fakeBrowser.runtime.onMessage.trigger(raw, { id: browser.runtime.id, tab: { id: tabId } } as never, () => undefined)) as unknown[];
  return answers.find((a) => a !== undefined);
}

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 50 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
}

beforeAll(async () => {
  fakeBrowser.reset();
  browser.commands.onCommand.addListener = vi.fn();
  browser.contextMenus.onClicked.addListener = vi.fn((fn: MenuClick) => (menuClick = fn));
  browser.contextMenus.removeAll = vi.fn(() => Promise.resolve());
  browser.contextMenus.create = createMenu as never;
  browser.scripting.executeScript = executeScript;
  startQuickReplies();
  const db = openDatabase();
  await ensureWorkspace(db);
  const dnc = makeCandidate({ id: 'dnc', firstName: 'Dora', lastName: 'Nocall', phone: '+639170000001', doNotContact: { reason: 'asked by SMS', at: 1 } });
  const open = makeCandidate({ id: 'open', firstName: 'Paz', lastName: 'Panel' });
  await db.candidates.bulkAdd([dnc, open]);
  await db.leads.add(makeLead({ id: 'lead-open', candidateId: 'open' }));
});

describe('quick replies from the context menu', () => {
  it('makes "Insert quick reply" on editable fields when installed', async () => {
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' });
    await until(() => createMenu.mock.calls.length > 0);
    expect(createMenu).toHaveBeenCalledWith({ id: QUICK_REPLY_MENU, title: 'Insert quick reply', contexts: ['editable'] });
  });

  it('a click on it injects the picker into that tab, which may then ask; other tabs may not', async () => {
    menuClick({ menuItemId: 'something-else' }, { id: 9 });
    menuClick({ menuItemId: QUICK_REPLY_MENU }, { id: 9 });
    await until(() => executeScript.mock.calls.length > 0);
    expect(executeScript).toHaveBeenCalledTimes(1);
    expect(executeScript).toHaveBeenCalledWith({ target: { tabId: 9, frameIds: [0] }, files: [PICKER_SCRIPT] });
    const context = (await ask(9, 'qr:context', { href: 'https://example.com/form', person: null })) as QuickReplyResponses['qr:context'];
    expect(context).toMatchObject({ ok: true, channel: null, logging: false, candidate: null, unmatched: null });
    expect(await ask(10, 'qr:context', { href: 'https://example.com/form', person: null })).toEqual({ ok: false, error: 'Refused.' });
  });

  it('refuses, before anything is inserted, a reply to someone marked Do not contact', async () => {
    expect(await ask(9, 'qr:check', { candidateId: 'dnc', text: 'Hi Dora', channel: 'whatsapp' })).toEqual({
      ok: false,
      error: 'Dora Nocall is marked Do not contact (asked by SMS): no messages can be sent.',
    });
    expect(await ask(9, 'qr:check', { candidateId: 'open', text: 'Hi Paz', channel: 'whatsapp' })).toEqual({ ok: true });
  });

  it('a WhatsApp chat with a number Leadside does not know: no candidate, the panel’s only suggested', async () => {
    await panelCandidateItem.setValue({ leadId: 'lead-open' });
    const person = { site: 'whatsapp', channel: 'whatsapp', name: '', phone: '+63 917 555 0000', email: '', profileUrl: '' };
    const context = (await ask(9, 'qr:context', { href: 'https://web.whatsapp.com/', person })) as Extract<QuickReplyResponses['qr:context'], { ok: true }>;
    expect(context).toMatchObject({ ok: true, candidate: null, source: null, unmatched: '+63 917 555 0000', channel: 'whatsapp', logging: true });
    expect(context.suggested).toMatchObject({ id: 'open', name: 'Paz Panel' });
    // On a page with no conversation, the panel's candidate is the one.
    const plain = (await ask(9, 'qr:context', { href: 'https://example.com/', person: null })) as Extract<QuickReplyResponses['qr:context'], { ok: true }>;
    expect(plain).toMatchObject({ candidate: { id: 'open' }, source: 'panel', suggested: null });
  });
});
