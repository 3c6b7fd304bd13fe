import type { FastifyReply } from 'fastify';
import type { ExportFormat, ExportTable } from './export-table.js';
import { renderTablePdf } from './pdf.js';
import { renderXlsx } from './xlsx.js';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** "Chỉ số 766 — 79" → "chi-so-766-79" (an ASCII file name; the UTF-8 name goes in filename*). */
export function asciiName(s: string): string {
  return (
    s
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/đ/g, 'd')
      .replace(/Đ/g, 'D')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .toLowerCase() || 'bang'
  );
}

/** Render a table as an XLSX or PDF file. */
export async function renderTable(format: 'xlsx' | 'pdf', table: ExportTable, now: Date) {
  return format === 'xlsx'
    ? { body: await renderXlsx(table), type: XLSX_TYPE }
    : { body: await renderTablePdf(table, now), type: 'application/pdf' };
}

/**
 * Answer a table route's `?format=xlsx|pdf`: the file as an attachment named after the table. The route has
 * already authorized the caller and built the table from the rows it would have answered as JSON, so a file
 * never holds more than the JSON answer does.
 */
export async function sendTable(
  reply: FastifyReply,
  format: Exclude<ExportFormat, 'json'>,
  table: ExportTable,
  fileName: string,
  now: Date,
) {
  const { body, type } = await renderTable(format, table, now);
  const name = `${asciiName(fileName)}.${format}`;
  return reply
    .type(type)
    .header('cache-control', 'private, no-store')
    .header('content-disposition', `attachment; filename="${name}"; filename*=UTF-8''${encodeURIComponent(name)}`)
    .send(body);
}
