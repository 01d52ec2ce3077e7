import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeCampaign, makeCandidate, makeComment, makeDb, makeLabel, makeLead, makeMessage } from '../../tests/factories';
import type { Job, Lead } from '../domain/model';
import { StorageFullError } from '../db/errors';
import type { MutationContext } from '../db/mutate';
import { insertDataset } from '../db/mutations/dataset';
import { ensureWorkspace } from '../db/mutations/workspace';
import type { LeadsideDB } from '../db/schema';
import { cancelJob, createJob, JobRegistry, retryJob, runJob, unfinishedJobs, type JobKind } from './engine';
import { addLabel, createApplication, defaultRegistry, deleteLeads, moveToCampaign, moveToFolder } from './kinds';
import { isUndoable, undoParams } from './undo';

let db: LeadsideDB;
let ctx: MutationContext;
let leads: Lead[];
const campaignA = makeCampaign({ id: 'camp_a', name: 'Barista' });
const campaignB = makeCampaign({ id: 'camp_b', name: 'Driver' });

beforeEach(async () => {
  db = makeDb();
  const { self } = await ensureWorkspace(db);
  ctx = { db, actorId: self.id };
  const candidates = Array.from({ length: 2468 }, () => makeCandidate());
  leads = candidates.map((c) => makeLead({ candidateId: c.id, campaignId: campaignA.id, folderId: 'inbox' }));
  await insertDataset(ctx, { campaigns: [campaignA, campaignB], candidates, leads });
});

afterEach(async () => {
  await db.delete();
});

const registry = () => defaultRegistry();

async function newMove(ids = leads.map((l) => l.id), folderId = 'shortlisted'): Promise<Job> {
  return createJob(ctx, { kind: 'moveToFolder', label: 'Shortlist', params: { leadIds: ids, folderId }, total: ids.length });
}

async function movedActivities(jobId: string): Promise<number> {
  return (await db.activities.toArray()).filter((a) => a.jobId === jobId).length;
}

describe('the job engine', () => {
  it('runs a bulk move chunk by chunk, one outbox record per chunk, to an honest summary', async () => {
    const job = await newMove();
    const seen: number[] = [];
    const done = await runJob(ctx, registry(), job.id, {
      onChunk: (j) => {
        seen.push(j.cursor);
      },
    });
    expect(done).toMatchObject({ status: 'done', cursor: 2468, counts: { done: 2468, skipped: 0, failed: 0 } });
    expect(done!.finishedAt).toBeTypeOf('number');
    expect(seen).toEqual([1000, 2000, 2468]);
    expect(await db.leads.where('folderId').equals('shortlisted').count()).toBe(2468);
    expect(await movedActivities(job.id)).toBe(2468);
    const outbox = (await db.outbox.toArray()).filter((o) => o.mutation === 'job.moveToFolder');
    expect(outbox.map((o) => o.args)).toEqual([
      { jobId: job.id, from: 0, to: 1000 },
      { jobId: job.id, from: 1000, to: 2000 },
      { jobId: job.id, from: 2000, to: 2468 },
    ]);
  });

  it('stopped between chunks, resumes from its cursor and processes every lead exactly once', async () => {
    const job = await newMove();
    const first = await runJob(ctx, registry(), job.id, { shouldStop: () => true });
    expect(first).toMatchObject({ status: 'running', cursor: 1000 });
    expect(await unfinishedJobs(ctx)).toEqual([expect.objectContaining({ id: job.id })]);
    const done = await runJob(ctx, registry(), job.id);
    expect(done).toMatchObject({ status: 'done', counts: { done: 2468, skipped: 0, failed: 0 } });
    expect(await movedActivities(job.id)).toBe(2468);
  });

  it('two runners at once (panel and service worker) still apply each chunk once', async () => {
    const job = await newMove();
    await Promise.all([runJob(ctx, registry(), job.id), runJob(ctx, registry(), job.id)]);
    const after = await db.jobs.get(job.id);
    expect(after).toMatchObject({ status: 'done', counts: { done: 2468, skipped: 0, failed: 0 } });
    expect(await movedActivities(job.id)).toBe(2468);
  });

  it('cancel stops at the next chunk boundary with counts that match the database', async () => {
    const job = await newMove();
    const done = await runJob(ctx, registry(), job.id, {
      onChunk: (j) => {
        if (j.cursor === 1000) void cancelJob(ctx, j.id);
      },
    });
    // The cancel may land before or after the second chunk started; either way the summary is true.
    const after = (await db.jobs.get(job.id))!;
    expect(after.status).toBe('cancelled');
    expect(done?.status).toBe('cancelled');
    const moved = await db.leads.where('folderId').equals('shortlisted').count();
    expect(after.counts.done).toBe(moved);
    expect([1000, 2000]).toContain(moved);
    expect(after.cursor).toBe(moved);
  });

  it('a pending job cancelled before it runs never touches a lead', async () => {
    const job = await newMove();
    await cancelJob(ctx, job.id);
    await runJob(ctx, registry(), job.id);
    expect(await db.leads.where('folderId').equals('shortlisted').count()).toBe(0);
    expect((await db.jobs.get(job.id))!.status).toBe('cancelled');
  });

  it('a chunk that throws rolls back whole, leaves the job failed at its cursor, and Retry finishes it', async () => {
    let calls = 0;
    const flaky: JobKind<{ leadIds: string[]; folderId: string }> = {
      ...moveToFolder,
      async runChunk(scope, params, from, to, job) {
        const outcome = await moveToFolder.runChunk(scope, params, from, to, job);
        if (++calls === 2) throw new Error('boom');
        return outcome;
      },
    };
    const reg = new JobRegistry().register(flaky);
    const job = await newMove();
    const failed = await runJob(ctx, reg, job.id);
    expect(failed).toMatchObject({ status: 'failed', cursor: 1000, counts: { done: 1000 } });
    expect(failed!.failure).toBe('Something went wrong and nothing was changed. Please try again.');
    // The second chunk's writes were rolled back with it.
    expect(await db.leads.where('folderId').equals('shortlisted').count()).toBe(1000);
    await retryJob(ctx, job.id);
    const done = await runJob(ctx, reg, job.id);
    expect(done).toMatchObject({ status: 'done', counts: { done: 2468 } });
    expect(await movedActivities(job.id)).toBe(2468);
  });

  it('a quota error mid-job says so plainly and leaves nothing of that chunk', async () => {
    let calls = 0;
    const full: JobKind<{ leadIds: string[]; folderId: string }> = {
      ...moveToFolder,
      async runChunk(scope, params, from, to, job) {
        const outcome = await moveToFolder.runChunk(scope, params, from, to, job);
        if (++calls === 3) throw new DOMException('The disk is full', 'QuotaExceededError');
        return outcome;
      },
    };
    const job = await newMove();
    const failed = await runJob(ctx, new JobRegistry().register(full), job.id);
    expect(failed).toMatchObject({ status: 'failed', cursor: 2000, counts: { done: 2000 } });
    expect(failed!.failure).toBe(new StorageFullError().message);
    expect(await db.leads.where('folderId').equals('shortlisted').count()).toBe(2000);
    expect(await movedActivities(job.id)).toBe(2000);
  });

  it('skips and reports leads deleted after the selection was made', async () => {
    const job = await newMove();
    const gone = [leads[3]!.id, leads[700]!.id];
    await db.leads.bulkDelete(gone);
    const done = await runJob(ctx, registry(), job.id);
    expect(done!.counts).toEqual({ done: 2466, skipped: 2, failed: 0 });
    expect(done!.errors).toEqual([
      { id: gone[0], reason: 'Deleted since it was selected', kind: 'skipped' },
      { id: gone[1], reason: 'Deleted since it was selected', kind: 'skipped' },
    ]);
    expect(await db.leads.count()).toBe(2466);
  });

  it('an unknown job kind fails with a message instead of looping', async () => {
    const job = await createJob(ctx, { kind: 'teleport', label: 'Teleport', params: {}, total: 3 });
    const after = await runJob(ctx, registry(), job.id);
    expect(after).toMatchObject({ status: 'failed', failure: 'Leadside does not know how to run “teleport” jobs.' });
  });
});

describe('bulk actions', () => {
  it('Reject stores the reason on every lead', async () => {
    const ids = leads.slice(0, 10).map((l) => l.id);
    const job = await createJob(ctx, {
      kind: 'moveToFolder',
      label: 'Reject',
      params: { leadIds: ids, folderId: 'rejected', rejectReason: '  Not eligible to work here ' },
      total: ids.length,
    });
    await runJob(ctx, registry(), job.id);
    const rows = await db.leads.bulkGet(ids);
    expect(rows.every((l) => l!.folderId === 'rejected' && l!.rejectReason === 'Not eligible to work here')).toBe(true);
  });

  it('Move to another campaign skips and reports people who already have a lead there', async () => {
    const already = leads[0]!;
    await insertDataset(ctx, { leads: [makeLead({ candidateId: already.candidateId, campaignId: campaignB.id })] });
    const ids = leads.slice(0, 5).map((l) => l.id);
    const job = await createJob(ctx, { kind: 'moveToCampaign', label: 'Move', params: { leadIds: ids, campaignId: campaignB.id }, total: 5 });
    const done = await runJob(ctx, new JobRegistry().register(moveToCampaign), job.id);
    expect(done!.counts).toEqual({ done: 4, skipped: 1, failed: 0 });
    expect(done!.errors).toEqual([{ id: already.id, reason: 'Already has an application in that campaign', kind: 'skipped' }]);
    expect((await db.leads.get(already.id))!.campaignId).toBe(campaignA.id);
    expect((await db.leads.get(ids[1]!))!.campaignId).toBe(campaignB.id);
  });

  it('Create application adds one Inbox lead per person in the other campaign, with refs', async () => {
    const ids = [leads[0]!.id, leads[1]!.id];
    const before = await db.leads.count();
    const job = await createJob(ctx, { kind: 'createApplication', label: 'Create', params: { leadIds: ids, campaignId: campaignB.id }, total: 2 });
    await runJob(ctx, new JobRegistry().register(createApplication), job.id);
    const created = await db.leads.where('campaignId').equals(campaignB.id).toArray();
    expect(await db.leads.count()).toBe(before + 2);
    expect(created.map((l) => l.candidateId).sort()).toEqual([leads[0]!.candidateId, leads[1]!.candidateId].sort());
    expect(created.every((l) => l.folderId === 'inbox' && /^A-\d+$/.test(l.ref))).toBe(true);
    // Running it again creates nothing: at most one lead per person and campaign.
    const again = await createJob(ctx, { kind: 'createApplication', label: 'Create', params: { leadIds: ids, campaignId: campaignB.id }, total: 2 });
    const summary = await runJob(ctx, new JobRegistry().register(createApplication), again.id);
    expect(summary!.counts).toEqual({ done: 0, skipped: 2, failed: 0 });
  });

  it('Add label skips leads that have it and labels that were deleted', async () => {
    const label = makeLabel({ id: 'label_x', name: 'Urgent' });
    await insertDataset(ctx, { labels: [label], leads: [{ ...leads[0]!, labels: ['label_x'] }] });
    const ids = leads.slice(0, 3).map((l) => l.id);
    const job = await createJob(ctx, { kind: 'addLabel', label: 'Label', params: { leadIds: ids, labelId: 'label_x' }, total: 3 });
    const done = await runJob(ctx, new JobRegistry().register(addLabel), job.id);
    expect(done!.counts).toEqual({ done: 2, skipped: 1, failed: 0 });
    expect((await db.leads.bulkGet(ids)).every((l) => l!.labels.includes('label_x'))).toBe(true);
  });

  it('Delete removes applications and their comments, keeps people and messages, leaves tombstones', async () => {
    const lead = leads[5]!;
    await db.comments.add(makeComment({ leadId: lead.id }));
    await db.messages.add(makeMessage({ candidateId: lead.candidateId, leadId: lead.id }));
    const job = await createJob(ctx, { kind: 'deleteLeads', label: 'Delete', params: { leadIds: [lead.id] }, total: 1 });
    await runJob(ctx, new JobRegistry().register(deleteLeads), job.id);
    expect(await db.leads.get(lead.id)).toBeUndefined();
    expect(await db.comments.where('leadId').equals(lead.id).count()).toBe(0);
    expect(await db.candidates.get(lead.candidateId)).toBeDefined();
    expect(await db.messages.where('candidateId').equals(lead.candidateId).count()).toBe(1);
    expect(await db.tombstones.get(`leads:${lead.id}`)).toMatchObject({ table: 'leads', id: lead.id });
    const audit = (await db.activities.toArray()).find((a) => a.what === 'lead.deleted');
    expect(audit).toMatchObject({ leadId: lead.id, before: { ref: lead.ref } });
  });
});

describe('undo', () => {
  it('restores exactly what a bulk move changed, and reports leads changed since by someone else', async () => {
    const ids = leads.slice(0, 600).map((l) => l.id);
    const job = await newMove(ids, 'hired');
    await runJob(ctx, registry(), job.id);
    // Someone moves one of them on meanwhile; another was already deleted.
    await db.leads.update(ids[10]!, { folderId: 'on_hold' });
    await db.leads.delete(ids[20]!);

    const params = await undoParams(db, job.id, 'moveToFolder');
    expect(params.activityIds).toHaveLength(600);
    const undo = await createJob(ctx, { kind: 'undo', label: 'Undo', params, total: params.activityIds.length });
    const done = await runJob(ctx, registry(), undo.id);
    expect(done!.counts).toEqual({ done: 598, skipped: 2, failed: 0 });
    expect(done!.errors).toEqual(
      expect.arrayContaining([
        { id: ids[10], reason: 'Changed since by someone else', kind: 'skipped' },
        { id: ids[20], reason: 'Deleted since', kind: 'skipped' },
      ]),
    );
    expect(await db.leads.where('folderId').equals('hired').count()).toBe(0);
    expect((await db.leads.get(ids[10]!))!.folderId).toBe('on_hold');
    expect(await db.leads.where('folderId').equals('inbox').count()).toBe(2468 - 2);
  });

  it('puts labels back as they were', async () => {
    const label = makeLabel({ id: 'label_y', name: 'Night shift' });
    await insertDataset(ctx, { labels: [label] });
    const ids = leads.slice(0, 3).map((l) => l.id);
    const job = await createJob(ctx, { kind: 'addLabel', label: 'Label', params: { leadIds: ids, labelId: 'label_y' }, total: 3 });
    await runJob(ctx, registry(), job.id);
    const params = await undoParams(db, job.id, 'addLabel');
    const undo = await createJob(ctx, { kind: 'undo', label: 'Undo', params, total: params.activityIds.length });
    await runJob(ctx, registry(), undo.id);
    expect((await db.leads.bulkGet(ids)).map((l) => l!.labels)).toEqual([[], [], []]);
    expect(isUndoable('addLabel')).toBe(true);
    expect(isUndoable('deleteLeads')).toBe(false);
  });
});
