import type { Activity, Folder, Id, Lead } from '../domain/model';
import { newId, type MutationScope } from '../db/mutate';
import { JobRegistry, type ChunkOutcome, type JobKind } from './engine';
import { leadBulkKind, type BulkParams } from './bulk';
import { undoJob } from './undo';

export interface MoveParams extends BulkParams {
  folderId: Id;
  /** Stored on each lead when moving to Rejected. */
  rejectReason?: string;
}

/** Move to folder; Shortlist, Reject, Hold and Hire are this with a fixed folder. */
export const moveToFolder = leadBulkKind<MoveParams>({
  kind: 'moveToFolder',
  tables: ['folders'],
  prepare: async (scope, params) => (await scope.db.folders.get(params.folderId)) ?? null,
  change: (lead, params, _scope, folder) => {
    if (!folder) return { skip: 'The folder no longer exists' };
    const reason = params.folderId === 'rejected' ? params.rejectReason?.trim() || undefined : undefined;
    if (lead.folderId === params.folderId && lead.rejectReason === (reason ?? lead.rejectReason)) {
      return { skip: `Already in ${(folder as Folder).name}` };
    }
    const next: Lead = { ...lead, folderId: params.folderId };
    if (reason) next.rejectReason = reason;
    return {
      lead: next,
      what: 'lead.moved',
      before: { folderId: lead.folderId, rejectReason: lead.rejectReason ?? null },
      after: { folderId: params.folderId, rejectReason: next.rejectReason ?? null },
    };
  },
});

export interface LabelParams extends BulkParams {
  labelId: Id;
}

export const addLabel = leadBulkKind<LabelParams>({
  kind: 'addLabel',
  tables: ['labels'],
  prepare: async (scope, params) => (await scope.db.labels.get(params.labelId)) ?? null,
  change: (lead, params, _scope, label) => {
    if (!label) return { skip: 'The label no longer exists' };
    if (lead.labels.includes(params.labelId)) return { skip: 'Already has the label' };
    return {
      lead: { ...lead, labels: [...lead.labels, params.labelId] },
      what: 'lead.labelAdded',
      before: { labels: lead.labels },
      after: { labels: [...lead.labels, params.labelId] },
    };
  },
});

export const removeLabel = leadBulkKind<LabelParams>({
  kind: 'removeLabel',
  change: (lead, params) => {
    if (!lead.labels.includes(params.labelId)) return { skip: 'Does not have the label' };
    const labels = lead.labels.filter((l) => l !== params.labelId);
    return { lead: { ...lead, labels }, what: 'lead.labelRemoved', before: { labels: lead.labels }, after: { labels } };
  },
});

export interface AssignParams extends BulkParams {
  /** null: unassign. */
  userId: Id | null;
}

export const assign = leadBulkKind<AssignParams>({
  kind: 'assign',
  tables: ['users'],
  prepare: async (scope, params) => (params.userId ? ((await scope.db.users.get(params.userId)) ?? null) : 'nobody'),
  change: (lead, params, _scope, user) => {
    if (!user) return { skip: 'That recruiter no longer exists' };
    if ((lead.assignedTo ?? null) === params.userId) return { skip: 'Already assigned so' };
    const next: Lead = { ...lead };
    if (params.userId) next.assignedTo = params.userId;
    else delete next.assignedTo;
    return {
      lead: next,
      what: 'lead.assigned',
      before: { assignedTo: lead.assignedTo ?? null },
      after: { assignedTo: params.userId },
    };
  },
});

export interface CampaignParams extends BulkParams {
  campaignId: Id;
}

/** Leads of candidates who already have a lead in the target campaign: at most one per pair. */
async function takenInCampaign(scope: MutationScope, campaignId: Id, leads: Lead[]): Promise<Set<Id>> {
  const keys = leads.map((l) => [l.candidateId, campaignId] as [string, string]);
  const existing = await scope.db.leads.where('[candidateId+campaignId]').anyOf(keys).toArray();
  return new Set(existing.map((l) => l.candidateId));
}

/** Move to another campaign; people who already have a lead there are skipped and reported. */
export const moveToCampaign = leadBulkKind<CampaignParams>({
  kind: 'moveToCampaign',
  tables: ['campaigns'],
  prepare: async (scope, params, leads) => ({
    campaign: await scope.db.campaigns.get(params.campaignId),
    taken: await takenInCampaign(scope, params.campaignId, leads),
  }),
  change: (lead, params, _scope, prepared) => {
    const { campaign, taken } = prepared as { campaign: unknown; taken: Set<Id> };
    if (!campaign) return { skip: 'The campaign no longer exists' };
    if (lead.campaignId === params.campaignId) return { skip: 'Already in that campaign' };
    if (taken.has(lead.candidateId)) return { skip: 'Already has an application in that campaign' };
    // Two selected leads of one person: only the first moves.
    taken.add(lead.candidateId);
    return {
      lead: { ...lead, campaignId: params.campaignId },
      what: 'lead.campaignChanged',
      before: { campaignId: lead.campaignId },
      after: { campaignId: params.campaignId },
    };
  },
});

/** Create application in another campaign: a new lead in its Inbox for each person. */
export const createApplication: JobKind<CampaignParams> = {
  kind: 'createApplication',
  chunkSize: 500,
  tables: ['leads', 'campaigns', 'activities'],
  async runChunk(scope, params, from, to, job): Promise<ChunkOutcome> {
    const outcome: ChunkOutcome = { done: 0, skipped: [], failed: [] };
    const ids = params.leadIds.slice(from, to);
    const rows = await scope.db.leads.bulkGet(ids);
    if (!(await scope.db.campaigns.get(params.campaignId))) {
      return { ...outcome, skipped: ids.map((id) => ({ id, reason: 'The campaign no longer exists' })) };
    }
    const present = rows.filter((l): l is Lead => l !== undefined);
    const taken = await takenInCampaign(scope, params.campaignId, present);
    const created: Lead[] = [];
    ids.forEach((id, i) => {
      const lead = rows[i];
      if (!lead) return outcome.skipped.push({ id, reason: 'Deleted since it was selected' });
      if (taken.has(lead.candidateId)) return outcome.skipped.push({ id, reason: 'Already has an application in that campaign' });
      taken.add(lead.candidateId);
      created.push({
        id: newId(scope.now),
        ref: '',
        candidateId: lead.candidateId,
        campaignId: params.campaignId,
        folderId: 'inbox',
        source: lead.source,
        labels: [],
        attributes: {},
        answers: [],
        attachments: [],
        addedAt: scope.now,
        lastActivityAt: scope.now,
        updatedAt: scope.now,
      });
    });
    const refs = await scope.allocateRefs('lead', created.length);
    created.forEach((l, i) => (l.ref = refs[i]!));
    const activities: Activity[] = created.map((l) => ({
      id: newId(scope.now),
      at: scope.now,
      actorId: scope.actorId,
      what: 'lead.created',
      leadId: l.id,
      candidateId: l.candidateId,
      after: { campaignId: l.campaignId, folderId: l.folderId },
      jobId: job.id,
      updatedAt: scope.now,
    }));
    await scope.db.leads.bulkAdd(created);
    await scope.db.activities.bulkAdd(activities);
    scope.wroteLeads(created);
    outcome.done = created.length;
    return outcome;
  },
};

/** Delete (Owner only, checked before the job is created): applications go, people and messages stay. */
export const deleteLeads: JobKind<BulkParams> = {
  kind: 'deleteLeads',
  chunkSize: 500,
  tables: ['leads', 'activities', 'comments'],
  async runChunk(scope, params, from, to, job): Promise<ChunkOutcome> {
    const outcome: ChunkOutcome = { done: 0, skipped: [], failed: [] };
    const ids = params.leadIds.slice(from, to);
    const rows = await scope.db.leads.bulkGet(ids);
    const gone: Lead[] = [];
    ids.forEach((id, i) => {
      const lead = rows[i];
      if (lead) gone.push(lead);
      else outcome.skipped.push({ id, reason: 'Already deleted' });
    });
    const goneIds = gone.map((l) => l.id);
    await scope.db.leads.bulkDelete(goneIds);
    await scope.db.comments.where('leadId').anyOf(goneIds).delete();
    for (const id of goneIds) await scope.tombstone('leads', id);
    await scope.db.activities.bulkAdd(
      gone.map((l) => ({
        id: newId(scope.now),
        at: scope.now,
        actorId: scope.actorId,
        what: 'lead.deleted',
        leadId: l.id,
        candidateId: l.candidateId,
        before: { ref: l.ref, campaignId: l.campaignId, folderId: l.folderId },
        jobId: job.id,
        updatedAt: scope.now,
      })),
    );
    scope.deletedLeads(goneIds);
    outcome.done = gone.length;
    return outcome;
  },
};

/** Every job kind the service worker and the panel know how to run. */
export function defaultRegistry(): JobRegistry {
  return new JobRegistry()
    .register(moveToFolder)
    .register(addLabel)
    .register(removeLabel)
    .register(assign)
    .register(moveToCampaign)
    .register(createApplication)
    .register(deleteLeads)
    .register(undoJob);
}
