/**
 * Test factories: one per entity, each returning a complete, valid row whose fields a test
 * overrides only where they matter to it. Ids are unique and increase in creation order, so
 * sorting by id is predictable; refs are unique too (pass `ref: ''` to let insertDataset
 * allocate one).
 */
import type {
  Activity,
  Attachment,
  AttributeDef,
  Campaign,
  Candidate,
  Comment,
  Folder,
  Job,
  Label,
  Lead,
  Message,
  QuickReply,
  User,
  Workspace,
} from '../lib/domain/model';
import { LeadsideDB } from '../lib/db/schema';
import { personNameKey } from '../lib/domain/text';
import { candidateView, leadEntry, type IndexEntry } from '../lib/index/entry';

/** 2024-01-15 12:00 UTC: the default creation time of every factory row. */
export const BASE_TIME = Date.UTC(2024, 0, 15, 12, 0, 0);

let seq = 0;
/** A unique id that sorts after every id made before it, e.g. `lead_000042`. */
export function nextId(prefix: string): string {
  seq++;
  return `${prefix}_${String(seq).padStart(6, '0')}`;
}

function nextNumber(): number {
  seq++;
  return seq;
}

export function makeWorkspace(overrides: Partial<Workspace> = {}): Workspace {
  return { id: nextId('ws'), name: 'Test workspace', createdAt: BASE_TIME, updatedAt: BASE_TIME, ...overrides };
}

export function makeUser(overrides: Partial<User> = {}): User {
  const n = nextNumber();
  return {
    id: `user_${String(n).padStart(6, '0')}`,
    name: `Recruiter ${n}`,
    email: `recruiter${n}@example.com`,
    role: 'manager',
    updatedAt: BASE_TIME,
    ...overrides,
  };
}

export function makeCampaign(overrides: Partial<Campaign> = {}): Campaign {
  const n = nextNumber();
  return {
    id: `camp_${String(n).padStart(6, '0')}`,
    ref: `J-${n}`,
    name: `Job ${n}`,
    location: 'Manila',
    status: 'open',
    createdAt: BASE_TIME,
    updatedAt: BASE_TIME,
    ...overrides,
  };
}

export function makeFolder(overrides: Partial<Folder> = {}): Folder {
  const n = nextNumber();
  return {
    id: `folder_${String(n).padStart(6, '0')}`,
    name: `Folder ${n}`,
    kind: 'custom',
    order: 100 + n,
    updatedAt: BASE_TIME,
    ...overrides,
  };
}

/** A candidate as the database holds it: with the nameKey it keeps for every candidate (schema v3). */
export function stored(c: Candidate): Candidate {
  return { ...c, nameKey: personNameKey(c.firstName, c.lastName) };
}

export function makeCandidate(overrides: Partial<Candidate> = {}): Candidate {
  const n = nextNumber();
  return {
    id: `cand_${String(n).padStart(6, '0')}`,
    ref: `C-${n}`,
    firstName: `First${n}`,
    lastName: `Last${n}`,
    createdAt: BASE_TIME,
    updatedAt: BASE_TIME,
    ...overrides,
  };
}

export function makeAttachment(overrides: Partial<Attachment> = {}): Attachment {
  return { id: nextId('att'), name: 'resume.pdf', type: 'application/pdf', size: 1024, ...overrides };
}

export function makeLead(overrides: Partial<Lead> = {}): Lead {
  const n = nextNumber();
  return {
    id: `lead_${String(n).padStart(6, '0')}`,
    ref: `A-${n}`,
    candidateId: nextId('cand'),
    campaignId: nextId('camp'),
    folderId: 'inbox',
    source: 'Manual',
    labels: [],
    attributes: {},
    answers: [],
    attachments: [],
    addedAt: BASE_TIME,
    lastActivityAt: BASE_TIME,
    updatedAt: BASE_TIME,
    ...overrides,
  };
}

export function makeLabel(overrides: Partial<Label> = {}): Label {
  const n = nextNumber();
  const name = overrides.name ?? `Label ${n}`;
  return {
    id: `label_${String(n).padStart(6, '0')}`,
    name,
    nameKey: name.trim().toLowerCase(),
    color: '#3366ff',
    updatedAt: BASE_TIME,
    ...overrides,
  };
}

export function makeAttributeDef(overrides: Partial<AttributeDef> = {}): AttributeDef {
  const n = nextNumber();
  return { key: `attr_${n}`, label: `Attribute ${n}`, type: 'text', updatedAt: BASE_TIME, ...overrides };
}

export function makeComment(overrides: Partial<Comment> = {}): Comment {
  return {
    id: nextId('comment'),
    leadId: nextId('lead'),
    authorId: nextId('user'),
    body: 'A note',
    createdAt: BASE_TIME,
    updatedAt: BASE_TIME,
    ...overrides,
  };
}

export function makeMessage(overrides: Partial<Message> = {}): Message {
  return {
    id: nextId('msg'),
    candidateId: nextId('cand'),
    direction: 'outbound',
    sender: 'recruiter',
    channel: 'sms',
    kind: 'text',
    body: 'Hello',
    attachments: [],
    status: 'sent',
    sentAt: BASE_TIME,
    updatedAt: BASE_TIME,
    ...overrides,
  };
}

export function makeQuickReply(overrides: Partial<QuickReply> = {}): QuickReply {
  const n = nextNumber();
  return {
    id: `qr_${String(n).padStart(6, '0')}`,
    title: `Reply ${n}`,
    body: 'Hi {{candidate_name}}',
    channels: ['sms'],
    updatedAt: BASE_TIME,
    ...overrides,
  };
}

export function makeActivity(overrides: Partial<Activity> = {}): Activity {
  return {
    id: nextId('act'),
    at: BASE_TIME,
    actorId: 'system',
    what: 'lead.moved',
    updatedAt: BASE_TIME,
    ...overrides,
  };
}

export function makeJob(overrides: Partial<Job> = {}): Job {
  return {
    id: nextId('job'),
    kind: 'bulkMove',
    label: 'Bulk move',
    actorId: 'user_self',
    params: {},
    cursor: 0,
    total: 0,
    counts: { done: 0, skipped: 0, failed: 0 },
    status: 'pending',
    errors: [],
    createdAt: BASE_TIME,
    updatedAt: BASE_TIME,
    ...overrides,
  };
}

/** A fresh, empty database of its own (fake-indexeddb in unit tests). Delete it after use. */
export function makeDb(): LeadsideDB {
  return new LeadsideDB(`t-${crypto.randomUUID()}`);
}

/**
 * An index entry as the live index builds it: a lead (with `lead` overrides) of a candidate
 * (with `candidate` overrides), projected by leadEntry/candidateView.
 */
export function makeEntry(lead: Partial<Lead> = {}, candidate: Partial<Candidate> = {}): IndexEntry {
  const c = makeCandidate(candidate);
  return leadEntry(makeLead({ candidateId: c.id, ...lead }), candidateView(c));
}
