/**
 * Names recruiters give to workspace things (labels, folders, campaigns, custom fields,
 * teammates): cleaned the same way everywhere and refused with a message a recruiter can act on.
 * Pure: the UI checks as you type, the mutations check again inside their transaction.
 */

export type NameCheck = { ok: true; name: string; key: string } | { ok: false; problem: string };

export const LABEL_NAME_MAX = 50;
export const FOLDER_NAME_MAX = 50;
/** As validateCampaign (lib/db/mutations/campaigns.ts) has it for job titles. */
export const CAMPAIGN_NAME_MAX = 200;
export const ATTRIBUTE_LABEL_MAX = 60;
export const ATTRIBUTE_KEY_MAX = 40;
export const PERSON_NAME_MAX = 100;

/**
 * Characters labels may not contain: imports and exports list a lead's labels separated by
 * commas, and `#`/`?` would read as a tag or a query in search boxes and URLs.
 */
export const LABEL_FORBIDDEN = [',', '#', '?'] as const;

/** Trimmed, runs of white space (tabs, new lines) made one space, control characters dropped. */
export function cleanName(raw: string): string {
  // eslint-disable-next-line no-control-regex
  return raw.replace(/\s+/g, ' ').replace(/[\u0000-\u001f\u007f]/g, '').trim();
}

/** The comparison key: two names with equal keys are "the same name ignoring case". */
export function nameKey(name: string): string {
  return cleanName(name).toLowerCase();
}

function lengthProblem(what: string, name: string, max: number): string | null {
  if (name.length <= max) return null;
  return `${what} can be at most ${max} characters (this one has ${name.length.toLocaleString('en')}).`;
}

function check(raw: string, empty: string, what: string, max: number): NameCheck {
  const name = cleanName(raw);
  if (!name) return { ok: false, problem: empty };
  const tooLong = lengthProblem(what, name, max);
  if (tooLong) return { ok: false, problem: tooLong };
  return { ok: true, name, key: name.toLowerCase() };
}

export function checkLabelName(raw: string): NameCheck {
  const result = check(raw, 'A label needs a name.', 'A label name', LABEL_NAME_MAX);
  if (!result.ok) return result;
  const found = LABEL_FORBIDDEN.filter((c) => result.name.includes(c));
  if (found.length > 0) {
    return {
      ok: false,
      problem: `A label name cannot contain ${found.map((c) => `“${c}”`).join(' or ')} (commas, # and ? are reserved).`,
    };
  }
  return result;
}

export function checkFolderName(raw: string): NameCheck {
  return check(raw, 'A folder needs a name.', 'A folder name', FOLDER_NAME_MAX);
}

export function checkCampaignName(raw: string): NameCheck {
  return check(raw, 'A campaign needs a job title.', 'A job title', CAMPAIGN_NAME_MAX);
}

export function checkAttributeLabel(raw: string): NameCheck {
  return check(raw, 'A custom field needs a name.', 'A custom field name', ATTRIBUTE_LABEL_MAX);
}

export function checkPersonName(raw: string): NameCheck {
  return check(raw, 'A teammate needs a name.', 'A name', PERSON_NAME_MAX);
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function checkEmail(raw: string): NameCheck {
  const email = raw.trim();
  if (!email) return { ok: false, problem: 'A teammate needs an email address.' };
  if (email.length > 254 || !EMAIL.test(email)) {
    return { ok: false, problem: 'That email address does not look right (for example name@company.com).' };
  }
  return { ok: true, name: email, key: email.toLowerCase() };
}

/**
 * "Unique ignoring case": the problem to show when `name` is already taken by another row
 * (`selfId` is the row being renamed, which may keep its own name or change its case).
 */
export function duplicateProblem(
  what: 'label' | 'folder' | 'custom field',
  key: string,
  existing: readonly { id: string; name: string }[],
  selfId?: string,
): string | null {
  const twin = existing.find((row) => row.id !== selfId && nameKey(row.name) === key);
  if (!twin) return null;
  return `There is already a ${what} called “${twin.name}”.`;
}

/** Keys an attribute must not take: they would read Object.prototype's members from a lead. */
const RESERVED_KEYS = new Set(Object.getOwnPropertyNames(Object.prototype));

/**
 * A custom field's key, derived once from its first label and then kept (lead values are
 * stored under it, so a rename must not move them): "Shift preference" → "shift_preference",
 * "Años de experiencia" → "anos_de_experiencia"; `_2`, `_3`… when the key is taken.
 */
export function attributeKeyFor(label: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  let base = cleanName(label)
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, ATTRIBUTE_KEY_MAX)
    .replace(/_+$/g, '');
  if (!base) base = 'field';
  if (/^\p{N}/u.test(base)) base = `f_${base}`;
  if (RESERVED_KEYS.has(base)) base = `${base}_field`;
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}_${n}`;
    if (!used.has(candidate)) return candidate;
  }
}

/** Colors offered for labels, by the name a person (and a screen reader) uses for them. */
export const LABEL_COLORS = [
  { name: 'Blue', value: '#2563eb' },
  { name: 'Green', value: '#059669' },
  { name: 'Red', value: '#dc2626' },
  { name: 'Orange', value: '#ea580c' },
  { name: 'Yellow', value: '#ca8a04' },
  { name: 'Purple', value: '#7c3aed' },
  { name: 'Pink', value: '#db2777' },
  { name: 'Gray', value: '#6b7280' },
] as const;

export function checkColor(raw: string): NameCheck {
  const color = raw.trim().toLowerCase();
  if (!/^#[0-9a-f]{6}$/.test(color)) return { ok: false, problem: 'Choose a color for the label.' };
  return { ok: true, name: color, key: color };
}

export function colorName(value: string): string {
  return LABEL_COLORS.find((c) => c.value === value.toLowerCase())?.name ?? 'Custom';
}
