/**
 * Reading an import file into a header and rows of strings, with clear refusals for files that
 * cannot be imported. CSV through Papa Parse (chunked: a 50 MB file never becomes one giant
 * array of parser state at once), XLSX through exceljs (first worksheet; formulas give their
 * cached result, merged cells give their value to every cell they cover).
 */
import Papa from 'papaparse';
import { decodeText } from './decode';

export class ImportFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportFileError';
  }
}

export interface ParsedFile {
  headers: string[];
  rows: string[][];
  /** Things the recruiter should know (encoding guessed, ragged rows, formulas…). */
  notes: string[];
}

export const MAX_CSV_BYTES = 100 * 1024 * 1024;
export const MAX_XLSX_BYTES = 30 * 1024 * 1024;
export const MAX_ROWS = 200_000;

function finish(all: string[][], notes: string[]): ParsedFile {
  const nonEmpty = all.filter((r) => r.some((c) => c.trim() !== ''));
  if (nonEmpty.length === 0) throw new ImportFileError('The file is empty: there is nothing to import.');
  const headers = nonEmpty[0]!.map((h, i) => h.trim() || `Column ${i + 1}`);
  const rows = nonEmpty.slice(1);
  if (rows.length === 0) throw new ImportFileError('The file has a header row but no data rows.');
  if (rows.length > MAX_ROWS) throw new ImportFileError(`The file has ${rows.length.toLocaleString('en-US')} rows; import at most ${MAX_ROWS.toLocaleString('en-US')} at a time (split the file).`);
  let ragged = 0;
  for (const r of rows) {
    if (r.length !== headers.length) ragged++;
    while (r.length < headers.length) r.push('');
  }
  if (ragged > 0) notes.push(`${ragged.toLocaleString('en-US')} rows have a different number of columns than the header: missing cells are left empty, extra cells are ignored.`);
  return { headers, rows, notes };
}

export function parseCsv(bytes: Uint8Array, onProgress?: (fraction: number) => void): ParsedFile {
  if (bytes.length === 0) throw new ImportFileError('The file is empty: there is nothing to import.');
  if (bytes.length > MAX_CSV_BYTES) throw new ImportFileError(`The file is ${Math.ceil(bytes.length / 1048576)} MB; CSV imports are limited to ${MAX_CSV_BYTES / 1048576} MB (split the file).`);
  const { text, encoding } = decodeText(bytes);
  const notes: string[] = [];
  if (encoding !== 'utf-8') notes.push(`Read as ${encoding === 'windows-1252' ? 'Latin-1 (Windows-1252)' : encoding.toUpperCase()}: the file is not UTF-8.`);
  if (text.includes('\u0000')) throw new ImportFileError('This does not look like a text (CSV) file.');
  const all: string[][] = [];
  let tooMany = false;
  // Papa streams a string in chunks too (its StringStreamer), though the types only allow
  // `chunk` for files and URLs.
  const config = {
    skipEmptyLines: 'greedy',
    chunkSize: 1 << 20,
    chunk: (results: Papa.ParseResult<string[]>, parser: Papa.Parser) => {
      for (const row of results.data) all.push(row);
      // Stop reading at once when the file is over the row limit: a 50 MB file of short rows
      // is refused in about a second, instead of after holding a million rows in memory.
      if (all.length > MAX_ROWS + 1) {
        tooMany = true;
        parser.abort();
        return;
      }
      onProgress?.(Math.min(1, (results.meta.cursor ?? 0) / text.length));
    },
  } as unknown as Papa.ParseConfig<string[]>;
  Papa.parse<string[]>(text, config);
  if (tooMany) throw new ImportFileError(`The file has more than ${MAX_ROWS.toLocaleString('en-US')} rows; import at most ${MAX_ROWS.toLocaleString('en-US')} at a time (split the file). Nothing was imported.`);
  return finish(all, notes);
}

export async function parseXlsx(bytes: Uint8Array): Promise<ParsedFile> {
  if (bytes.length === 0) throw new ImportFileError('The file is empty: there is nothing to import.');
  if (bytes.length > MAX_XLSX_BYTES) throw new ImportFileError(`The workbook is ${Math.ceil(bytes.length / 1048576)} MB; Excel imports are limited to ${MAX_XLSX_BYTES / 1048576} MB — save it as CSV and import that.`);
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new ImportFileError('This is not an Excel workbook (.xlsx). Old .xls files: save as .xlsx or CSV first.');
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  } catch {
    throw new ImportFileError('This workbook could not be read: it may be damaged or password-protected.');
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new ImportFileError('The workbook has no worksheet.');
  const notes: string[] = [];
  let formulas = 0;
  const merged = Object.keys((ws as unknown as { _merges?: Record<string, unknown> })._merges ?? {}).length;
  const all: string[][] = [];
  const width = ws.columnCount;
  ws.eachRow({ includeEmpty: false }, (row) => {
    const out: string[] = [];
    for (let c = 1; c <= width; c++) {
      const cell = row.getCell(c);
      const v = cell.value;
      let text: string;
      if (v === null || v === undefined) text = '';
      else if (v instanceof Date) text = v.toISOString().slice(0, 10);
      else if (typeof v === 'object') {
        if ('formula' in v || 'sharedFormula' in v) {
          formulas++;
          const r = (v as { result?: unknown }).result;
          text = r instanceof Date ? r.toISOString().slice(0, 10) : typeof r === 'string' || typeof r === 'number' || typeof r === 'boolean' ? String(r) : '';
        } else if ('richText' in v) text = v.richText.map((t) => t.text).join('');
        else if ('text' in v) text = String((v as { text: unknown }).text);
        else text = cell.text;
      } else text = String(v);
      out.push(text);
    }
    all.push(out);
  });
  if (formulas > 0) notes.push(`${formulas} cells hold formulas: their last calculated values are imported, not the formulas.`);
  if (merged > 0) notes.push(`${merged} merged cell ranges: each cell they cover gets the merged value.`);
  return finish(all, notes);
}
