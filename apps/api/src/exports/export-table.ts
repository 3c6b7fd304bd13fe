import { z } from 'zod';

/** How a column's values are written: numbers stay numbers in XLSX (with a number format), dates as dd/mm/yyyy. */
export type ExportColumnKind = 'text' | 'int' | 'decimal' | 'percent' | 'date';

export type ExportColumn = Readonly<{
  key: string;
  header: string;
  /** Width in characters (XLSX) and relative weight (PDF). */
  width?: number;
  kind?: ExportColumnKind;
}>;

export type ExportCell = string | number | null | undefined;

/** One table as a supervisor downloads it: a title, an optional subtitle (scope, period), columns and rows. */
export type ExportTable = Readonly<{
  title: string;
  /** The worksheet's name in a workbook of several tables (31 characters at most); the title's start otherwise. */
  sheet?: string;
  subtitle?: string;
  columns: ReadonlyArray<ExportColumn>;
  rows: ReadonlyArray<Readonly<Record<string, ExportCell>>>;
}>;

/** The `format` query parameter a table route accepts: JSON by default, or a file. */
export const ExportFormat = z.enum(['json', 'xlsx', 'pdf']).default('json').describe('json (default), xlsx or pdf');
export type ExportFormat = z.infer<typeof ExportFormat>;

/** "12,5 %" for a rate 0..1 (Vietnamese decimal comma); "—" when there is none. */
export function formatPercent(v: ExportCell): string {
  if (typeof v !== 'number' || !Number.isFinite(v)) return '—';
  return `${(Math.round(v * 1000) / 10).toLocaleString('vi-VN')} %`;
}

/** "1.234" (Vietnamese thousands separator). */
export function formatInt(v: ExportCell): string {
  if (typeof v !== 'number' || !Number.isFinite(v)) return v == null ? '—' : String(v);
  return v.toLocaleString('vi-VN');
}

/** "5,67" (two decimals at most, Vietnamese decimal comma). */
export function formatDecimal(v: ExportCell): string {
  if (typeof v !== 'number' || !Number.isFinite(v)) return v == null ? '—' : String(v);
  return v.toLocaleString('vi-VN', { maximumFractionDigits: 2 });
}

/** "2026-03-02" or an ISO instant → "02/03/2026". */
export function formatDate(v: ExportCell): string {
  if (typeof v !== 'string' || v.length < 10) return v == null ? '—' : String(v);
  const [y, m, d] = v.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

/** The text of a cell as a reader sees it (PDF, and the XLSX text columns). */
export function cellText(col: ExportColumn, v: ExportCell): string {
  switch (col.kind) {
    case 'int':
      return formatInt(v);
    case 'decimal':
      return formatDecimal(v);
    case 'percent':
      return formatPercent(v);
    case 'date':
      return formatDate(v);
    default:
      return v == null ? '' : String(v);
  }
}
