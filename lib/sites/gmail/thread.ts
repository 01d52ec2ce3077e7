/**
 * Who a Gmail message being written goes to (DESIGN §4, quick replies), on mail.google.com. Pure.
 * The compose window holding the field (several can be open) gives its To recipients: exactly
 * one → that one, several → the first that is not the account owner. An inline reply in a
 * thread whose recipients are collapsed gives the thread's other participant instead.
 *
 * The account owner is recognised by email address, never by wording: the account button's
 * label ("Google Account: Name (email)") is translated into the user's language, but the
 * address inside it is not, and the tab title ("Inbox - email - Gmail") carries it too. The
 * compose window's From field adds the user's send-as aliases.
 */
import { cleanEmail, cleanText, visibleText } from '../draft';
import type { ThreadFound } from '../thread';

export const GMAIL_THREAD = {
  /** A compose window (new message, pop-out, full-screen) is a dialog. */
  compose: '[role="dialog"]',
  /** The To field's marker in every layout: a container or an input named "to". */
  to: '[name="to"]',
  /**
   * To recipients. Layout since 2023: chips `[role="option"][data-hovercard-id="<email>"]`
   * with `data-name`, inside `[name="to"]`. Fallback, the older layout: `.vR` chips in the To
   * row holding a `span[email]` (and a hidden input "Name <email>"). Last fallback (in code):
   * the value of the `textarea`/`input` named "to".
   */
  recipients: { primary: '[data-hovercard-id], [email]', fallback: 'tr' },
  /** The editable message body (to find reply boxes when no field is given). */
  body: '[contenteditable="true"][role="textbox"], [contenteditable="true"][g_editable]',
  /** The open thread; its senders (`h3 span[email]`), then anyone named in it. */
  thread: '[role="main"]',
  participants: { primary: 'h3 span[email]', fallback: 'span[email]' },
  /** A message's body (`div.a3s` inside `div.ii.gt` for years): addresses there are mentions. */
  messageBody: '.a3s, .ii.gt',
  /** Where the account owner's address is shown (emails are read out of these, see above). */
  owner: 'a[href*="accounts.google.com/SignOutOptions"], [aria-label^="Google Account"]',
  from: '[name="from"]',
} as const;

const EMAILS = /[^\s<>()"',;:]+@[^\s<>()"',;:]+\.[^\s<>()"',;:]+/g;

interface Person {
  name: string;
  email: string;
}

export function detectGmailThread(root: Document, field: Element | null): ThreadFound | null {
  const owner = ownerEmails(root);
  let scope: Element | null;
  if (field) scope = field.closest(GMAIL_THREAD.compose) ?? composeAround(field);
  else {
    const open = Array.from(root.querySelectorAll(GMAIL_THREAD.compose)).filter((d) => d.querySelector(GMAIL_THREAD.to));
    scope = open.length === 1 ? open[0]! : open.length === 0 ? replyBox(root) : null;
  }
  if (!scope) return null;
  for (const from of Array.from(scope.querySelectorAll(GMAIL_THREAD.from))) addEmails(owner, valueOf(from));

  const recipients = toRecipients(scope);
  let person = recipients.length === 1 ? recipients[0] : recipients.find((r) => !owner.has(r.email));
  if (recipients.length === 0 && !scope.matches(GMAIL_THREAD.compose)) person = threadPartner(root, scope, owner);
  if (!person || owner.has(person.email)) return null;
  return { name: person.name, email: person.email };
}

function ownerEmails(root: Document): Set<string> {
  const owner = new Set<string>();
  for (const el of Array.from(root.querySelectorAll(GMAIL_THREAD.owner))) addEmails(owner, el.getAttribute('aria-label'));
  addEmails(owner, root.querySelector('title')?.textContent);
  return owner;
}

function addEmails(set: Set<string>, text: string | null | undefined): void {
  for (const match of cleanText(text, 2000).match(EMAILS) ?? []) {
    const email = cleanEmail(match).toLowerCase();
    if (email) set.add(email);
  }
}

function valueOf(el: Element): string {
  return (el as HTMLInputElement).value || el.getAttribute('value') || el.textContent || '';
}

/** An inline reply: inside the open thread, the nearest ancestor of the field with a To field. */
function composeAround(field: Element): Element | null {
  const thread = field.closest(GMAIL_THREAD.thread);
  if (!thread) return null;
  for (let el = field.parentElement; el && el !== thread; el = el.parentElement) {
    if (el.querySelector(GMAIL_THREAD.to)) return el;
  }
  // Recipients collapsed ("to Ana"): the reply box alone; the thread says who it goes to.
  return field.parentElement;
}

/** With no field and no compose window: the one reply box open in the thread, if any. */
function replyBox(root: Document): Element | null {
  const bodies = Array.from(root.querySelector(GMAIL_THREAD.thread)?.querySelectorAll(GMAIL_THREAD.body) ?? []);
  return bodies.length === 1 ? composeAround(bodies[0]!) : null;
}

function toRecipients(scope: Element): Person[] {
  const people: Person[] = [];
  const add = (email: string | null | undefined, name: string | null | undefined) => {
    const clean = cleanEmail(email).toLowerCase();
    if (clean && !people.some((p) => p.email === clean)) people.push({ email: clean, name: cleanText(name, 400) });
  };
  for (const to of Array.from(scope.querySelectorAll(GMAIL_THREAD.to))) {
    for (const chip of Array.from(to.querySelectorAll(GMAIL_THREAD.recipients.primary))) {
      add(chip.getAttribute('email') ?? chip.getAttribute('data-hovercard-id'), chip.getAttribute('data-name') ?? chip.getAttribute('name') ?? visibleText(chip));
    }
  }
  if (people.length > 0) return people;
  for (const to of Array.from(scope.querySelectorAll(GMAIL_THREAD.to))) {
    const row = to.closest(GMAIL_THREAD.recipients.fallback);
    if (!row || !scope.contains(row)) continue;
    for (const chip of Array.from(row.querySelectorAll('[email]'))) add(chip.getAttribute('email'), chip.getAttribute('name') ?? visibleText(chip));
  }
  if (people.length > 0) return people;
  for (const to of Array.from(scope.querySelectorAll(GMAIL_THREAD.to))) {
    // "Ana Reyes <ana@example.org>, ben@example.org": each address, with the name before it.
    for (const part of cleanText(valueOf(to), 20_000).split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/)) {
      const email = part.match(EMAILS)?.[0];
      if (email) add(email.replace(/^<|>$/g, ''), part.replace(/<[^>]*>/, '').replace(email, '').replace(/"/g, ''));
    }
  }
  return people;
}

/** The thread's last sender who is not the user, else the last other person in a message header. */
function threadPartner(root: Document, reply: Element, owner: Set<string>): Person | undefined {
  const thread = reply.closest(GMAIL_THREAD.thread) ?? root.querySelector(GMAIL_THREAD.thread);
  if (!thread) return undefined;
  const read = (el: Element): Person => ({ email: cleanEmail(el.getAttribute('email')).toLowerCase(), name: cleanText(el.getAttribute('name') ?? visibleText(el), 400) });
  const others = (selector: string) =>
    Array.from(thread.querySelectorAll(selector))
      .filter((el) => !el.closest(GMAIL_THREAD.messageBody))
      .map(read)
      .filter((p) => p.email && !owner.has(p.email));
  const senders = others(GMAIL_THREAD.participants.primary);
  const named = others(GMAIL_THREAD.participants.fallback);
  return senders[senders.length - 1] ?? named[named.length - 1];
}

/**
 * Real pages to check by hand when Gmail changes (STYLE 2):
 * - https://mail.google.com/mail/u/0/#inbox?compose=new (one and two compose windows)
 * - https://mail.google.com/mail/u/0/#inbox/<thread id> with Reply clicked
 */
