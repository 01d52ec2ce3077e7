import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { makeCampaign, makeDb, makeFolder } from '../../tests/factories';
import { guessMapping, headerKey } from './columns';
import { decodeText } from './decode';
import { ImportFileError, MAX_XLSX_BYTES, parseCsv, parseXlsx } from './parse';
import { prepareRow, reportCsv, splitFullName } from './rows';
import { importChunk } from './write';
import type { ImportRecord } from './rows';

const enc = (s: string) => new TextEncoder().encode(s);

describe('decode', () => {
  it('reads UTF-8 with BOM, UTF-16 LE/BE with BOM and Latin-1', () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...enc('Ñoño')]))).toEqual({ text: 'Ñoño', encoding: 'utf-8' });
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('José,李', 'utf16le')]);
    expect(decodeText(new Uint8Array(le))).toEqual({ text: 'José,李', encoding: 'utf-16le' });
    const be = Buffer.from('José', 'utf16le').swap16();
    expect(decodeText(new Uint8Array([0xfe, 0xff, ...be])).text).toBe('José');
    expect(decodeText(new Uint8Array(Buffer.from('José Peña', 'latin1')))).toEqual({ text: 'José Peña', encoding: 'windows-1252' });
    // UTF-16 with no BOM and mostly Chinese: few ASCII characters, and 一 (U+4E00) has a 0 low byte.
    const cjk = '姓名,电话\r\n王一明,一二三\r\n陈大文,张三丰\r\n';
    expect(decodeText(new Uint8Array(Buffer.from(cjk, 'utf16le')))).toEqual({ text: cjk, encoding: 'utf-16le' });
    expect(decodeText(new Uint8Array(Buffer.from(cjk, 'utf16le').swap16()))).toEqual({ text: cjk, encoding: 'utf-16be' });
  });
});

describe('columns', () => {
  it('guesses in several languages', () => {
    expect(headerKey(' Correo Electrónico: ')).toBe('correo electronico');
    expect(guessMapping(['Nombre', 'Apellido', 'Correo electrónico', 'Teléfono', 'LinkedIn', 'Turno'], [{ key: 'shift', label: 'Turno', type: 'text', updatedAt: 0 }])).toEqual([
      'firstName',
      'lastName',
      'email',
      'phone',
      'linkedinUrl',
      'attr:shift',
    ]);
    expect(guessMapping(['Buong pangalan', 'Telepono', 'Courriel', 'Sobrenome'], [])).toEqual(['firstName', 'phone', 'email', 'lastName']);
    expect(guessMapping(['Prénom', 'Nom', 'Email', 'Email'], [])).toEqual(['firstName', 'lastName', 'email', '']);
    expect(guessMapping(['Name', 'Email', 'External ID'], [])).toEqual(['fullName', 'email', 'externalId']);
  });
});

describe('rows', () => {
  const mapping = ['fullName', 'email', 'phone', 'attr:shift'] as const;
  it('prepares a row as stored, and refuses bad ones with reasons', () => {
    const ok = prepareRow(['Ana María Reyes', ' ana@x.com ', '0917 123 4567', 'Night'], [...mapping], 2, 'PH');
    expect(ok).toEqual({ ok: true, record: { line: 2, candidate: { firstName: 'Ana María', lastName: 'Reyes', email: 'ana@x.com', phone: '+639171234567' }, attributes: { shift: 'Night' } } });
    expect(prepareRow(['', 'a@x.com', '', ''], [...mapping], 3, 'PH')).toEqual({ ok: false, line: 3, reason: 'Missing name' });
    const bad = prepareRow(['Bo', 'not-an-email', '12', ''], [...mapping], 4, 'PH');
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.reason).toMatch(/Bad email.*Unparseable phone/);
  });
  it('splits full names and writes a neutralised report', () => {
    expect(splitFullName('Reyes, Ana María')).toEqual({ firstName: 'Ana María', lastName: 'Reyes' });
    expect(splitFullName('李 小龙')).toEqual({ firstName: '李', lastName: '小龙' });
    expect(reportCsv([{ line: 3, reason: 'Missing name', values: ['=cmd', 'x,y'] }], ['A', 'B'])).toBe("\uFEFFLine,Reason,A,B\r\n3,Missing name,'=cmd,\"x,y\"\r\n");
  });
});

describe('parse', () => {
  it('reads CSV with BOM, CRLF, quoted commas and newlines, ragged rows', () => {
    const csv = '\uFEFFName,Email,Notes\r\n"Reyes, Ana",ana@x.com,"line1\r\nline2"\r\nΔημήτρης Παπαδόπουλος,d@x.com\r\n\r\n';
    const parsed = parseCsv(enc(csv));
    expect(parsed.headers).toEqual(['Name', 'Email', 'Notes']);
    expect(parsed.rows).toEqual([
      ['Reyes, Ana', 'ana@x.com', 'line1\r\nline2'],
      ['Δημήτρης Παπαδόπουλος', 'd@x.com', ''],
    ]);
    expect(parsed.notes.join(' ')).toMatch(/1 rows have a different number of columns/);
  });
  it('refuses empty files', () => {
    expect(() => parseCsv(new Uint8Array())).toThrow(ImportFileError);
    expect(() => parseCsv(enc('\r\n\r\n'))).toThrow('empty');
    expect(() => parseCsv(enc('Name,Email\r\n'))).toThrow('no data rows');
  });
  it('refuses a workbook over the Excel size limit before opening it, saying what to do', async () => {
    const big = new Uint8Array(MAX_XLSX_BYTES + 1);
    await expect(parseXlsx(big)).rejects.toThrow(new ImportFileError('The workbook is 31 MB; Excel imports are limited to 30 MB — save it as CSV and import that.'));
    // Not a workbook at all (a renamed CSV, a damaged download): a clear message too.
    await expect(parseXlsx(new TextEncoder().encode('Name,Email\nAna,a@x.com'))).rejects.toBeInstanceOf(ImportFileError);
  });

  it('reads XLSX with formulas and merged cells', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.addRow(['Name', 'Email', 'Score']);
    ws.addRow(['Ana Reyes', 'ana@x.com', { formula: '1+1', result: 2 }]);
    ws.addRow(['Bo Cruz', 'bo@x.com', 5]);
    ws.mergeCells('C3:C4');
    ws.addRow(['Cy Dee', 'cy@x.com']);
    const parsed = await parseXlsx(new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(parsed.rows[0]).toEqual(['Ana Reyes', 'ana@x.com', '2']);
    // Row 4 holds only the lower half of the merged C3:C4: it gets the merged value.
    expect(parsed.rows[2]).toEqual(['', '', '5']);
    expect(parsed.rows[3]).toEqual(['Cy Dee', 'cy@x.com', '']);
    expect(parsed.notes.join(' ')).toMatch(/formulas.*merged/s);
    await expect(parseXlsx(enc('hello'))).rejects.toThrow('not an Excel workbook');
  });
});

describe('importChunk', () => {
  it('creates, attaches or skips duplicates (database and file)', async () => {
    const db = makeDb();
    const c1 = makeCampaign({ status: 'open' });
    await db.campaigns.add(c1);
    await db.folders.add(makeFolder({ id: 'inbox' }));
    const rec = (line: number, email: string, first = 'Ana'): ImportRecord => ({ line, candidate: { firstName: first, lastName: 'R', email }, attributes: { shift: 'Night' } });
    const ctx = { db, actorId: 'u1' };
    const placement = { campaignId: c1.id, folderId: 'inbox', source: 'Import' };
    const r1 = await importChunk(ctx, [rec(2, 'a@x.com'), rec(3, 'A@X.com'), rec(4, 'b@x.com')], placement, 'attach');
    expect(r1.created).toBe(2);
    expect(r1.skipped).toEqual([{ line: 3, reason: expect.stringMatching(/Already has an application/) as unknown }]);
    const r2 = await importChunk(ctx, [rec(5, 'b@x.com')], placement, 'skip');
    expect(r2.skipped[0]?.reason).toMatch(/Duplicate of Ana R \(C-/);
    expect(await db.candidates.count()).toBe(2);
    const leads = await db.leads.toArray();
    expect(leads).toHaveLength(2);
    expect(leads[0]!.attributes).toEqual({ shift: 'Night' });
    expect(leads[0]!.ref).toMatch(/^A-/);
  });
});
