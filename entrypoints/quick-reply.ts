import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { dismissPicker, isPickerOpen, openPicker } from '../lib/quick-reply/picker';
import { findTarget } from '../lib/quick-reply/insert';
import { detectThreadPerson } from '../lib/sites/thread';
import { pickerPort } from '../lib/platform/quick-reply-client';
import type { PagePerson } from '../lib/messaging/quick-reply-protocol';

/**
 * Injected on demand (scripting.executeScript) when the recruiter asks for a quick reply: the
 * keyboard command, the context menu, or "Insert into page" in the side panel. Never declared as
 * a content script: it runs only in the tab and frame the gesture was in (DESIGN §4).
 */
export default defineUnlistedScript(() => {
  try {
    // The shortcut again while the picker is open closes it, back to the field.
    if (isPickerOpen()) {
      dismissPicker();
      return;
    }
    // Read the field and caret first: the picker is about to take the focus.
    const target = findTarget(document);
    let person: PagePerson | null = null;
    try {
      person = detectThreadPerson(document, location.href, target.ok ? target.target.element : null);
    } catch {
      person = null;
    }
    performance.mark('leadside:quick-reply-injected');
    void openPicker({ doc: document, target, port: pickerPort(location.href, person) }).catch(() => undefined);
  } catch {
    // Never let an error reach the host page.
  }
});
