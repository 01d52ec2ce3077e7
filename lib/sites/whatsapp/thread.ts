/**
 * Who the open WhatsApp Web chat is with (DESIGN §4, quick replies). Pure: reads the header of
 * the conversation pane. WhatsApp Web shows one chat at a time, so the field only matters to
 * say "not a chat" (the chat-list search box). A saved contact's header shows their name, an
 * unsaved one's the number ("+63 917 123 4567", wrapped in bidi marks): the dispatcher moves a
 * number into `phone`. Groups and the "Message yourself" chat are nobody to log a message to.
 */
import { cleanText, visibleText } from '../draft';
import type { ThreadFound } from '../thread';

export const WHATSAPP_THREAD = {
  /** The open conversation has been the `#main` pane since 2019 (no pane: no chat open). */
  header: '#main header',
  /** The chat list and its search box (left pane). Typing there is not writing to anyone. */
  side: '#side',
  /**
   * The chat's title. Older builds (and some A/B variants still) mark it with a data-testid.
   * Fallback: the header's `span[title]` — WhatsApp puts the full, untruncated name in the
   * `title` attribute (`dir="auto"` first: the subtitle span has a title too, but no dir).
   * Last fallback (in code): the header's first leaf with text.
   */
  title: {
    primary: '[data-testid="conversation-info-header-chat-title"]',
    fallback: 'span[dir="auto"][title], span[title]',
  },
  /** A group's placeholder avatar (the subtitle listing members is checked in code too). */
  groupIcon: '[data-icon^="default-group"], [data-testid="default-group"]',
} as const;

export function detectWhatsAppThread(root: Document, field: Element | null): ThreadFound | null {
  if (field?.closest(WHATSAPP_THREAD.side)) return null;
  const header = root.querySelector(WHATSAPP_THREAD.header);
  if (!header) return null;
  const titleEl = header.querySelector(WHATSAPP_THREAD.title.primary) ?? header.querySelector(WHATSAPP_THREAD.title.fallback);
  const raw = titleEl ? titleEl.getAttribute('title') || visibleText(titleEl) : visibleText(firstLeafWithText(header));
  const title = cleanText(raw, 400);
  if (!title || isSelfChat(header, title) || isGroup(header, titleEl)) return null;
  return { name: title };
}

/** "Rita Recruiter (You)" with "Message yourself" under it: the user's own notes chat. */
function isSelfChat(header: Element, title: string): boolean {
  if (/\(\s*you\s*\)$/i.test(title) || /^you$/i.test(title)) return true;
  return /\bMessage yourself\b/i.test(cleanText(visibleText(header), 400));
}

/** The group avatar, or a subtitle listing members ("Ana, Ben, You"). */
function isGroup(header: Element, titleEl: Element | null): boolean {
  if (header.querySelector(WHATSAPP_THREAD.groupIcon)) return true;
  for (const span of Array.from(header.querySelectorAll('span[title]'))) {
    if (span === titleEl) continue;
    const parts = cleanText(span.getAttribute('title'), 2000).split(/\s*,\s*/);
    if (parts.length >= 2 && parts.some((p) => /^you$/i.test(p))) return true;
  }
  return false;
}

function firstLeafWithText(scope: Element): Element | null {
  for (const el of Array.from(scope.querySelectorAll('span, div, h1, h2'))) {
    if (el.firstElementChild === null && cleanText(el.textContent, 50)) return el;
  }
  return null;
}

/**
 * Real pages to check by hand when WhatsApp changes (STYLE 2): https://web.whatsapp.com/ with
 * a saved contact's chat, an unsaved number's chat, a group, "Message yourself", no chat open.
 */
