import { isValidPhoneNumber } from 'libphonenumber-js/max';
import { decodeTime, isValid as isValidUlid } from 'ulidx';
import { afterAll, describe, expect, it } from 'vitest';
import { insertDataset } from '../db/mutations/dataset';
import { ensureWorkspace } from '../db/mutations/workspace';
import { LeadsideDB } from '../db/schema';
import type { Channel, Lead, Message } from '../domain/model';
import { DEFAULT_FOLDERS, SOURCES } from '../domain/model';
import { campaignCount, generateDataset, isoDate, type SampleDataset } from './generate';
import { asciiWords } from './names';
import { COUNTRIES, phoneNumber, type CountryCode } from './places';
import { Random, Weighted, hashString, stableUlid } from './random';

const NOW = Date.UTC(2025, 4, 15, 9, 30);
const DAY = 86_400_000;
const SELF = '01JSELF0000000000000000000';

const small = generateDataset({ leads: 500, seed: 42, now: NOW, selfUserId: SELF });

function byId<T extends { id: string }>(rows: readonly T[]): Map<string, T> {
  return new Map(rows.map((r) => [r.id, r]));
}

function messagesByLead(data: SampleDataset): Map<string, Message[]> {
  const map = new Map<string, Message[]>();
  for (const m of data.messages) {
    const list = map.get(m.leadId!) ?? [];
    list.push(m);
    map.set(m.leadId!, list);
  }
  return map;
}

describe('Random', () => {
  it('repeats its sequence for a seed, and differs between seeds', () => {
    const a = new Random(7);
    const b = new Random(7);
    const c = new Random(8);
    const seqA = Array.from({ length: 20 }, () => a.uint32());
    const seqB = Array.from({ length: 20 }, () => b.uint32());
    const seqC = Array.from({ length: 20 }, () => c.uint32());
    expect(seqA).toEqual(seqB);
    expect(seqA).not.toEqual(seqC);
    // Pinned: the sequence must not change between versions, or saved seeds give other data.
    const pinned = new Random(1);
    expect([pinned.uint32(), pinned.uint32(), pinned.uint32()]).toEqual([1828152527, 3394835397, 2967886022]);
    expect(new Random(1).fork('leads').uint32()).toBe(1738372102);
  });

  it('keeps helpers in range and roughly uniform', () => {
    const rng = new Random(123);
    const counts = [0, 0, 0, 0, 0, 0];
    for (let i = 0; i < 60_000; i++) {
      const v = rng.int(1, 6);
      expect(Number.isInteger(v)).toBe(true);
      counts[v - 1]!++;
    }
    for (const n of counts) expect(n).toBeGreaterThan(9_400);
    for (let i = 0; i < 1000; i++) {
      const t = rng.dateBetween(1000, 2000);
      expect(t).toBeGreaterThanOrEqual(1000);
      expect(t).toBeLessThanOrEqual(2000);
      expect(rng.next()).toBeLessThan(1);
      expect(rng.digits(12)).toMatch(/^\d{12}$/);
    }
    expect(rng.dateBetween(5000, 10)).toBe(5000);
    expect(() => rng.pick([])).toThrow(RangeError);
  });

  it('picks by weight', () => {
    const rng = new Random(5);
    const table = new Weighted([['a', 1], ['b', 3], ['never', 0]] as const);
    let b = 0;
    for (let i = 0; i < 20_000; i++) {
      const v = rng.weighted(table);
      expect(v).not.toBe('never');
      if (v === 'b') b++;
    }
    expect(b / 20_000).toBeGreaterThan(0.72);
    expect(b / 20_000).toBeLessThan(0.78);
    expect(rng.chance(0)).toBe(false);
    expect(rng.chance(1)).toBe(true);
    const picked = rng.sample([1, 2, 3, 4, 5], 3);
    expect(new Set(picked).size).toBe(3);
  });

  it('forks streams that do not depend on how much of the parent was used', () => {
    const a = new Random(9);
    const b = new Random(9);
    b.uint32();
    b.uint32();
    expect(a.fork('messages').uint32()).toBe(b.fork('messages').uint32());
    expect(a.fork('messages').uint32()).not.toBe(a.fork('leads').uint32());
    expect(hashString('abc')).toBe(hashString('abc'));
    expect(hashString('abc')).not.toBe(hashString('abd'));
  });

  it('makes valid ULIDs carrying their time', () => {
    const rng = new Random(3);
    const t = Date.UTC(2025, 0, 2, 3, 4, 5, 678);
    const id = rng.ulid(t);
    expect(isValidUlid(id)).toBe(true);
    expect(decodeTime(id)).toBe(t);
    expect(rng.ulid(t)).not.toBe(id);
    expect(rng.ulid(t + 1) > id).toBe(true);
    expect(stableUlid('label:urgent', t)).toBe(stableUlid('label:urgent', t));
    expect(stableUlid('label:urgent', t)).not.toBe(stableUlid('label:bilingual', t));
  });
});

describe('sample tables', () => {
  it('generates only valid mobile numbers for every country', () => {
    const rng = new Random(77);
    for (const code of Object.keys(COUNTRIES) as CountryCode[]) {
      for (let i = 0; i < 400; i++) {
        const phone = phoneNumber(rng, code);
        expect(phone, `${code} ${phone}`).toMatch(/^\+[1-9]\d{7,14}$/);
        expect(isValidPhoneNumber(phone), `${code} ${phone}`).toBe(true);
      }
    }
    expect(phoneNumber(new Random(1), 'PH')).toMatch(/^\+639\d{9}$/);
  });

  it('formats dates like toISOString', () => {
    const rng = new Random(2);
    for (let i = 0; i < 5000; i++) {
      const t = rng.dateBetween(Date.UTC(1999, 0, 1), Date.UTC(2101, 0, 1));
      expect(isoDate(t)).toBe(new Date(t).toISOString().slice(0, 10));
    }
    expect(isoDate(Date.UTC(2024, 1, 29, 23, 59, 59, 999))).toBe('2024-02-29');
    expect(isoDate(Date.UTC(2000, 2, 1))).toBe('2000-03-01');
  });

  it('folds names to ASCII words for addresses', () => {
    expect(asciiWords('Jürgen Müller', true)).toEqual(['juergen', 'mueller']);
    expect(asciiWords('Jürgen Müller')).toEqual(['jurgen', 'muller']);
    expect(asciiWords('Groß', true)).toEqual(['gross']);
    expect(asciiWords('Nguyễn Thị Hương')).toEqual(['nguyen', 'thi', 'huong']);
    expect(asciiWords('Đặng')).toEqual(['dang']);
    expect(asciiWords('Łukasz Wiśniewski')).toEqual(['lukasz', 'wisniewski']);
    expect(asciiWords("O'Brien")).toEqual(['obrien']);
    expect(asciiWords('Ma. Cristina Dela Cruz')).toEqual(['ma', 'cristina', 'dela', 'cruz']);
  });
});

describe('generateDataset', () => {
  it('is deterministic for a seed and now, and differs for another seed', () => {
    const again = generateDataset({ leads: 500, seed: 42, now: NOW, selfUserId: SELF });
    expect(again).toEqual(small);
    const other = generateDataset({ leads: 500, seed: 43, now: NOW, selfUserId: SELF });
    expect(other.candidates.map((c) => c.email)).not.toEqual(small.candidates.map((c) => c.email));
    expect(other.leads.map((l) => l.id)).not.toEqual(small.leads.map((l) => l.id));
    const later = generateDataset({ leads: 500, seed: 42, now: NOW + DAY, selfUserId: SELF });
    expect(later.leads.map((l) => l.addedAt)).toEqual(small.leads.map((l) => l.addedAt + DAY));
  });

  it('makes the same leads with and without messages', () => {
    const quiet = generateDataset({ leads: 500, seed: 42, now: NOW, selfUserId: SELF, messages: false });
    expect(quiet.messages).toEqual([]);
    expect(quiet.leads).toEqual(small.leads);
    expect(quiet.candidates.map((c) => c.email)).toEqual(small.candidates.map((c) => c.email));
  });

  it('is plain serialisable data (no Blobs, no class instances)', () => {
    expect(structuredClone(small)).toEqual(small);
    expect(JSON.parse(JSON.stringify(small))).toEqual(small);
  });

  it('counts: teammates, campaigns, folders, labels, definitions, quick replies', () => {
    expect(small.leads).toHaveLength(500);
    expect(small.users.length).toBeGreaterThanOrEqual(3);
    expect(small.users.length).toBeLessThanOrEqual(4);
    for (const u of small.users) {
      expect(u.id).not.toBe(SELF);
      expect(u.isSelf).toBeUndefined();
      expect(['manager', 'limited_manager']).toContain(u.role);
    }
    expect(small.campaigns).toHaveLength(5);
    expect(small.campaigns.filter((c) => c.status === 'closed')).toHaveLength(1);
    expect(small.campaigns.every((c) => c.ref === '' && c.name && c.location)).toBe(true);
    expect(small.folders).toEqual([{ id: 'interview_scheduled', name: 'Interview Scheduled', kind: 'custom', order: 7, updatedAt: NOW }]);
    expect(small.labels.length).toBeGreaterThanOrEqual(5);
    expect(small.attributeDefs.map((d) => [d.key, d.type])).toEqual([
      ['years_experience', 'number'],
      ['shift_preference', 'text'],
      ['available_from', 'date'],
    ]);
    expect(small.quickReplies).toHaveLength(3);
    // Candidates: about one in ten applies twice.
    expect(small.candidates.length).toBeGreaterThan(500 / 1.2);
    expect(small.candidates.length).toBeLessThan(500 / 1.03);
    expect(campaignCount(500)).toBe(5);
    expect(campaignCount(100_000)).toBe(12);
    expect(generateDataset({ leads: 0, now: NOW, selfUserId: SELF }).leads).toEqual([]);
    expect(generateDataset({ leads: 1, now: NOW, selfUserId: SELF }).leads).toHaveLength(1);
    expect(() => generateDataset({ leads: -1, now: NOW, selfUserId: SELF })).toThrow(RangeError);
  });

  it('labels have unique trimmed lower-case keys, hex colours and allowed names', () => {
    const keys = small.labels.map((l) => l.nameKey);
    expect(new Set(keys).size).toBe(keys.length);
    for (const l of small.labels) {
      expect(l.nameKey).toBe(l.name.trim().toLowerCase());
      expect(l.name).not.toMatch(/[,#?]/);
      expect(l.color).toMatch(/^#[0-9a-f]{6}$/i);
    }
  });

  it('every reference points at a generated or given row', () => {
    const campaigns = byId(small.campaigns);
    const candidates = byId(small.candidates);
    const labels = byId(small.labels);
    const folders = new Set<string>([...DEFAULT_FOLDERS.map((f) => f.id), ...small.folders.map((f) => f.id)]);
    const assignees = new Set([SELF, ...small.users.map((u) => u.id)]);
    const used = new Set<string>();
    for (const lead of small.leads) {
      expect(campaigns.has(lead.campaignId)).toBe(true);
      expect(candidates.has(lead.candidateId)).toBe(true);
      expect(folders.has(lead.folderId)).toBe(true);
      for (const id of lead.labels) expect(labels.has(id)).toBe(true);
      expect(new Set(lead.labels).size).toBe(lead.labels.length);
      expect(lead.labels.length).toBeLessThanOrEqual(3);
      if (lead.assignedTo !== undefined) {
        expect(assignees.has(lead.assignedTo)).toBe(true);
        used.add(lead.assignedTo);
      }
    }
    // Assigned to me, to teammates, and unassigned all occur.
    expect(used.has(SELF)).toBe(true);
    expect(used.size).toBeGreaterThanOrEqual(3);
    expect(small.leads.some((l) => l.assignedTo === undefined)).toBe(true);
    // Every candidate has at least one lead.
    const withLeads = new Set(small.leads.map((l) => l.candidateId));
    expect(withLeads.size).toBe(small.candidates.length);
    const all = [...small.users, ...small.campaigns, ...small.labels, ...small.candidates, ...small.leads, ...small.messages, ...small.quickReplies];
    expect(new Set(all.map((r) => r.id)).size).toBe(all.length);
  });

  it('never makes two leads for one candidate in one campaign; some candidates apply twice', () => {
    const pairs = new Set(small.leads.map((l) => `${l.candidateId}|${l.campaignId}`));
    expect(pairs.size).toBe(small.leads.length);
    const perCandidate = new Map<string, number>();
    for (const l of small.leads) perCandidate.set(l.candidateId, (perCandidate.get(l.candidateId) ?? 0) + 1);
    const twice = [...perCandidate.values()].filter((n) => n === 2).length;
    expect([...perCandidate.values()].every((n) => n <= 2)).toBe(true);
    expect(twice / small.candidates.length).toBeGreaterThan(0.05);
    expect(twice / small.candidates.length).toBeLessThan(0.16);
  });

  it('spreads leads over every folder, most in Inbox', () => {
    const counts = new Map<string, number>();
    for (const l of small.leads) counts.set(l.folderId, (counts.get(l.folderId) ?? 0) + 1);
    for (const f of DEFAULT_FOLDERS) expect(counts.get(f.id) ?? 0, f.id).toBeGreaterThan(0);
    expect(counts.get('interview_scheduled') ?? 0).toBeGreaterThan(0);
    const inbox = counts.get('inbox')!;
    for (const [id, n] of counts) if (id !== 'inbox') expect(n).toBeLessThan(inbox);
    // Every source of the model is used.
    const sources = new Set(small.leads.map((l) => l.source));
    for (const s of SOURCES) expect(sources.has(s), s).toBe(true);
  });

  it('candidates: valid unique phones in several countries, unique lower-case emails, profile URLs', () => {
    const { candidates } = small;
    const phones = candidates.flatMap((c) => (c.phone ? [c.phone] : []));
    const emails = candidates.flatMap((c) => (c.email ? [c.email] : []));
    expect(phones.length / candidates.length).toBeGreaterThan(0.78);
    expect(phones.length / candidates.length).toBeLessThan(0.93);
    expect(emails.length / candidates.length).toBeGreaterThan(0.84);
    expect(emails.length / candidates.length).toBeLessThan(0.96);
    expect(new Set(phones).size).toBe(phones.length);
    expect(new Set(emails).size).toBe(emails.length);
    const dialCodes = new Set<string>();
    for (const phone of phones) {
      expect(phone).toMatch(/^\+[1-9]\d{7,14}$/);
      expect(isValidPhoneNumber(phone), phone).toBe(true);
      const country = Object.values(COUNTRIES).find((c) => phone.startsWith(c.dial) && (c.code !== 'US' || phone.length === 12));
      if (country) dialCodes.add(country.code);
    }
    expect(dialCodes.size).toBeGreaterThanOrEqual(4);
    expect(phones.some((p) => /^\+639\d{9}$/.test(p))).toBe(true);
    for (const email of emails) expect(email).toMatch(/^[a-z0-9._]+@example\.(com|net|org)$/);
    for (const c of candidates) {
      expect(c.email || c.phone).toBeTruthy();
      expect(c.ref).toBe('');
      if (c.linkedinUrl) expect(c.linkedinUrl).toMatch(/^https:\/\/www\.linkedin\.com\/in\/[a-z0-9-]+$/);
      if (c.facebookUrl) expect(c.facebookUrl).toMatch(/^https:\/\/www\.facebook\.com\/[a-z0-9.]+$/);
      expect(c.createdAt).toBeLessThanOrEqual(NOW);
      expect(c.updatedAt).toBe(NOW);
    }
    expect(candidates.filter((c) => c.linkedinUrl).length).toBeGreaterThan(candidates.length * 0.2);
    expect(candidates.filter((c) => c.facebookUrl).length).toBeGreaterThan(candidates.length * 0.2);
    expect(candidates.filter((c) => c.headline).length).toBeGreaterThan(candidates.length * 0.6);
    expect(candidates.filter((c) => c.location).length).toBeGreaterThan(candidates.length * 0.85);
    const linkedins = candidates.flatMap((c) => (c.linkedinUrl ? [c.linkedinUrl] : []));
    expect(new Set(linkedins).size).toBe(linkedins.length);
  });

  it('names come from many cultures, with diacritics and other scripts', () => {
    const names = small.candidates.map((c) => `${c.firstName} ${c.lastName}`);
    expect(names.some((n) => /[^\x20-\x7e]/.test(n))).toBe(true);
    expect(names.filter((n) => /[\u00C0-\u024F\u1E00-\u1EFF]/.test(n)).length).toBeGreaterThan(10);
    const big = generateDataset({ leads: 5000, seed: 42, now: NOW, selfUserId: SELF, messages: false });
    const bigNames = big.candidates.map((c) => `${c.firstName} ${c.lastName}`);
    expect(bigNames.some((n) => /\p{Script=Cyrillic}/u.test(n))).toBe(true);
    expect(bigNames.some((n) => /\p{Script=Han}/u.test(n))).toBe(true);
    expect(bigNames.some((n) => /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/iu.test(n))).toBe(true);
    expect(bigNames.some((n) => /[äöüß]/.test(n))).toBe(true);
    for (const c of big.candidates) expect(c.firstName.trim()).toBe(c.firstName);
  });

  it('leads: ids, dates, attributes, answers, attachments, rejections and external ids', () => {
    const { leads } = small;
    const campaigns = byId(small.campaigns);
    const sixMonths = NOW - 190 * DAY;
    for (const lead of leads) {
      expect(lead.ref).toBe('');
      expect(isValidUlid(lead.id)).toBe(true);
      expect(decodeTime(lead.id)).toBe(lead.addedAt);
      expect(lead.addedAt).toBeGreaterThanOrEqual(sixMonths);
      expect(lead.addedAt).toBeGreaterThanOrEqual(campaigns.get(lead.campaignId)!.createdAt);
      expect(lead.lastActivityAt).toBeGreaterThanOrEqual(lead.addedAt);
      expect(lead.lastActivityAt).toBeLessThanOrEqual(NOW);
      expect(lead.updatedAt).toBe(NOW);
      expect(SOURCES as readonly string[]).toContain(lead.source);
      expect(lead.rejectReason !== undefined).toBe(lead.folderId === 'rejected');
      const { years_experience: years, shift_preference: shift, available_from: from } = lead.attributes;
      if (years !== undefined) expect(typeof years).toBe('number');
      if (shift !== undefined) expect(typeof shift).toBe('string');
      if (from !== undefined) expect(from).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(Object.keys(lead.attributes).every((k) => small.attributeDefs.some((d) => d.key === k))).toBe(true);
      for (const a of lead.attachments) {
        expect(a).not.toHaveProperty('blob');
        expect(a.size).toBeGreaterThan(0);
        expect(a.name).toMatch(/\.(pdf|docx)$/);
      }
      for (const qa of lead.answers) expect(qa.question && qa.answer).toBeTruthy();
      if (lead.externalId !== undefined) expect(lead.externalId).toMatch(/^ATS-\d{5,}$/);
    }
    // Sorted oldest first, ids too.
    for (let i = 1; i < leads.length; i++) expect(leads[i]!.addedAt).toBeGreaterThanOrEqual(leads[i - 1]!.addedAt);
    const withAttachment = leads.filter((l) => l.attachments.length > 0).length / leads.length;
    expect(withAttachment).toBeGreaterThan(0.04);
    expect(withAttachment).toBeLessThan(0.17);
    const external = leads.flatMap((l) => (l.externalId ? [l.externalId] : []));
    expect(external.length / leads.length).toBeGreaterThan(0.13);
    expect(external.length / leads.length).toBeLessThan(0.27);
    expect(new Set(external).size).toBe(external.length);
    expect(leads.filter((l) => l.answers.length > 0).length).toBeGreaterThan(leads.length * 0.4);
    // Spread over ~6 months.
    const oldest = Math.min(...leads.map((l) => l.addedAt));
    expect(oldest).toBeLessThan(NOW - 150 * DAY);
    expect(Math.max(...leads.map((l) => l.addedAt))).toBeGreaterThan(NOW - 3 * DAY);
  });

  it('keeps Inbox and No Response consistent with the 21-day rule', () => {
    const threads = messagesByLead(small);
    for (const lead of small.leads) {
      const thread = threads.get(lead.id) ?? [];
      const lastInbound = Math.max(0, ...thread.filter((m) => m.direction === 'inbound').map((m) => m.sentAt));
      if (lead.folderId === 'inbox') {
        expect(lead.lastActivityAt).toBeGreaterThan(NOW - 21 * DAY);
        if (thread.length > 0) expect(lastInbound).toBeGreaterThan(NOW - 21 * DAY);
      }
      if (lead.folderId === 'no_response') {
        expect(lead.addedAt).toBeLessThan(NOW - 21 * DAY);
        expect(lead.answers).toEqual([]);
        expect(lastInbound).toBe(0);
      }
    }
  });

  it('messages: on reachable channels, in order, within their lead’s dates, last one at last activity', () => {
    const candidates = byId(small.candidates);
    const leads = byId(small.leads);
    const users = new Set([SELF, ...small.users.map((u) => u.id)]);
    const threads = messagesByLead(small);
    expect(threads.size / small.leads.length).toBeGreaterThan(0.45);
    expect(threads.size / small.leads.length).toBeLessThan(0.75);
    for (let i = 1; i < small.messages.length; i++) expect(small.messages[i]!.sentAt).toBeGreaterThanOrEqual(small.messages[i - 1]!.sentAt);

    const channels = new Set<Channel>();
    let events = 0;
    for (const [leadId, thread] of threads) {
      const lead: Lead = leads.get(leadId)!;
      expect(lead).toBeDefined();
      const candidate = candidates.get(lead.candidateId)!;
      for (let i = 0; i < thread.length; i++) {
        const m = thread[i]!;
        expect(m.candidateId).toBe(lead.candidateId);
        expect(m.sentAt).toBeGreaterThanOrEqual(lead.addedAt);
        expect(m.sentAt).toBeLessThanOrEqual(lead.lastActivityAt);
        if (i > 0) expect(m.sentAt).toBeGreaterThan(thread[i - 1]!.sentAt);
        expect(decodeTime(m.id)).toBe(m.sentAt);
        expect(m.body.length).toBeGreaterThan(0);
        expect(m.attachments).toEqual([]);
        channels.add(m.channel);
        if (m.channel === 'sms' || m.channel === 'whatsapp') expect(candidate.phone).toBeDefined();
        if (m.channel === 'email') expect(candidate.email).toBeDefined();
        if (m.channel === 'facebook') expect(candidate.facebookUrl).toBeDefined();
        if (m.channel === 'email' && m.kind === 'text') expect(m.subject).toMatch(/application for/);
        if (m.channel !== 'email') expect(m.subject).toBeUndefined();
        if (m.kind === 'event') {
          events++;
          expect(m.sender).toBe('system');
        } else {
          expect(m.kind).toBe('text');
        }
        if (m.direction === 'inbound') expect(m.sender).toBe('candidate');
        else expect(['delivered', 'handed_off']).toContain(m.status);
        if (m.sender === 'recruiter') expect(users.has(m.senderUserId!)).toBe(true);
        else expect(m.senderUserId).toBeUndefined();
        expect(m.body).not.toMatch(/\{\{|<%=/);
      }
      expect(thread[thread.length - 1]!.sentAt).toBe(lead.lastActivityAt);
    }
    expect(channels.size).toBe(4);
    expect(events).toBeGreaterThan(0);
    expect(events).toBeLessThan(small.messages.length * 0.2);
    // Some chats are read, some unread.
    const withThreads = new Set([...threads.values()].map((t) => t[0]!.candidateId));
    const read = small.candidates.filter((c) => c.lastReadAt !== undefined);
    expect(read.length).toBeGreaterThan(0);
    expect(read.length).toBeLessThan(withThreads.size);
    for (const c of read) expect(withThreads.has(c.id)).toBe(true);
  });

  it('quick replies use both token forms; one is personal', () => {
    const bodies = small.quickReplies.map((q) => q.body).join('\n');
    expect(bodies).toContain('{{candidate_name}}');
    expect(bodies).toContain('<%= @candidate_name %>');
    expect(small.quickReplies.filter((q) => q.ownerId === SELF)).toHaveLength(1);
    for (const q of small.quickReplies) expect(q.channels.length).toBeGreaterThan(0);
  });

  it('makes 100,000 leads quickly, without messages', () => {
    const start = performance.now();
    const big = generateDataset({ leads: 100_000, seed: 9, now: NOW, selfUserId: SELF, messages: false });
    const elapsed = performance.now() - start;
    // The budget is 3 s; the margin is for slow, shared CI machines.
    expect(elapsed).toBeLessThan(10_000);
    expect(big.leads).toHaveLength(100_000);
    expect(big.messages).toEqual([]);
    expect(big.campaigns).toHaveLength(12);
    expect(big.campaigns.filter((c) => c.status === 'closed')).toHaveLength(1);
    const emails = big.candidates.flatMap((c) => (c.email ? [c.email] : []));
    expect(new Set(emails).size).toBe(emails.length);
    const phones = big.candidates.flatMap((c) => (c.phone ? [c.phone] : []));
    expect(new Set(phones).size).toBe(phones.length);
    for (let i = 0; i < phones.length; i += 97) expect(isValidPhoneNumber(phones[i]!), phones[i]).toBe(true);
    const pairs = new Set(big.leads.map((l) => `${l.candidateId}|${l.campaignId}`));
    expect(pairs.size).toBe(big.leads.length);
    // Messages default to off for very large datasets.
    expect(generateDataset({ leads: 25_000, now: NOW, selfUserId: SELF }).messages).toEqual([]);
  }, 60_000);
});

describe('generateDataset + insertDataset', () => {
  const dbs: LeadsideDB[] = [];
  afterAll(async () => {
    for (const db of dbs) {
      db.close();
      await db.delete();
    }
  });

  it('inserts into a fresh workspace and gets refs', async () => {
    const db = new LeadsideDB(`sample-test-${Math.random().toString(36).slice(2)}`);
    dbs.push(db);
    const { self } = await ensureWorkspace(db, NOW);
    const data = generateDataset({ leads: 300, seed: 11, now: NOW, selfUserId: self.id });
    const counts = await insertDataset({ db, actorId: self.id, now: () => NOW }, data);
    expect(counts).toEqual({ campaigns: data.campaigns.length, candidates: data.candidates.length, leads: 300, messages: data.messages.length });

    expect(await db.leads.count()).toBe(300);
    expect(await db.candidates.count()).toBe(data.candidates.length);
    expect(await db.campaigns.count()).toBe(data.campaigns.length);
    expect(await db.messages.count()).toBe(data.messages.length);
    expect(await db.users.count()).toBe(data.users.length + 1);
    expect(await db.folders.count()).toBe(DEFAULT_FOLDERS.length + 1);
    expect(await db.labels.count()).toBe(data.labels.length);
    expect(await db.attributeDefs.count()).toBe(3);
    expect(await db.quickReplies.count()).toBe(3);

    const leads = await db.leads.toArray();
    const leadRefs = leads.map((l) => l.ref);
    expect(leadRefs.every((r) => /^A-\d+$/.test(r))).toBe(true);
    expect(new Set(leadRefs).size).toBe(300);
    expect(leadRefs).toContain('A-10001');
    const candidateRefs = (await db.candidates.toArray()).map((c) => c.ref);
    expect(candidateRefs.every((r) => /^C-\d+$/.test(r))).toBe(true);
    expect(new Set(candidateRefs).size).toBe(data.candidates.length);
    expect((await db.campaigns.toArray()).every((c) => /^J-\d+$/.test(c.ref))).toBe(true);

    // Indexes work on generated rows: by ref, by (candidate, campaign), by phone.
    const one = data.leads[0]!;
    expect((await db.leads.where('ref').equals(one.ref).first())?.id).toBe(one.id);
    expect(await db.leads.where('[candidateId+campaignId]').equals([one.candidateId, one.campaignId]).count()).toBe(1);
    const withPhone = data.candidates.find((c) => c.phone)!;
    expect((await db.candidates.where('phone').equals(withPhone.phone!).first())?.id).toBe(withPhone.id);
    const self2 = await db.users.get(self.id);
    expect(self2?.isSelf).toBe(true);
  });
});
