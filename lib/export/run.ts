/**
 * General Export end to end, minus the browser: reads the leads chosen by the filter in chunks,
 * builds rows, and writes CSV or streaming XLSX. Runs in the export worker, which passes in the
 * compressor and receives the file as byte chunks (Blob parts).
 */
import type { Candidate, Id, Lead } from '../domain/model';
import type { LeadsideDB } from '../db/schema';
import { csvHeader, csvLines } from './csv';
import { buildRow, leadMatches, pickFields, type Cell, type ExportFilter, type RowContext } from './fields';
import { XlsxStreamWriter } from './xlsx';
import type { Compressor } from './zip';

export interface ExportRequest {
  format: 'xlsx' | 'csv';
  filter: ExportFilter;
  /** Field keys, or null for all. */
  fields: string[] | null;
}

export interface ExportIo {
  compressor: Compressor | null;
  offsetMinutes: (ms: number) => number;
  onProgress?: (done: number, total: number) => void;
  isCancelled?: () => boolean;
  /** Rows per chunk (read, build, encode). */
  chunkSize?: number;
}

export class ExportCancelled extends Error {
  constructor() {
    super('Export cancelled.');
    this.name = 'ExportCancelled';
  }
}

/** The ids of the leads to export, newest first (Date Added). */
export async function selectLeadIds(db: LeadsideDB, filter: ExportFilter, keep?: Map<Id, Lead>): Promise<Id[]> {
  let rows: Lead[];
  if (filter.leadIds) {
    rows = (await db.leads.bulkGet([...new Set(filter.leadIds)])).filter((l): l is Lead => !!l && leadMatches(filter, l));
  } else {
    // Pages by primary key (getAll under the hood: far faster than a cursor over 100k rows).
    rows = [];
    let last: Id | null = null;
    for (;;) {
      const page: Lead[] = await (last === null ? db.leads.orderBy(':id') : db.leads.where(':id').above(last)).limit(5000).toArray();
      if (page.length === 0) break;
      for (const l of page) if (leadMatches(filter, l)) rows.push(l);
      last = page[page.length - 1]!.id;
    }
  }
  rows.sort((a, b) => b.addedAt - a.addedAt || (a.id < b.id ? 1 : -1));
  if (keep) for (const l of rows) keep.set(l.id, l);
  return rows.map((l) => l.id);
}

export async function loadRowContext(db: LeadsideDB): Promise<RowContext> {
  const [campaigns, folders, labels, users] = await Promise.all([db.campaigns.toArray(), db.folders.toArray(), db.labels.toArray(), db.users.toArray()]);
  const commentCounts = new Map<Id, number>();
  // Index keys only: no comment bodies are read.
  for (const leadId of (await db.comments.orderBy('leadId').keys()) as Id[]) commentCounts.set(leadId, (commentCounts.get(leadId) ?? 0) + 1);
  const lastMessageAt = new Map<Id, number>();
  for (const key of (await db.messages.orderBy('[candidateId+sentAt]').keys()) as unknown as [Id, number][]) {
    const [cid, at] = key;
    if (at > (lastMessageAt.get(cid) ?? -Infinity)) lastMessageAt.set(cid, at);
  }
  return {
    campaigns: new Map(campaigns.map((c) => [c.id, c])),
    folders: new Map(folders.map((f) => [f.id, f])),
    labels: new Map(labels.map((l) => [l.id, l])),
    users: new Map(users.map((u) => [u.id, u])),
    commentCounts,
    lastMessageAt,
  };
}

export interface ExportResult {
  parts: (Uint8Array | string)[];
  rows: number;
  mime: string;
}

export async function runExport(db: LeadsideDB, request: ExportRequest, io: ExportIo): Promise<ExportResult> {
  const chunk = io.chunkSize ?? 2000;
  // The chosen leads in one pass (kept until their chunk is written, then released).
  const leadRows = new Map<Id, Lead>();
  const ids = await selectLeadIds(db, request.filter, leadRows);
  const defs = await db.attributeDefs.toArray();
  const fields = pickFields(defs, request.fields);
  const ctx = await loadRowContext(db);
  const check = () => {
    if (io.isCancelled?.()) throw new ExportCancelled();
  };

  const readChunk = async (from: number): Promise<Cell[][]> => {
    const slice = ids.slice(from, from + chunk);
    const leads = slice.map((id) => leadRows.get(id)).filter((l): l is Lead => !!l);
    for (const id of slice) leadRows.delete(id);
    const candidates = new Map(
      (await db.candidates.bulkGet([...new Set(leads.map((l) => l.candidateId))])).filter((c): c is Candidate => !!c).map((c) => [c.id, c]),
    );
    return leads.map((l) => buildRow(fields, l, candidates.get(l.candidateId), ctx));
  };

  io.onProgress?.(0, ids.length);
  let first = await readChunk(0);
  if (request.format === 'csv') {
    const parts: string[] = [csvHeader(fields)];
    let rows = 0;
    for (let from = 0; from < ids.length || from === 0; from += chunk) {
      check();
      const batch = from === 0 ? first : await readChunk(from);
      parts.push(csvLines(fields, batch, io.offsetMinutes));
      rows += batch.length;
      io.onProgress?.(Math.min(ids.length, from + chunk), ids.length);
      if (ids.length === 0) break;
    }
    return { parts, rows, mime: 'text/csv;charset=utf-8' };
  }
  const writer = new XlsxStreamWriter({ fields, sample: first.slice(0, 200), compressor: io.compressor, offsetMinutes: io.offsetMinutes });
  await writer.start();
  for (let from = 0; from < ids.length; from += chunk) {
    check();
    const batch = from === 0 ? first : await readChunk(from);
    first = [];
    await writer.addRows(batch);
    io.onProgress?.(Math.min(ids.length, from + chunk), ids.length);
  }
  const parts = await writer.finish();
  return { parts, rows: writer.rows, mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };
}
