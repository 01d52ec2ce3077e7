import type { Id } from '../domain/model';

/** Stands for "a campaign or folder that no longer exists" in pickers and queries. */
export const UNKNOWN = '__unknown__';

export type SortKey = 'addedAt' | 'lastActivityAt';
export type SortDir = 'asc' | 'desc';

/** Dates are local calendar days, `YYYY-MM-DD`, inclusive at both ends. */
export interface DateRange {
  from?: string;
  to?: string;
}

export type Filter =
  | ({ type: 'dateAdded' } & DateRange)
  | ({ type: 'lastActivity' } & DateRange)
  | { type: 'source'; values: string[] }
  | { type: 'labels'; mode: 'any' | 'all' | 'none'; labelIds: Id[] }
  /** 'me', 'anyone' (assigned to somebody), 'unassigned', or a User id. */
  | { type: 'assigned'; value: string }
  | { type: 'location'; text: string }
  | { type: 'hasAttachment'; value: boolean }
  | { type: 'reachable'; channel: 'phone' | 'email' | 'facebook' }
  | { type: 'attribute'; key: string; value: string };

export type FilterType = Filter['type'];

export interface LeadQuery {
  /** null: every campaign. May hold UNKNOWN. */
  campaignIds: Id[] | null;
  /** null: every folder. May be UNKNOWN. */
  folderId: Id | null;
  filters: Filter[];
  search: string;
  sort: { key: SortKey; dir: SortDir };
}

export const DEFAULT_QUERY: LeadQuery = {
  campaignIds: null,
  folderId: null,
  filters: [],
  search: '',
  sort: { key: 'addedAt', dir: 'desc' },
};
