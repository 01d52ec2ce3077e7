/**
 * Who a LinkedIn messaging conversation is with (DESIGN §4, quick replies): the thread page
 * (www.linkedin.com/messaging/thread/<id>/) and the message bubbles LinkedIn's overlay opens on
 * any page (several at once: the one holding the field is meant). Pure. The person is the one
 * member link (`/in/…`) in the conversation's header; links in the message list are senders
 * (the user among them) and are never taken, nor the user's own profile from the global nav.
 */
import { canonicalLinkedInUrl } from '../../domain/duplicates';
import { cleanText, visibleText } from '../draft';
import type { ThreadFound } from '../thread';

export const LINKEDIN_THREAD = {
  /**
   * A conversation: a bubble of the overlay, or the thread of the messaging page. Fallback (in
   * code): the nearest ancestor of the field whose header links to exactly one member.
   */
  conversation: '.msg-overlay-conversation-bubble, .msg-convo-wrapper, .msg-thread',
  /** The messaging page's thread when no field is given; fallback the page's `main`. */
  page: { primary: '.msg-convo-wrapper, .msg-thread', fallback: 'main' },
  /** The bubble/thread title bar. Fallback: the whole conversation minus its message list. */
  header: '.msg-overlay-bubble-header, .msg-title-bar, header',
  /**
   * The member link in the title bar (thread page: `a.msg-thread__link-to-profile`; bubbles:
   * `a.profile-card-one-to-one__profile-link`). Fallback: any `/in/` link in the header.
   */
  link: { primary: 'a.msg-thread__link-to-profile, a.profile-card-one-to-one__profile-link', fallback: 'a[href*="/in/"]' },
  /** The name in the title bar; fallback the link's own text or aria-label. */
  name: { primary: '.msg-entity-lockup__entity-title, .msg-overlay-bubble-header__title', fallback: 'h2' },
  /** Where the fallback's climb from the field stops: a conversation is never this wide. */
  climbStop: 'body, main, aside, #msg-overlay, [role="main"]',
  /** Message lists: sender links and mentions live there. */
  messages: '.msg-s-message-list, .msg-s-message-list-content, ul, ol, [role="list"], [role="log"]',
  /** A bubble's or thread's composer (to count open bubbles when no field is given). */
  composer: '[contenteditable="true"]',
  /** The user: the nav's "Me" photo (alt is their name) and any `/in/` link in the nav's Me menu. */
  viewer: { photo: 'img.global-nav__me-photo, .global-nav__me img[alt]', link: '.global-nav__me a[href*="/in/"], #global-nav a[href*="/in/"]' },
} as const;

const BASE = 'https://www.linkedin.com/';

export function detectLinkedInThread(root: Document, field: Element | null, href: string): ThreadFound | null {
  const viewer = viewerOf(root);
  let scope: Element | null;
  if (field) {
    scope = field.closest(LINKEDIN_THREAD.conversation) ?? nearestWithOneMember(field, viewer);
  } else if (/^\/messaging\/thread\//.test(new URL(href).pathname)) {
    scope = root.querySelector(LINKEDIN_THREAD.page.primary) ?? root.querySelector(LINKEDIN_THREAD.page.fallback);
  } else {
    const open = Array.from(root.querySelectorAll(LINKEDIN_THREAD.conversation)).filter((c) => c.querySelector(LINKEDIN_THREAD.composer));
    scope = open.length === 1 ? open[0]! : null;
  }
  return scope ? personIn(scope, viewer) : null;
}

interface Viewer {
  urls: Set<string>;
  names: Set<string>;
}

function viewerOf(root: Document): Viewer {
  const viewer: Viewer = { urls: new Set(), names: new Set() };
  for (const img of Array.from(root.querySelectorAll(LINKEDIN_THREAD.viewer.photo))) {
    const name = cleanText(img.getAttribute('alt'), 200).toLowerCase();
    if (name) viewer.names.add(name);
  }
  for (const a of Array.from(root.querySelectorAll(LINKEDIN_THREAD.viewer.link))) {
    const url = memberOf(a);
    if (url) viewer.urls.add(url);
  }
  return viewer;
}

function memberOf(a: Element): string | null {
  const raw = a.getAttribute('href') ?? '';
  if (raw.length > 2048) return null;
  try {
    return canonicalLinkedInUrl(new URL(raw, BASE).href);
  } catch {
    return null;
  }
}

/**
 * Member links of a conversation's title bars (never its message list), the user's apart. With
 * `loose`, a scope without a title bar is searched whole (a conversation found by class).
 */
function headerMembers(scope: Element, viewer: Viewer, loose: boolean): { people: { url: string; link: Element }[]; self: boolean } {
  const out = { people: [] as { url: string; link: Element }[], self: false };
  let headers = Array.from(scope.querySelectorAll(LINKEDIN_THREAD.header));
  if (headers.length === 0) {
    if (!loose) return out;
    headers = [scope];
  }
  const within = (selector: string) => headers.flatMap((h) => Array.from(h.querySelectorAll(selector)));
  // Primary first (its name is the one shown); the fallback also finds a group's other members.
  const links = [...new Set([...within(LINKEDIN_THREAD.link.primary), ...within(LINKEDIN_THREAD.link.fallback)])];
  for (const a of links) {
    const list = a.closest(LINKEDIN_THREAD.messages);
    if (list && scope.contains(list)) continue;
    const url = memberOf(a);
    if (!url) continue;
    if (viewer.urls.has(url)) out.self = true;
    else out.people.push({ url, link: a });
  }
  return out;
}

/** Fallback: the nearest ancestor of the field whose title bars link one member (not past main). */
function nearestWithOneMember(field: Element, viewer: Viewer): Element | null {
  for (let el = field.parentElement; el && !el.matches(LINKEDIN_THREAD.climbStop); el = el.parentElement) {
    const urls = new Set(headerMembers(el, viewer, false).people.map((p) => p.url));
    if (urls.size === 1) return el;
    if (urls.size > 1) return null;
  }
  return null;
}

function personIn(scope: Element, viewer: Viewer): ThreadFound | null {
  const { people, self } = headerMembers(scope, viewer, true);
  if (self && people.length === 0) return null;
  // A group conversation's title bar links to several members: no one candidate.
  if (new Set(people.map((p) => p.url)).size > 1) return null;
  const header = people[0]?.link.closest(LINKEDIN_THREAD.header) ?? scope.querySelector(LINKEDIN_THREAD.header) ?? scope;
  const nameEl = header.querySelector(LINKEDIN_THREAD.name.primary) ?? header.querySelector(LINKEDIN_THREAD.name.fallback);
  const link = people[0]?.link;
  const name =
    cleanText(visibleText(nameEl), 400) ||
    (link ? cleanText(visibleText(link), 400) || cleanText(link.getAttribute('aria-label'), 400) : '');
  const profileUrl = people[0]?.url ?? '';
  if (!profileUrl && (!name || viewer.names.has(name.toLowerCase()))) return null;
  return { name, profileUrl };
}

/**
 * Real pages to check by hand when LinkedIn changes (STYLE 2):
 * - https://www.linkedin.com/messaging/thread/<id>/
 * - https://www.linkedin.com/feed/ with two message bubbles open from the messaging overlay
 */
