import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { insertIntoPage, OTHER_SITE_ERROR } from './quick-reply-panel';
import { pendingInsertItem } from './quick-reply-tabs';

beforeEach(() => {
  fakeBrowser.reset();
  // The panel (no tab of its own here) beside the recruiter's working tab, 12.
  browser.tabs.getCurrent = vi.fn(() => Promise.resolve(undefined));
  browser.tabs.query = vi.fn(() => Promise.resolve([{ id: 12, index: 0, active: true }])) as unknown as typeof browser.tabs.query;
});

describe('Insert into page from the side panel', () => {
  it('on a page Leadside may not script, offers to ask for the messaging sites only while they are not allowed', async () => {
    browser.scripting.executeScript = vi.fn(() => Promise.reject(new Error('Cannot access contents of the page')));
    browser.permissions.contains = vi.fn(() => Promise.resolve(false));
    expect(await insertIntoPage('q1')).toEqual({ ok: false, error: OTHER_SITE_ERROR, mayAsk: true });
    // Allowed already: the page is another site, and asking Chrome again would change nothing.
    browser.permissions.contains = vi.fn(() => Promise.resolve(true));
    expect(await insertIntoPage('q1')).toEqual({ ok: false, error: OTHER_SITE_ERROR, mayAsk: false });
    expect(browser.permissions.contains).toHaveBeenCalledWith({ origins: ['https://web.whatsapp.com/*', 'https://www.messenger.com/*', 'https://mail.google.com/*'] });
    // Nothing is left waiting for a tab that never got the picker.
    expect(await pendingInsertItem.getValue()).toBeNull();
  });

  it('hands the reply to the picker it injects into the working tab', async () => {
    browser.scripting.executeScript = vi.fn(() => Promise.resolve([]));
    expect(await insertIntoPage('q2')).toEqual({ ok: true });
    expect(browser.scripting.executeScript).toHaveBeenCalledWith(expect.objectContaining({ target: { tabId: 12, frameIds: [0] } }));
    expect(await pendingInsertItem.getValue()).toMatchObject({ tabId: 12, quickReplyId: 'q2' });
  });
});
