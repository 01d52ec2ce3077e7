/**
 * A small seeded pseudo-random generator for sample data: the same seed gives the same
 * sequence on every machine and every run (no Math.random, no crypto), and it is fast enough
 * for 100k generated leads.
 *
 * The generator is sfc32 (Chris Doty-Humphrey's "small fast chaotic" generator, 128 bits of
 * state), seeded through splitmix32 so that nearby seeds (1, 2, 3…) give unrelated streams.
 */

/** A 32-bit hash of a string (FNV-1a with a murmur-style finaliser). */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return avalanche(h);
}

function avalanche(value: number): number {
  let h = value | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** One step of splitmix32: used only to spread a seed over sfc32's four words. */
function splitmix32(state: { s: number }): number {
  state.s = (state.s + 0x9e3779b9) | 0;
  let z = state.s;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** Weighted choices, prepared once (cumulative weights) for repeated picks in a hot loop. */
export class Weighted<T> {
  readonly items: readonly T[];
  private readonly cumulative: number[];
  readonly total: number;

  constructor(entries: readonly (readonly [T, number])[]) {
    const items: T[] = [];
    const cumulative: number[] = [];
    let total = 0;
    for (const [item, weight] of entries) {
      if (!(weight >= 0) || !Number.isFinite(weight)) throw new RangeError(`Bad weight ${weight}`);
      if (weight === 0) continue;
      total += weight;
      items.push(item);
      cumulative.push(total);
    }
    if (items.length === 0) throw new RangeError('Weighted needs at least one positive weight');
    this.items = items;
    this.cumulative = cumulative;
    this.total = total;
  }

  /** The item whose cumulative range holds `u` ∈ [0, 1). */
  at(u: number): T {
    const target = u * this.total;
    const cumulative = this.cumulative;
    // Tables here are short (≤ 20 entries): a linear scan beats a binary search.
    for (let i = 0; i < cumulative.length; i++) {
      if (target < cumulative[i]!) return this.items[i]!;
    }
    return this.items[this.items.length - 1]!;
  }
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CROCKFORD_CODES = Array.from(CROCKFORD, (c) => c.charCodeAt(0));
const ULID_CODES = new Array<number>(26).fill(0);
const POWERS_OF_TEN = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9];

export class Random {
  readonly seed: number;
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    if (!Number.isFinite(seed)) throw new RangeError(`Seed must be a finite number, got ${seed}`);
    this.seed = seed >>> 0;
    // Seeds above 2^32 still count: fold the high part in instead of dropping it.
    const state = { s: (this.seed ^ Math.floor(Math.abs(seed) / 4294967296)) | 0 };
    this.a = splitmix32(state);
    this.b = splitmix32(state);
    this.c = splitmix32(state);
    this.d = splitmix32(state);
    for (let i = 0; i < 12; i++) this.uint32();
  }

  /** A uniformly distributed unsigned 32-bit integer. */
  uint32(): number {
    const a = this.a;
    const b = this.b;
    const c = this.c;
    const d = this.d;
    const t = (((a + b) | 0) + d) | 0;
    this.d = (d + 1) | 0;
    this.a = b ^ (b >>> 9);
    this.b = (c + (c << 3)) | 0;
    const r = (c << 21) | (c >>> 11);
    this.c = (r + t) | 0;
    return t >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    return this.uint32() / 4294967296;
  }

  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    if (max < min) throw new RangeError(`int(${min}, ${max}): empty range`);
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** A float in [min, max). */
  float(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick() from an empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** A weighted pick: `[[value, weight], …]` or a prepared {@link Weighted} table. */
  weighted<T>(entries: Weighted<T> | readonly (readonly [T, number])[]): T {
    const table = entries instanceof Weighted ? entries : new Weighted(entries);
    return table.at(this.next());
  }

  /** `count` distinct items in random order (all of them when count ≥ length). */
  sample<T>(items: readonly T[], count: number): T[] {
    const copy = items.slice();
    const n = Math.min(count, copy.length);
    for (let i = 0; i < n; i++) {
      const j = i + Math.floor(this.next() * (copy.length - i));
      const tmp = copy[i]!;
      copy[i] = copy[j]!;
      copy[j] = tmp;
    }
    copy.length = n;
    return copy;
  }

  /** Shuffles in place (Fisher–Yates) and returns the same array. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const tmp = items[i]!;
      items[i] = items[j]!;
      items[j] = tmp;
    }
    return items;
  }

  /** An integer time (epoch ms) in [from, to]; `from` when the range is empty. */
  dateBetween(from: number, to: number): number {
    if (to <= from) return Math.floor(from);
    return Math.floor(from + this.next() * (to - from + 1));
  }

  /** `length` decimal digits (leading zeros allowed). */
  digits(length: number): string {
    let out = '';
    let left = length;
    // Up to 9 digits per draw (10^9 < 2^32): fewer draws and string pieces than one per digit.
    while (left > 0) {
      const n = left > 9 ? 9 : left;
      out += String(Math.floor(this.next() * POWERS_OF_TEN[n]!)).padStart(n, '0');
      left -= n;
    }
    return out;
  }

  /**
   * An independent generator derived from this one's seed and a label: the same label always
   * gives the same stream, however much of this one has been used. Lets one part of a dataset
   * (say, messages) change without shifting every other part.
   */
  fork(label: string | number): Random {
    return new Random(avalanche(this.seed ^ hashString(String(label))));
  }

  /**
   * A ULID (26 Crockford base-32 characters: 48-bit time, 80 random bits) for `time`, with
   * its random part drawn from this generator. Sorts by time like the ids of lib/db's newId.
   */
  ulid(time: number): string {
    if (!(time >= 0) || time > 0xffffffffffff) throw new RangeError(`Bad ULID time ${time}`);
    let t = Math.floor(time);
    const codes = ULID_CODES;
    for (let i = 9; i >= 0; i--) {
      codes[i] = CROCKFORD_CODES[t % 32]!;
      t = Math.floor(t / 32);
    }
    // 16 characters × 5 bits: six characters from each of three 32-bit draws (the last two
    // characters of the third draw are not needed).
    let at = 10;
    for (let word = 0; word < 3; word++) {
      let bits = this.uint32();
      const count = word < 2 ? 6 : 4;
      for (let i = 0; i < count; i++) {
        codes[at++] = CROCKFORD_CODES[bits & 31]!;
        bits >>>= 5;
      }
    }
    // One flat string (concatenating 26 pieces makes a rope that every Map lookup flattens).
    return String.fromCharCode(...codes);
  }
}

/**
 * The same id for the same key, every time (a ULID stamped `time`, random part from the key).
 * For rows sample data may write twice, such as labels, whose names must stay unique.
 */
export function stableUlid(key: string, time: number): string {
  return new Random(hashString(key)).ulid(time);
}
