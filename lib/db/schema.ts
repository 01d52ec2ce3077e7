import { Dexie, type EntityTable, type Table } from 'dexie';
import type {
  Activity,
  AttributeDef,
  Campaign,
  Candidate,
  Comment,
  Counter,
  Folder,
  Job,
  Label,
  Lead,
  Message,
  OutboxRecord,
  QuickReply,
  Tombstone,
  User,
  Workspace,
} from '../domain/model';
import { personNameKey } from '../domain/text';
import { ChangeHub } from './changes';

export const DB_NAME = 'leadside';

/**
 * Version 1 of the schema. Each later change is a new `version(n).stores(...)` step (with an
 * `upgrade()` and a test that opens the old version with data), never an edit of this one.
 */
export const SCHEMA_V1: Record<string, string> = {
  workspaces: 'id',
  users: 'id, email',
  campaigns: 'id, ref, status',
  folders: 'id, order',
  candidates: 'id, ref, email, phone, linkedinUrl, facebookUrl, externalId',
  // [addedAt+id] lets the list's first page be read newest-first before the index is hydrated.
  leads: 'id, ref, candidateId, campaignId, folderId, [candidateId+campaignId], [addedAt+id], externalId',
  attributeDefs: 'key',
  labels: 'id, &nameKey',
  comments: 'id, leadId',
  messages: 'id, candidateId, [candidateId+sentAt], leadId',
  quickReplies: 'id',
  activities: 'id, leadId, candidateId, at',
  jobs: 'id, status',
  outbox: 'id, synced',
  tombstones: 'key, table',
  counters: 'name',
};

/**
 * Version 2: `*labels` (multiEntry) on leads, so the leads carrying a label are found and
 * counted without reading every lead (deleting a label says how many it is on, and removes it);
 * `jobId` on activities, so a bulk job's changes can be undone.
 * Indexes only: no row changes, so no upgrade(); IndexedDB builds the index from the rows.
 */
export const SCHEMA_V2: Record<string, string> = {
  leads: `${SCHEMA_V1.leads}, *labels`,
  // The changes a bulk job made, so Undo can find and reverse exactly those.
  activities: `${SCHEMA_V1.activities}, jobId`,
};

/**
 * Version 3: `nameKey` on candidates (first and last name folded), so a name alone — what a
 * WhatsApp or Messenger conversation shows for a saved contact — finds the person through an
 * index instead of reading every candidate (1.4 s at 100k before). The field is kept by the
 * database itself (the `leadside-candidate-name-key` middleware below), so every write path
 * (mutations, import, restore, sample data) has it without knowing; the upgrade fills it in.
 */
export const SCHEMA_V3: Record<string, string> = {
  candidates: `${SCHEMA_V1.candidates}, nameKey`,
};

/** The row as stored: with its nameKey, a new object only when the key was missing or stale. */
function withNameKey(value: unknown): unknown {
  if (!value || typeof value !== 'object') return value;
  const c = value as Partial<Candidate>;
  const key = personNameKey(typeof c.firstName === 'string' ? c.firstName : '', typeof c.lastName === 'string' ? c.lastName : '');
  return c.nameKey === key ? value : { ...c, nameKey: key };
}

export class LeadsideDB extends Dexie {
  workspaces!: EntityTable<Workspace, 'id'>;
  users!: EntityTable<User, 'id'>;
  campaigns!: EntityTable<Campaign, 'id'>;
  folders!: EntityTable<Folder, 'id'>;
  candidates!: EntityTable<Candidate, 'id'>;
  leads!: EntityTable<Lead, 'id'>;
  attributeDefs!: EntityTable<AttributeDef, 'key'>;
  labels!: EntityTable<Label, 'id'>;
  comments!: EntityTable<Comment, 'id'>;
  messages!: EntityTable<Message, 'id'>;
  quickReplies!: EntityTable<QuickReply, 'id'>;
  activities!: EntityTable<Activity, 'id'>;
  jobs!: EntityTable<Job, 'id'>;
  outbox!: EntityTable<OutboxRecord, 'id'>;
  tombstones!: EntityTable<Tombstone, 'key'>;
  counters!: Table<Counter, Counter['name']>;

  /** Committed changes, from this context and (once wired by lib/platform) from the others. */
  readonly changes = new ChangeHub();

  constructor(name = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores(SCHEMA_V1);
    this.version(2).stores(SCHEMA_V2);
    this.version(3)
      .stores(SCHEMA_V3)
      .upgrade((tx) =>
        tx
          .table('candidates')
          .toCollection()
          .modify((c: Candidate) => {
            c.nameKey = personNameKey(c.firstName ?? '', c.lastName ?? '');
          }),
      );
    // Notes which tables a transaction really writes (mutate() announces those, not the ones it
    // only read): every put, add and delete passes through DBCore's `mutate`.
    this.use({
      stack: 'dbcore',
      name: 'leadside-written-tables',
      create: (down) => ({
        ...down,
        table: (tableName) => {
          const table = down.table(tableName);
          return {
            ...table,
            mutate: (req) => {
              writtenTables.get(req.trans)?.add(tableName);
              return table.mutate(req);
            },
          };
        },
      }),
    });
    // Every candidate written carries its folded name (SCHEMA_V3), whoever wrote it.
    this.use({
      stack: 'dbcore',
      name: 'leadside-candidate-name-key',
      create: (down) => ({
        ...down,
        table: (tableName) => {
          const table = down.table(tableName);
          if (tableName !== 'candidates') return table;
          return {
            ...table,
            mutate: (req) => (req.type === 'add' || req.type === 'put' ? table.mutate({ ...req, values: req.values.map(withNameKey) }) : table.mutate(req)),
          };
        },
      }),
    });
  }
}

/** Per open transaction (DBCore's transaction object): the tables written so far, when tracked. */
export const writtenTables = new WeakMap<object, Set<string>>();

export type TableName = keyof typeof SCHEMA_V1;
