/**
 * Who a Messenger conversation is with (DESIGN §4, quick replies), on www.messenger.com/t/<id>,
 * www.facebook.com/messages/t/<id> (and /e2ee/t/), and in the chat pop-ups facebook.com docks
 * at the bottom of every other page. Pure. Facebook's class names are generated and change
 * weekly, so only roles, aria labels and profile links are read. The person is the one profile
 * link in the conversation's header (outside the message list); the logged-in user's own links
 * (in the banner: "Your profile") are never taken.
 */
import { canonicalFacebookUrl } from '../../domain/duplicates';
import { cleanText, visibleText } from '../draft';
import type { ThreadFound } from '../thread';

export const MESSENGER_THREAD = {
  /**
   * The open conversation: `[role="main"]`, labelled "Conversation with <name>" (fallback for
   * the name, English only). On facebook.com/messages the page's main region is the same.
   */
  conversation: '[role="main"]',
  /**
   * The facebook.com chat pop-ups: each is a `[role="dialog"]` (some builds: `[role="region"]`).
   * Fallback (in code): the nearest ancestor of the field with exactly one header profile link.
   */
  popup: '[role="dialog"], [role="region"]',
  /** Where the fallback's climb from the field stops: a pop-up is never this wide. */
  climbStop: 'body, [role="main"], [role="banner"], [role="feed"], [role="complementary"]',
  /** The composer of a pop-up (to tell pop-ups from other dialogs when no field is given). */
  composer: '[role="textbox"][contenteditable="true"], [contenteditable="true"]',
  /** Links that can be the person: header avatar and name links (`/<username>/`, profile.php). */
  link: 'a[href]',
  /** The message list and its rows: links there are senders, shared posts, mentions. */
  messages: '[role="grid"], [role="row"], [role="log"], [role="article"], [role="list"]',
  /** The conversation's name heading; fallback the label of the conversation region. */
  heading: { primary: 'h1, h2, [role="heading"]', fallback: 'aria-label' },
  /** The logged-in user: profile links in the top bar, the account menu, "Your profile". */
  viewer: '[role="banner"] a[href], [aria-label="Account Controls and Settings"] a[href], a[aria-label="Your profile"]',
} as const;

/** Path heads that canonicalFacebookUrl accepts as usernames but are Messenger's own pages. */
const NOT_PEOPLE = /^\/(?:t|e2ee|messages|messenger_media|me|home\.php|notifications|marketplace)(?:\/|$|\?)/i;

/** www.messenger.com and facebook.com/messages: the conversation in the main region. */
export function detectMessengerThread(root: Document, field: Element | null, href: string): ThreadFound | null {
  const viewer = viewerOf(root, href);
  if (field) {
    // A pop-up left open over /messages, or the field sits in the conversation.
    const popup = field.closest(MESSENGER_THREAD.popup);
    if (popup && !popup.matches(MESSENGER_THREAD.conversation)) return personIn(popup, href, viewer);
    const main = field.closest(MESSENGER_THREAD.conversation);
    return main ? personIn(main, href, viewer) : null;
  }
  const main = root.querySelector(MESSENGER_THREAD.conversation);
  return main ? personIn(main, href, viewer) : null;
}

/** facebook.com outside /messages: the chat pop-up holding the field (or the only one open). */
export function detectFacebookChatThread(root: Document, field: Element | null, href: string): ThreadFound | null {
  const viewer = viewerOf(root, href);
  let popup: Element | null;
  if (field) {
    popup = field.closest(MESSENGER_THREAD.popup) ?? nearestWithOnePerson(field, href, viewer);
  } else {
    const open = Array.from(root.querySelectorAll(MESSENGER_THREAD.popup)).filter((p) => p.querySelector(MESSENGER_THREAD.composer));
    popup = open.length === 1 ? open[0]! : null;
  }
  return popup ? personIn(popup, href, viewer) : null;
}

interface Viewer {
  urls: Set<string>;
  names: Set<string>;
}

function viewerOf(root: Document, href: string): Viewer {
  const viewer: Viewer = { urls: new Set(), names: new Set() };
  for (const a of Array.from(root.querySelectorAll(MESSENGER_THREAD.viewer))) {
    const url = profileOf(a, href);
    if (!url) continue;
    viewer.urls.add(url);
    for (const name of [cleanText(a.getAttribute('aria-label'), 200), cleanText(visibleText(a), 200)]) {
      if (name) viewer.names.add(name.toLowerCase());
    }
  }
  return viewer;
}

/** The canonical Facebook profile a link points to, or null (relative links resolve on the page). */
function profileOf(a: Element, href: string): string | null {
  const raw = a.getAttribute('href') ?? '';
  if (raw.length > 2048) return null;
  let url: URL;
  try {
    url = new URL(raw, href);
  } catch {
    return null;
  }
  if (NOT_PEOPLE.test(url.pathname)) return null;
  return canonicalFacebookUrl(url.href);
}

function nameOfLink(a: Element): string {
  return cleanText(a.getAttribute('aria-label'), 200) || cleanText(visibleText(a), 200);
}

interface HeaderLinks {
  people: { url: string; link: Element }[];
  /** The header links to the user's own profile: a conversation with yourself. */
  self: boolean;
}

/** Header profile links of a conversation: outside the message list; the viewer's apart. */
function headerLinks(scope: Element, href: string, viewer: Viewer): HeaderLinks {
  const out: HeaderLinks = { people: [], self: false };
  for (const a of Array.from(scope.querySelectorAll(MESSENGER_THREAD.link))) {
    const list = a.closest(MESSENGER_THREAD.messages);
    if (list && scope.contains(list)) continue;
    const url = profileOf(a, href);
    if (!url) continue;
    if (viewer.urls.has(url)) out.self = true;
    else out.people.push({ url, link: a });
  }
  return out;
}

function nearestWithOnePerson(field: Element, href: string, viewer: Viewer): Element | null {
  for (let el = field.parentElement; el && !el.matches(MESSENGER_THREAD.climbStop); el = el.parentElement) {
    const urls = new Set(headerLinks(el, href, viewer).people.map((l) => l.url));
    if (urls.size === 1) return el;
    if (urls.size > 1) return null;
  }
  return null;
}

function personIn(scope: Element, href: string, viewer: Viewer): ThreadFound | null {
  const { people: links, self } = headerLinks(scope, href, viewer);
  if (self && links.length === 0) return null;
  const urls = new Set(links.map((l) => l.url));
  // Several people in the header: a group conversation, no one candidate.
  if (urls.size > 1) return null;
  const profileUrl = links[0]?.url ?? '';
  let name = '';
  for (const { link } of links) if ((name = nameOfLink(link))) break;
  if (!name) {
    for (const h of Array.from(scope.querySelectorAll(MESSENGER_THREAD.heading.primary))) {
      if (h.closest(MESSENGER_THREAD.messages)) continue;
      if ((name = cleanText(visibleText(h), 400))) break;
    }
  }
  if (!name) {
    const label = cleanText(scope.getAttribute(MESSENGER_THREAD.heading.fallback), 400);
    name = /^Conversation (?:with|titled) (.+)$/i.exec(label)?.[1] ?? '';
  }
  if (!profileUrl && !name) return null;
  // Writing to yourself (Messenger allows it): the header shows the user's own name.
  if (!profileUrl && viewer.names.has(name.toLowerCase())) return null;
  return { name, profileUrl };
}

/**
 * Real pages to check by hand when Facebook changes (STYLE 2):
 * - https://www.messenger.com/t/<id> and https://www.messenger.com/e2ee/t/<id>
 * - https://www.facebook.com/messages/t/<id>
 * - https://www.facebook.com/ with two chat pop-ups open (click a contact in the right rail)
 */
