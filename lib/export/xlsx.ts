/**
 * A streaming XLSX writer: one worksheet of inline strings (no shared-strings table to hold in
 * memory), rows encoded and compressed as they come. Bold frozen header, autofilter, column
 * widths, dates as Excel serial numbers with a date format, phones as text, and every text
 * cell that could start a formula neutralised (apostrophe, string cell). ECMA-376 Part 1, §18.
 */
import type { Cell, ExportField } from './fields';
import { couldStartFormula } from './neutralise';
import { ZipWriter, type Compressor, type ZipEntryWriter } from './zip';

// Style indexes into cellXfs below.
const S_HEADER = 1;
const S_DATE = 2;
const S_TEXT = 3;
const S_DAY = 4;

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd\\ hh:mm"/><numFmt numFmtId="165" formatCode="yyyy\\-mm\\-dd"/></numFmts><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" quotePrefix="1"/><xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`;

const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;

const WORKBOOK_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`;

// A raw CR would be read back as LF (XML end-of-line handling): written as &#13;.
// XML 1.0 forbids most control characters even escaped; drop them (and lone surrogates).
// eslint-disable-next-line no-control-regex -- exactly the characters XML 1.0 forbids
const INVALID_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function xmlEscape(text: string): string {
  return text.replace(INVALID_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/\r/g, '&#13;');
}

/** "A", "B", … "Z", "AA"… for a zero-based column index. */
export function columnName(index: number): string {
  let n = index + 1;
  let name = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    name = String.fromCharCode(65 + r) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}

/** Excel's serial date (days since 1899-12-30) of epoch ms, shown in the local zone. */
export function excelSerial(ms: number, offsetMinutes: number): number {
  return (ms - offsetMinutes * 60_000) / 86_400_000 + 25569;
}

/** Column widths in characters: from the header and the first rows, within 8…50. */
export function columnWidths(fields: readonly ExportField[], sample: readonly Cell[][]): number[] {
  return fields.map((f, i) => {
    let width = f.kind === 'date' ? 16 : f.kind === 'phone' ? 16 : f.kind === 'day' ? 11 : 8;
    width = Math.max(width, f.header.length + 3); // room for the filter button
    for (const row of sample) {
      const cell = row[i];
      if (typeof cell === 'string') width = Math.max(width, cell.length + 1);
      else if (typeof cell === 'number' && f.kind !== 'date' && f.kind !== 'day') width = Math.max(width, String(cell).length + 1);
    }
    return Math.min(50, width);
  });
}

const PHONE = /^\+?\d[\d ]*$/;

export interface XlsxOptions {
  fields: readonly ExportField[];
  /** First rows, for column widths. */
  sample: readonly Cell[][];
  sheetName?: string;
  /** Raw deflate; null stores entries uncompressed. */
  compressor: Compressor | null;
  /** Minutes to subtract from UTC for local time at that instant (Date#getTimezoneOffset). */
  offsetMinutes: (ms: number) => number;
  at?: Date;
}

export class XlsxStreamWriter {
  private readonly zip: ZipWriter;
  private sheet: ZipEntryWriter | null = null;
  private rowNumber = 1;
  private readonly encoder = new TextEncoder();
  private readonly refs: string[];

  constructor(private readonly options: XlsxOptions) {
    this.zip = new ZipWriter(options.compressor, options.at);
    this.refs = options.fields.map((_, i) => columnName(i));
  }

  /** Writes the fixed parts and the sheet's head (header row); call once before `addRows`. */
  async start(): Promise<void> {
    const { fields } = this.options;
    const name = xmlEscape((this.options.sheetName ?? 'Leads').replace(/[\\/?*[\]:]/g, ' ').slice(0, 31));
    await this.zip.add('[Content_Types].xml', CONTENT_TYPES);
    await this.zip.add('_rels/.rels', ROOT_RELS);
    this.sheet = this.zip.open('xl/worksheets/sheet1.xml');
    const widths = columnWidths(fields, this.options.sample);
    const cols = widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('');
    let head =
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>' +
      `<cols>${cols}</cols><sheetData><row r="1">`;
    fields.forEach((f, i) => {
      head += `<c r="${this.refs[i]!}1" t="inlineStr" s="${S_HEADER}"><is><t>${xmlEscape(f.header)}</t></is></c>`;
    });
    head += '</row>';
    await this.sheet.write(this.encoder.encode(head));
    this.sheetName = name;
  }

  private sheetName = 'Leads';

  async addRows(rows: readonly Cell[][]): Promise<void> {
    if (!this.sheet) throw new Error('XlsxStreamWriter.start() first');
    const { fields, offsetMinutes } = this.options;
    let xml = '';
    for (const row of rows) {
      const r = ++this.rowNumber;
      xml += `<row r="${r}">`;
      for (let i = 0; i < fields.length; i++) {
        const cell = row[i];
        if (cell === null || cell === undefined || cell === '') continue;
        const ref = this.refs[i]! + r;
        const kind = fields[i]!.kind;
        if (typeof cell === 'number') {
          if (!Number.isFinite(cell)) continue;
          if (kind === 'date') xml += `<c r="${ref}" s="${S_DATE}"><v>${excelSerial(cell, offsetMinutes(cell))}</v></c>`;
          else if (kind === 'day') xml += `<c r="${ref}" s="${S_DAY}"><v>${excelSerial(cell, 0)}</v></c>`;
          else if (kind === 'phone') xml += `<c r="${ref}" t="inlineStr" s="${S_TEXT}"><is><t>${cell}</t></is></c>`;
          else xml += `<c r="${ref}"><v>${cell}</v></c>`;
        } else if (kind === 'phone' && PHONE.test(cell)) {
          // A well-formed phone: a text cell with the "@" format and quotePrefix, shown as typed.
          xml += `<c r="${ref}" t="inlineStr" s="${S_TEXT}"><is><t>${xmlEscape(cell)}</t></is></c>`;
        } else if (couldStartFormula(cell)) {
          xml += `<c r="${ref}" t="inlineStr" s="${S_TEXT}"><is><t xml:space="preserve">'${xmlEscape(cell)}</t></is></c>`;
        } else {
          const space = /^\s|\s$/.test(cell) ? ' xml:space="preserve"' : '';
          xml += `<c r="${ref}" t="inlineStr"><is><t${space}>${xmlEscape(cell)}</t></is></c>`;
        }
      }
      xml += '</row>';
    }
    await this.sheet.write(this.encoder.encode(xml));
  }

  /** Closes the sheet and the archive: the Blob parts of the .xlsx file. */
  async finish(): Promise<Uint8Array[]> {
    if (!this.sheet) await this.start();
    const lastCol = this.refs[this.refs.length - 1] ?? 'A';
    const range = `A1:${lastCol}${this.rowNumber}`;
    await this.sheet!.write(this.encoder.encode(`</sheetData><autoFilter ref="${range}"/></worksheet>`));
    await this.sheet!.close();
    await this.zip.add(
      'xl/workbook.xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="${this.sheetName}" sheetId="1" r:id="rId1"/></sheets><definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'${this.sheetName.replace(/'/g, "''")}'!$A$1:$${lastCol}$${this.rowNumber}</definedName></definedNames></workbook>`,
    );
    await this.zip.add('xl/_rels/workbook.xml.rels', WORKBOOK_RELS);
    await this.zip.add('xl/styles.xml', STYLES);
    return this.zip.finish();
  }

  get rows(): number {
    return this.rowNumber - 1;
  }
}
