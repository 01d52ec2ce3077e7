/**
 * The data worker (DESIGN §2: heavy work leaves the UI thread): export, backup and restore,
 * import parsing and writing. It opens the extension's database itself (same origin); its
 * writes reach the panel's index through the change feed. Cancel arrives as a message and is
 * honoured at the next chunk boundary.
 */
import { BackupError, inspectBackup, makeBackup, restoreBackup, stagingName } from '../../lib/backup/backup';
import { LeadsideDB } from '../../lib/db/schema';
import type { Lead } from '../../lib/domain/model';
import { writeWithExcelJS } from '../../lib/export/exceljs-reference';
import { buildRow, pickFields } from '../../lib/export/fields';
import { MinimalXlsxWriter, plainRow } from '../../lib/export/minimal-reference';
import { ExportCancelled, loadRowContext, runExport, selectLeadIds } from '../../lib/export/run';
import type { Compressor } from '../../lib/export/zip';
import { ImportFileError, parseCsv, parseXlsx, type ParsedFile } from '../../lib/import/parse';
import { ImportFilesDB } from '../../lib/import/files';
import { createImportJob, endImport, importParams, isImportJob, planImport, runImportJob, skippedRows, type ImportPlan } from '../../lib/import/job';
import { personKeys, reportCsv, type ImportRecord } from '../../lib/import/rows';
import { lookupDuplicates } from '../../lib/db/mutations/candidates';
import { newId } from '../../lib/db/mutate';
import { isFinished } from '../../lib/jobs/engine';
import { openDatabase } from '../../lib/platform/database';
import type { DataEvent, DataRequest, DataResult, ImportSummary, PreviewRow } from './protocol';

const scope = globalThis as unknown as {
  postMessage(message: DataEvent): void;
  addEventListener(type: 'message', listener: (e: MessageEvent<DataRequest | { type: 'cancel' }>) => void): void;
};

let cancelled = false;
let parsed: ParsedFile | null = null;
let parsedFile: { blob: Blob; name: string } | null = null;

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
    case 'benchMinimal': {
      // The same leads, read the same way (kept from one selecting pass; candidates by id,
      // 2,000 at a time), written as plainly as an .xlsx can be: the baseline General Export
      // is held to.
      peakHeap = 0;
      const kept = new Map<string, Lead>();
      const ids = await selectLeadIds(db, req.request.filter, kept);
      const writer = new MinimalXlsxWriter(deflate);
      await writer.start();
      for (let from = 0; from < ids.length; from += 2000) {
        const leads = ids.slice(from, from + 2000).map((id) => kept.get(id)).filter((l) => !!l);
        const cands = new Map((await db.candidates.bulkGet(leads.map((l) => l.candidateId))).filter((c) => !!c).map((c) => [c.id, c]));
        await writer.addRows(leads.map((l) => plainRow(l, cands.get(l.candidateId))));
        progress(from, ids.length);
      }
      const parts = await writer.finish();
      sampleHeap();
      return { type: 'benchMinimal', bytes: parts.reduce((n, p) => n + p.byteLength, 0), rows: writer.rows, peakHeap };
    }
    case 'backup':
      return { type: 'backup', blob: await makeBackup(db, progress) };
    case 'inspect':
      return { type: 'inspect', summary: await inspectBackup(req.file, db.verno, db.name) };
    case 'restore':
      return { type: 'restore', summary: await restoreBackup(db, req.file, { openStaging: () => new LeadsideDB(stagingName(Date.now())), onProgress: progress }) };
    case 'parse': {
      parsed = null;
      parsedFile = { blob: req.file, name: req.name };
      const bytes = new Uint8Array(await req.file.arrayBuffer());
      parsed = /\.xlsx$/i.test(req.name) ? await parseXlsx(bytes) : parseCsv(bytes, (f) => progress(Math.round(f * 100), 100));
      return { type: 'parse', info: { headers: parsed.headers, sample: parsed.rows.slice(0, 5), total: parsed.rows.length, notes: parsed.notes } };
    }
    case 'preview': {
      if (!parsed) throw new ImportFileError('Choose a file first.');
      // The rows as the import will take them: the same plan (errors, and in-file duplicates
      // with "skip"), then, for the rows shown, who is already in Leadside and what happens.
      const plan = planImport(parsed, { mapping: req.mapping, policy: req.policy, country: req.country });
      const refused = new Map(plan.refused.map((s) => [s.line, s.reason]));
      const records = new Map(plan.records.map((r) => [r.line, r]));
      const firstSeen = new Map<string, number>();
      const rows: PreviewRow[] = [];
      for (let line = 2; line < parsed.rows.length + 2 && rows.length < 10; line++) {
        const record = records.get(line);
        if (!record) {
          rows.push({ line, ok: false, text: refused.get(line) ?? 'Skipped' });
          continue;
        }
        const row: PreviewRow = { line, ok: true, text: describe(record) };
        const keys = personKeys(record.candidate);
        const earlier = keys.map((k) => firstSeen.get(k)).find((l) => l !== undefined);
        for (const k of keys) if (!firstSeen.has(k)) firstSeen.set(k, line);
        const known = earlier === undefined ? (await lookupDuplicates(db, record.candidate))[0]?.candidate : undefined;
        if (earlier !== undefined) row.note = `same person as line ${earlier}: skipped (one application per campaign)`;
        else if (known) {
          const who = `${known.firstName} ${known.lastName}${known.ref ? ` (${known.ref})` : ''}`;
          const applied = req.campaignId ? (await db.leads.where('[candidateId+campaignId]').equals([known.id, req.campaignId]).count()) > 0 : false;
          row.note =
            req.policy === 'skip'
              ? `already in Leadside as ${who}: skipped`
              : applied
                ? `already in Leadside as ${who}, with an application in this campaign: skipped`
                : `already in Leadside as ${who}: a new application is added`;
        }
        rows.push(row);
      }
      return { type: 'preview', rows, errors: plan.refused.length };
    }
    case 'import': {
      if (!parsed || !parsedFile) throw new ImportFileError('Choose a file first.');
      const settings = { mapping: req.mapping, policy: req.policy, country: req.country, placement: req.placement };
      const plan = planImport(parsed, settings);
      const campaign = await db.campaigns.get(req.placement.campaignId);
      if (!campaign) throw new ImportFileError('That campaign no longer exists.');
      // The file's bytes are kept until the job ends, so a closed panel can resume it.
      const files = new ImportFilesDB();
      await dropOrphans(db, files);
      const fileId = newId();
      await files.files.add({ id: fileId, name: parsedFile.name, blob: parsedFile.blob, createdAt: Date.now() });
      let job;
      try {
        job = await createImportJob({ db, actorId: req.actorId }, { settings, fileId, fileName: parsedFile.name, rowsInFile: parsed.rows.length, plan, campaignName: campaign.name });
      } catch (error) {
        await files.files.delete(fileId);
        throw error;
      }
      return { type: 'import', summary: await runToEnd(db, req.actorId, job.id, parsed, plan, files) };
    }
    case 'resume': {
      const job = await db.jobs.get(req.jobId);
      if (!job || !isImportJob(job)) throw new ImportFileError('That import is gone.');
      const p = importParams(job);
      const files = new ImportFilesDB();
      const staged = await files.files.get(p.fileId);
      if (!staged) throw new ImportFileError(`The file ${p.fileName} is no longer stored: import it again (rows already imported are recognised as duplicates).`);
      const bytes = new Uint8Array(await staged.blob.arrayBuffer());
      const file = /\.xlsx$/i.test(staged.name) ? await parseXlsx(bytes) : parseCsv(bytes);
      return { type: 'import', summary: await runToEnd(db, req.actorId, job.id, file, planImport(file, p), files) };
    }
    case 'abandon': {
      const job = await endImport({ db, actorId: req.actorId }, req.jobId, 'cancelled');
      await new ImportFilesDB().files.delete(importParams(job).fileId);
      return { type: 'abandon' };
    }
  }
}

/** Staged files no unfinished import needs (its job was ended elsewhere, or a restore replaced the jobs). */
async function dropOrphans(db: LeadsideDB, files: ImportFilesDB): Promise<void> {
  const needed = new Set((await db.jobs.where('status').equals('paused').toArray()).filter(isImportJob).map((j) => importParams(j).fileId));
  const orphans = (await files.files.toCollection().primaryKeys()).filter((id) => !needed.has(id));
  if (orphans.length > 0) await files.files.bulkDelete(orphans);
}

/** Runs an import job from its cursor to its end; the staged file goes when the job ends. */
async function runToEnd(db: LeadsideDB, actorId: string, jobId: string, file: ParsedFile, plan: ImportPlan, files: ImportFilesDB): Promise<ImportSummary> {
  const job = await runImportJob({ db, actorId }, jobId, plan.records, {
    isCancelled: () => cancelled,
    onProgress: (done, total) => {
      sampleHeap();
      scope.postMessage({ type: 'progress', done, total, jobId });
    },
  });
  const p = importParams(job);
  if (isFinished(job)) await files.files.delete(p.fileId);
  const skipped = skippedRows(plan, job).map((s) => ({ ...s, values: file.rows[s.line - 2] }));
  return {
    created: p.created,
    attached: p.attached,
    skipped: job.counts.skipped,
    cancelled: job.status === 'cancelled',
    report: reportCsv(skipped, file.headers),
    jobId,
  };
}

/** A row as it will be stored: every field it sets, in the profile's order. */
function describe(r: ImportRecord): string {
  const c = r.candidate;
  return [
    `${c.firstName} ${c.lastName}`,
    c.email,
    c.phone,
    c.headline,
    c.company,
    c.location,
    c.linkedinUrl,
    c.facebookUrl,
    c.externalId ? `external ID ${c.externalId}` : '',
    ...Object.entries(r.attributes).map(([k, v]) => `${k}: ${v}`),
  ]
    .filter(Boolean)
    .join(' · ');
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
