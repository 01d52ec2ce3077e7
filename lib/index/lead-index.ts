import type { Id } from '../domain/model';
import type { CountryCode } from '../domain/phone';
import type { CandidateView, IndexEntry } from './entry';
import { compileFilter, compileSearch, type FilterContext, type Predicate } from './filters';
import { UNKNOWN, type LeadQuery, type SortKey } from './query';

export interface QueryResult {
  /** Matching leads in the requested order. */
  entries: IndexEntry[];
  total: number;
}

/** Folder counts for a set of campaigns: folder id → number of leads; UNKNOWN for lost folders. */
export type FolderCounts = Map<Id, number>;

function compare(key: SortKey) {
  return (a: IndexEntry, b: IndexEntry): number => a[key] - b[key] || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
const byAdded = compare('addedAt');
const byActivity = compare('lastActivityAt');

/**
 * The in-memory lead index (DESIGN §2): a compact projection of every lead, kept in two sorted
 * orders so that a query is one pass that needs no sort, and per-(campaign, folder) counts kept
 * incrementally. One lead changing updates one entry; nothing is ever rebuilt for it.
 */
export class LeadIndex {
  private readonly byId = new Map<Id, IndexEntry>();
  private readonly candidates = new Map<Id, CandidateView>();
  private readonly leadsOfCandidate = new Map<Id, Set<Id>>();
  /** Ascending by (addedAt, id) and by (lastActivityAt, id). Always sorted. */
  private added: IndexEntry[] = [];
  private activity: IndexEntry[] = [];
  private readonly counts = new Map<Id, Map<Id, number>>();
  private knownCampaigns: Set<Id> | null = null;
  private knownFolders: Set<Id> | null = null;
  private version = 0;

  constructor(
    private readonly country: () => CountryCode,
    private readonly ctx: () => FilterContext,
  ) {}

  get size(): number {
    return this.byId.size;
  }

  /** Bumped on every change: views compare it to know when to re-run their query. */
  get revision(): number {
    return this.version;
  }

  get(id: Id): IndexEntry | undefined {
    return this.byId.get(id);
  }

  candidate(id: Id): CandidateView | undefined {
    return this.candidates.get(id);
  }

  /** Which campaigns and folders exist: leads pointing elsewhere count as UNKNOWN. */
  setCatalog(campaignIds: Iterable<Id>, folderIds: Iterable<Id>): void {
    this.knownCampaigns = new Set(campaignIds);
    this.knownFolders = new Set(folderIds);
    this.version++;
  }

  putCandidate(view: CandidateView): void {
    this.candidates.set(view.id, view);
    const leads = this.leadsOfCandidate.get(view.id);
    if (leads) {
      for (const id of leads) {
        const entry = this.byId.get(id)!;
        entry.candidate = view;
        entry.text = `${entry.leadText}\n${view.text}`;
      }
    }
    this.version++;
  }

  /**
   * Bulk load during hydration: the chunk is sorted on its own (small) and merged into both
   * orders in one linear pass, so no single step ever sorts the whole index.
   */
  load(entries: readonly IndexEntry[]): void {
    // A lead given twice is loaded once, as given last: a fresh entry is only merged into the
    // orders at the end, so a second copy could not replace it there.
    const latest = new Map<Id, IndexEntry>();
    for (const entry of entries) latest.set(entry.id, entry);
    const fresh: IndexEntry[] = [];
    for (const entry of latest.size === entries.length ? entries : latest.values()) {
      if (this.byId.has(entry.id)) {
        this.upsert(entry);
        continue;
      }
      this.byId.set(entry.id, entry);
      this.linkCandidate(entry);
      this.count(entry, 1);
      fresh.push(entry);
    }
    if (fresh.length > 0) {
      this.added = mergeSorted(this.added, fresh.slice().sort(byAdded), byAdded);
      this.activity = mergeSorted(this.activity, fresh.sort(byActivity), byActivity);
    }
    this.version++;
  }

  /** Adds or replaces one lead, keeping both orders sorted (binary search, one splice each). */
  upsert(entry: IndexEntry): void {
    const old = this.byId.get(entry.id);
    if (old && this.replaceInPlace(old, entry)) {
      this.version++;
      return;
    }
    if (old) this.detach(old);
    this.byId.set(entry.id, entry);
    this.linkCandidate(entry);
    insertSorted(this.added, entry, byAdded);
    insertSorted(this.activity, entry, byActivity);
    this.count(entry, 1);
    this.version++;
  }

  /**
   * Adds or replaces many leads. A lead whose sort keys did not change (a bulk move, label or
   * assignment) takes its old entry's place in both orders: two binary searches, nothing copied.
   * For the others, past a few dozen, one linear pass (drop the old entries, merge the new
   * ones) beats a binary-search splice per lead.
   */
  upsertMany(entries: readonly IndexEntry[]): void {
    if (entries.length < 64) {
      for (const entry of entries) this.upsert(entry);
      return;
    }
    const rest: IndexEntry[] = [];
    /** Ids left to the linear pass: a later duplicate in the batch must follow them there. */
    const deferred = new Set<Id>();
    let inPlace = 0;
    for (const entry of entries) {
      const old = deferred.has(entry.id) ? undefined : this.byId.get(entry.id);
      if (old && this.replaceInPlace(old, entry)) {
        inPlace++;
        continue;
      }
      deferred.add(entry.id);
      rest.push(entry);
    }
    if (inPlace > 0) this.version++;
    if (rest.length < 64) {
      for (const entry of rest) this.upsert(entry);
      return;
    }
    const replaced = new Set<IndexEntry>();
    for (const entry of rest) {
      const old = this.byId.get(entry.id);
      if (!old) continue;
      replaced.add(old);
      this.byId.delete(old.id);
      this.leadsOfCandidate.get(old.candidate.id)?.delete(old.id);
      this.count(old, -1);
    }
    if (replaced.size > 0) {
      this.added = this.added.filter((e) => !replaced.has(e));
      this.activity = this.activity.filter((e) => !replaced.has(e));
    }
    this.load(rest);
  }

  remove(id: Id): void {
    const old = this.byId.get(id);
    if (!old) return;
    this.detach(old);
    this.version++;
  }

  removeCandidate(id: Id): void {
    for (const leadId of [...(this.leadsOfCandidate.get(id) ?? [])]) this.remove(leadId);
    this.candidates.delete(id);
    this.version++;
  }

  leadIdsOfCandidate(id: Id): Id[] {
    return [...(this.leadsOfCandidate.get(id) ?? [])];
  }

  query(q: LeadQuery): QueryResult {
    const predicates: Predicate[] = [];
    const campaignTest = this.campaignPredicate(q.campaignIds);
    if (campaignTest) predicates.push(campaignTest);
    if (q.folderId !== null) {
      const folderId = q.folderId;
      if (folderId === UNKNOWN) {
        const known = this.knownFolders;
        predicates.push((e) => known !== null && !known.has(e.folderId));
      } else {
        predicates.push((e) => e.folderId === folderId);
      }
    }
    const ctx = this.ctx();
    for (const filter of q.filters) {
      const p = compileFilter(filter, ctx);
      if (p) predicates.push(p);
    }
    const search = compileSearch(q.search, this.country());
    if (search) predicates.push(search); // last: the most expensive test

    const order = q.sort.key === 'addedAt' ? this.added : this.activity;
    const out: IndexEntry[] = [];
    const n = order.length;
    const desc = q.sort.dir === 'desc';
    const count = predicates.length;
    for (let k = 0; k < n; k++) {
      const entry = order[desc ? n - 1 - k : k]!;
      let ok = true;
      for (let p = 0; p < count; p++) {
        if (!predicates[p]!(entry)) {
          ok = false;
          break;
        }
      }
      if (ok) out.push(entry);
    }
    return { entries: out, total: out.length };
  }

  /**
   * Leads per folder for the selected campaigns (null: all), from the incremental counts.
   * Folders that no longer exist are summed under UNKNOWN.
   */
  folderCounts(campaignIds: Id[] | null): FolderCounts {
    const result: FolderCounts = new Map();
    const add = (folderId: Id, n: number) => {
      const key = this.knownFolders && !this.knownFolders.has(folderId) ? UNKNOWN : folderId;
      result.set(key, (result.get(key) ?? 0) + n);
    };
    const wanted = campaignIds === null ? null : new Set(campaignIds);
    for (const [campaignId, folders] of this.counts) {
      if (wanted) {
        const unknown = this.knownCampaigns !== null && !this.knownCampaigns.has(campaignId);
        if (!wanted.has(campaignId) && !(unknown && wanted.has(UNKNOWN))) continue;
      }
      for (const [folderId, n] of folders) if (n > 0) add(folderId, n);
    }
    return result;
  }

  /**
   * The addedAt times of the leads in the selected campaigns (null: all; UNKNOWN as in query),
   * ascending, from `since` on: the "added" order is already sorted, so older leads are skipped
   * by one binary search.
   */
  addedTimes(campaignIds: Id[] | null, since = -Infinity): number[] {
    const list = this.added;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (list[mid]!.addedAt < since) lo = mid + 1;
      else hi = mid;
    }
    const test = this.campaignPredicate(campaignIds);
    const out: number[] = [];
    for (let i = lo; i < list.length; i++) {
      const entry = list[i]!;
      if (!test || test(entry)) out.push(entry.addedAt);
    }
    return out;
  }

  /** Number of leads whose campaign no longer exists. */
  unknownCampaignCount(): number {
    if (!this.knownCampaigns) return 0;
    let total = 0;
    for (const [campaignId, folders] of this.counts) {
      if (this.knownCampaigns.has(campaignId)) continue;
      for (const n of folders.values()) total += n;
    }
    return total;
  }

  private campaignPredicate(ids: Id[] | null): Predicate | null {
    if (ids === null) return null;
    const set = new Set(ids);
    const known = this.knownCampaigns;
    if (set.has(UNKNOWN)) return (e) => set.has(e.campaignId) || (known !== null && !known.has(e.campaignId));
    if (set.size === 1) {
      const only = ids[0];
      return (e) => e.campaignId === only;
    }
    return (e) => set.has(e.campaignId);
  }

  private linkCandidate(entry: IndexEntry): void {
    let set = this.leadsOfCandidate.get(entry.candidate.id);
    if (!set) this.leadsOfCandidate.set(entry.candidate.id, (set = new Set<Id>()));
    set.add(entry.id);
    if (!this.candidates.has(entry.candidate.id)) this.candidates.set(entry.candidate.id, entry.candidate);
  }

  /**
   * Replaces `old` by `entry` (same id) where it stands, when both sort keys are unchanged: its
   * place in either order is then the same. False, with nothing changed, otherwise.
   */
  private replaceInPlace(old: IndexEntry, entry: IndexEntry): boolean {
    if (old.addedAt !== entry.addedAt || old.lastActivityAt !== entry.lastActivityAt) return false;
    const a = lowerBound(this.added, old, byAdded);
    if (this.added[a] !== old) return false;
    const b = lowerBound(this.activity, old, byActivity);
    if (this.activity[b] !== old) return false;
    this.added[a] = entry;
    this.activity[b] = entry;
    this.leadsOfCandidate.get(old.candidate.id)?.delete(old.id);
    this.count(old, -1);
    this.byId.set(entry.id, entry);
    this.linkCandidate(entry);
    this.count(entry, 1);
    return true;
  }

  private detach(old: IndexEntry): void {
    this.byId.delete(old.id);
    this.leadsOfCandidate.get(old.candidate.id)?.delete(old.id);
    removeSorted(this.added, old, byAdded);
    removeSorted(this.activity, old, byActivity);
    this.count(old, -1);
  }

  private count(entry: IndexEntry, delta: number): void {
    let folders = this.counts.get(entry.campaignId);
    if (!folders) this.counts.set(entry.campaignId, (folders = new Map<Id, number>()));
    folders.set(entry.folderId, (folders.get(entry.folderId) ?? 0) + delta);
  }
}

/** Spread into unshift: well under any engine's argument limit. */
const PREPEND_MAX = 10_000;

function mergeSorted(
  a: IndexEntry[],
  b: IndexEntry[],
  cmp: (x: IndexEntry, y: IndexEntry) => number,
): IndexEntry[] {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  // The common cases need no full copy: hydration appends older leads after the last one, and
  // new leads (an import, a capture) go before the first. `a` is the index's own array, already
  // changed in place elsewhere (insertSorted), so it may grow in place here too.
  if (cmp(a[a.length - 1]!, b[0]!) <= 0) {
    for (const e of b) a.push(e);
    return a;
  }
  if (b.length <= PREPEND_MAX && cmp(b[b.length - 1]!, a[0]!) <= 0) {
    a.unshift(...b);
    return a;
  }
  const out = new Array<IndexEntry>(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = cmp(a[i]!, b[j]!) <= 0 ? a[i++]! : b[j++]!;
  while (i < a.length) out[k++] = a[i++]!;
  while (j < b.length) out[k++] = b[j++]!;
  return out;
}

/** First position whose element is not less than `entry`. */
function lowerBound(list: IndexEntry[], entry: IndexEntry, cmp: (a: IndexEntry, b: IndexEntry) => number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cmp(list[mid]!, entry) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function insertSorted(list: IndexEntry[], entry: IndexEntry, cmp: (a: IndexEntry, b: IndexEntry) => number): void {
  list.splice(lowerBound(list, entry, cmp), 0, entry);
}

function removeSorted(list: IndexEntry[], entry: IndexEntry, cmp: (a: IndexEntry, b: IndexEntry) => number): void {
  const at = lowerBound(list, entry, cmp);
  if (list[at] === entry) {
    list.splice(at, 1);
    return;
  }
  // The entry's sort fields were mutated in place (never done here, but stay correct).
  const i = list.indexOf(entry);
  if (i >= 0) list.splice(i, 1);
}
