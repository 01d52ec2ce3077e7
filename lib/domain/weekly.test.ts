import { afterEach, describe, expect, it } from 'vitest';
import { startOfWeek, weekBuckets, weeklyCounts } from './weekly';

// Dates are built with the local-time constructor, so these hold in any time zone.
const at = (y: number, m: number, d: number, h = 0, min = 0, s = 0, ms = 0) => new Date(y, m - 1, d, h, min, s, ms).getTime();

describe('startOfWeek', () => {
  it('is local midnight of the Monday, for every day of the week', () => {
    // 2024-03-11 is a Monday.
    for (let d = 11; d <= 17; d++) expect(startOfWeek(at(2024, 3, d, 15, 30)), `day ${d}`).toBe(at(2024, 3, 11));
    expect(startOfWeek(at(2024, 3, 18))).toBe(at(2024, 3, 18));
    expect(startOfWeek(at(2024, 3, 17, 23, 59, 59, 999))).toBe(at(2024, 3, 11));
  });

  it('can start on Sunday, and crosses month and year ends', () => {
    expect(startOfWeek(at(2024, 3, 13), 0)).toBe(at(2024, 3, 10));
    expect(startOfWeek(at(2024, 3, 10), 0)).toBe(at(2024, 3, 10));
    expect(startOfWeek(at(2025, 1, 2))).toBe(at(2024, 12, 30));
  });
});

describe('weekBuckets', () => {
  it('gives 13 consecutive weeks, oldest first, the last one containing now', () => {
    const now = at(2024, 3, 13, 10);
    const buckets = weekBuckets(now);
    expect(buckets).toHaveLength(13);
    expect(buckets[12]).toEqual({ start: at(2024, 3, 11), end: at(2024, 3, 18), count: 0 });
    expect(buckets[0]!.start).toBe(at(2023, 12, 18));
    for (let i = 1; i < 13; i++) expect(buckets[i]!.start).toBe(buckets[i - 1]!.end);
  });
});

describe('weeklyCounts', () => {
  const now = at(2024, 3, 13, 10); // Wednesday

  it('counts each time into its week, with boundaries at local Monday midnight', () => {
    const times = [
      at(2024, 3, 11), // this week's first instant
      at(2024, 3, 10, 23, 59, 59, 999), // last instant of the week before
      at(2024, 3, 4),
      at(2024, 3, 13, 9),
      at(2023, 12, 18), // first instant of the oldest week
      at(2023, 12, 17, 23, 59, 59, 999), // just before: left out
    ];
    const counts = weeklyCounts(times, now).map((b) => b.count);
    expect(counts).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 2]);
  });

  it('counts the rest of the current week (a clock a little ahead) but nothing after it', () => {
    const counts = weeklyCounts([at(2024, 3, 17, 23), at(2024, 3, 18), at(2030, 1, 1)], now);
    expect(counts.at(-1)!.count).toBe(1);
    expect(counts.reduce((n, b) => n + b.count, 0)).toBe(1);
  });

  it('takes times in any order, and other week counts', () => {
    const times = [at(2024, 3, 12), at(2024, 2, 20), at(2024, 3, 11, 1), at(2024, 3, 5)];
    const buckets = weeklyCounts(times, now, { weeks: 4 });
    expect(buckets.map((b) => [b.start, b.count])).toEqual([
      [at(2024, 2, 19), 1],
      [at(2024, 2, 26), 0],
      [at(2024, 3, 4), 1],
      [at(2024, 3, 11), 2],
    ]);
    expect(weeklyCounts([], now, { weeks: 1 })).toEqual([{ start: at(2024, 3, 11), end: at(2024, 3, 18), count: 0 }]);
  });

  it('is all zeros with no leads', () => {
    expect(weeklyCounts([], now).every((b) => b.count === 0)).toBe(true);
  });
});

describe('weeks across a daylight-saving change', () => {
  const saved = process.env.TZ;
  afterEach(() => {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  });

  it('keeps weeks on local midnights when a week is 167 hours long (Berlin, 31 March 2024)', () => {
    process.env.TZ = 'Europe/Berlin';
    // Node applies a changed TZ at once; if this runtime does not, the test says so.
    expect(new Date(Date.UTC(2024, 6, 1, 12)).getHours()).toBe(14);
    const now = Date.UTC(2024, 3, 3, 10); // Wednesday 3 April, 12:00 in Berlin (CEST)
    const buckets = weekBuckets(now, { weeks: 3 });
    // Monday 25 March 00:00 CET = 24 March 23:00 UTC; Monday 1 April 00:00 CEST = 31 March 22:00 UTC.
    expect(buckets[1]!.start).toBe(Date.UTC(2024, 2, 24, 23));
    expect(buckets[1]!.end).toBe(Date.UTC(2024, 2, 31, 22));
    expect((buckets[1]!.end - buckets[1]!.start) / 3_600_000).toBe(167);
    const counts = weeklyCounts(
      [Date.UTC(2024, 2, 31, 21, 59), Date.UTC(2024, 2, 31, 22, 0), Date.UTC(2024, 2, 24, 22, 59)],
      now,
      { weeks: 3 },
    );
    expect(counts.map((b) => b.count)).toEqual([1, 1, 1]);
  });
});
