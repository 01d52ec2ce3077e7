import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';

/**
 * Quick replies in any tab: which tabs the picker was injected into (the background answers
 * `qr:*` messages from those tabs only), and a quick reply chosen in the side panel waiting for
 * the picker to insert it. Session storage: shared by the worker and the panel, survives the
 * worker being stopped, gone when the browser closes, not readable by content scripts.
 */
export interface InjectedTab {
  tabId: number;
  at: number;
}

export interface PendingInsert {
  tabId: number;
  quickReplyId: string;
  at: number;
}

/** An injection is trusted for an hour: long enough for any real use of one picker. */
const INJECTION_TTL_MS = 60 * 60_000;
/** "Insert into page" waits this long for the injected picker to ask for it. */
const PENDING_TTL_MS = 30_000;

export const injectedTabsItem = storage.defineItem<InjectedTab[]>('session:quickReplyTabs', { fallback: [] });
export const pendingInsertItem = storage.defineItem<PendingInsert | null>('session:quickReplyPending', { fallback: null });
/** The candidate the side panel shows (a profile or a chat), for pages that show nobody. */
export const panelCandidateItem = storage.defineItem<{ candidateId?: string; leadId?: string } | null>('session:panelCandidate', {
  fallback: null,
});

export async function markInjected(tabId: number, now = Date.now()): Promise<void> {
  const tabs = (await injectedTabsItem.getValue()).filter((t) => t.tabId !== tabId && now - t.at < INJECTION_TTL_MS);
  tabs.push({ tabId, at: now });
  await injectedTabsItem.setValue(tabs.slice(-50));
}

export async function wasInjected(tabId: number, now = Date.now()): Promise<boolean> {
  return (await injectedTabsItem.getValue()).some((t) => t.tabId === tabId && now - t.at < INJECTION_TTL_MS);
}

/** The quick reply waiting for this tab's picker, consumed. */
export async function takePending(tabId: number, now = Date.now()): Promise<string | null> {
  const pending = await pendingInsertItem.getValue();
  if (!pending || pending.tabId !== tabId) return null;
  await pendingInsertItem.removeValue();
  return now - pending.at < PENDING_TTL_MS ? pending.quickReplyId : null;
}

/** The injected script's path in the build (entrypoints/quick-reply.ts). */
export const PICKER_SCRIPT = '/quick-reply.js';

/**
 * Injects the picker into the tab's top frame. The picker looks through same-origin frames
 * itself and refuses a field in a cross-origin one, which the top frame cannot reach.
 */
export async function injectPicker(tabId: number): Promise<void> {
  // Marked first: the picker asks the background as soon as it runs, before this call returns.
  await markInjected(tabId);
  try {
    await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: [PICKER_SCRIPT] });
  } catch (error) {
    // Not injected (no access to this page): the tab gets no say.
    await injectedTabsItem.setValue((await injectedTabsItem.getValue()).filter((t) => t.tabId !== tabId));
    throw error;
  }
}
