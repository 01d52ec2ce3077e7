import { phoneQueryDigits, type CountryCode } from '../domain/phone';
import { fold, queryWords } from '../domain/text';
import { REACH, type IndexEntry } from './entry';
import type { DateRange, Filter } from './query';

export type Predicate = (entry: IndexEntry) => boolean;

export interface FilterContext {
  /** The signed-in user, for "Assigned to me". */
  selfId: string;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Local midnight of a `YYYY-MM-DD` day, or null when the text is not such a day. */
export function dayStart(day: string): number | null {
  const m = DAY.exec(day);
  if (!m) return null;
  const date = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isNaN(date.getTime()) ? null : date.getTime();
}

function rangePredicate(range: DateRange, field: 'addedAt' | 'lastActivityAt'): Predicate | null {
  const from = range.from ? dayStart(range.from) : null;
  const toStart = range.to ? dayStart(range.to) : null;
  // Inclusive: the whole "to" day counts (the next local midnight, exclusive).
  const to = toStart === null ? null : new Date(toStart).setDate(new Date(toStart).getDate() + 1);
  if (from === null && to === null) return null;
  return (e) => (from === null || e[field] >= from) && (to === null || e[field] < to);
}

/** Compiles one filter into a predicate; an incomplete filter (no values yet) matches all. */
export function compileFilter(filter: Filter, ctx: FilterContext): Predicate | null {
  switch (filter.type) {
    case 'dateAdded':
      return rangePredicate(filter, 'addedAt');
    case 'lastActivity':
      return rangePredicate(filter, 'lastActivityAt');
    case 'source': {
      if (filter.values.length === 0) return null;
      const set = new Set(filter.values);
      return (e) => set.has(e.source);
    }
    case 'labels': {
      const ids = filter.labelIds;
      if (ids.length === 0) return null;
      if (ids.length === 1) {
        const only = ids[0]!;
        return filter.mode === 'none' ? (e) => !e.labels.includes(only) : (e) => e.labels.includes(only);
      }
      if (filter.mode === 'all') return (e) => ids.every((id) => e.labels.includes(id));
      if (filter.mode === 'none') return (e) => !ids.some((id) => e.labels.includes(id));
      return (e) => ids.some((id) => e.labels.includes(id));
    }
    case 'assigned': {
      const v = filter.value;
      if (v === 'me') return (e) => e.assignedTo === ctx.selfId;
      if (v === 'anyone') return (e) => e.assignedTo !== null;
      if (v === 'unassigned') return (e) => e.assignedTo === null;
      return (e) => e.assignedTo === v;
    }
    case 'location': {
      const words = queryWords(filter.text);
      if (words.length === 0) return null;
      return (e) => words.every((w) => e.candidate.location.includes(w));
    }
    case 'hasAttachment':
      return (e) => e.hasAttachment === filter.value;
    case 'reachable': {
      const bit = REACH[filter.channel];
      return (e) => (e.candidate.reach & bit) !== 0;
    }
    case 'attribute': {
      const key = filter.key;
      const want = fold(filter.value.trim());
      if (!key || !want) return null;
      return (e) => {
        const v = e.attributes[key];
        return v !== undefined && fold(String(v)) === want;
      };
    }
  }
}

/**
 * The search box: every word must be found in the candidate's names, email or refs (or the
 * lead's application ref / external id). A phone-like query is compared as a national number.
 */
export function compileSearch(query: string, country: CountryCode): Predicate | null {
  const words = queryWords(query);
  if (words.length === 0) return null;
  const digits = phoneQueryDigits(query, country);
  if (digits !== null) {
    const raw = query.trim().toLowerCase();
    return (e) => e.candidate.digits.includes(digits) || e.text.includes(raw);
  }
  if (words.length === 1) {
    const w = words[0]!;
    return (e) => e.text.includes(w);
  }
  return (e) => {
    for (const w of words) if (!e.text.includes(w)) return false;
    return true;
  };
}
