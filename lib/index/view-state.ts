import { isRecord } from '../domain/settings';
import type { Filter, LeadQuery, SortDir, SortKey } from './query';
import { DEFAULT_QUERY } from './query';

/** What the Leads tab restores when the panel reopens. */
export interface ViewState {
  campaignIds: string[] | null;
  folderId: string | null;
  /** Filters being edited ("staged") and the ones the list shows ("applied", set by Search). */
  staged: Filter[];
  applied: Filter[];
  search: string;
  sort: { key: SortKey; dir: SortDir };
}

export const DEFAULT_VIEW: ViewState = {
  campaignIds: null,
  folderId: null,
  staged: [],
  applied: [],
  search: '',
  sort: { ...DEFAULT_QUERY.sort },
};

const MAX_SEARCH = 200;
const MAX_FILTERS = 30;

const isString = (v: unknown): v is string => typeof v === 'string';
const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every(isString);
const optionalDay = (v: unknown) => v === undefined || (isString(v) && /^\d{4}-\d{2}-\d{2}$/.test(v));

/** A stored filter that is well-formed, or null (dropped). */
export function parseFilter(raw: unknown): Filter | null {
  if (!isRecord(raw) || !isString(raw.type)) return null;
  switch (raw.type) {
    case 'dateAdded':
    case 'lastActivity':
      if (!optionalDay(raw.from) || !optionalDay(raw.to)) return null;
      return {
        type: raw.type,
        ...(raw.from ? { from: raw.from as string } : {}),
        ...(raw.to ? { to: raw.to as string } : {}),
      };
    case 'source':
      return isStringArray(raw.values) ? { type: 'source', values: raw.values } : null;
    case 'labels':
      return isStringArray(raw.labelIds) && (raw.mode === 'any' || raw.mode === 'all' || raw.mode === 'none')
        ? { type: 'labels', mode: raw.mode, labelIds: raw.labelIds }
        : null;
    case 'assigned':
      return isString(raw.value) ? { type: 'assigned', value: raw.value } : null;
    case 'location':
      return isString(raw.text) ? { type: 'location', text: raw.text.slice(0, MAX_SEARCH) } : null;
    case 'hasAttachment':
      return typeof raw.value === 'boolean' ? { type: 'hasAttachment', value: raw.value } : null;
    case 'reachable':
      return raw.channel === 'phone' || raw.channel === 'email' || raw.channel === 'facebook'
        ? { type: 'reachable', channel: raw.channel }
        : null;
    case 'attribute':
      return isString(raw.key) && isString(raw.value) ? { type: 'attribute', key: raw.key, value: raw.value } : null;
    default:
      return null;
  }
}

function parseFilters(raw: unknown): Filter[] {
  if (!Array.isArray(raw)) return [];
  return raw
    .slice(0, MAX_FILTERS)
    .map(parseFilter)
    .filter((f): f is Filter => f !== null);
}

/** Restores a saved view; anything malformed falls back to the default for that part. */
export function parseViewState(raw: unknown): ViewState {
  if (!isRecord(raw)) return structuredClone(DEFAULT_VIEW);
  const sort = isRecord(raw.sort) ? raw.sort : {};
  return {
    campaignIds: isStringArray(raw.campaignIds) && raw.campaignIds.length > 0 ? raw.campaignIds : null,
    folderId: isString(raw.folderId) ? raw.folderId : null,
    staged: parseFilters(raw.staged),
    applied: parseFilters(raw.applied),
    search: isString(raw.search) ? raw.search.slice(0, MAX_SEARCH) : '',
    sort: {
      key: sort.key === 'lastActivityAt' ? 'lastActivityAt' : 'addedAt',
      dir: sort.dir === 'asc' ? 'asc' : 'desc',
    },
  };
}

export function toQuery(view: ViewState): LeadQuery {
  return {
    campaignIds: view.campaignIds,
    folderId: view.folderId,
    filters: view.applied,
    search: view.search,
    sort: view.sort,
  };
}
