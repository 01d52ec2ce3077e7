/**
 * The chat history's pure core: merge a candidate's messages and Activity rows into one
 * timeline, group it by calendar day, and describe system events in words. No DOM, no
 * database: the actions module reads the rows, the component renders what this returns.
 */
import type { Activity, Channel, Id, Message } from '../domain/model';

export type HistoryItem =
  | { type: 'message'; key: string; at: number; message: Message }
  | { type: 'activity'; key: string; at: number; activity: Activity };

export type HistoryRow =
  | { type: 'day'; key: string; day: string; label: string }
  | { type: 'message'; key: string; at: number; message: Message }
  /** A system event: a kind 'event' message, or an Activity row, as one line of text. */
  | { type: 'event'; key: string; at: number; text: string };

export const CHANNEL_LABELS: Record<Channel, string> = {
  sms: 'SMS',
  facebook: 'Facebook',
  email: 'Email',
  whatsapp: 'WhatsApp',
  linkedin: 'LinkedIn',
};

export const STATUS_LABELS: Record<Message['status'], string> = {
  queued: 'Queued',
  handed_off: 'Handed off',
  sent: 'Sent',
  delivered: 'Delivered',
  failed: 'Failed',
};

/** Activity kinds that say nothing about the person (workspace-wide changes): never shown. */
const HIDDEN_ACTIVITIES = new Set(['person.erased', 'label.created', 'label.deleted', 'folder.created', 'folder.renamed', 'folder.deleted', 'folder.moved', 'attribute.created', 'attribute.renamed', 'attribute.deleted', 'user.added']);

function byTimeThenKey(a: { at: number; key: string }, b: { at: number; key: string }): number {
  return a.at - b.at || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

/**
 * One timeline, oldest first. Both inputs may come in any order; ties in time keep the ids'
 * order (ULIDs sort by creation), and a message comes before an activity of the same moment
 * (a reply, then the move it caused).
 */
export function mergeHistory(messages: readonly Message[], activities: readonly Activity[]): HistoryItem[] {
  const m: HistoryItem[] = messages.map((message) => ({ type: 'message', key: `m:${message.id}`, at: message.sentAt, message }));
  const a: HistoryItem[] = activities
    .filter((activity) => !HIDDEN_ACTIVITIES.has(activity.what))
    .map((activity) => ({ type: 'activity', key: `a:${activity.id}`, at: activity.at, activity }));
  if (!isSorted(m)) m.sort(byTimeThenKey);
  if (!isSorted(a)) a.sort(byTimeThenKey);
  // A linear merge: the messages usually arrive sorted from the [candidateId+sentAt] index.
  const out = new Array<HistoryItem>(m.length + a.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < m.length && j < a.length) out[k++] = m[i]!.at <= a[j]!.at ? m[i++]! : a[j++]!;
  while (i < m.length) out[k++] = m[i++]!;
  while (j < a.length) out[k++] = a[j++]!;
  return out;
}

function isSorted(items: readonly HistoryItem[]): boolean {
  for (let i = 1; i < items.length; i++) if (byTimeThenKey(items[i - 1]!, items[i]!) > 0) return false;
  return true;
}

/**
 * The calendar day of `at` as `YYYY-MM-DD`: in `timeZone` when given (tests), else in the
 * browser's local time zone. A day is a calendar date, not 24 hours: DST days are 23 or 25 h.
 */
export function dayKey(at: number, timeZone?: string): string {
  if (timeZone) {
    const parts = formatterFor(timeZone).formatToParts(new Date(at));
    const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
    return `${get('year')}-${get('month')}-${get('day')}`;
  }
  const d = new Date(at);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, f);
  }
  return f;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The day before a `YYYY-MM-DD` day, by calendar arithmetic (never "now minus 24 h"). */
export function previousDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d - 1));
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

// Made once: toLocaleDateString builds a new formatter on every call (~0.1 ms each, which a
// year of days turns into a long task).
const thisYearFormat = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short' });
const otherYearFormat = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });

/** "Today", "Yesterday", or the date ("Mon, 15 Jan 2024"). */
export function dayLabel(day: string, today: string): string {
  if (day === today) return 'Today';
  if (day === previousDay(today)) return 'Yesterday';
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const sameYear = day.slice(0, 4) === today.slice(0, 4);
  return (sameYear ? thisYearFormat : otherYearFormat).format(new Date(Date.UTC(y, m - 1, d)));
}

export interface GroupOptions {
  now: number;
  /** For tests; the browser's own zone otherwise. */
  timeZone?: string;
  describe: (activity: Activity) => string;
}

/** The rows to render: a day separator before each new day, then that day's items. */
export function groupByDay(items: readonly HistoryItem[], options: GroupOptions): HistoryRow[] {
  const today = dayKey(options.now, options.timeZone);
  const rows: HistoryRow[] = [];
  let current = '';
  // Items come in time order, so a day's items follow each other: the calendar day is computed
  // again only once an item falls outside the current day's bounds (10,000 messages over a year
  // cost a few hundred date conversions, not 10,000).
  let from = Infinity;
  let to = -Infinity;
  for (const item of items) {
    if (item.at < from || item.at >= to) {
      const day = dayKey(item.at, options.timeZone);
      [from, to] = dayBounds(item.at, options.timeZone);
      if (day !== current) {
        current = day;
        rows.push({ type: 'day', key: `d:${day}`, day, label: dayLabel(day, today) });
      }
    }
    if (item.type === 'activity') {
      rows.push({ type: 'event', key: item.key, at: item.at, text: options.describe(item.activity) });
    } else if (item.message.kind === 'event' || item.message.sender === 'system') {
      rows.push({ type: 'event', key: item.key, at: item.at, text: item.message.body });
    } else {
      rows.push({ type: 'message', key: item.key, at: item.at, message: item.message });
    }
  }
  return rows;
}

/**
 * The rows of two consecutive slices of one timeline as one list: `older` holds only items
 * before `newer`'s. Each slice was grouped on its own (groupByDay), so when the older one ends
 * on the day the newer one starts with, that day's second separator goes. The history builds
 * its rows this way a page at a time, newest page first, so no step costs more than its page.
 */
export function joinRows(older: readonly HistoryRow[], newer: readonly HistoryRow[]): HistoryRow[] {
  let end = older.length;
  // A separator left with no items after it (the slice was cut there).
  while (end > 0 && older[end - 1]!.type === 'day') end--;
  let lastDay: string | null = null;
  for (let i = end - 1; i >= 0; i--) {
    const row = older[i]!;
    if (row.type === 'day') {
      lastDay = row.day;
      break;
    }
  }
  const first = newer[0];
  const skip = first?.type === 'day' && first.day === lastDay ? 1 : 0;
  if (end === older.length && skip === 0) return older.concat(newer);
  return older.slice(0, end).concat(skip ? newer.slice(skip) : newer);
}

/**
 * The rows of items strictly before `at` (a timeline's older part, to join a freshly read newer
 * part to). Scans from the end: the part cut off is the recent one, usually short.
 */
export function rowsBefore(rows: readonly HistoryRow[], at: number): HistoryRow[] {
  let i = rows.length;
  while (i > 0) {
    const row = rows[i - 1]!;
    if (row.type !== 'day' && row.at < at) break;
    i--;
  }
  return rows.slice(0, i);
}

/**
 * [start, end) of the local calendar day holding `at`: the Date constructor resolves local
 * midnights, DST included (23- and 25-hour days). With an explicit zone (tests) there are no
 * cached bounds: every item is converted.
 */
function dayBounds(at: number, timeZone?: string): [number, number] {
  if (timeZone) return [at, at];
  const d = new Date(at);
  const y = d.getFullYear();
  const m = d.getMonth();
  const day = d.getDate();
  return [new Date(y, m, day).getTime(), new Date(y, m, day + 1).getTime()];
}

/** How the describer names what an Activity only has ids for. */
export interface EventNames {
  /** A user's name ("You" for yourself, "Leadside" for 'system'). */
  user(id: string): string;
  folder(id: Id): string;
  label(id: Id): string;
  campaign(id: Id): string;
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return '';
}

function idList(value: unknown): Id[] {
  return Array.isArray(value) ? value.filter((v): v is Id => typeof v === 'string') : [];
}

const FIELD_LABELS: Record<string, string> = {
  firstName: 'first name',
  lastName: 'last name',
  email: 'email',
  phone: 'phone',
  headline: 'headline',
  company: 'company',
  location: 'location',
  linkedinUrl: 'LinkedIn',
  facebookUrl: 'Facebook',
  source: 'source',
  rejectReason: 'reject reason',
  photo: 'photo',
};

function fieldList(keys: string[]): string {
  const names = keys.map((k) => (k.startsWith('attributes.') ? k.slice('attributes.'.length) : (FIELD_LABELS[k] ?? k)));
  return names.length === 0 ? 'Details' : names.join(', ').replace(/^./, (c) => c.toUpperCase());
}

/** One system event as a sentence: "Moved from Inbox to Shortlisted by Ana". */
export function describeEvent(a: Activity, names: EventNames): string {
  const before = record(a.before);
  const after = record(a.after);
  const by = `by ${names.user(a.actorId)}`;
  if (a.what.endsWith('.undone')) {
    return `Undone: ${describeEvent({ ...a, what: a.what.slice(0, -'.undone'.length), before: a.after, after: a.before }, names)}`;
  }
  switch (a.what) {
    case 'lead.moved': {
      const reason = text(after.rejectReason);
      return `Moved from ${names.folder(text(before.folderId))} to ${names.folder(text(after.folderId))} ${by}${reason ? ` (${reason})` : ''}`;
    }
    case 'lead.labelAdded':
    case 'lead.labelRemoved': {
      const was = idList(before.labels);
      const now = idList(after.labels);
      const added = a.what === 'lead.labelAdded';
      const changed = added ? now.filter((l) => !was.includes(l)) : was.filter((l) => !now.includes(l));
      const list = changed.map((l) => `“${names.label(l)}”`).join(', ');
      return `${changed.length === 1 ? 'Label' : 'Labels'} ${list} ${added ? 'added' : 'removed'} ${by}`;
    }
    case 'lead.assigned':
      return after.assignedTo ? `Assigned to ${names.user(text(after.assignedTo))} ${by}` : `Unassigned ${by}`;
    case 'lead.edited':
    case 'candidate.edited':
      return `${fieldList(Object.keys(after))} edited ${by}`;
    case 'candidate.doNotContact': {
      const reason = text(record(after.doNotContact).reason);
      return `Marked do not contact ${by}${reason ? `: ${reason}` : ''}`;
    }
    case 'candidate.contactAllowed':
      return `Contact allowed again ${by}`;
    case 'candidate.added':
      return `Added ${by}`;
    case 'lead.added':
    case 'lead.created': {
      const campaign = text(after.campaignId);
      return `Application${campaign ? ` to ${names.campaign(campaign)}` : ''} added ${by}`;
    }
    case 'lead.campaignChanged':
      return `Moved from ${names.campaign(text(before.campaignId))} to ${names.campaign(text(after.campaignId))} ${by}`;
    case 'lead.deleted': {
      const ref = text(before.ref);
      const campaign = text(before.campaignId);
      return `Application${ref ? ` ${ref}` : ''}${campaign ? ` (${names.campaign(campaign)})` : ''} deleted ${by}`;
    }
    case 'comment.added':
      return `Comment added ${by}`;
    case 'comment.edited':
      return `Comment edited ${by}`;
    case 'comment.deleted':
      return `Comment deleted ${by}`;
    default:
      return `${a.what} ${by}`;
  }
}

// ---------------------------------------------------------------------------------------------
// Conversations: one pass over the messages
// ---------------------------------------------------------------------------------------------

export interface ConversationSummary {
  candidateId: Id;
  /** The most recent message (events aside, unless there is nothing else). */
  last: Message;
  /** Sent times of inbound messages, to count the unread ones against the read marker. */
  inboundTimes: number[];
}

/**
 * Folds messages (any order, in pages) into one summary per candidate. O(messages) time,
 * O(candidates + inbound messages) memory (numbers only: no bodies are kept but the last).
 */
export class ConversationFold {
  readonly byCandidate = new Map<Id, ConversationSummary>();

  add(messages: Iterable<Message>): void {
    for (const m of messages) {
      const s = this.byCandidate.get(m.candidateId);
      if (!s) {
        this.byCandidate.set(m.candidateId, { candidateId: m.candidateId, last: m, inboundTimes: m.direction === 'inbound' ? [m.sentAt] : [] });
        continue;
      }
      if (m.direction === 'inbound') s.inboundTimes.push(m.sentAt);
      if (isLater(m, s.last)) s.last = m;
    }
  }
}

/** Later, preferring a real message over a system event. */
function isLater(m: Message, than: Message): boolean {
  const mEvent = m.kind === 'event';
  const tEvent = than.kind === 'event';
  if (mEvent !== tEvent) return tEvent;
  return m.sentAt > than.sentAt || (m.sentAt === than.sentAt && m.id > than.id);
}

/** Inbound messages sent after the read marker (all of them when the chat was never opened). */
export function unreadCount(inboundTimes: readonly number[], lastReadAt: number | undefined): number {
  if (lastReadAt === undefined) return inboundTimes.length;
  let n = 0;
  for (const t of inboundTimes) if (t > lastReadAt) n++;
  return n;
}

/** A message as one line of plain text for a list ("Photo", "📎 cv.pdf" for attachments). */
export function previewText(m: Message, max = 120): string {
  const body = m.body.replace(/\s+/g, ' ').trim();
  if (body) return body.length > max ? `${body.slice(0, max - 1)}…` : body;
  const first = m.attachments[0];
  const kinds: Record<Message['kind'], string> = { text: '', audio: 'Voice message', video: 'Video', image: 'Photo', file: 'File', event: '' };
  if (first) return `📎 ${first.name}`;
  return kinds[m.kind] || (m.subject ?? '');
}
