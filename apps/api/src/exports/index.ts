export * from './export-table.js';
export { renderTablePdf } from './pdf.js';
export { asciiName, renderTable, sendTable } from './send-table.js';
export { renderXlsx } from './xlsx.js';
