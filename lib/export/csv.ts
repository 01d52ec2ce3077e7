import type { Cell, ExportField } from './fields';
import { neutralise } from './neutralise';

/** "2025-03-14 09:05" in the time zone of `offsetMinutes` (as Date#getTimezoneOffset gives it). */
export function formatDateTime(ms: number, offsetMinutes: number): string {
  const d = new Date(ms - offsetMinutes * 60_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/** One CSV field (RFC 4180), formula-neutralised. */
export function csvField(text: string): string {
  const safe = neutralise(text);
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function cellText(cell: Cell, field: ExportField, offsetMinutes: number): string {
  if (cell === null) return '';
  if (field.kind === 'date' && typeof cell === 'number') return formatDateTime(cell, offsetMinutes);
  if (field.kind === 'day' && typeof cell === 'number') return formatDateTime(cell, 0).slice(0, 10);
  return String(cell);
}

/**
 * CSV lines (CRLF, as Excel writes them). Numbers stay plain digits; every text cell — phones
 * included, so Excel keeps "+63…" as text rather than a number — goes through `neutralise`.
 */
export function csvLines(fields: readonly ExportField[], rows: readonly Cell[][], offsetMinutes: (ms: number) => number): string {
  let out = '';
  for (const row of rows) {
    for (let i = 0; i < fields.length; i++) {
      const field = fields[i]!;
      const cell = row[i] ?? null;
      if (i > 0) out += ',';
      if (typeof cell === 'number' && field.kind === 'number') out += String(cell);
      else out += csvField(cellText(cell, field, typeof cell === 'number' ? offsetMinutes(cell) : 0));
    }
    out += '\r\n';
  }
  return out;
}

/** The header line, with a BOM first so Excel reads the file as UTF-8. */
export function csvHeader(fields: readonly ExportField[]): string {
  return `\uFEFF${fields.map((f) => csvField(f.header)).join(',')}\r\n`;
}
