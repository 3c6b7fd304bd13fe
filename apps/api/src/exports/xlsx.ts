import ExcelJS from 'exceljs';
import type { ExportTable } from './export-table.js';

const NUMBER_FORMATS = { int: '#,##0', decimal: '#,##0.##', percent: '0.0%', date: 'dd/mm/yyyy' } as const;

function dateValue(v: unknown): Date | null {
  if (typeof v !== 'string' || v.length < 10) return null;
  const d = new Date(v.length === 10 ? `${v}T00:00:00Z` : v);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** The table as an XLSX workbook of one sheet. */
export function renderXlsx(table: ExportTable): Promise<Buffer> {
  return renderWorkbook([table]);
}

/**
 * Tables as one XLSX workbook, a sheet each: the title and subtitle on top, a bold shaded header row frozen with
 * an auto-filter, numbers kept as numbers with Vietnamese-friendly formats, dates as dates.
 */
export async function renderWorkbook(tables: ReadonlyArray<ExportTable>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Một Cửa';
  wb.created = new Date(0);
  for (const table of tables) addSheet(wb, table);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function addSheet(wb: ExcelJS.Workbook, table: ExportTable) {
  const ws = wb.addWorksheet((table.sheet ?? table.title).slice(0, 31).replace(/[\\/?*[\]:]/g, ' '));
  const n = table.columns.length;
  ws.addRow([table.title]).font = { bold: true, size: 14 };
  ws.addRow([table.subtitle ?? '']).font = { italic: true };
  if (n > 1) {
    ws.mergeCells(1, 1, 1, n);
    ws.mergeCells(2, 1, 2, n);
  }
  const headerRow = ws.addRow(table.columns.map((c) => c.header));
  headerRow.font = { bold: true };
  headerRow.alignment = { vertical: 'middle', wrapText: true };
  headerRow.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F1' } };
    cell.border = { bottom: { style: 'thin' } };
  });
  const headerAt = headerRow.number;
  table.columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = c.width ?? Math.max(10, Math.min(40, c.header.length + 2));
    if (c.kind && c.kind !== 'text') col.numFmt = NUMBER_FORMATS[c.kind];
  });
  for (const row of table.rows) {
    ws.addRow(
      table.columns.map((c) => {
        const v = row[c.key];
        if (v == null) return null;
        if (c.kind === 'date') return dateValue(v) ?? String(v);
        if (typeof v === 'number') return v;
        return String(v);
      }),
    );
  }
  ws.views = [{ state: 'frozen', ySplit: headerAt }];
  ws.autoFilter = { from: { row: headerAt, column: 1 }, to: { row: headerAt, column: Math.max(1, n) } };
}
