import type {
  AttributeDef,
  Campaign,
  Candidate,
  Folder,
  Label,
  Lead,
  Message,
  QuickReply,
  User,
} from '../../domain/model';
import { mutate, type MutationContext } from '../mutate';

/**
 * A batch of related records, as sample data, the benchmark generator and (later) restores
 * produce them. Rows whose `ref` is empty get the next refs of the workspace.
 */
export interface Dataset {
  users?: User[];
  campaigns?: Campaign[];
  folders?: Folder[];
  labels?: Label[];
  attributeDefs?: AttributeDef[];
  candidates?: Candidate[];
  leads?: Lead[];
  messages?: Message[];
  quickReplies?: QuickReply[];
}

export interface DatasetCounts {
  campaigns: number;
  candidates: number;
  leads: number;
  messages: number;
}

/**
 * Writes a whole dataset in one transaction: a quota error (or any other) leaves nothing of it
 * behind. `recordArgs: false` keeps the outbox record to counts, for generated benchmark data.
 */
export async function insertDataset(
  ctx: MutationContext,
  data: Dataset,
  options: { mutation?: string; recordArgs?: boolean } = {},
): Promise<DatasetCounts> {
  const counts: DatasetCounts = {
    campaigns: data.campaigns?.length ?? 0,
    candidates: data.candidates?.length ?? 0,
    leads: data.leads?.length ?? 0,
    messages: data.messages?.length ?? 0,
  };
  const args = options.recordArgs === false ? { counts } : data;
  return mutate(
    ctx,
    options.mutation ?? 'insertDataset',
    args,
    ['users', 'campaigns', 'folders', 'labels', 'attributeDefs', 'candidates', 'leads', 'messages', 'quickReplies'],
    async (scope) => {
      const { db } = scope;
      await assignRefs(data.campaigns, (n) => scope.allocateRefs('campaign', n));
      await assignRefs(data.candidates, (n) => scope.allocateRefs('candidate', n));
      await assignRefs(data.leads, (n) => scope.allocateRefs('lead', n));
      if (data.users?.length) await db.users.bulkPut(data.users);
      if (data.campaigns?.length) await db.campaigns.bulkPut(data.campaigns);
      if (data.folders?.length) await db.folders.bulkPut(data.folders);
      if (data.labels?.length) await db.labels.bulkPut(data.labels);
      if (data.attributeDefs?.length) await db.attributeDefs.bulkPut(data.attributeDefs);
      if (data.candidates?.length) await db.candidates.bulkPut(data.candidates);
      if (data.leads?.length) await db.leads.bulkPut(data.leads);
      if (data.messages?.length) await db.messages.bulkPut(data.messages);
      if (data.quickReplies?.length) await db.quickReplies.bulkPut(data.quickReplies);
      scope.wroteCandidates(data.candidates ?? []);
      scope.wroteLeads(data.leads ?? []);
      return counts;
    },
  );
}

async function assignRefs<T extends { ref: string }>(
  rows: T[] | undefined,
  allocate: (n: number) => Promise<string[]>,
): Promise<void> {
  if (!rows) return;
  const missing = rows.filter((r) => !r.ref);
  if (missing.length === 0) return;
  const refs = await allocate(missing.length);
  missing.forEach((row, i) => (row.ref = refs[i]!));
}
