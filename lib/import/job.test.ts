import { describe, expect, it } from 'vitest';
import { makeCampaign, makeDb, makeFolder } from '../../tests/factories';
import { MAX_JOB_ERRORS } from '../domain/model';
import type { Target } from './columns';
import { createImportJob, describeLanded, importParams, isInterrupted, planImport, runImportJob, skippedRows, type ImportSettings } from './job';
import { ImportFileError, MAX_ROWS, parseCsv, type ParsedFile } from './parse';
import { ChunkAlreadyDone, importChunk } from './write';

const mapping: Target[] = ['fullName', 'email'];

function file(rows: string[][]): ParsedFile {
  return { headers: ['Name', 'Email'], rows, notes: [] };
}

async function setup() {
  const db = makeDb();
  const campaign = makeCampaign({ status: 'open' });
  await db.campaigns.add(campaign);
  await db.folders.add(makeFolder({ id: 'inbox' }));
  const settings: ImportSettings = { mapping, policy: 'attach', country: 'PH', placement: { campaignId: campaign.id, folderId: 'inbox', source: 'Import' } };
  return { db, campaign, settings, ctx: { db, actorId: 'u1' } };
}

describe('planImport', () => {
  it('refuses bad rows and, with "skip", later duplicates in the file, in line order', () => {
    const f = file([
      ['Ana Reyes', 'ana@x.com'],
      ['', 'nobody@x.com'],
      ['Ana R', 'ANA@x.com'],
      ['Bo Cruz', 'bo@x.com'],
    ]);
    const skip = planImport(f, { mapping, policy: 'skip', country: 'PH' });
    expect(skip.records.map((r) => r.line)).toEqual([2, 5]);
    expect(skip.refused).toEqual([
      { line: 3, reason: 'Missing name' },
      { line: 4, reason: 'Duplicate of line 2 in the file' },
    ]);
    // With "attach" the duplicate is written (and attached or skipped by the database check).
    expect(planImport(f, { mapping, policy: 'attach', country: 'PH' }).records.map((r) => r.line)).toEqual([2, 4, 5]);
  });
});

describe('an import job', () => {
  const rows = Array.from({ length: 7 }, (_, i) => [`Person ${i} Test`, `p${i}@x.com`]);

  it('is never pending (the service worker must not take it) and resumes at its cursor without duplicates', async () => {
    const { db, campaign, settings, ctx } = await setup();
    const f = file([...rows, ['', 'bad@x.com']]);
    const plan = planImport(f, settings);
    const job = await createImportJob(ctx, { settings, fileId: 'F1', fileName: 'people.csv', rowsInFile: f.rows.length, plan, campaignName: campaign.name });
    expect(job).toMatchObject({ kind: 'import', status: 'paused', total: 7, cursor: 0, counts: { done: 0, skipped: 1, failed: 0 } });

    // The panel closes after the second chunk: the worker dies between two chunks.
    let chunks = 0;
    await expect(
      runImportJob(ctx, job.id, plan.records, {
        chunkSize: 3,
        onProgress: () => {
          if (++chunks === 2) throw new Error('panel closed');
        },
      }),
    ).rejects.toThrow('panel closed');
    const stopped = (await db.jobs.get(job.id))!;
    expect(stopped).toMatchObject({ status: 'paused', cursor: 6 });
    expect(isInterrupted(stopped)).toBe(true);
    expect(await db.leads.count()).toBe(6);
    expect(describeLanded(stopped)).toBe('6 of 7 rows are in Leadside (6 new candidates, 0 applications added to existing candidates); 1 not yet imported.');

    // Reopened: the file is read again, the same plan, and the job goes on from row 7.
    const again = planImport(f, settings);
    const done = await runImportJob(ctx, job.id, again.records, { chunkSize: 3 });
    expect(done).toMatchObject({ status: 'done', cursor: 7, counts: { done: 7, skipped: 1, failed: 0 } });
    expect(importParams(done)).toMatchObject({ created: 7, attached: 0 });
    expect(await db.leads.count()).toBe(7);
    expect(await db.candidates.count()).toBe(7);
    expect(new Set((await db.candidates.toArray()).map((c) => c.email)).size).toBe(7);
    expect(skippedRows(again, done)).toEqual([{ line: 9, reason: 'Missing name' }]);
  });

  it('writes nothing for a chunk another runner already committed', async () => {
    const { db, campaign, settings, ctx } = await setup();
    const plan = planImport(file(rows), settings);
    const job = await createImportJob(ctx, { settings, fileId: 'F1', fileName: 'a.csv', rowsInFile: 7, plan, campaignName: campaign.name });
    await importChunk(ctx, plan.records.slice(0, 3), settings.placement, 'attach', { id: job.id, from: 0 });
    // A second panel with the same stale cursor.
    await expect(importChunk(ctx, plan.records.slice(0, 3), settings.placement, 'attach', { id: job.id, from: 0 })).rejects.toBeInstanceOf(ChunkAlreadyDone);
    expect(await db.leads.count()).toBe(3);
    expect((await db.jobs.get(job.id))!.cursor).toBe(3);
  });

  it('stops at a chunk boundary on Cancel (the job row\'s, from the job history)', async () => {
    const { db, campaign, settings, ctx } = await setup();
    const plan = planImport(file(rows), settings);
    const job = await createImportJob(ctx, { settings, fileId: 'F1', fileName: 'a.csv', rowsInFile: 7, plan, campaignName: campaign.name });
    const ended = await runImportJob(ctx, job.id, plan.records, {
      chunkSize: 2,
      onProgress: () => void db.jobs.update(job.id, { cancelRequested: true }),
    });
    expect(ended.status).toBe('cancelled');
    expect(ended.cursor).toBe(2);
    expect(await db.leads.count()).toBe(2);
  });

  it('does not announce the campaign and folder tables (the panel would reload its catalogue per chunk)', async () => {
    const { db, settings, ctx } = await setup();
    const seen: string[][] = [];
    db.changes.subscribe((c) => seen.push([...c.tables]));
    await importChunk(ctx, planImport(file(rows), settings).records, settings.placement, 'attach');
    expect(seen).toHaveLength(1);
    expect(seen[0]).not.toContain('campaigns');
    expect(seen[0]).not.toContain('folders');
    expect(seen[0]).toContain('leads');
  });
});

describe('importing people already in Leadside', () => {
  const N = MAX_JOB_ERRORS + 150;
  const people = Array.from({ length: N }, (_, i) => [`Known Person${i}`, `known${i}@x.com`]);

  it('adds an application in another campaign, and reports every row the database check skipped (past the Jobs list’s cap)', async () => {
    const { db, campaign, settings, ctx } = await setup();
    const run = async (s: ImportSettings, rows: string[][], name: string) => {
      const f = file(rows);
      const plan = planImport(f, s);
      const job = await createImportJob(ctx, { settings: s, fileId: name, fileName: `${name}.csv`, rowsInFile: f.rows.length, plan, campaignName: name });
      return { plan, done: await runImportJob(ctx, job.id, plan.records, { chunkSize: 400 }) };
    };
    const first = await run(settings, people, 'first');
    expect(importParams(first.done)).toMatchObject({ created: N, attached: 0 });

    // The same people into a second campaign: each gets a new application, no new candidate.
    const other = makeCampaign({ status: 'open', name: 'Night shift' });
    await db.campaigns.add(other);
    const into = { ...settings, placement: { ...settings.placement, campaignId: other.id } };
    const second = await run(into, people, 'second');
    expect(importParams(second.done)).toMatchObject({ created: 0, attached: N });
    expect(await db.candidates.count()).toBe(N);
    expect(await db.leads.where('campaignId').equals(other.id).count()).toBe(N);

    // Once more into the first campaign (and one bad row): all skipped, every one in the report.
    const third = await run(settings, [...people, ['', 'x@x.com']], 'third');
    expect(third.done.counts).toEqual({ done: 0, skipped: N + 1, failed: 0 });
    expect(third.done.errors).toHaveLength(MAX_JOB_ERRORS);
    const report = skippedRows(third.plan, third.done);
    expect(report).toHaveLength(N + 1);
    expect(report.at(-1)).toEqual({ line: N + 2, reason: 'Missing name' });
    expect(report[N - 1]).toEqual({ line: N + 1, reason: `Already has an application in ${campaign.name}` });
    expect(new Set(report.map((r) => r.line)).size).toBe(N + 1);
  });
});

describe('a CSV over the row limit', () => {
  it('is refused while reading, before the whole file is held as rows', () => {
    const lines = ['Name,Email'];
    for (let i = 0; i < MAX_ROWS + 100_000; i++) lines.push(`P${i},p${i}@x.com`);
    const bytes = new TextEncoder().encode(lines.join('\n'));
    let lastProgress = 0;
    expect(() => parseCsv(bytes, (f) => (lastProgress = f))).toThrow(ImportFileError);
    expect(() => parseCsv(bytes)).toThrow(`The file has more than 200,000 rows; import at most 200,000 at a time (split the file). Nothing was imported.`);
    // It stopped reading about two thirds in, not at the end of the file.
    expect(lastProgress).toBeLessThan(0.8);
  });
});
