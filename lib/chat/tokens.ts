/**
 * Message tokens (DESIGN §1): `<%= @candidate_name %>` (the legacy form) and
 * `{{candidate_name}}`, with an optional fallback `{{candidate_name | "there"}}`.
 *
 * Rendering is one pass over the template: a value is inserted as it is and never scanned
 * again, so a name like `{{x}}` or `<b>` arrives literally. An unknown token, a token with no
 * value (and no fallback) or a broken one (`{{name`, `<%= %>`) is an error: the text is never
 * sent with raw token syntax in it.
 */

export const TOKENS = [
  { name: 'candidate_name', label: 'Candidate name (first name)' },
  { name: 'candidate_first_name', label: 'Candidate first name' },
  { name: 'candidate_last_name', label: 'Candidate last name' },
  { name: 'candidate_full_name', label: 'Candidate full name' },
  { name: 'campaign_name', label: 'Campaign name' },
  { name: 'job_title', label: 'Job title' },
  { name: 'company_name', label: 'Company name' },
  { name: 'recruiter_name', label: 'Recruiter name' },
  { name: 'recruiter_email', label: 'Recruiter email' },
] as const;

export type TokenName = (typeof TOKENS)[number]['name'];

const KNOWN = new Set<string>(TOKENS.map((t) => t.name));

export function isKnownToken(name: string): name is TokenName {
  return KNOWN.has(name);
}

/** Values for one candidate; absent or blank means "no value". */
export type TokenValues = Partial<Record<TokenName, string | undefined>>;

/** What the values are made from: plain data, so the UI and the mutation render alike. */
export interface TokenSource {
  candidate: { firstName: string; lastName: string };
  /** The job title of the lead the chat was opened from, else the candidate's most recent lead. */
  campaignName?: string;
  /** The workspace name. */
  companyName?: string;
  recruiter?: { name: string; email: string };
}

export function tokenValues(source: TokenSource): TokenValues {
  const first = source.candidate.firstName.trim();
  const last = source.candidate.lastName.trim();
  return {
    candidate_name: first,
    candidate_first_name: first,
    candidate_last_name: last,
    candidate_full_name: [first, last].filter(Boolean).join(' '),
    campaign_name: source.campaignName,
    job_title: source.campaignName,
    company_name: source.companyName,
    recruiter_name: source.recruiter?.name,
    recruiter_email: source.recruiter?.email,
  };
}

/** How to write a token in the composer's preferred (new) syntax. */
export function tokenText(name: TokenName): string {
  return `{{${name}}}`;
}

export interface RenderResult {
  text: string;
  /** Unknown token names, in order of first appearance. */
  unknown: string[];
  /** Known tokens with no value for this candidate (and no fallback). */
  missing: string[];
  /** Token syntax that is not a complete token, e.g. `{{candidate_name` or `<%= %>`. */
  broken: string[];
  ok: boolean;
}

// A token name; a fallback in double or single quotes (no escapes: keep the syntax small).
const NAME = String.raw`([A-Za-z_][A-Za-z0-9_]*)`;
const FALLBACK = String.raw`(?:\s*\|\s*(?:"([^"]*)"|'([^']*)'))?`;
const TOKEN_RE = new RegExp(
  String.raw`<%=\s*@?${NAME}${FALLBACK}\s*%>|\{\{\s*${NAME}${FALLBACK}\s*\}\}`,
  'g',
);
// What is left of token syntax once the complete tokens are taken out.
const LEFTOVER_RE = /<%=?[^%]{0,40}(?:%>)?|\{\{[^}]{0,40}(?:\}\})?|%>|\}\}/g;

interface Match {
  start: number;
  end: number;
  raw: string;
  name: string;
  fallback: string | undefined;
}

function matches(template: string): Match[] {
  const found: Match[] = [];
  for (const m of template.matchAll(TOKEN_RE)) {
    const name = (m[1] ?? m[4] ?? '').toLowerCase();
    const fallback = m[2] ?? m[3] ?? m[5] ?? m[6];
    found.push({ start: m.index, end: m.index + m[0].length, raw: m[0], name, fallback });
  }
  return found;
}

function brokenIn(template: string, found: readonly Match[]): string[] {
  // Blank the complete tokens out (keeping positions) and look for what is left.
  let rest = '';
  let at = 0;
  for (const m of found) {
    rest += template.slice(at, m.start) + ' '.repeat(m.end - m.start);
    at = m.end;
  }
  rest += template.slice(at);
  const broken: string[] = [];
  for (const m of rest.matchAll(LEFTOVER_RE)) {
    const raw = m[0].trim();
    if (raw && !broken.includes(raw)) broken.push(raw);
  }
  return broken;
}

function pushOnce(list: string[], item: string): void {
  if (!list.includes(item)) list.push(item);
}

/** Renders a template for one candidate. When `ok` is false, `text` must not be sent. */
export function renderTokens(template: string, values: TokenValues): RenderResult {
  const found = matches(template);
  const unknown: string[] = [];
  const missing: string[] = [];
  let text = '';
  let at = 0;
  for (const m of found) {
    text += template.slice(at, m.start);
    at = m.end;
    if (!isKnownToken(m.name)) {
      pushOnce(unknown, m.name);
      text += m.raw;
      continue;
    }
    const value = values[m.name];
    if (value !== undefined && value.trim() !== '') text += value;
    else if (m.fallback !== undefined) text += m.fallback;
    else {
      pushOnce(missing, m.name);
      text += m.raw;
    }
  }
  text += template.slice(at);
  const broken = brokenIn(template, found);
  return { text, unknown, missing, broken, ok: unknown.length === 0 && missing.length === 0 && broken.length === 0 };
}

/** A template's own problems, whoever it is for (used when saving a quick reply). */
export function templateProblems(template: string): { unknown: string[]; broken: string[] } {
  const found = matches(template);
  const unknown: string[] = [];
  for (const m of found) if (!isKnownToken(m.name)) pushOnce(unknown, m.name);
  return { unknown, broken: brokenIn(template, found) };
}

/** The tokens a template uses (known or not), lower-cased, in order. */
export function tokensIn(template: string): string[] {
  const names: string[] = [];
  for (const m of matches(template)) pushOnce(names, m.name);
  return names;
}

const TOKEN_LABEL = new Map<string, string>(TOKENS.map((t) => [t.name, t.label.toLowerCase()]));

/** One sentence per kind of problem, for the composer and the mutations' refusals. */
export function describeTokenProblems(result: Pick<RenderResult, 'unknown' | 'missing' | 'broken'>): string[] {
  const out: string[] = [];
  if (result.unknown.length > 0) {
    out.push(
      `Unknown ${result.unknown.length === 1 ? 'token' : 'tokens'}: ${result.unknown.join(', ')}. ` +
        'Use the token picker, or remove it.',
    );
  }
  if (result.missing.length > 0) {
    const what = result.missing.map((n) => `${n} (${TOKEN_LABEL.get(n) ?? n})`).join(', ');
    out.push(
      `No value for this candidate: ${what}. Remove it, or add a fallback such as {{${result.missing[0]} | "there"}}.`,
    );
  }
  if (result.broken.length > 0) {
    out.push(`Incomplete token: ${result.broken.join(', ')}. Write tokens as {{candidate_name}}.`);
  }
  return out;
}
