/**
 * One file row → one candidate and application as they will be stored, or the reasons it
 * cannot be. Pure; reuses the Add candidate validation (names, email, phone, profile URLs).
 */
import { validateCandidate, type CandidateInput } from '../db/mutations/candidates';
import { matchKey, DUPLICATE_FIELDS, type ContactKeys } from '../domain/duplicates';
import type { CountryCode } from '../domain/phone';
import type { Target } from './columns';

export interface ImportRecord {
  /** 1-based line in the file (header = 1), for the report. */
  line: number;
  candidate: ContactKeys & { firstName: string; lastName: string; headline?: string; company?: string; location?: string; externalId?: string };
  attributes: Record<string, string>;
}

export type Prepared = { ok: true; record: ImportRecord } | { ok: false; line: number; reason: string };

/** "Ana María Reyes" → first "Ana María", last "Reyes"; one word → first name and last name alike. */
export function splitFullName(full: string): { firstName: string; lastName: string } {
  // "Reyes, Ana" (last name first, as many HR exports write it).
  const comma = full.indexOf(',');
  if (comma > 0 && full.indexOf(',', comma + 1) < 0 && full.slice(comma + 1).trim()) {
    return { firstName: full.slice(comma + 1).trim(), lastName: full.slice(0, comma).trim() };
  }
  const parts = full.trim().split(/\s+/).filter(Boolean);
  if (parts.length === 0) return { firstName: '', lastName: '' };
  if (parts.length === 1) return { firstName: parts[0]!, lastName: '-' };
  return { firstName: parts.slice(0, -1).join(' '), lastName: parts[parts.length - 1]! };
}

export function prepareRow(values: readonly string[], mapping: readonly Target[], line: number, country: CountryCode): Prepared {
  const get: Partial<Record<string, string>> = {};
  const attributes: Record<string, string> = {};
  mapping.forEach((target, i) => {
    const v = (values[i] ?? '').trim();
    if (!target || !v) return;
    if (target.startsWith('attr:')) attributes[target.slice(5)] = v;
    else get[target] ??= v;
  });
  let first = get.firstName ?? '';
  let last = get.lastName ?? '';
  if (get.fullName && !first && !last) ({ firstName: first, lastName: last } = splitFullName(get.fullName));
  else if (first && !last) ({ firstName: first, lastName: last } = first.includes(' ') ? splitFullName(first) : { firstName: first, lastName: '-' });
  if (!first && !last) return { ok: false, line, reason: 'Missing name' };
  const input: CandidateInput = { firstName: first, lastName: last || '-' };
  if (get.email) input.email = get.email;
  if (get.phone) input.phone = get.phone;
  if (get.linkedinUrl) input.linkedinUrl = get.linkedinUrl;
  if (get.facebookUrl) input.facebookUrl = get.facebookUrl;
  const checked = validateCandidate(input, country);
  if (!checked.ok) {
    const e = checked.errors;
    const reasons = [
      e.firstName || e.lastName ? 'Missing or too long name' : '',
      e.email ? `Bad email “${get.email ?? ''}”` : '',
      e.phone ? `Unparseable phone “${get.phone ?? ''}”` : '',
      e.linkedinUrl ? 'Not a LinkedIn profile URL' : '',
      e.facebookUrl ? 'Not a Facebook profile URL' : '',
    ].filter(Boolean);
    return { ok: false, line, reason: reasons.join('; ') };
  }
  const candidate: ImportRecord['candidate'] = { ...checked.value };
  if (get.headline) candidate.headline = get.headline;
  if (get.company) candidate.company = get.company;
  if (get.location) candidate.location = get.location;
  if (get.externalId) candidate.externalId = get.externalId;
  return { ok: true, record: { line, candidate, attributes } };
}

/** The keys a person is recognised by ("email:ana@x.com"…), for duplicates within the file. */
export function personKeys(c: ContactKeys): string[] {
  return DUPLICATE_FIELDS.map((f) => {
    const k = matchKey(f, c[f]);
    return k ? `${f}:${k}` : '';
  }).filter(Boolean);
}

/** A plain CSV of what was skipped and why (for the downloadable report). */
export function reportCsv(skipped: readonly { line: number; reason: string; values?: readonly string[] }[], headers: readonly string[]): string {
  const q = (s: string) => {
    const safe = /^(?:[\t\r\n]|[ \u00a0]*[=+\-@])/.test(s) ? `'${s}` : s;
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  const lines = [['Line', 'Reason', ...headers].map(q).join(',')];
  for (const s of skipped) lines.push([String(s.line), s.reason, ...(s.values ?? [])].map(q).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
