import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { makeAttributeDef, makeCampaign, makeCandidate, makeComment, makeDb, makeFolder, makeLabel, makeLead, makeMessage } from '../../tests/factories';
import { csvField, csvHeader, csvLines, formatDateTime } from './csv';
import { BASE_FIELDS, buildRow, exportFileName, leadMatches, pickFields, type ExportField } from './fields';
import { couldStartFormula, neutralise } from './neutralise';
import { runExport } from './run';
import { XlsxStreamWriter, columnName, excelSerial, xmlEscape } from './xlsx';
import { crc32 } from './zip';
import { MinimalXlsxWriter, plainRow } from './minimal-reference';

const HOSTILE = ['=HYPERLINK("x")', '+1-555', '@SUM(1)', '-2+3', '\tlead', '  =1+1', '\r=x', '\n=x'];
const deflate = () => new CompressionStream('deflate-raw') as unknown as TransformStream<Uint8Array, Uint8Array>;

function concat(parts: (Uint8Array | string)[]): Buffer {
  return Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));
}

describe('neutralise', () => {
  it.each(HOSTILE)('makes %j inert', (v) => {
    expect(couldStartFormula(v)).toBe(true);
    expect(neutralise(v)).toBe(`'${v}`);
  });
  it.each(['Ana', 'a=b', 'x+1', '', '123', 'ana@example.com'])('leaves %j alone', (v) => {
    expect(neutralise(v)).toBe(v);
  });
});

describe('csv', () => {
  it('quotes commas, quotes and newlines and neutralises formulas', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('\tlead')).toBe(`'\tlead`);
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
  });
  it('writes dates in local time and numbers plainly, with a BOM header', () => {
    const fields: ExportField[] = [
      { key: 'a', header: 'When', kind: 'date' },
      { key: 'b', header: 'N', kind: 'number' },
      { key: 'c', header: 'Phone', kind: 'phone' },
    ];
    expect(csvHeader(fields)).toBe('\uFEFFWhen,N,Phone\r\n');
    const t = Date.UTC(2024, 0, 15, 12, 5);
    expect(csvLines(fields, [[t, 3, '+639171234567']], () => -480)).toBe(`2024-01-15 20:05,3,'+639171234567\r\n`);
    expect(formatDateTime(t, 0)).toBe('2024-01-15 12:05');
  });
});

describe('fields and rows', () => {
  const campaign = makeCampaign({ name: 'Call center' });
  const label = makeLabel({ name: 'Hot' });
  const candidate = makeCandidate({ firstName: 'Ana', lastName: 'Reyes', phone: '+639171234567' });
  const lead = makeLead({ candidateId: candidate.id, campaignId: campaign.id, folderId: 'rejected', labels: [label.id], rejectReason: 'No show', attributes: { shift: 'Night', years: 4 } });
  const ctx = {
    campaigns: new Map([[campaign.id, campaign]]),
    folders: new Map([['rejected', { name: 'Rejected' }]]),
    labels: new Map([[label.id, label]]),
    users: new Map(),
    commentCounts: new Map([[lead.id, 2]]),
    lastMessageAt: new Map([[candidate.id, 1234]]),
  };
  it('builds one row with names, counts and attributes', () => {
    const defs = [makeAttributeDef({ key: 'shift', label: 'Shift', type: 'text' }), makeAttributeDef({ key: 'years', label: 'Years', type: 'number' })];
    const fields = pickFields(defs, ['firstName', 'phone', 'campaign', 'folder', 'labels', 'rejectReason', 'commentCount', 'lastMessageAt', 'attr:shift', 'attr:years']);
    expect(buildRow(fields, lead, candidate, ctx)).toEqual(['Ana', '+639171234567', 'Call center', 'Rejected', 'Hot', 'No show', 2, 1234, 'Night', 4]);
  });
  it('writes the captured profile details: job title, About and websites (one a line)', () => {
    const captured = { ...candidate, title: 'Team Lead', about: 'Ten years.\nNights.', websites: ['https://a.example/', 'https://b.example/'] };
    const fields = pickFields([], ['title', 'about', 'websites']);
    expect(fields.map((f) => f.header)).toEqual(['Job title', 'About', 'Websites']);
    expect(buildRow(fields, lead, captured, ctx)).toEqual(['Team Lead', 'Ten years.\nNights.', 'https://a.example/\nhttps://b.example/']);
    expect(buildRow(fields, lead, candidate, ctx)).toEqual([null, null, null]);
  });
  it('filters by campaign, folder and date range', () => {
    const f = { campaignIds: [campaign.id], folderIds: ['rejected'], addedFrom: lead.addedAt - 1, addedTo: lead.addedAt };
    expect(leadMatches(f, lead)).toBe(true);
    expect(leadMatches({ ...f, folderIds: ['inbox'] }, lead)).toBe(false);
    expect(leadMatches({ ...f, addedTo: lead.addedAt - 1 }, lead)).toBe(false);
    expect(leadMatches({ campaignIds: [], folderIds: [] }, lead)).toBe(true);
  });
  it('names the file after the workspace and the date', () => {
    expect(exportFileName('Acme / PH', new Date(2025, 2, 4), 'xlsx')).toBe('Leadside Acme PH export 2025-03-04.xlsx');
  });
});

describe('xlsx writer', () => {
  it('helpers', () => {
    expect(columnName(0)).toBe('A');
    expect(columnName(25)).toBe('Z');
    expect(columnName(26)).toBe('AA');
    expect(excelSerial(Date.UTC(1970, 0, 1), 0)).toBe(25569);
    expect(xmlEscape('a<b&"\u0001')).toBe('a&lt;b&amp;&quot;');
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });

  it.each([
    ['deflated', deflate],
    ['stored', null],
  ] as const)('writes a workbook exceljs reads back (%s)', async (_, compressor) => {
    const fields: ExportField[] = [
      { key: 'name', header: 'Name', kind: 'text' },
      { key: 'phone', header: 'Phone', kind: 'phone' },
      { key: 'added', header: 'Date Added', kind: 'date' },
      { key: 'n', header: 'Comments', kind: 'number' },
    ];
    const t = Date.UTC(2024, 0, 15, 12, 0);
    const rows = [...HOSTILE.map((h, i) => [h, '+639171234567', t, i]), ['Ñoño 李', null, null, 0]];
    const w = new XlsxStreamWriter({ fields, sample: rows, compressor: compressor, offsetMinutes: () => 0 });
    await w.start();
    await w.addRows(rows.slice(0, 3));
    await w.addRows(rows.slice(3));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(concat(await w.finish()) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.rowCount).toBe(rows.length + 1);
    expect(ws.getRow(1).getCell(1).value).toBe('Name');
    expect(ws.getRow(1).font?.bold ?? ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBe('A1:D10');
    for (let i = 0; i < HOSTILE.length; i++) {
      const cell = ws.getCell(`A${i + 2}`);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.value).toBe(`'${HOSTILE[i]!}`);
    }
    expect(ws.getCell('B2').value).toBe('+639171234567');
    expect(ws.getCell('B2').type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell('C2').value).toEqual(new Date(t));
    expect(ws.getCell('D3').value).toBe(1);
    expect(ws.getCell('A10').value).toBe('Ñoño 李');
  });
});

describe('the bench’s minimal writer (the baseline General Export is measured against)', () => {
  it('writes a real workbook of the leads’ own values', async () => {
    const candidate = makeCandidate({ firstName: 'Ana & <Bo>', lastName: 'Reyes' });
    const lead = makeLead({ candidateId: candidate.id, addedAt: 1234 });
    const w = new MinimalXlsxWriter(deflate);
    await w.start();
    await w.addRows([plainRow(lead, candidate), plainRow(lead, undefined)]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(concat(await w.finish()) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(w.rows).toBe(2);
    expect(ws.rowCount).toBe(2);
    expect(ws.getCell('C1').value).toBe('Ana & <Bo>');
    expect(ws.getCell('P1').value).toBe(1234);
    expect(ws.getCell('C2').value).toBeNull();
  });
});

describe('date attributes', () => {
  it('are the day as typed in every time zone, with no time, in CSV and XLSX', async () => {
    const def = makeAttributeDef({ key: 'start', label: 'Start date', type: 'date' });
    const [field] = pickFields([def], ['attr:start']);
    expect(field).toMatchObject({ header: 'Start date', kind: 'day' });
    const candidate = makeCandidate();
    const lead = makeLead({ candidateId: candidate.id, attributes: { start: '2025-03-14' } });
    const bad = makeLead({ candidateId: candidate.id, attributes: { start: '2025-02-30' } });
    const ctx = { campaigns: new Map(), folders: new Map(), labels: new Map(), users: new Map(), commentCounts: new Map(), lastMessageAt: new Map() };
    const [cell] = buildRow([field!], lead, candidate, ctx);
    expect(cell).toBe(Date.UTC(2025, 2, 14));
    // Not a day: kept as typed (text), never shifted into another one.
    expect(buildRow([field!], bad, candidate, ctx)).toEqual(['2025-02-30']);
    // West of UTC (offset +480, US Pacific) and east (−540, Tokyo): the same day.
    for (const offset of [480, -540]) {
      expect(csvLines([field!], [[cell!]], () => offset)).toBe('2025-03-14\r\n');
      const w = new XlsxStreamWriter({ fields: [field!], sample: [[cell!]], compressor: null, offsetMinutes: () => offset });
      await w.start();
      await w.addRows([[cell!]]);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(concat(await w.finish()) as unknown as ArrayBuffer);
      const c = wb.worksheets[0]!.getCell('A2');
      expect(c.value).toEqual(new Date(Date.UTC(2025, 2, 14)));
      expect(c.numFmt).toBe('yyyy-mm-dd');
    }
  });
});

describe('runExport', () => {
  it('exports the chosen leads with hostile values inert, in CSV and XLSX', async () => {
    const db = makeDb();
    const c1 = makeCampaign({ name: 'One' });
    const c2 = makeCampaign({ name: 'Two' });
    await db.campaigns.bulkAdd([c1, c2]);
    await db.folders.bulkAdd([makeFolder({ id: 'inbox', name: 'Inbox' })]);
    await db.attributeDefs.add(makeAttributeDef({ key: 'note', label: 'Note', type: 'text' }));
    const cands = HOSTILE.map((h) => makeCandidate({ firstName: h, lastName: 'X' }));
    await db.candidates.bulkAdd(cands);
    const leads = cands.map((c, i) => makeLead({ candidateId: c.id, campaignId: i % 2 ? c2.id : c1.id, folderId: 'inbox', attributes: { note: HOSTILE[i]! }, addedAt: 1000 + i }));
    await db.leads.bulkAdd(leads);
    await db.comments.bulkAdd([makeComment({ leadId: leads[0]!.id }), makeComment({ leadId: leads[0]!.id })]);
    await db.messages.add(makeMessage({ candidateId: cands[0]!.id, sentAt: 5000 }));

    const io = { compressor: deflate, offsetMinutes: () => 0, chunkSize: 3 };
    const csv = await runExport(db, { format: 'csv', filter: { campaignIds: [c1.id], folderIds: [] }, fields: null }, io);
    const parsed = Papa.parse<string[]>(concat(csv.parts).toString('utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true });
    const header = parsed.data[0]!;
    expect(header.slice(0, BASE_FIELDS.length)).toEqual(BASE_FIELDS.map((f) => f.header));
    expect(header.at(-1)).toBe('Note');
    expect(parsed.data.length - 1).toBe(4);
    const first = header.indexOf('First name');
    for (const row of parsed.data.slice(1)) expect(row[first]!.startsWith("'")).toBe(true);

    const xlsx = await runExport(db, { format: 'xlsx', filter: { campaignIds: [], folderIds: [] }, fields: ['firstName', 'commentCount', 'lastMessageAt', 'attr:note'] }, io);
    expect(xlsx.rows).toBe(HOSTILE.length);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(concat(xlsx.parts) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).values).toEqual([undefined, 'First name', 'Comments', 'Last message', 'Note']);
    // Newest first: the first lead is last.
    const last = ws.getRow(HOSTILE.length + 1);
    expect(last.getCell(1).value).toBe(`'${HOSTILE[0]!}`);
    expect(last.getCell(2).value).toBe(2);
    expect(last.getCell(3).value).toEqual(new Date(5000));
    expect(last.getCell(4).value).toBe(`'${HOSTILE[0]!}`);
  });

  it('stops when cancelled', async () => {
    const db = makeDb();
    await db.leads.bulkAdd([makeLead(), makeLead(), makeLead()]);
    await expect(runExport(db, { format: 'csv', filter: { campaignIds: [], folderIds: [] }, fields: null }, { compressor: null, offsetMinutes: () => 0, isCancelled: () => true })).rejects.toThrow('cancelled');
  });
});
