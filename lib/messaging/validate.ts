/**
 * Checks for message payloads from less trusted contexts (content scripts, injected scripts):
 * exact keys on plain objects, capped strings, our id format. Each returns the value or null.
 */

const ID = /^[A-Za-z0-9_-]{1,64}$/;

/** A plain object with exactly these own keys (no more, no fewer), or null. */
export function record(value: unknown, keys: readonly string[]): Record<string, unknown> | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return null;
  const own = Object.keys(value);
  if (own.length !== keys.length || !keys.every((k) => Object.prototype.hasOwnProperty.call(value, k))) return null;
  return value as Record<string, unknown>;
}

/** A string of at most `max` UTF-16 units, or null. */
export function text(value: unknown, max: number): string | null {
  return typeof value === 'string' && value.length <= max ? value : null;
}

/** One of our ids (ULIDs, refs, generated keys), or null. */
export function id(value: unknown): string | null {
  return typeof value === 'string' && ID.test(value) ? value : null;
}

/** One of these string values, or null. */
export function oneOf<T extends string>(value: unknown, options: readonly T[]): T | null {
  return typeof value === 'string' && (options as readonly string[]).includes(value) ? (value as T) : null;
}
