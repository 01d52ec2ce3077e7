import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeCandidate, makeDb, makeLead, makeMessage } from '../../../tests/factories';
import type { Candidate, Lead, Message } from '../../domain/model';
import type { ChangeSet } from '../changes';
import { UserError } from '../errors';
import type { MutationContext } from '../mutate';
import type { LeadsideDB } from '../schema';
import { isDuplicate, lastConversational } from '../../chat/duplicate-guard';
import { findNewestMessage, lastConversationalMessage, logReply, markRead, MAX_REPLY_CHARS } from './chat-history';
import { ensureWorkspace } from './workspace';

let db: LeadsideDB;
let ctx: MutationContext;
const NOW = Date.UTC(2024, 6, 10, 14);
let candidate: Candidate;
let older: Lead;
let newer: Lead;

beforeEach(async () => {
  db = makeDb();
  const { self } = await ensureWorkspace(db, NOW - 10_000);
  ctx = { db, actorId: self.id, now: () => NOW };
  candidate = makeCandidate();
  older = makeLead({ candidateId: candidate.id, lastActivityAt: NOW - 5 * 86_400_000 });
  newer = makeLead({ candidateId: candidate.id, lastActivityAt: NOW - 86_400_000 });
  await db.candidates.add(candidate);
  await db.leads.bulkAdd([older, newer]);
});

afterEach(async () => {
  await db.delete();
});

function changes(): ChangeSet[] {
  const seen: ChangeSet[] = [];
  db.changes.subscribe((c) => seen.push(c));
  return seen;
}

describe('markRead', () => {
  it('sets the read marker to now and announces the candidate', async () => {
    await db.messages.add(makeMessage({ candidateId: candidate.id, direction: 'inbound', sentAt: NOW - 1000 }));
    const seen = changes();
    expect(await markRead(ctx, candidate.id)).toBe(NOW);
    expect((await db.candidates.get(candidate.id))?.lastReadAt).toBe(NOW);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ mutation: 'markRead', candidates: [candidate.id], tables: ['candidates'] });
  });

  it('writes nothing when nothing arrived since the last read', async () => {
    await db.candidates.update(candidate.id, { lastReadAt: NOW - 500 });
    await db.messages.add(makeMessage({ candidateId: candidate.id, direction: 'inbound', sentAt: NOW - 1000 }));
    const outbox = await db.outbox.count();
    expect(await markRead(ctx, candidate.id)).toBe(NOW - 500);
    expect(await db.outbox.count()).toBe(outbox);
  });

  it('covers a reply logged for a later time than now', async () => {
    await db.messages.add(makeMessage({ candidateId: candidate.id, direction: 'inbound', sentAt: NOW + 60_000 }));
    expect(await markRead(ctx, candidate.id)).toBe(NOW + 60_000);
  });

  it('does nothing for a person who is gone', async () => {
    expect(await markRead(ctx, 'nobody')).toBeNull();
  });
});

describe('logReply', () => {
  it('records an inbound, delivered message from the candidate and bumps every application', async () => {
    const sentAt = NOW - 3600_000;
    const seen = changes();
    const message = await logReply(ctx, { candidateId: candidate.id, body: '  Yes po, available ako  ', channel: 'whatsapp', sentAt });
    expect(message).toMatchObject({
      candidateId: candidate.id,
      leadId: newer.id,
      direction: 'inbound',
      sender: 'candidate',
      status: 'delivered',
      channel: 'whatsapp',
      kind: 'text',
      body: 'Yes po, available ako',
      sentAt,
      attachments: [],
    });
    expect(await db.messages.get(message.id)).toEqual(message);
    expect((await db.leads.get(older.id))?.lastActivityAt).toBe(sentAt);
    expect((await db.leads.get(newer.id))?.lastActivityAt).toBe(sentAt);
    expect(seen[0]?.candidates).toEqual([candidate.id]);
    expect(new Set(seen[0]?.leads)).toEqual(new Set([older.id, newer.id]));
    expect(seen[0]?.tables).toContain('messages');
  });

  it('keeps the application it was logged from, and never moves lastActivityAt back', async () => {
    const message = await logReply(ctx, { candidateId: candidate.id, leadId: older.id, body: 'ok', channel: 'sms', sentAt: NOW - 10 * 86_400_000 });
    expect(message.leadId).toBe(older.id);
    expect((await db.leads.get(newer.id))?.lastActivityAt).toBe(newer.lastActivityAt);
  });

  it('stores an attachment with its bytes; the kind follows its type', async () => {
    const blob = new Blob(['%PDF-1.4 fake'], { type: 'application/pdf' });
    const message = await logReply(ctx, {
      candidateId: candidate.id,
      body: '',
      channel: 'email',
      subject: 'Re: Staff Nurse',
      sentAt: NOW,
      attachment: { name: 'cv.pdf', type: 'application/pdf', size: blob.size, blob },
    });
    expect(message.kind).toBe('file');
    expect(message.subject).toBe('Re: Staff Nurse');
    const stored = await db.messages.get(message.id);
    expect(stored?.attachments[0]).toMatchObject({ name: 'cv.pdf', type: 'application/pdf', size: blob.size });
    expect(await stored?.attachments[0]?.blob?.text()).toBe('%PDF-1.4 fake');
    // The outbox record holds the attachment's description, not its bytes.
    const record = (await db.outbox.toArray()).find((r) => r.mutation === 'logReply');
    expect(record?.args).toMatchObject({ attachment: { name: 'cv.pdf', size: blob.size } });
    expect(JSON.stringify(record?.args)).not.toContain('blob');
  });

  it('works for a person whose applications were all deleted', async () => {
    await db.leads.clear();
    const message = await logReply(ctx, { candidateId: candidate.id, body: 'Hello?', channel: 'sms', sentAt: NOW });
    expect(message.leadId).toBeUndefined();
    expect(await db.messages.count()).toBe(1);
  });

  it('refuses empty, over-long and bad input before writing anything', async () => {
    const base = { candidateId: candidate.id, body: 'hi', channel: 'sms' as const, sentAt: NOW };
    await expect(logReply(ctx, { ...base, body: '   ' })).rejects.toThrow('Write the reply or attach a file.');
    await expect(logReply(ctx, { ...base, body: 'x'.repeat(MAX_REPLY_CHARS + 1) })).rejects.toThrow(UserError);
    await expect(logReply(ctx, { ...base, sentAt: Number.NaN })).rejects.toThrow('Enter when the reply was sent.');
    await expect(logReply(ctx, { ...base, channel: 'pigeon' as never })).rejects.toThrow(UserError);
    const huge = { name: 'big.mov', type: 'video/quicktime', size: 26 * 1024 * 1024, blob: new Blob(['x']) };
    await expect(logReply(ctx, { ...base, attachment: huge })).rejects.toThrow(/at most 25 MB/);
    await expect(logReply(ctx, { ...base, candidateId: 'nobody' })).rejects.toThrow('This candidate no longer exists.');
    expect(await db.messages.count()).toBe(0);
    expect((await db.outbox.toArray()).filter((r) => r.mutation === 'logReply')).toHaveLength(0);
  });
});

describe('the newest message, read backwards through the index', () => {
  /** A small deterministic generator, so each run checks the same varied histories. */
  function random(seed: number): () => number {
    let x = seed;
    return () => {
      x = (x * 1_103_515_245 + 12_345) % 2 ** 31;
      return x / 2 ** 31;
    };
  }

  function history(rand: () => number, n: number): Message[] {
    return Array.from({ length: n }, () => {
      const r = rand();
      const event = r < 0.2;
      return makeMessage({
        candidateId: candidate.id,
        // Few distinct moments, so ties in sentAt are common.
        sentAt: NOW - Math.floor(rand() * 10) * 1000,
        direction: event || rand() < 0.5 ? 'outbound' : 'inbound',
        sender: event ? 'system' : rand() < 0.5 ? 'recruiter' : 'candidate',
        kind: r < 0.1 ? 'event' : 'text',
        body: ['Hi', ' Hi ', 'Hello', 'hi'][Math.floor(rand() * 4)]!,
      });
    });
  }

  it('finds what the duplicate guard finds in the whole history, and guards the same way', async () => {
    const rand = random(7);
    for (let round = 0; round < 40; round++) {
      await db.messages.clear();
      // Up to 60 messages: the reads go back in pages of 8, 32, 128…, ties split across them.
      const all = history(rand, Math.floor(rand() * 60));
      // Another person's messages, newer, never count.
      await db.messages.bulkAdd([...all, makeMessage({ sentAt: NOW + 5000, body: 'Hi' })]);
      const last = await lastConversationalMessage(ctx, candidate.id);
      expect(last?.id ?? null).toBe(lastConversational(all)?.id ?? null);
      for (const text of ['Hi', 'Hello', 'Other']) {
        expect(isDuplicate(last ? [last] : [], text)).toBe(isDuplicate(all, text));
      }
    }
  });

  it('stops at the first message taken, newest first', async () => {
    const older = makeMessage({ candidateId: candidate.id, sentAt: NOW - 2000, direction: 'inbound', channel: 'whatsapp' });
    const newer = makeMessage({ candidateId: candidate.id, sentAt: NOW - 1000, direction: 'outbound', channel: 'sms' });
    const newest = makeMessage({ candidateId: candidate.id, sentAt: NOW, kind: 'event', sender: 'system' });
    await db.messages.bulkAdd([older, newer, newest]);
    const seen: string[] = [];
    const found = await findNewestMessage(ctx, candidate.id, (m) => {
      seen.push(m.id);
      return m.direction === 'inbound';
    });
    expect(found?.id).toBe(older.id);
    expect(seen).toEqual([newest.id, newer.id, older.id]);
    expect(await findNewestMessage(ctx, candidate.id, () => false)).toBeNull();
    // In a long history, finding the newest looks at nothing else.
    await db.messages.bulkAdd(Array.from({ length: 100 }, (_, i) => makeMessage({ candidateId: candidate.id, sentAt: NOW - 10_000 - i })));
    let looked = 0;
    expect((await findNewestMessage(ctx, candidate.id, () => ++looked > 0))?.id).toBe(newest.id);
    expect(looked).toBe(1);
    expect(await findNewestMessage(ctx, 'nobody', () => true)).toBeNull();
  });
});
