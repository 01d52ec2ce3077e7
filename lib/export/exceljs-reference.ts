/**
 * The same workbook through exceljs's in-memory writer: the reference `npm run bench` compares
 * the streaming writer against (DESIGN §7: 24 s for 100k × 20 here). Not used by the product.
 */
import type { Cell, ExportField } from './fields';
import { couldStartFormula } from './neutralise';

export async function writeWithExcelJS(fields: readonly ExportField[], rows: readonly Cell[][]): Promise<ArrayBuffer> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Leads', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = fields.map((f) => ({ header: f.header, key: f.key, width: 16, style: f.kind === 'date' ? { numFmt: 'yyyy-mm-dd hh:mm' } : {} }));
  ws.getRow(1).font = { bold: true };
  for (const row of rows) {
    ws.addRow(
      row.map((c, i) => {
        if (c === null) return null;
        if (typeof c === 'number') return fields[i]!.kind === 'date' || fields[i]!.kind === 'day' ? new Date(c) : c;
        return couldStartFormula(c) ? `'${c}` : c;
      }),
    );
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: rows.length + 1, column: fields.length } };
  return (await wb.xlsx.writeBuffer());
}
