/**
 * The domain records of DESIGN §1, as stored in IndexedDB. Every row carries `updatedAt`
 * (epoch ms) so a sync client can compare versions; ids are client-generated ULIDs.
 * Times are epoch milliseconds (numbers index and compare faster than Date objects).
 */

export type Id = string;

export const ROLES = ['owner', 'manager', 'limited_manager'] as const;
export type Role = (typeof ROLES)[number];

export interface Workspace {
  id: Id;
  name: string;
  createdAt: number;
  updatedAt: number;
}

export interface User {
  id: Id;
  name: string;
  email: string;
  role: Role;
  /** A data: URL or https URL of a photo; initials are shown when absent. */
  avatar?: string;
  /** The User this extension acts as (local mode has exactly one). Teammates never sign in. */
  isSelf?: boolean;
  updatedAt: number;
}

export type CampaignStatus = 'open' | 'closed';

export interface Campaign {
  id: Id;
  ref: string;
  name: string;
  location: string;
  status: CampaignStatus;
  createdAt: number;
  updatedAt: number;
}

export type FolderKind = 'default' | 'custom';

export interface Folder {
  id: Id;
  name: string;
  kind: FolderKind;
  order: number;
  updatedAt: number;
}

/** Default folders, in this order; their ids are fixed so every workspace (and sync) agrees. */
export const DEFAULT_FOLDERS = [
  { id: 'inbox', name: 'Inbox' },
  { id: 'completed', name: 'Completed' },
  { id: 'shortlisted', name: 'Shortlisted' },
  { id: 'on_hold', name: 'On Hold' },
  { id: 'hired', name: 'Hired' },
  { id: 'rejected', name: 'Rejected' },
  { id: 'no_response', name: 'No Response' },
] as const;

export type DefaultFolderId = (typeof DEFAULT_FOLDERS)[number]['id'];

export interface Candidate {
  id: Id;
  ref: string;
  firstName: string;
  lastName: string;
  email?: string;
  /** E.164, e.g. +639171234567. */
  phone?: string;
  linkedinUrl?: string;
  facebookUrl?: string;
  /** A photo URL: https on LinkedIn's or Facebook's own image CDN when captured (capturePhotoUrl). */
  photo?: string;
  /** The person's own one-line description (LinkedIn's headline): free text, often a tagline. */
  headline?: string;
  /**
   * The current job title, from the current position (LinkedIn's Position, JSON-LD jobTitle,
   * Facebook's "<title> at <company>"): the title that goes with `company`, which a headline
   * ("Open to work | Python, Go") often is not.
   */
  title?: string;
  company?: string;
  location?: string;
  /** "About" from a captured profile: plain text, at most 2,000 characters. */
  about?: string;
  /** Websites the person lists: absolute http(s) URLs, at most 5. */
  websites?: string[];
  doNotContact?: { at: number; reason: string };
  lastReadAt?: number;
  externalId?: string;
  /**
   * First and last name folded (personNameKey), indexed so a name alone finds the person without
   * reading every candidate. Kept by the database itself (lib/db/schema.ts, schema v3): whatever
   * a writer puts here is replaced.
   */
  nameKey?: string;
  createdAt: number;
  updatedAt: number;
}

export interface Attachment {
  id: Id;
  name: string;
  type: string;
  size: number;
  /** Absent until the bytes are stored (e.g. an imported reference). */
  blob?: Blob;
}

export const SOURCES = [
  'LinkedIn',
  'Facebook',
  'Referral',
  'Job board',
  'Career fair',
  'Walk-in',
  'Import',
  'Manual',
] as const;

export interface Lead {
  id: Id;
  /** "Application ID", e.g. A-10423. */
  ref: string;
  candidateId: Id;
  campaignId: Id;
  folderId: Id;
  source: string;
  /** Label ids. */
  labels: Id[];
  assignedTo?: Id;
  /** Custom attribute values by attribute key. */
  attributes: Record<string, string | number>;
  answers: { question: string; answer: string }[];
  attachments: Attachment[];
  rejectReason?: string;
  /** "Date Added". */
  addedAt: number;
  /** "Last Activity" / "Last Interaction". */
  lastActivityAt: number;
  externalId?: string;
  updatedAt: number;
}

export type AttributeType = 'text' | 'number' | 'date';

export interface AttributeDef {
  key: string;
  label: string;
  type: AttributeType;
  updatedAt: number;
}

export interface Label {
  id: Id;
  name: string;
  /** Lower-cased trimmed name: unique. */
  nameKey: string;
  color: string;
  updatedAt: number;
}

export interface Comment {
  id: Id;
  leadId: Id;
  authorId: Id;
  body: string;
  createdAt: number;
  editedAt?: number;
  updatedAt: number;
}

export type Channel = 'sms' | 'facebook' | 'email' | 'whatsapp' | 'linkedin';
export type MessageKind = 'text' | 'audio' | 'video' | 'image' | 'file' | 'event';
export type MessageStatus = 'queued' | 'handed_off' | 'sent' | 'delivered' | 'failed';

export interface Message {
  id: Id;
  candidateId: Id;
  leadId?: Id;
  direction: 'inbound' | 'outbound';
  sender: 'candidate' | 'bot' | 'recruiter' | 'system';
  /** The recruiter who sent it, when sender is 'recruiter'. */
  senderUserId?: Id;
  channel: Channel;
  kind: MessageKind;
  body: string;
  subject?: string;
  attachments: Attachment[];
  status: MessageStatus;
  failureReason?: string;
  sentAt: number;
  updatedAt: number;
}

export interface QuickReply {
  id: Id;
  title: string;
  body: string;
  channels: Channel[];
  /** Personal quick replies belong to one user; shared ones have no owner. */
  ownerId?: Id;
  updatedAt: number;
}

export interface Activity {
  id: Id;
  at: number;
  /** A User id, or 'system' for automatic changes (e.g. the No Response rule). */
  actorId: string;
  what: string;
  leadId?: Id;
  candidateId?: Id;
  before?: unknown;
  after?: unknown;
  /** The bulk job that made this change, so the job can be undone. */
  jobId?: Id;
  updatedAt: number;
}

export type JobStatus = 'pending' | 'running' | 'paused' | 'done' | 'cancelled' | 'failed';

export interface Job {
  id: Id;
  kind: string;
  /** What the recruiter sees in progress bars and the job history, e.g. "Move 1,000 leads to Hired". */
  label: string;
  params: unknown;
  /** Items before this position are processed; the next chunk starts here. */
  cursor: number;
  total: number;
  counts: { done: number; skipped: number; failed: number };
  status: JobStatus;
  /** Skipped and failed items with reasons (the first MAX_JOB_ERRORS; the counts stay exact). */
  errors: { id?: Id; reason: string; kind: 'skipped' | 'failed' }[];
  /** Set by Cancel; the runner stops at the next chunk boundary. */
  cancelRequested?: boolean;
  /** Why a job stopped with status 'failed' (it can be resumed from its cursor). */
  failure?: string;
  actorId: Id;
  createdAt: number;
  finishedAt?: number;
  updatedAt: number;
}

export const MAX_JOB_ERRORS = 1000;

/** One write, as recorded for sync (DESIGN §2: every write is a named mutation). */
export interface OutboxRecord {
  id: Id;
  mutation: string;
  args: unknown;
  actorId: Id;
  at: number;
  /** 0 until the team server has acknowledged it (a number so it can be indexed). */
  synced: 0 | 1;
}

export interface Tombstone {
  /** `${table}:${id}` */
  key: string;
  table: string;
  id: Id;
  deletedAt: number;
  updatedAt: number;
}

/** Per-workspace counters behind the short refs recruiters read ("A-10423", "C-3311"). */
export interface Counter {
  name: 'lead' | 'candidate' | 'campaign';
  next: number;
}

export const REF_PREFIX: Record<Counter['name'], string> = {
  lead: 'A-',
  candidate: 'C-',
  campaign: 'J-',
};
