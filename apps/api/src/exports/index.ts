export * from './export-table.js';
export { renderTablePdf, renderTablesPdf } from './pdf.js';
export { asciiName, renderTable, sendTable } from './send-table.js';
export { renderWorkbook, renderXlsx } from './xlsx.js';
