import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { injectPicker, markInjected, takePending, pendingInsertItem, wasInjected } from './quick-reply-tabs';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('which tabs may ask for quick replies', () => {
  it('trusts a tab once the picker was injected into it, and not after a refused injection', async () => {
    browser.scripting.executeScript = vi.fn(() => Promise.resolve([]));
    await injectPicker(7);
    expect(await wasInjected(7)).toBe(true);
    browser.scripting.executeScript = vi.fn(() => Promise.reject(new Error('Cannot access contents of the page')));
    await expect(injectPicker(8)).rejects.toThrow('Cannot access');
    expect(await wasInjected(8)).toBe(false);
    expect(await wasInjected(7)).toBe(true);
  });

  it('forgets an injection after an hour', async () => {
    await markInjected(3, 0);
    expect(await wasInjected(3, 59 * 60_000)).toBe(true);
    expect(await wasInjected(3, 61 * 60_000)).toBe(false);
  });

  it('hands a reply chosen in the panel to that tab only, once, while fresh', async () => {
    await pendingInsertItem.setValue({ tabId: 5, quickReplyId: 'q1', at: 1_000 });
    expect(await takePending(6, 2_000)).toBeNull();
    expect(await takePending(5, 2_000)).toBe('q1');
    expect(await takePending(5, 2_000)).toBeNull();
    await pendingInsertItem.setValue({ tabId: 5, quickReplyId: 'q1', at: 1_000 });
    expect(await takePending(5, 60_000)).toBeNull();
  });
});
