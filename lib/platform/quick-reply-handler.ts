/**
 * The background's side of quick replies in any tab (issue 8, DESIGN §4). The keyboard command
 * and the "Insert quick reply" context-menu item are user gestures that grant `activeTab`; each
 * injects the picker (entrypoints/quick-reply.ts) into that tab with `scripting`. No content
 * script runs on every site and there is no `<all_urls>`. The picker then asks, with typed and
 * parsed messages, for the quick replies, the candidate, the checks before inserting, and the log.
 */
import { browser } from 'wxt/browser';
import { describeError, UserError } from '../db/errors';
import { lastConversationalMessage } from '../db/mutations/chat-history';
import { doNotContactReason, fullName, loadTokenData, quickRepliesFor, sendMessage } from '../db/mutations/messages';
import { ensureWorkspace } from '../db/mutations/workspace';
import type { LeadsideDB } from '../db/schema';
import { duplicateMessage, isDuplicate } from '../chat/duplicate-guard';
import { canonicalFacebookUrl, canonicalLinkedInUrl, emailKey, normalizePhone } from '../domain/duplicates';
import type { Candidate, Id } from '../domain/model';
import type { Settings } from '../domain/settings';
import { fold, foldedKey, queryWords } from '../domain/text';
import {
  channelOfSite,
  parseQuickReplyMessage,
  type LogChannel,
  type PagePerson,
  type PickerCandidate,
  type QuickReplyMessages,
  type QuickReplyResponses,
} from '../messaging/quick-reply-protocol';
import { threadSiteOf } from '../sites/thread';
import { openDatabase } from './database';
import { injectPicker, panelCandidateItem, takePending, wasInjected } from './quick-reply-tabs';
import { IS_DEV_BUILD, loadSettings } from './storage';

export const QUICK_REPLY_COMMAND = 'insert-quick-reply';
export const QUICK_REPLY_MENU = 'leadside-insert-quick-reply';

const SEARCH_LIMIT = 8;

/** Registers the command, the context menu and the message listener (synchronously, at start). */
export function startQuickReplies(): void {
  browser.runtime.onInstalled.addListener(() => {
    // Menus persist across worker restarts; (re)creating them belongs to install and update.
    void browser.contextMenus.removeAll().then(() =>
      browser.contextMenus.create({ id: QUICK_REPLY_MENU, title: 'Insert quick reply', contexts: ['editable'] }),
    );
  });
  browser.commands.onCommand.addListener((command, tab) => {
    void handleCommand(command, tab?.id);
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === QUICK_REPLY_MENU) void openPickerIn(tab?.id);
  });
  // eslint-disable-next-line @typescript-eslint/no-misused-promises
  browser.runtime.onMessage.addListener((raw: unknown, sender) => {
    const message = parseQuickReplyMessage(raw);
    if (!message) return undefined;
    return answer(message.type, message.payload, sender);
  });
}

/** The keyboard command's handler (exported for the end-to-end tests, which cannot press it). */
export async function handleCommand(command: string, tabId: number | undefined): Promise<boolean> {
  return command === QUICK_REPLY_COMMAND ? openPickerIn(tabId) : false;
}

/** Injects the picker; pages the extension may not script (chrome://, the Web Store) just fail. */
export async function openPickerIn(tabId: number | undefined): Promise<boolean> {
  if (tabId === undefined) return false;
  try {
    await injectPicker(tabId);
    return true;
  } catch (error) {
    console.info('Leadside: quick replies cannot be inserted on this page', describeError(error));
    return false;
  }
}

async function answer(
  type: keyof QuickReplyMessages,
  payload: QuickReplyMessages[keyof QuickReplyMessages],
  sender: { id?: string; tab?: { id?: number } },
): Promise<unknown> {
  // Only our own picker, in a tab we injected it into, may ask (no other script can reach this
  // listener: there is no externally_connectable).
  const tabId = sender.tab?.id;
  if (sender.id !== browser.runtime.id || tabId === undefined || !(await wasInjected(tabId))) {
    return { ok: false, error: 'Refused.' };
  }
  try {
    switch (type) {
      case 'qr:context':
        return await context(payload as QuickReplyMessages['qr:context'], tabId);
      case 'qr:match':
        return await matchName((payload as QuickReplyMessages['qr:match']).name);
      case 'qr:search':
        return await search((payload as QuickReplyMessages['qr:search']).query);
      case 'qr:check':
        return await check(payload as QuickReplyMessages['qr:check']);
      case 'qr:log':
        return await log(payload as QuickReplyMessages['qr:log']);
    }
  } catch (error) {
    return { ok: false, error: describeError(error) };
  }
}

interface Ctx {
  db: LeadsideDB;
  selfId: Id;
  settings: Settings;
}

async function ctx(): Promise<Ctx> {
  const db = openDatabase();
  const [{ self }, settings] = await Promise.all([ensureWorkspace(db), loadSettings()]);
  return { db, selfId: self.id, settings };
}

/** Logging inserted replies is on unless the recruiter turned it off (Options). */
function loggingOn(settings: Settings): boolean {
  return settings.logQuickReplyInserts;
}

async function pickerCandidate(c: Ctx, candidate: Candidate): Promise<PickerCandidate> {
  const data = await loadTokenData(c.db, candidate.id, undefined, c.selfId);
  return {
    id: candidate.id,
    name: fullName(candidate) || 'Unnamed candidate',
    // campaign_name is the candidate's most recent application's campaign, already read.
    detail: [candidate.ref, data?.values.campaign_name, candidate.email, candidate.phone].filter(Boolean).join(' · '),
    values: data?.values ?? {},
    blocked: doNotContactReason(candidate),
  };
}

/** The candidate the page's conversation is with, by profile link, email or phone (indexed). */
export async function matchPerson(db: LeadsideDB, person: PagePerson, country: Settings['defaultCountry']): Promise<Candidate | null> {
  const linkedin = person.profileUrl ? canonicalLinkedInUrl(person.profileUrl) : null;
  if (linkedin) {
    const hit = await db.candidates.where('linkedinUrl').equals(linkedin).first();
    if (hit) return hit;
  }
  const facebook = person.profileUrl ? canonicalFacebookUrl(person.profileUrl) : null;
  if (facebook) {
    const hit = await db.candidates.where('facebookUrl').equals(facebook).first();
    if (hit) return hit;
  }
  if (person.email) {
    const hit = await db.candidates.where('email').equalsIgnoreCase(emailKey(person.email)).first();
    if (hit) return hit;
  }
  const phone = person.phone ? normalizePhone(person.phone, country) : null;
  if (phone) {
    const hit = await db.candidates.where('phone').equals(phone).first();
    if (hit) return hit;
  }
  return null;
}

/** Names worth a scan: at least three characters. */
export function isSearchableName(name: string): boolean {
  return foldedKey(name).length >= 3;
}

/**
 * The only candidate with this full name, or null (none, or namesakes: a name alone never picks
 * between two people). Through the candidates' nameKey index (schema v3): two reads at most.
 */
export async function matchByName(db: LeadsideDB, name: string): Promise<Candidate | null> {
  const key = foldedKey(name);
  if (key.length < 3) return null;
  const same = await db.candidates.where('nameKey').equals(key).limit(2).toArray();
  return same.length === 1 ? same[0]! : null;
}

async function panelCandidate(db: LeadsideDB): Promise<Candidate | null> {
  const shown = await panelCandidateItem.getValue();
  if (!shown) return null;
  if (shown.candidateId) return (await db.candidates.get(shown.candidateId)) ?? null;
  if (shown.leadId) {
    const lead = await db.leads.get(shown.leadId);
    return lead ? ((await db.candidates.get(lead.candidateId)) ?? null) : null;
  }
  return null;
}

async function context(p: QuickReplyMessages['qr:context'], tabId: number): Promise<QuickReplyResponses['qr:context']> {
  const c = await ctx();
  const replies = (await quickRepliesFor(c.db, c.selfId)).map((r) => ({ id: r.id, title: r.title, body: r.body }));
  let candidate: Candidate | null = null;
  let source: 'page' | 'panel' | null = null;
  if (p.person) {
    candidate = await matchPerson(c.db, p.person, c.settings.defaultCountry);
    if (candidate) source = 'page';
  }
  // A name alone is looked up separately (qr:match), so the replies show at once.
  const lookupName = !candidate && p.person && isSearchableName(p.person.name) ? p.person.name : null;
  let unmatched: string | null = null;
  let suggested: Candidate | null = null;
  if (!candidate && !lookupName) {
    const shown = await panelCandidate(c.db);
    if (!p.person) {
      // The page shows no conversation: the candidate open in the side panel is the one.
      candidate = shown;
      if (candidate) source = 'panel';
    } else {
      // The conversation is with someone not in Leadside: rendering for, and logging to, the
      // panel's candidate would put another person's name in this chat and this chat in their
      // history. The picker says so and only offers the panel's candidate.
      unmatched = personLabel(p.person);
      suggested = shown;
    }
  }
  const site = p.person?.site ?? threadSiteOf(p.href);
  const channel: LogChannel | null = site ? channelOfSite(site) : null;
  return {
    ok: true,
    replies,
    candidate: candidate ? await pickerCandidate(c, candidate) : null,
    source,
    channel,
    logging: loggingOn(c.settings) && channel !== null,
    preselect: await takePending(tabId),
    lookupName,
    unmatched,
    suggested: suggested ? await pickerCandidate(c, suggested) : null,
  };
}

async function matchName(name: string): Promise<QuickReplyResponses['qr:match']> {
  const c = await ctx();
  const byName = await matchByName(c.db, name);
  if (byName) return { ok: true, candidate: await pickerCandidate(c, byName), source: 'page', unmatched: null, suggested: null };
  // Not found (or namesakes): the conversation is with someone Leadside cannot name for sure.
  const shown = await panelCandidate(c.db);
  return { ok: true, candidate: null, source: null, unmatched: name.trim(), suggested: shown ? await pickerCandidate(c, shown) : null };
}

/** How the picker names the page's person: the name it shows, else the phone or email. */
function personLabel(person: PagePerson): string {
  return person.name.trim() || person.phone.trim() || person.email.trim() || 'This conversation';
}

/** Candidates by any identifier: C-/A- reference, email, phone digits, or name words. */
async function search(query: string): Promise<QuickReplyResponses['qr:search']> {
  const c = await ctx();
  const q = query.trim();
  if (!q) return { ok: true, candidates: [] };
  const found: Candidate[] = [];
  const ref = /^[CA]-\d+$/i.test(q) ? q.toUpperCase() : null;
  if (ref?.startsWith('C-')) {
    const hit = await c.db.candidates.where('ref').equals(ref).first();
    if (hit) found.push(hit);
  } else if (ref) {
    const lead = await c.db.leads.where('ref').equals(ref).first();
    const hit = lead ? await c.db.candidates.get(lead.candidateId) : undefined;
    if (hit) found.push(hit);
  } else {
    const digits = q.replace(/[^\d]/g, '');
    const byPhone = digits.length >= 4 && /^[+\d\s().-]+$/.test(q);
    const words = queryWords(q);
    const email = q.includes('@') ? q.toLowerCase() : null;
    await c.db.candidates
      .filter((cand) => {
        if (email) return (cand.email ?? '').toLowerCase().includes(email);
        if (byPhone) return (cand.phone ?? '').includes(digits);
        const hay = fold(`${cand.firstName} ${cand.lastName} ${cand.email ?? ''}`);
        return words.every((w) => hay.includes(w));
      })
      .limit(SEARCH_LIMIT)
      .each((cand) => void found.push(cand));
  }
  return { ok: true, candidates: await Promise.all(found.slice(0, SEARCH_LIMIT).map((cand) => pickerCandidate(c, cand))) };
}

async function check(p: QuickReplyMessages['qr:check']): Promise<QuickReplyResponses['qr:check']> {
  const { db } = await ctx();
  const candidate = await db.candidates.get(p.candidateId);
  if (!candidate) return { ok: false, error: 'That candidate no longer exists.' };
  const dnc = doNotContactReason(candidate);
  if (dnc) return { ok: false, error: dnc };
  const last = p.text.trim() ? await lastConversationalMessage({ db }, candidate.id) : null;
  if (last && isDuplicate([last], p.text)) return { ok: false, error: duplicateMessage(fullName(candidate)) };
  return { ok: true };
}

async function log(p: QuickReplyMessages['qr:log']): Promise<QuickReplyResponses['qr:log']> {
  const c = await ctx();
  if (!loggingOn(c.settings)) return { ok: true, logged: false };
  const actingRole = IS_DEV_BUILD ? (c.settings.actAsRole ?? undefined) : undefined;
  try {
    await sendMessage(
      { db: c.db, actorId: c.selfId },
      { candidateId: p.candidateId, channel: p.channel, body: p.text },
      { preRendered: true, status: 'handed_off', actingRole },
    );
  } catch (error) {
    if (error instanceof UserError) return { ok: false, error: error.message };
    throw error;
  }
  return { ok: true, logged: true };
}
