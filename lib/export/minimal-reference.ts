/**
 * The plainest .xlsx a streaming writer can make — the baseline `npm run bench` holds General
 * Export to (issue 5: "≤ 2× a minimal streaming XLSX writer (zip + sheet XML)"). One sheet of
 * inline strings and numbers, escaped and nothing else: no styles, widths, frozen header,
 * autofilter, dates, phone handling or formula neutralising. The rows it writes are the leads'
 * and candidates' own values, read the same way the export reads them, with no names looked up.
 * Not used by the product.
 */
import type { Candidate, Lead } from '../domain/model';
import { columnName } from './xlsx';
import { ZipWriter, type Compressor, type ZipEntryWriter } from './zip';

type Plain = string | number | null | undefined;

const esc = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Twenty of a lead's values, as stored. */
export function plainRow(l: Lead, c: Candidate | undefined): Plain[] {
  return [
    l.ref, c?.ref, c?.firstName, c?.lastName, c?.email, c?.phone, c?.linkedinUrl, c?.headline, c?.company, c?.location,
    l.campaignId, l.folderId, l.source, l.labels.join(', '), l.assignedTo, l.addedAt, l.lastActivityAt, l.rejectReason, l.attachments.length, c?.createdAt,
  ];
}

export class MinimalXlsxWriter {
  private readonly zip: ZipWriter;
  private sheet: ZipEntryWriter | null = null;
  private readonly encoder = new TextEncoder();
  private readonly cols: string[] = [];
  rows = 0;

  constructor(compressor: Compressor | null) {
    this.zip = new ZipWriter(compressor);
  }

  async start(): Promise<void> {
    await this.zip.add(
      '[Content_Types].xml',
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    );
    await this.zip.add(
      '_rels/.rels',
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    );
    this.sheet = this.zip.open('xl/worksheets/sheet1.xml');
    await this.sheet.write(this.encoder.encode('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'));
  }

  async addRows(rows: readonly Plain[][]): Promise<void> {
    let xml = '';
    for (const row of rows) {
      // Cell references: Excel does without them, exceljs (the test's reader) does not.
      const r = ++this.rows;
      xml += `<row r="${r}">`;
      for (let i = 0; i < row.length; i++) {
        const v = row[i];
        if (v === null || v === undefined || v === '') continue;
        const ref = (this.cols[i] ??= columnName(i)) + r;
        xml += typeof v === 'number' ? `<c r="${ref}"><v>${v}</v></c>` : `<c r="${ref}" t="inlineStr"><is><t>${esc(v)}</t></is></c>`;
      }
      xml += '</row>';
    }
    await this.sheet!.write(this.encoder.encode(xml));
  }

  async finish(): Promise<Uint8Array[]> {
    await this.sheet!.write(this.encoder.encode('</sheetData></worksheet>'));
    await this.sheet!.close();
    await this.zip.add(
      'xl/workbook.xml',
      '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Leads" sheetId="1" r:id="rId1"/></sheets></workbook>',
    );
    await this.zip.add(
      'xl/_rels/workbook.xml.rels',
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    );
    return this.zip.finish();
  }
}
