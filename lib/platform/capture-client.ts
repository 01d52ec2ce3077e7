import { browser } from 'wxt/browser';
import type { CaptureMessages, CaptureMessageType, CaptureResponses } from '../messaging/protocol';

/**
 * From a capture content script: one typed message to the background (the only one that opens
 * the database). Resolves with the background's answer; never throws at the page.
 */
export async function sendCapture<T extends CaptureMessageType>(type: T, payload: CaptureMessages[T]): Promise<CaptureResponses[T]> {
  try {
    const answer: unknown = await browser.runtime.sendMessage({ type, payload });
    if (answer && typeof answer === 'object') return answer as CaptureResponses[T];
  } catch {
    // The extension was reloaded or its worker is starting: the caller shows a retry message.
  }
  return { ok: false, error: 'Leadside did not answer. Reload the page and try again.' } as CaptureResponses[T];
}
