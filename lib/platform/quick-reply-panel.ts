import { browser } from 'wxt/browser';
import { MESSAGING_ORIGINS } from '../messaging/quick-reply-protocol';
import { injectPicker, pendingInsertItem } from './quick-reply-tabs';

/**
 * "Insert into page" from the side panel (issue 8). A click in the panel is no gesture in the
 * page, so it grants no activeTab: Leadside may script only the sites it holds host permission
 * for — LinkedIn and Facebook (capture), and the messaging sites once the recruiter allows them
 * (optional host permissions, asked for the first time with an explanation).
 */

/**
 * `mayAsk`: the messaging sites are not allowed yet, so the page may be one of them and asking
 * Chrome could help (the panel cannot see a tab's address without host permission). Once they
 * are allowed, a refusal means another site: asking again would only repeat a useless prompt.
 */
export type PanelInsertResult = { ok: true } | { ok: false; error: string; mayAsk: boolean };

/** Whether the recruiter has allowed the messaging sites (WhatsApp Web, Messenger, Gmail). */
export async function messagingAllowed(): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins: [...MESSAGING_ORIGINS] });
  } catch {
    return false;
  }
}

export const OTHER_SITE_ERROR =
  'From the side panel Leadside can insert into WhatsApp Web, Messenger, Gmail, LinkedIn and Facebook. ' +
  'On other sites, click into the field and press Alt+Shift+Q (or right-click it and choose “Insert quick reply”).';

/**
 * Asks Chrome for the messaging sites. Must be the click handler's first call, made
 * synchronously: Chrome grants the prompt only while the click's user gesture lasts.
 */
export function requestMessagingAccess(): Promise<boolean> {
  try {
    return browser.permissions.request({ origins: [...MESSAGING_ORIGINS] }).catch(() => false);
  } catch {
    return Promise.resolve(false);
  }
}

/** The tab the recruiter is working in: the active tab of the last focused window, not this panel. */
async function workingTab(): Promise<number | null> {
  const own = await browser.tabs.getCurrent().catch(() => undefined);
  const notOwn = (t: { id?: number }) => t.id !== undefined && t.id !== own?.id;
  const focused = (await browser.tabs.query({ active: true, lastFocusedWindow: true })).filter(notOwn);
  if (focused[0]?.id !== undefined) return focused[0].id;
  // The panel opened as a tab of its own window (tests, or a detached panel): another window's.
  const any = (await browser.tabs.query({ active: true })).filter(notOwn);
  return any[0]?.id ?? null;
}

/** Inserts this quick reply at the caret of the page beside the panel (through the picker). */
export async function insertIntoPage(quickReplyId: string): Promise<PanelInsertResult> {
  const tabId = await workingTab();
  if (tabId === null) return { ok: false, error: 'There is no page to insert into: open the conversation in a tab first.', mayAsk: false };
  await pendingInsertItem.setValue({ tabId, quickReplyId, at: Date.now() });
  try {
    await injectPicker(tabId);
    return { ok: true };
  } catch {
    await pendingInsertItem.removeValue();
    return { ok: false, error: OTHER_SITE_ERROR, mayAsk: !(await messagingAllowed()) };
  }
}
