import type {
  AttributeDef,
  Attachment,
  Campaign,
  Candidate,
  Channel,
  Folder,
  Id,
  Label,
  Lead,
  Message,
  QuickReply,
  User,
} from '../domain/model';
import type { Dataset } from '../db/mutations/dataset';
import { FAMILIES, MARKETS, POSTINGS, type AnswerContext, type FamilyId, type MarketId, type Posting } from './jobs';
import { conversation, DAY, HOUR, MINUTE } from './messages';
import { CULTURES, TEAMMATES, type CultureId, type NamePart } from './names';
import { COUNTRIES, locationIn, phoneNumber, type CountryCode } from './places';
import { Random, Weighted, stableUlid } from './random';
import {
  ATTACHMENT_KINDS,
  ATTRIBUTE_DEFS,
  CUSTOM_FOLDER,
  FOLDER_WEIGHTS_CLOSED,
  FOLDER_WEIGHTS_OPEN,
  LABELS,
  QUICK_REPLIES,
  REJECT_REASONS,
  SHIFT_PREFERENCES,
  SOURCE_WEIGHTS,
} from './tables';

export interface GenerateOptions {
  /** How many leads (applications) to make; candidates are about leads / 1.1. */
  leads: number;
  /** Same seed and `now`, same dataset. Default 1. */
  seed?: number;
  /** The time the data is made "at" (epoch ms): leads are spread over the ~6 months before it. */
  now: number;
  /** The existing self user (not generated): some leads are assigned to them. */
  selfUserId: string;
  /** Chat histories for about 60% of leads. Default: on up to 20,000 leads, off above. */
  messages?: boolean;
}

/** Every part of a Dataset, present. */
export type SampleDataset = Required<Dataset>;

/** Placeholder until a lead's candidate row exists (set in the same loop turn). */
const PENDING = {} as Candidate;

/** Rows that may be written twice (labels must keep unique names) get ids stamped with this. */
const STABLE_TIME = Date.UTC(2024, 0, 1);

/** The most leads for which messages are made unless `messages` says otherwise. */
export const MESSAGES_DEFAULT_LIMIT = 20_000;

/** About 5 campaigns for 500 leads, 12 for 100k; never more than there are postings. */
export function campaignCount(leads: number): number {
  const scaled = 5 + (7 * Math.log10(Math.max(leads, 1) / 500)) / Math.log10(200);
  return Math.min(POSTINGS.length, Math.max(3, Math.round(scaled)));
}

interface CampaignPlan {
  campaign: Campaign;
  posting: Posting;
  /** When applications stopped (closed campaigns), else null. */
  closedAt: number | null;
  /** Other campaigns, weighted, for a candidate's second application. */
  others: Weighted<number> | null;
}

interface LeadPlan {
  lead: Lead;
  candidate: Candidate;
  campaign: CampaignPlan;
  /** An Inbox lead added more than 3 weeks ago, kept there by a recent reply. */
  followedUp: boolean;
  taglish: boolean;
  country: CountryCode;
}

/**
 * A deterministic, realistic sample workspace: teammates, campaigns, a custom folder, labels,
 * attribute definitions, candidates from many cultures, their leads in every folder, chat
 * histories and quick replies. Ready for insertDataset (refs are left empty for it to assign);
 * the self user and the default folders are not included, as ensureWorkspace made them. Pure
 * and fast: 100k leads take well under 3 s in Node.
 */
export function generateDataset(options: GenerateOptions): SampleDataset {
  const { now, selfUserId } = options;
  const total = options.leads;
  if (!Number.isInteger(total) || total < 0) throw new RangeError(`leads must be a non-negative integer, got ${total}`);
  if (!Number.isFinite(now) || now < 200 * DAY) throw new RangeError(`now must be an epoch time in ms, got ${now}`);
  if (!selfUserId) throw new RangeError('selfUserId is required');
  const withMessages = options.messages ?? total <= MESSAGES_DEFAULT_LIMIT;

  const root = new Random(options.seed ?? 1);
  // Separate streams, so that turning messages off (or changing the team) leaves leads as they were.
  const rng = root.fork('leads');
  const setupRng = root.fork('setup');

  const users = makeTeammates(setupRng, now);
  const campaigns = makeCampaigns(setupRng, total, now);
  const folders: Folder[] = [{ ...CUSTOM_FOLDER, kind: 'custom', updatedAt: now }];
  const labels: Label[] = LABELS.map((l) => {
    const nameKey = l.name.trim().toLowerCase();
    return { id: stableUlid(`sample-label:${nameKey}`, STABLE_TIME), name: l.name, nameKey, color: l.color, updatedAt: now };
  });
  const attributeDefs: AttributeDef[] = ATTRIBUTE_DEFS.map((d) => ({ ...d, updatedAt: now }));
  const quickReplies: QuickReply[] = QUICK_REPLIES.map((q) => {
    const reply: QuickReply = { id: stableUlid(`sample-quick-reply:${q.title}`, STABLE_TIME), title: q.title, body: q.body, channels: [...q.channels], updatedAt: now };
    if (q.personal) reply.ownerId = selfUserId;
    return reply;
  });

  const people = new PeopleFactory(rng, now);
  const assignees = new Weighted<Id | null>([
    [null, 30],
    [selfUserId, 30],
    ...users.map((u) => [u.id, 40 / users.length] as const),
  ]);
  const labelPicker = new Weighted(labels.map((l, i) => [l.id, LABELS[i]!.weight] as const));
  const labelCount = new Weighted([[0, 50], [1, 30], [2, 15], [3, 5]] as const);
  const campaignPicker = new Weighted(campaigns.map((c, i) => [i, campaignWeight(setupRng, i, c)] as const));
  const sources = new Weighted(SOURCE_WEIGHTS);
  const shifts = new Weighted(SHIFT_PREFERENCES);
  const rejectReasons = new Weighted(REJECT_REASONS);
  const folderOpen = new Weighted(FOLDER_WEIGHTS_OPEN);
  const folderClosed = new Weighted(FOLDER_WEIGHTS_CLOSED);
  let nextExternal = rng.int(10_000, 60_000);

  const plans: LeadPlan[] = [];
  const candidates: Candidate[] = [];

  const makeLead = (plan: CampaignPlan, source: string, person: Person): LeadPlan => {
    const times = leadTimes(rng, plan, rng.weighted(plan.closedAt !== null ? folderClosed : folderOpen), now);
    const folderId = times.folderId;
    const lead: Lead = {
      id: rng.ulid(times.addedAt),
      ref: '',
      candidateId: '',
      campaignId: plan.campaign.id,
      folderId,
      source,
      labels: [],
      attributes: {},
      answers: [],
      attachments: [],
      addedAt: times.addedAt,
      lastActivityAt: times.lastActivityAt,
      updatedAt: now,
    };
    const assignee = rng.weighted(assignees);
    if (assignee !== null) lead.assignedTo = assignee;

    const count = rng.weighted(labelCount);
    for (let tries = 0; lead.labels.length < count && tries < 10; tries++) {
      const id = rng.weighted(labelPicker);
      if (!lead.labels.includes(id)) lead.labels.push(id);
    }

    let years: number | undefined;
    if (rng.chance(0.7)) {
      const u = rng.next();
      years = Math.floor(u * u * 16);
      lead.attributes.years_experience = years;
    }
    if (rng.chance(0.55)) lead.attributes.shift_preference = rng.weighted(shifts);
    if (rng.chance(0.4)) lead.attributes.available_from = isoDate(times.addedAt + rng.int(3, 45) * DAY);

    // Screening answers come from the bot (or a form): not for imports, manual entries or
    // people who never replied.
    if (folderId !== 'no_response' && source !== 'Import' && source !== 'Manual' && rng.chance(0.8)) {
      const family = FAMILIES[plan.posting.family];
      const ctx: AnswerContext = { rng, market: plan.posting.market, years, taglish: person.taglish };
      for (const q of rng.sample(family.questions, rng.int(1, 3))) lead.answers.push({ question: q.question, answer: q.answer(ctx) });
    }

    if (rng.chance(0.1)) lead.attachments.push(attachment(rng, person, times.addedAt));
    if (folderId === 'rejected') lead.rejectReason = rng.weighted(rejectReasons);
    if (rng.chance(0.2)) {
      nextExternal += rng.int(1, 9);
      lead.externalId = `ATS-${nextExternal}`;
    }
    return { lead, candidate: PENDING, campaign: plan, followedUp: times.followedUp, taglish: person.taglish, country: person.country };
  };

  while (plans.length < total) {
    const first = campaigns[rng.weighted(campaignPicker)]!;
    const twin = total - plans.length >= 2 && first.others !== null && rng.chance(0.1);
    const source = rng.weighted(sources);
    const person = people.person(first.posting, source);
    const leadPlans = [makeLead(first, source, person)];
    if (twin) {
      const second = campaigns[rng.weighted(first.others!)]!;
      const secondSource = rng.chance(0.6) ? source : rng.weighted(sources);
      leadPlans.push(makeLead(second, secondSource, person));
    }
    const createdAt = leadPlans.length === 1 ? leadPlans[0]!.lead.addedAt : Math.min(leadPlans[0]!.lead.addedAt, leadPlans[1]!.lead.addedAt);
    const candidate = people.candidate(person, createdAt);
    // Opted out: a single application, rejected, and the candidate said so (see messages).
    const only = leadPlans[0]!;
    if (!twin && only.lead.folderId === 'rejected' && rng.chance(0.04)) {
      candidate.doNotContact = { at: only.lead.lastActivityAt, reason: 'Asked not to be contacted' };
    }
    candidates.push(candidate);
    for (const p of leadPlans) {
      p.lead.candidateId = candidate.id;
      p.candidate = candidate;
      plans.push(p);
    }
  }

  // Oldest first (ties in the order made), as an import would list them.
  sortBy(plans, (p) => p.lead.addedAt);
  sortBy(candidates, (c) => c.createdAt);
  const leads = plans.map((p) => p.lead);

  const messages = withMessages ? makeMessages(root.fork('messages'), plans, users, selfUserId) : [];

  return {
    users,
    campaigns: campaigns.map((c) => c.campaign),
    folders,
    labels,
    attributeDefs,
    candidates,
    leads,
    messages,
    quickReplies,
  };
}

/**
 * Sorts in place by an integer key, stable. Comparing rows of many shapes (optional fields)
 * directly is slow at 100k rows: when it fits, each key is packed with its row's index into one
 * number and a Float64Array is sorted natively; else the keys are compared in a typed array.
 */
function sortBy<T>(rows: T[], key: (row: T) => number): void {
  const n = rows.length;
  if (n < 2) return;
  const keys = new Float64Array(n);
  let min = Infinity;
  let max = -Infinity;
  let integers = true;
  for (let i = 0; i < n; i++) {
    const k = key(rows[i]!);
    keys[i] = k;
    if (k < min) min = k;
    if (k > max) max = k;
    if (!Number.isInteger(k)) integers = false;
  }
  const copy = rows.slice();
  if (integers && (max - min + 1) * n <= Number.MAX_SAFE_INTEGER) {
    const packed = new Float64Array(n);
    for (let i = 0; i < n; i++) packed[i] = (keys[i]! - min) * n + i;
    packed.sort();
    for (let i = 0; i < n; i++) rows[i] = copy[packed[i]! % n]!;
    return;
  }
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => keys[a]! - keys[b]! || a - b);
  for (let i = 0; i < n; i++) rows[i] = copy[order[i]!]!;
}

function makeTeammates(rng: Random, now: number): User[] {
  const count = rng.chance(0.5) ? 4 : 3;
  return TEAMMATES.slice(0, count).map((t) => ({
    id: stableUlid(`sample-user:${t.email}`, STABLE_TIME),
    name: t.name,
    email: t.email,
    role: t.role,
    updatedAt: now,
  }));
}

function makeCampaigns(rng: Random, leads: number, now: number): CampaignPlan[] {
  const count = campaignCount(leads);
  const plans: CampaignPlan[] = [];
  for (let i = 0; i < count; i++) {
    const posting = POSTINGS[i]!;
    // The last one has closed: it ran from about 6 months ago until a month or so ago.
    const closed = i === count - 1;
    const createdAt = i === 0 ? now - rng.int(183, 190) * DAY - rng.int(0, 23) * HOUR : closed ? now - rng.int(175, 195) * DAY : now - rng.int(45, 170) * DAY - rng.int(0, 23) * HOUR;
    const campaign: Campaign = {
      id: rng.ulid(createdAt),
      ref: '',
      name: posting.title,
      location: posting.location,
      status: closed ? 'closed' : 'open',
      createdAt,
      updatedAt: now,
    };
    plans.push({ campaign, posting, closedAt: closed ? now - rng.int(25, 45) * DAY : null, others: null });
  }
  // Second applications: mostly to a similar job (same market, or remote), sometimes anything.
  for (let i = 0; i < plans.length; i++) {
    const market = plans[i]!.posting.market;
    const entries: [number, number][] = [];
    for (let j = 0; j < plans.length; j++) {
      if (j === i) continue;
      const other = plans[j]!.posting.market;
      entries.push([j, other === market || other === 'REMOTE' || market === 'REMOTE' ? 6 : 1]);
    }
    if (entries.length > 0) plans[i]!.others = new Weighted(entries);
  }
  return plans;
}

function campaignWeight(rng: Random, index: number, plan: CampaignPlan): number {
  if (index === 0) return 3; // the big Manila account
  return plan.closedAt !== null ? 1 : rng.float(0.6, 2);
}

interface Times {
  folderId: string;
  addedAt: number;
  lastActivityAt: number;
  followedUp: boolean;
}

/** How long after being added each folder's leads were last active: [min, max] in ms. */
const SPANS: Record<string, readonly [number, number]> = {
  completed: [10 * MINUTE, 2 * DAY],
  shortlisted: [1 * DAY, 14 * DAY],
  [CUSTOM_FOLDER.id]: [2 * DAY, 12 * DAY],
  on_hold: [3 * DAY, 30 * DAY],
  hired: [10 * DAY, 45 * DAY],
  rejected: [2 * HOUR, 21 * DAY],
};

/**
 * When a lead was added and last active, as its folder implies. Inbox leads have heard from
 * the candidate within the last 3 weeks (else the No Response rule would move them); No
 * Response leads went quiet for 21 days after a follow-up.
 */
function leadTimes(rng: Random, plan: CampaignPlan, folderId: string, now: number): Times {
  const windowStart = Math.max(plan.campaign.createdAt + HOUR, now - 182 * DAY);
  const windowEnd = plan.closedAt ?? now - 20 * MINUTE;

  if (folderId === 'inbox') {
    const recentFrom = Math.max(windowStart, now - 18 * DAY);
    if (windowStart > now - 22 * DAY || rng.chance(0.62)) {
      const addedAt = rng.dateBetween(recentFrom, windowEnd);
      const lastActivityAt = Math.min(now, addedAt + rng.int(2 * MINUTE, Math.max(2 * MINUTE, Math.min(4 * DAY, now - addedAt))));
      return { folderId, addedAt, lastActivityAt, followedUp: false };
    }
    const addedAt = rng.dateBetween(windowStart, Math.min(windowEnd, now - 22 * DAY));
    return { folderId, addedAt, lastActivityAt: rng.dateBetween(now - 18 * DAY, now - 10 * MINUTE), followedUp: true };
  }

  if (folderId === 'no_response') {
    const latest = Math.min(windowEnd, now - 24 * DAY);
    if (latest >= windowStart) {
      const addedAt = rng.dateBetween(windowStart, latest);
      const followUp = addedAt + rng.int(20, 50) * HOUR;
      const lastActivityAt = Math.min(now, followUp + 21 * DAY + rng.int(1, 23) * HOUR);
      return { folderId, addedAt, lastActivityAt, followedUp: false };
    }
    folderId = 'rejected';
  }

  let span = SPANS[folderId];
  if (!span || Math.min(windowEnd, now - span[0]) < windowStart) {
    folderId = 'rejected';
    span = SPANS.rejected!;
  }
  const addedAt = rng.dateBetween(windowStart, Math.max(windowStart, Math.min(windowEnd, now - span[0])));
  // Recent leads have had less time: their activity stays before `now` without piling up on it.
  const longest = Math.max(span[0], Math.min(span[1], now - 5 * MINUTE - addedAt));
  const lastActivityAt = Math.min(now, addedAt + rng.int(span[0], longest));
  return { folderId, addedAt, lastActivityAt, followedUp: false };
}

/** "YYYY-MM-DD" (UTC) of an epoch time; arithmetic, as a Date per lead is slow at 100k. */
export function isoDate(time: number): string {
  // Days since 1970-01-01 to a civil date, counting in 400-year eras that start on March 1st.
  const z = Math.floor(time / DAY) + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return `${year}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

function attachment(rng: Random, person: Person, addedAt: number): Attachment {
  const kind = rng.weighted(ATTACHMENT_PICKER);
  const first = capitalizeWords(person.first.words);
  const last = capitalizeWords(person.last.words);
  const name = rng.pick([
    `resume.${kind.ext}`,
    `resume.${kind.ext}`,
    `${first}_${last}_Resume.${kind.ext}`,
    `CV - ${person.first.display} ${person.last.display}.${kind.ext}`,
    `${last.toUpperCase()}_CV_${new Date(addedAt).getUTCFullYear()}.${kind.ext}`,
  ]);
  return { id: rng.ulid(addedAt), name, type: kind.type, size: rng.int(38_000, 920_000) };
}

function capitalizeWords(words: readonly string[]): string {
  return words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
}

interface Person {
  culture: CultureId;
  first: NamePart;
  last: NamePart;
  female: boolean;
  /** Where they live (phone and location). */
  country: CountryCode;
  family: FamilyId;
  source: string;
  taglish: boolean;
}

/** Reserved domains (RFC 2606): sample addresses never reach a real person. */
const EMAIL_DOMAINS = ['example.com', 'example.net', 'example.org'];
/** first.last, firstlast, flast, first_last, first.last93, firstlast123, last.first */
const EMAIL_PATTERNS = new Weighted([[0, 35], [1, 18], [2, 10], [3, 8], [4, 12], [5, 10], [6, 7]] as const);
const HEADLINE_PATTERNS = new Weighted([[0, 5], [1, 3], [2, 1], [3, 1]] as const);
const ATTACHMENT_PICKER = new Weighted(ATTACHMENT_KINDS.map((k) => [k, k.weight] as const));

/** Makes people, and the candidate rows for them with unique emails, phones and profile URLs. */
class PeopleFactory {
  private readonly emails = new Set<string>();
  private readonly emailSuffix = new Map<string, number>();
  private readonly phones = new Set<string>();
  private readonly urls = new Set<string>();
  private readonly cultures: Record<MarketId, Weighted<CultureId>>;

  constructor(
    private readonly rng: Random,
    private readonly now: number,
  ) {
    const tables = {} as Record<MarketId, Weighted<CultureId>>;
    for (const [id, market] of Object.entries(MARKETS) as [MarketId, (typeof MARKETS)[MarketId]][]) tables[id] = new Weighted(market.cultures);
    this.cultures = tables;
  }

  person(posting: Posting, source: string): Person {
    const rng = this.rng;
    const cultureId = rng.weighted(this.cultures[posting.market]);
    const culture = CULTURES[cultureId];
    const femaleShare = posting.family === 'nursing' ? 0.8 : posting.family === 'driver' || posting.family === 'warehouse' ? 0.3 : posting.family === 'cs' ? 0.6 : 0.45;
    const female = rng.chance(femaleShare);
    const first = rng.pick(female ? culture.female : culture.male);
    const last = rng.pick(culture.last)[female ? 1 : 0];
    const local = MARKETS[posting.market].country;
    const country = local === null || rng.chance(0.06) ? culture.home : local;
    return { culture: cultureId, first, last, female, country, family: posting.family, source, taglish: cultureId === 'filipino' && rng.chance(0.4) };
  }

  candidate(person: Person, createdAt: number): Candidate {
    const rng = this.rng;
    const candidate: Candidate = {
      id: rng.ulid(createdAt),
      ref: '',
      firstName: person.first.display,
      lastName: person.last.display,
      createdAt,
      updatedAt: this.now,
    };
    const hasEmail = rng.chance(0.9);
    const hasPhone = rng.chance(0.85) || !hasEmail;
    if (hasEmail) candidate.email = this.email(person);
    if (hasPhone) {
      const phone = this.phone(person.country);
      if (phone) candidate.phone = phone;
      else if (!candidate.email) candidate.email = this.email(person);
    }
    const wantsLinkedIn = person.source === 'LinkedIn' || rng.chance(person.family === 'software' ? 0.7 : 0.25);
    if (wantsLinkedIn) candidate.linkedinUrl = `https://www.linkedin.com/in/${this.unique(this.vanity(person), '-')}`;
    const facebookCountry = person.country === 'PH' || person.country === 'MX' || person.country === 'VN' || person.country === 'NG';
    if (person.source === 'Facebook' || rng.chance(facebookCountry ? 0.35 : 0.1)) {
      candidate.facebookUrl = `https://www.facebook.com/${this.unique(this.facebookName(person), '.')}`;
    }
    const family = FAMILIES[person.family];
    const title = rng.pick(family.titles);
    const company = rng.chance(0.7) ? rng.pick(family.companies) : undefined;
    if (rng.chance(0.8)) {
      switch (rng.weighted(HEADLINE_PATTERNS)) {
        case 0: candidate.headline = company ? `${title} at ${company}` : title; break;
        case 1: candidate.headline = `${title} | ${rng.sample(family.skills, 2).join(' | ')}`; break;
        case 2: candidate.headline = `Open to work — ${title}`; break;
        default: candidate.headline = `${title} · ${rng.int(1, 12)}+ years`; break;
      }
    }
    if (company) candidate.company = company;
    if (rng.chance(0.95)) candidate.location = locationIn(rng, person.country);
    return candidate;
  }

  private email(person: Person): string {
    const rng = this.rng;
    const f = person.first.compact;
    const l = person.last.compact;
    let local: string;
    switch (rng.weighted(EMAIL_PATTERNS)) {
      case 0: local = `${f}.${l}`; break;
      case 1: local = f + l; break;
      case 2: local = f.charAt(0) + l; break;
      case 3: local = `${f}_${l}`; break;
      case 4: local = `${f}.${l}${String(rng.int(70, 105) % 100).padStart(2, '0')}`; break;
      case 5: local = `${f}${l}${rng.int(1, 999)}`; break;
      default: local = `${l}.${f}`; break;
    }
    let address = `${local}@${rng.pick(EMAIL_DOMAINS)}`;
    if (this.emails.has(address)) {
      const at = address.indexOf('@');
      const base = address.slice(0, at);
      const domain = address.slice(at);
      let n = this.emailSuffix.get(address) ?? 2;
      while (this.emails.has(`${base}${n}${domain}`)) n++;
      this.emailSuffix.set(address, n + 1);
      address = `${base}${n}${domain}`;
    }
    this.emails.add(address);
    return address;
  }

  private phone(country: CountryCode): string | undefined {
    for (let tries = 0; tries < 20; tries++) {
      const phone = phoneNumber(this.rng, country);
      if (!this.phones.has(phone)) {
        this.phones.add(phone);
        return phone;
      }
    }
    return undefined;
  }

  private vanity(person: Person): string {
    const base = `${person.first.slug}-${person.last.slug}`;
    return this.rng.chance(0.3) ? base : `${base}-${this.rng.uint32().toString(16).padStart(8, '0').slice(0, this.rng.int(6, 8))}`;
  }

  private facebookName(person: Person): string {
    const base = `${person.first.compact}.${person.last.compact}`;
    return this.rng.chance(0.4) ? base : `${base}.${this.rng.int(1, 9999)}`;
  }

  /** `name`, or name + separator + a number when taken (profile URLs are unique per person). */
  private unique(name: string, separator: string): string {
    let candidate = name;
    for (let n = 2; this.urls.has(candidate); n++) candidate = `${name}${separator}${n}`;
    this.urls.add(candidate);
    return candidate;
  }
}

/** Chat histories for about 60% of leads, only on channels the candidate can be reached on. */
function makeMessages(rng: Random, plans: readonly LeadPlan[], users: readonly User[], selfUserId: Id): Message[] {
  const names = new Map<Id, string>(users.map((u) => [u.id, u.name.split(' ')[0]!]));
  const messages: Message[] = [];
  const lastSeen = new Map<Id, number>();
  for (const plan of plans) {
    const { lead, candidate } = plan;
    if (!plan.followedUp && !rng.chance(0.58)) continue;
    const channel = pickChannel(rng, candidate, plan);
    if (!channel) continue;
    const recruiterId = lead.assignedTo ?? selfUserId;
    const firstName = names.get(recruiterId);
    const thread = conversation({
      rng,
      lead,
      candidate,
      channel,
      title: plan.campaign.campaign.name,
      recruiter: firstName ? { id: recruiterId, firstName } : { id: recruiterId },
      followedUp: plan.followedUp,
      taglish: plan.taglish,
    });
    for (const m of thread) messages.push(m);
    const last = thread[thread.length - 1]!.sentAt;
    lastSeen.set(candidate.id, Math.max(lastSeen.get(candidate.id) ?? 0, last));
  }
  // Most chats have been read up to their last message; the rest show as unread.
  for (const plan of plans) {
    const seen = lastSeen.get(plan.candidate.id);
    if (seen !== undefined && plan.candidate.lastReadAt === undefined && rng.chance(0.7)) plan.candidate.lastReadAt = seen;
    lastSeen.delete(plan.candidate.id);
  }
  messages.sort((a, b) => a.sentAt - b.sentAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return messages;
}

function pickChannel(rng: Random, candidate: Candidate, plan: LeadPlan): Channel | null {
  const prefs = COUNTRIES[plan.country].channels;
  const entries: [Channel, number][] = [];
  const add = (channel: Channel, boost = 1) => entries.push([channel, (prefs[channel] ?? 0.3) * boost]);
  if (candidate.phone) {
    add('sms');
    add('whatsapp');
  }
  if (candidate.email) add('email');
  if (candidate.facebookUrl) add('facebook', plan.lead.source === 'Facebook' ? 4 : 1);
  return entries.length === 0 ? null : rng.weighted(entries);
}
