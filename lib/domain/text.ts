/**
 * Search normalization: case- and accent-insensitive. "José Müller" → "jose muller".
 * NFD splits letters from their combining marks, which are then dropped; scripts without
 * case (CJK, Arabic) pass through unchanged.
 */
export function fold(text: string): string {
  // Fast path: plain ASCII needs only lower-casing (most emails, refs and many names).
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(text)) return text.toLowerCase();
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/ı/g, 'i');
}

/**
 * A name as it is compared: folded (case and accents), trimmed, spaces collapsed.
 * "  Night   SHIFT" and "night shift" give the same key.
 */
export function foldedKey(text: string): string {
  return fold(text).trim().replace(/\s+/g, ' ');
}

/** A person's name as it is compared: "  María   Santos" and "maria santos" give the same key. */
export function personNameKey(firstName: string, lastName = ''): string {
  return foldedKey(`${firstName} ${lastName}`);
}

/** Splits a folded query into words; every word must be found (AND). */
export function queryWords(query: string): string[] {
  return fold(query)
    .split(/[\s,;]+/)
    .filter((w) => w.length > 0);
}

// Made on first use: a Segmenter is costly to create, and most names never need one.
let graphemes: Intl.Segmenter | null = null;

/** The first user-perceived character (a flag, an emoji with modifiers, a letter + accent). */
function firstGrapheme(text: string): string {
  const t = text.trim();
  // Two ASCII characters in a row: the first is a whole character on its own.
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f](?:[\x00-\x7f]|$)/.test(t)) return t.charAt(0);
  graphemes ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  for (const { segment } of graphemes.segment(t)) return segment;
  return '';
}

/** Initials for an avatar: "Maria dela Cruz" → "MC". */
export function initials(firstName: string, lastName: string): string {
  return (firstGrapheme(firstName) + firstGrapheme(lastName)).toUpperCase() || '?';
}

export function fullName(c: { firstName: string; lastName: string }): string {
  return `${c.firstName} ${c.lastName}`.trim();
}
