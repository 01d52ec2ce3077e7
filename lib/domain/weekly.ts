/**
 * New leads per week, for the Pipeline screen. Weeks are local calendar weeks (the recruiter's
 * Monday is what "this week" means to them), built with local-time Date arithmetic so a week
 * that crosses a daylight-saving change is 167 or 169 hours long, not a fixed 7 × 24 h.
 */

export interface WeekBucket {
  /** Local midnight at the start of the week (epoch ms). */
  start: number;
  /** Start of the next week (exclusive). */
  end: number;
  count: number;
}

export interface WeeklyOptions {
  /** Number of weeks, the current one included; default 13 (a quarter). */
  weeks?: number;
  /** 0 = Sunday … 6 = Saturday; default 1 (Monday, ISO 8601). */
  weekStartsOn?: number;
}

/** Local midnight of the first day of the week containing `at`. */
export function startOfWeek(at: number, weekStartsOn = 1): number {
  const d = new Date(at);
  const back = (d.getDay() - weekStartsOn + 7) % 7;
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() - back).getTime();
}

/** The week boundaries only, oldest first: `weeks` buckets ending with the week containing `now`. */
export function weekBuckets(now: number, options: WeeklyOptions = {}): WeekBucket[] {
  const weeks = Math.max(1, Math.floor(options.weeks ?? 13));
  const first = new Date(startOfWeek(now, options.weekStartsOn ?? 1));
  const buckets: WeekBucket[] = [];
  for (let i = weeks - 1; i >= 0; i--) {
    const y = first.getFullYear();
    const m = first.getMonth();
    const day = first.getDate() - 7 * i;
    buckets.push({ start: new Date(y, m, day).getTime(), end: new Date(y, m, day + 7).getTime(), count: 0 });
  }
  return buckets;
}

/**
 * Counts `times` (epoch ms, in any order) into the last `weeks` local weeks up to and including
 * the one containing `now` (injected: the caller's clock). Times before the first week or after
 * the current week ends are left out.
 */
export function weeklyCounts(times: Iterable<number>, now: number, options: WeeklyOptions = {}): WeekBucket[] {
  const buckets = weekBuckets(now, options);
  const from = buckets[0]!.start;
  const to = buckets[buckets.length - 1]!.end;
  for (const t of times) {
    if (!(t >= from && t < to)) continue;
    // Binary search: the last bucket whose start is ≤ t.
    let lo = 0;
    let hi = buckets.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (buckets[mid]!.start <= t) lo = mid;
      else hi = mid - 1;
    }
    buckets[lo]!.count++;
  }
  return buckets;
}
