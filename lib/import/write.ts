/**
 * Writes prepared import rows, one chunk per transaction (with its outbox record): new
 * candidates with their application, or — for a person already in Leadside or earlier in the
 * file — a new application of the existing candidate, or a skip, as the recruiter chose.
 */
import { databaseLookup, type Placement } from '../db/mutations/candidates';
import { mutate, newId, type MutationContext } from '../db/mutate';
import { findDuplicates } from '../domain/duplicates';
import { MAX_JOB_ERRORS, type Activity, type Campaign, type Candidate, type Id, type Job, type Lead } from '../domain/model';
import { isFinished } from '../jobs/engine';
import { personKeys, type ImportRecord } from './rows';

export type DuplicatePolicy = 'attach' | 'skip';

export interface ChunkResult {
  created: number;
  attached: number;
  skipped: { line: number; reason: string }[];
}

/** The import job a chunk advances: its cursor must still be `from` when the chunk commits. */
export interface ChunkJob {
  id: Id;
  from: number;
}

/** Another runner (a second panel) committed this chunk first: this one wrote nothing. */
export class ChunkAlreadyDone extends Error {
  constructor() {
    super('This part of the import was already written.');
    this.name = 'ChunkAlreadyDone';
  }
}

/** The counts an import job carries in its params (the engine's counts have no created/attached). */
export interface ImportProgress {
  created: number;
  attached: number;
  /**
   * Every row the database check skipped, by reason (job.errors keeps only the first
   * MAX_JOB_ERRORS, for the Jobs list): the skipped-rows report lists them all. Grouped, as a
   * re-import of an updated list skips thousands of rows for one or two reasons. Absent in jobs
   * written before it was kept.
   */
  skippedInDb?: SkipGroup[];
}

export interface SkipGroup {
  reason: string;
  lines: number[];
}

/** `groups` with `skips` added: new arrays, `groups` itself untouched (it is the stored row's). */
export function addSkips(groups: readonly SkipGroup[], skips: readonly { line: number; reason: string }[]): SkipGroup[] {
  const out = groups.map((g) => ({ reason: g.reason, lines: g.lines.slice() }));
  for (const s of skips) {
    const group = out.find((g) => g.reason === s.reason);
    if (group) group.lines.push(s.line);
    else out.push({ reason: s.reason, lines: [s.line] });
  }
  return out;
}

/**
 * Writes one chunk in one transaction; with `job`, the job's cursor, counts and skip reasons
 * advance in that same transaction (DESIGN §2), so an import stopped anywhere resumes at a
 * chunk boundary and writes no row twice.
 */
export async function importChunk(ctx: MutationContext, records: readonly ImportRecord[], placement: Placement, policy: DuplicatePolicy, job?: ChunkJob): Promise<ChunkResult> {
  // The campaign and folder are checked before the transaction, not inside it: a transaction
  // that merely reads `campaigns` and `folders` is announced as changing them, and every
  // chunk made the panel reload its whole catalogue and re-render (the long UI tasks that
  // `npm run bench` measured during a 100k import).
  const campaign: Campaign | undefined = await ctx.db.campaigns.get(placement.campaignId);
  if (!campaign) throw new Error('That campaign no longer exists.');
  if (!(await ctx.db.folders.get(placement.folderId))) throw new Error('That folder no longer exists.');
  const tables = job ? (['candidates', 'leads', 'activities', 'jobs'] as const) : (['candidates', 'leads', 'activities'] as const);
  return mutate(ctx, 'importRows', { count: records.length, ...placement, policy, ...(job ? { jobId: job.id, from: job.from } : {}) }, tables, async (scope) => {
    let current: Job | undefined;
    if (job) {
      current = await scope.db.jobs.get(job.id);
      if (!current || current.cursor !== job.from || isFinished(current)) throw new ChunkAlreadyDone();
    }
    const result: ChunkResult = { created: 0, attached: 0, skipped: [] };
    const fresh: Candidate[] = [];
    const leads: Lead[] = [];
    const activities: Activity[] = [];
    const dbLookup = databaseLookup(scope.db);
    // One query per field for the whole chunk (not four per row): emails and phones of every
    // record; profile URLs are rare in imports and asked row by row.
    const emails = [...new Set(records.map((r) => r.candidate.email).filter((e): e is string => !!e))];
    const phones = [...new Set(records.map((r) => r.candidate.phone).filter((p): p is string => !!p))];
    const known = new Map<string, Candidate>();
    if (emails.length > 0) for (const c of await scope.db.candidates.where('email').anyOfIgnoreCase(emails).toArray()) known.set(c.id, c);
    if (phones.length > 0) for (const c of await scope.db.candidates.where('phone').anyOf(phones).toArray()) known.set(c.id, c);
    // Matching is synchronous from here (maps of normalised keys): awaiting plain values 500
    // times inside the transaction let Chromium commit it early ("Transaction committed too early").
    const index = new Map<string, Candidate>();
    const remember = (c: Candidate) => {
      for (const k of personKeys(c)) if (!index.has(k)) index.set(k, c);
    };
    for (const c of known.values()) remember(c);
    const appliedHere = new Set<string>();
    const newLead = (candidateId: string, rec: ImportRecord): Lead => ({
      id: newId(scope.now),
      ref: '',
      candidateId,
      campaignId: placement.campaignId,
      folderId: placement.folderId,
      source: placement.source,
      labels: [],
      attributes: { ...rec.attributes },
      answers: [],
      attachments: [],
      addedAt: scope.now,
      lastActivityAt: scope.now,
      ...(rec.candidate.externalId ? { externalId: rec.candidate.externalId } : {}),
      updatedAt: scope.now,
    });
    for (const rec of records) {
      let existing = personKeys(rec.candidate).map((k) => index.get(k)).find((c) => c !== undefined);
      if (!existing && (rec.candidate.linkedinUrl || rec.candidate.facebookUrl)) {
        existing = (await findDuplicates(rec.candidate, dbLookup))[0]?.candidate;
      }
      if (existing) {
        if (policy === 'skip') {
          result.skipped.push({ line: rec.line, reason: `Duplicate of ${existing.firstName} ${existing.lastName}${existing.ref ? ` (${existing.ref})` : ''}` });
          continue;
        }
        const key = `${existing.id}|${placement.campaignId}`;
        const already = appliedHere.has(key) || (await scope.db.leads.where('[candidateId+campaignId]').equals([existing.id, placement.campaignId]).count()) > 0;
        if (already) {
          result.skipped.push({ line: rec.line, reason: `Already has an application in ${campaign.name}` });
          continue;
        }
        appliedHere.add(key);
        leads.push(newLead(existing.id, rec));
        result.attached++;
        continue;
      }
      const candidate: Candidate = { id: newId(scope.now), ref: '', ...rec.candidate, createdAt: scope.now, updatedAt: scope.now };
      fresh.push(candidate);
      remember(candidate);
      appliedHere.add(`${candidate.id}|${placement.campaignId}`);
      leads.push(newLead(candidate.id, rec));
      result.created++;
    }
    const cRefs = await scope.allocateRefs('candidate', fresh.length);
    fresh.forEach((c, i) => (c.ref = cRefs[i]!));
    const lRefs = await scope.allocateRefs('lead', leads.length);
    leads.forEach((l, i) => {
      l.ref = lRefs[i]!;
      activities.push({ id: newId(scope.now), at: scope.now, actorId: scope.actorId, what: 'lead.imported', leadId: l.id, candidateId: l.candidateId, after: { ...placement }, updatedAt: scope.now });
    });
    await scope.db.candidates.bulkAdd(fresh);
    await scope.db.leads.bulkAdd(leads);
    await scope.db.activities.bulkAdd(activities);
    scope.wroteCandidates(fresh);
    scope.wroteLeads(leads);
    if (current && job) {
      const before = (current.params ?? {}) as Partial<ImportProgress>;
      const errors = current.errors.slice();
      for (const s of result.skipped) if (errors.length < MAX_JOB_ERRORS) errors.push({ id: String(s.line), reason: s.reason, kind: 'skipped' });
      const cursor = job.from + records.length;
      const finished = cursor >= current.total;
      await scope.db.jobs.put({
        ...current,
        params: {
          ...(current.params as object),
          created: (before.created ?? 0) + result.created,
          attached: (before.attached ?? 0) + result.attached,
          skippedInDb: addSkips(before.skippedInDb ?? [], result.skipped),
        },
        cursor,
        counts: { done: current.counts.done + result.created + result.attached, skipped: current.counts.skipped + result.skipped.length, failed: current.counts.failed },
        errors,
        status: finished ? 'done' : current.status,
        ...(finished ? { finishedAt: scope.now } : {}),
        updatedAt: scope.now,
      });
    }
    return result;
  });
}
