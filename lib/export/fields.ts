/**
 * What General Export can write: one column per field, one row per lead. Pure: the caller
 * gathers the records (leads, candidates, names, counts) and passes them in.
 */
import type { AttributeDef, Campaign, Candidate, Folder, Id, Label, Lead, User } from '../domain/model';

/** 'date' is an instant (shown in local time); 'day' a calendar date with no time or zone (a date attribute). */
export type CellKind = 'text' | 'number' | 'date' | 'day' | 'phone';

export interface ExportField {
  /** Stable key: 'ref', 'email', 'attr:<key>'… */
  key: string;
  header: string;
  kind: CellKind;
}

/** A cell before formatting: text, a number, a time (epoch ms, for 'date' fields; UTC midnight of the day, for 'day' fields), or empty. */
export type Cell = string | number | null;

export const BASE_FIELDS: readonly ExportField[] = [
  { key: 'ref', header: 'Application ID', kind: 'text' },
  { key: 'candidateRef', header: 'Candidate ID', kind: 'text' },
  { key: 'firstName', header: 'First name', kind: 'text' },
  { key: 'lastName', header: 'Last name', kind: 'text' },
  { key: 'email', header: 'Email', kind: 'text' },
  { key: 'phone', header: 'Phone', kind: 'phone' },
  { key: 'linkedinUrl', header: 'LinkedIn', kind: 'text' },
  { key: 'facebookUrl', header: 'Facebook', kind: 'text' },
  { key: 'headline', header: 'Headline', kind: 'text' },
  { key: 'title', header: 'Job title', kind: 'text' },
  { key: 'company', header: 'Company', kind: 'text' },
  { key: 'location', header: 'Location', kind: 'text' },
  { key: 'about', header: 'About', kind: 'text' },
  { key: 'websites', header: 'Websites', kind: 'text' },
  { key: 'campaign', header: 'Campaign', kind: 'text' },
  { key: 'campaignRef', header: 'Campaign ID', kind: 'text' },
  { key: 'folder', header: 'Folder', kind: 'text' },
  { key: 'source', header: 'Source', kind: 'text' },
  { key: 'labels', header: 'Labels', kind: 'text' },
  { key: 'assignedTo', header: 'Assigned to', kind: 'text' },
  { key: 'addedAt', header: 'Date Added', kind: 'date' },
  { key: 'lastActivityAt', header: 'Last Activity', kind: 'date' },
  { key: 'rejectReason', header: 'Reject reason', kind: 'text' },
  { key: 'commentCount', header: 'Comments', kind: 'number' },
  { key: 'lastMessageAt', header: 'Last message', kind: 'date' },
  { key: 'externalId', header: 'External ID', kind: 'text' },
  { key: 'doNotContact', header: 'Do not contact', kind: 'text' },
];

const ATTR_PREFIX = 'attr:';

export function attributeFields(defs: readonly AttributeDef[]): ExportField[] {
  return defs.map((d) => ({ key: ATTR_PREFIX + d.key, header: d.label, kind: d.type === 'number' ? 'number' : d.type === 'date' ? 'day' : 'text' }));
}

/** Every field, base fields first, then the workspace's custom attributes. */
export function allFields(defs: readonly AttributeDef[]): ExportField[] {
  return [...BASE_FIELDS, ...attributeFields(defs)];
}

/** The fields chosen by key, in the order of `allFields` (unknown keys are ignored). */
export function pickFields(defs: readonly AttributeDef[], keys: readonly string[] | null): ExportField[] {
  const all = allFields(defs);
  if (!keys) return all;
  const wanted = new Set(keys);
  return all.filter((f) => wanted.has(f.key));
}

/** Names and counts a row needs besides the lead and its candidate. */
export interface RowContext {
  campaigns: ReadonlyMap<Id, Pick<Campaign, 'name' | 'ref'>>;
  folders: ReadonlyMap<Id, Pick<Folder, 'name'>>;
  labels: ReadonlyMap<Id, Pick<Label, 'name'>>;
  users: ReadonlyMap<Id, Pick<User, 'name'>>;
  commentCounts: ReadonlyMap<Id, number>;
  /** Last message time by candidate id. */
  lastMessageAt: ReadonlyMap<Id, number>;
}

function dateValue(value: string | number | undefined): Cell {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value) {
    const t = Date.parse(value);
    return Number.isNaN(t) ? value : t;
  }
  return null;
}

/**
 * A date attribute ("2025-03-14", as the date input stores it) as UTC midnight of that day, so
 * it is the same day in every time zone; anything else parsed as it is, or kept as text.
 */
function dayValue(value: string | number): Cell {
  if (typeof value === 'number') return value;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (m) {
    const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
    const d = new Date(ms);
    // 2025-02-30 is not a day: keep what was typed.
    return d.getUTCMonth() === Number(m[2]) - 1 ? ms : value;
  }
  return dateValue(value);
}

function cellOf(field: ExportField, lead: Lead, c: Candidate | undefined, ctx: RowContext): Cell {
  if (field.key.startsWith(ATTR_PREFIX)) {
    const v = lead.attributes[field.key.slice(ATTR_PREFIX.length)];
    if (v === undefined || v === '') return null;
    if (field.kind === 'day') return dayValue(v);
    if (field.kind === 'number') return typeof v === 'number' ? v : Number.isFinite(Number(v)) && v.trim() !== '' ? Number(v) : v;
    return String(v);
  }
  switch (field.key) {
    case 'ref':
      return lead.ref;
    case 'candidateRef':
      return c?.ref ?? null;
    case 'firstName':
      return c?.firstName ?? null;
    case 'lastName':
      return c?.lastName ?? null;
    case 'email':
      return c?.email ?? null;
    case 'phone':
      return c?.phone ?? null;
    case 'linkedinUrl':
      return c?.linkedinUrl ?? null;
    case 'facebookUrl':
      return c?.facebookUrl ?? null;
    case 'headline':
      return c?.headline ?? null;
    case 'title':
      return c?.title ?? null;
    case 'company':
      return c?.company ?? null;
    case 'location':
      return c?.location ?? null;
    case 'about':
      return c?.about ?? null;
    case 'websites':
      return c?.websites?.join('\n') || null;
    case 'campaign':
      return ctx.campaigns.get(lead.campaignId)?.name ?? null;
    case 'campaignRef':
      return ctx.campaigns.get(lead.campaignId)?.ref ?? null;
    case 'folder':
      return ctx.folders.get(lead.folderId)?.name ?? null;
    case 'source':
      return lead.source || null;
    case 'labels':
      return lead.labels.map((id) => ctx.labels.get(id)?.name).filter(Boolean).join(', ') || null;
    case 'assignedTo':
      return lead.assignedTo ? (ctx.users.get(lead.assignedTo)?.name ?? null) : null;
    case 'addedAt':
      return lead.addedAt;
    case 'lastActivityAt':
      return lead.lastActivityAt;
    case 'rejectReason':
      return lead.rejectReason ?? null;
    case 'commentCount':
      return ctx.commentCounts.get(lead.id) ?? 0;
    case 'lastMessageAt':
      return ctx.lastMessageAt.get(lead.candidateId) ?? null;
    case 'externalId':
      return lead.externalId ?? c?.externalId ?? null;
    case 'doNotContact':
      return c?.doNotContact ? c.doNotContact.reason || 'Yes' : null;
    default:
      return null;
  }
}

/** One lead as one row of cells, in the order of `fields`. */
export function buildRow(fields: readonly ExportField[], lead: Lead, candidate: Candidate | undefined, ctx: RowContext): Cell[] {
  return fields.map((f) => cellOf(f, lead, candidate, ctx));
}

/** Which leads go out: empty lists mean "all". */
export interface ExportFilter {
  campaignIds: Id[];
  folderIds: Id[];
  /** Date Added, inclusive, epoch ms. */
  addedFrom?: number;
  addedTo?: number;
  /** "Export selected": exactly these leads (other criteria still apply). */
  leadIds?: Id[];
}

export function leadMatches(filter: ExportFilter, lead: Pick<Lead, 'id' | 'campaignId' | 'folderId' | 'addedAt'>): boolean {
  if (filter.campaignIds.length > 0 && !filter.campaignIds.includes(lead.campaignId)) return false;
  if (filter.folderIds.length > 0 && !filter.folderIds.includes(lead.folderId)) return false;
  if (filter.addedFrom !== undefined && lead.addedAt < filter.addedFrom) return false;
  if (filter.addedTo !== undefined && lead.addedAt > filter.addedTo) return false;
  return true;
}

/** "Leadside Acme Recruiting 2025-03-14.xlsx": workspace name (file-safe) and local date. */
export function exportFileName(workspace: string, at: Date, ext: 'xlsx' | 'csv', what = 'export'): string {
  // eslint-disable-next-line no-control-regex -- control characters are not allowed in file names
  const safe = workspace.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 60) || 'Workspace';
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
  return `Leadside ${safe} ${what} ${day}.${ext}`;
}
