/**
 * The data worker (DESIGN §2: heavy work leaves the UI thread): export, backup and restore,
 * import parsing and writing. It opens the extension's database itself (same origin); its
 * writes reach the panel's index through the change feed. Cancel arrives as a message and is
 * honoured at the next chunk boundary.
 */
import { BackupError, inspectBackup, makeBackup, restoreBackup, stagingName } from '../../lib/backup/backup';
import { LeadsideDB } from '../../lib/db/schema';
import { writeWithExcelJS } from '../../lib/export/exceljs-reference';
import { buildRow, pickFields } from '../../lib/export/fields';
import { ExportCancelled, loadRowContext, runExport, selectLeadIds } from '../../lib/export/run';
import type { Compressor } from '../../lib/export/zip';
import { ImportFileError, parseCsv, parseXlsx, type ParsedFile } from '../../lib/import/parse';
import { personKeys, prepareRow, reportCsv } from '../../lib/import/rows';
import { importChunk } from '../../lib/import/write';
import { openDatabase } from '../../lib/platform/database';
import type { DataEvent, DataRequest, DataResult, PreviewRow } from './protocol';

const scope = globalThis as unknown as {
  postMessage(message: DataEvent): void;
  addEventListener(type: 'message', listener: (e: MessageEvent<DataRequest | { type: 'cancel' }>) => void): void;
};

let cancelled = false;
let parsed: ParsedFile | null = null;

const deflate: Compressor = () => new CompressionStream('deflate-raw') as unknown as TransformStream<Uint8Array, Uint8Array>;
const offsetMinutes = (ms: number) => new Date(ms).getTimezoneOffset();
let peakHeap = 0;
/** Chromium's non-standard heap figure (for the bench), sampled at every progress report. */
function sampleHeap(): void {
  const used = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0;
  if (used > peakHeap) peakHeap = used;
}
const progress = (done: number, total: number) => {
  sampleHeap();
  scope.postMessage({ type: 'progress', done, total });
};

async function handle(req: DataRequest): Promise<DataResult> {
  const db = openDatabase();
  switch (req.type) {
    case 'export': {
      peakHeap = 0;
      const out = await runExport(db, req.request, { compressor: deflate, offsetMinutes, onProgress: progress, isCancelled: () => cancelled });
      const blob = new Blob(out.parts as BlobPart[], { type: out.mime });
      sampleHeap();
      return { type: 'export', blob, rows: out.rows, peakHeap };
    }
    case 'benchExceljs': {
      peakHeap = 0;
      const ids = await selectLeadIds(db, req.request.filter);
      const fields = pickFields(await db.attributeDefs.toArray(), req.request.fields);
      const ctx = await loadRowContext(db);
      const rows = [];
      for (let from = 0; from < ids.length; from += 2000) {
        const leads = (await db.leads.bulkGet(ids.slice(from, from + 2000))).filter((l) => !!l);
        const cands = new Map((await db.candidates.bulkGet(leads.map((l) => l.candidateId))).filter((c) => !!c).map((c) => [c.id, c]));
        for (const l of leads) rows.push(buildRow(fields, l, cands.get(l.candidateId), ctx));
        progress(from, ids.length);
      }
      const buffer = await writeWithExcelJS(fields, rows);
      sampleHeap();
      return { type: 'benchExceljs', bytes: buffer.byteLength, rows: rows.length, peakHeap };
    }
    case 'backup':
      return { type: 'backup', blob: await makeBackup(db, progress) };
    case 'inspect':
      return { type: 'inspect', summary: await inspectBackup(req.file, db.verno, db.name) };
    case 'restore':
      return { type: 'restore', summary: await restoreBackup(db, req.file, { openStaging: () => new LeadsideDB(stagingName(Date.now())), onProgress: progress }) };
    case 'parse': {
      parsed = null;
      const bytes = new Uint8Array(await req.file.arrayBuffer());
      parsed = /\.xlsx$/i.test(req.name) ? await parseXlsx(bytes) : parseCsv(bytes, (f) => progress(Math.round(f * 100), 100));
      return { type: 'parse', info: { headers: parsed.headers, sample: parsed.rows.slice(0, 5), total: parsed.rows.length, notes: parsed.notes } };
    }
    case 'preview': {
      if (!parsed) throw new ImportFileError('Choose a file first.');
      const rows: PreviewRow[] = [];
      let errors = 0;
      parsed.rows.forEach((values, i) => {
        const p = prepareRow(values, req.mapping, i + 2, req.country);
        if (!p.ok) errors++;
        if (rows.length < 10) {
          rows.push(p.ok ? { line: p.record.line, ok: true, text: describe(p.record) } : { line: p.line, ok: false, text: p.reason });
        }
      });
      return { type: 'preview', rows, errors };
    }
    case 'import': {
      if (!parsed) throw new ImportFileError('Choose a file first.');
      const file = parsed;
      const skipped: { line: number; reason: string; values?: string[] }[] = [];
      const records = [];
      for (let i = 0; i < file.rows.length; i++) {
        const p = prepareRow(file.rows[i]!, req.mapping, i + 2, req.country);
        if (p.ok) records.push(p.record);
        else skipped.push({ line: p.line, reason: p.reason, values: file.rows[i] });
      }
      // Duplicates inside the file with "skip": only the first of each person is kept.
      if (req.policy === 'skip') {
        const seen = new Map<string, number>();
        const kept = [];
        for (const r of records) {
          const first = personKeys(r.candidate).map((k) => seen.get(k)).find((l) => l !== undefined);
          if (first !== undefined) {
            skipped.push({ line: r.line, reason: `Duplicate of line ${first} in the file`, values: file.rows[r.line - 2] });
            continue;
          }
          for (const k of personKeys(r.candidate)) seen.set(k, r.line);
          kept.push(r);
        }
        records.splice(0, records.length, ...kept);
      }
      let created = 0;
      let attached = 0;
      const CHUNK = 500;
      for (let from = 0; from < records.length; from += CHUNK) {
        if (cancelled) break;
        const out = await importChunk({ db, actorId: req.actorId }, records.slice(from, from + CHUNK), req.placement, req.policy);
        created += out.created;
        attached += out.attached;
        for (const s of out.skipped) skipped.push({ ...s, values: file.rows[s.line - 2] });
        progress(Math.min(records.length, from + CHUNK), records.length);
      }
      skipped.sort((a, b) => a.line - b.line);
      return { type: 'import', summary: { created, attached, skipped: skipped.length, cancelled, report: reportCsv(skipped, file.headers) } };
    }
  }
}

function describe(r: { candidate: { firstName: string; lastName: string; email?: string; phone?: string }; attributes: Record<string, string> }): string {
  const c = r.candidate;
  return [`${c.firstName} ${c.lastName}`, c.email, c.phone, ...Object.entries(r.attributes).map(([k, v]) => `${k}: ${v}`)].filter(Boolean).join(' · ');
}

scope.addEventListener('message', (e) => {
  const req = e.data;
  if (req.type === 'cancel') {
    cancelled = true;
    return;
  }
  cancelled = false;
  handle(req).then(
    (result) => scope.postMessage({ type: 'result', result }),
    (error: unknown) => {
      const known = error instanceof BackupError || error instanceof ImportFileError;
      if (!known && !(error instanceof ExportCancelled)) console.error('Leadside: data worker', error);
      scope.postMessage({
        type: 'error',
        cancelled: error instanceof ExportCancelled,
        message: error instanceof Error ? error.message : String(error),
      });
    },
  );
});
