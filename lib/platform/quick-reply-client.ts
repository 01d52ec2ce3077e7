import { browser } from 'wxt/browser';
import type { PickerPort } from '../quick-reply/picker';
import type { PagePerson, QuickReplyMessages, QuickReplyMessageType, QuickReplyResponses } from '../messaging/quick-reply-protocol';

/**
 * From the injected quick-reply picker: typed messages to the background, which owns the
 * database. Never throws at the page: a missing answer becomes `{ ok: false, error }`.
 */
async function send<T extends QuickReplyMessageType>(type: T, payload: QuickReplyMessages[T]): Promise<QuickReplyResponses[T]> {
  try {
    const answer: unknown = await browser.runtime.sendMessage({ type, payload });
    if (answer && typeof answer === 'object') return answer as QuickReplyResponses[T];
  } catch {
    // The extension was reloaded or updated since the picker was injected.
  }
  return { ok: false, error: 'Leadside did not answer. Reload the page and try again.' } as QuickReplyResponses[T];
}

/** The picker's way to the background, for the page at `href` showing `person`. */
export function pickerPort(href: string, person: PagePerson | null): PickerPort {
  return {
    context: () => send('qr:context', { href, person }),
    match: (name) => send('qr:match', { name }),
    search: (query) => send('qr:search', { query }),
    check: (candidateId, text, channel) => send('qr:check', { candidateId, text, channel }),
    log: (candidateId, text, channel, quickReplyId) => send('qr:log', { candidateId, text, channel, quickReplyId }),
  };
}
