/**
 * The daily No Response sweep (DESIGN §1, rule in lib/domain/no-response.ts). Run by the
 * service worker's alarm (lib/platform/background.ts). Inbox leads are examined a chunk at a
 * time: a read-only pass finds the due ones, then one `noResponseSweep` mutation per chunk
 * checks them again inside its transaction and moves them, with an Activity and a chat event
 * each. No transaction ever holds more than one chunk, a sweep stopped half-way simply leaves
 * the rest for the next run, and a moved lead is no longer in Inbox, so it is never moved twice.
 */
import { Dexie } from 'dexie';
import type { Activity, Channel, Id, Lead, Message } from '../../domain/model';
import {
  FROM_FOLDER,
  NO_RESPONSE_AFTER_MS,
  SYSTEM_ACTOR,
  TO_FOLDER,
  eventChannel,
  isNoResponseDue,
  noResponseEventBody,
} from '../../domain/no-response';
import { mutate, newId } from '../mutate';
import type { LeadsideDB } from '../schema';

export const SWEEP_CHUNK = 500;
export const SWEEP_MUTATION = 'noResponseSweep';

export interface SweepOptions {
  /** The sweep's clock (injected in tests). */
  now: number;
  /** Inbox leads per transaction. */
  chunkSize?: number;
  /** After each chunk: how many Inbox leads were examined so far, and moved. */
  onProgress?: (progress: SweepResult) => void;
}

export interface SweepResult {
  /** Inbox leads examined. */
  checked: number;
  moved: number;
  /** Mutations committed (chunks that moved at least one lead). */
  transactions: number;
}

interface CandidateFacts {
  latestInboundAt: number | null;
  lastChannel: Channel | null;
}

interface Due {
  lead: Lead;
  channel: Channel;
}

/** The leads among `ids` that are due now, read in whatever transaction is current. */
async function findDue(db: LeadsideDB, ids: readonly Id[], now: number): Promise<Due[]> {
  const leads = await db.leads.bulkGet([...ids]);
  const facts = new Map<Id, CandidateFacts>();
  const due: Due[] = [];
  for (const lead of leads) {
    // Cheap tests first: most Inbox leads are recent, and need no message read at all.
    if (!lead || lead.folderId !== FROM_FOLDER || now - lead.addedAt <= NO_RESPONSE_AFTER_MS) continue;
    let candidate = facts.get(lead.candidateId);
    if (!candidate) {
      candidate = await candidateFacts(db, lead.candidateId);
      facts.set(lead.candidateId, candidate);
    }
    const base = { folderId: lead.folderId, addedAt: lead.addedAt, latestInboundAt: candidate.latestInboundAt };
    if (!isNoResponseDue({ ...base, lastAutoMoveAt: null }, now)) continue;
    const lastAutoMoveAt = await lastAutoMove(db, lead.id);
    if (!isNoResponseDue({ ...base, lastAutoMoveAt }, now)) continue;
    due.push({ lead, channel: eventChannel(candidate.lastChannel) });
  }
  return due;
}

async function candidateFacts(db: LeadsideDB, candidateId: Id): Promise<CandidateFacts> {
  let lastChannel: Channel | null = null;
  let latestInboundAt: number | null = null;
  await db.messages
    .where('[candidateId+sentAt]')
    .between([candidateId, Dexie.minKey], [candidateId, Dexie.maxKey])
    .reverse()
    .until(() => latestInboundAt !== null)
    .each((message: Message) => {
      lastChannel ??= message.channel;
      if (message.direction === 'inbound') latestInboundAt = message.sentAt;
    });
  return { latestInboundAt, lastChannel };
}

/** When this rule last moved the lead to No Response (null when it never did). */
async function lastAutoMove(db: LeadsideDB, leadId: Id): Promise<number | null> {
  const activities = await db.activities.where('leadId').equals(leadId).toArray();
  let latest: number | null = null;
  for (const a of activities) {
    if (a.actorId !== SYSTEM_ACTOR || a.what !== 'lead.moved') continue;
    const to = (a.after as { folderId?: unknown } | undefined)?.folderId;
    if (to === TO_FOLDER && (latest === null || a.at > latest)) latest = a.at;
  }
  return latest;
}

/** Moves every due Inbox lead to No Response, a chunk per transaction. */
export async function runNoResponseSweep(db: LeadsideDB, options: SweepOptions): Promise<SweepResult> {
  const { now } = options;
  const chunkSize = Math.max(1, options.chunkSize ?? SWEEP_CHUNK);
  // Only the keys: a moved lead leaves the folder, so paging the folder by offset would skip.
  const inbox = await db.leads.where('folderId').equals(FROM_FOLDER).primaryKeys();
  const result: SweepResult = { checked: 0, moved: 0, transactions: 0 };
  const body = noResponseEventBody();

  for (let start = 0; start < inbox.length; start += chunkSize) {
    const chunk = inbox.slice(start, start + chunkSize);
    const candidates = await db.transaction('r', ['leads', 'messages', 'activities'], () => findDue(db, chunk, now));
    result.checked += chunk.length;
    if (candidates.length > 0) {
      const ids = candidates.map((d) => d.lead.id);
      const moved = await mutate(
        { db, actorId: SYSTEM_ACTOR, now: () => now },
        SWEEP_MUTATION,
        { leadIds: ids, from: FROM_FOLDER, to: TO_FOLDER },
        ['leads', 'messages', 'activities'],
        async (scope) => {
          // Again inside the transaction: a reply or a recruiter's move may have come in between.
          const due = await findDue(scope.db, ids, now);
          const leads: Lead[] = [];
          const activities: Activity[] = [];
          const events: Message[] = [];
          for (const { lead, channel } of due) {
            leads.push({ ...lead, folderId: TO_FOLDER, updatedAt: now });
            activities.push({
              id: newId(now),
              at: now,
              actorId: SYSTEM_ACTOR,
              what: 'lead.moved',
              leadId: lead.id,
              candidateId: lead.candidateId,
              before: { folderId: FROM_FOLDER },
              after: { folderId: TO_FOLDER },
              updatedAt: now,
            });
            events.push({
              id: newId(now),
              candidateId: lead.candidateId,
              leadId: lead.id,
              direction: 'outbound',
              sender: 'system',
              channel,
              kind: 'event',
              body,
              attachments: [],
              status: 'delivered',
              sentAt: now,
              updatedAt: now,
            });
          }
          await scope.db.leads.bulkPut(leads);
          await scope.db.activities.bulkAdd(activities);
          await scope.db.messages.bulkAdd(events);
          scope.wroteLeads(leads);
          return leads.length;
        },
      );
      result.moved += moved;
      result.transactions++;
    }
    options.onProgress?.({ ...result });
  }
  return result;
}
