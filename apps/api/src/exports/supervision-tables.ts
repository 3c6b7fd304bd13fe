/**
 * The supervision tables as files, one module per page: the dashboard and its drill-down, the lists behind a
 * figure, the workload page, the 766 index. Each function takes the JSON answer the route would have sent, so a
 * file never holds more than the JSON does.
 */
export { dashboardTable, drilldownTable } from './dashboard-tables.js';
export { dossierListTable, feedbackRows } from './dossier-list-table.js';
export { serviceIndexTable } from './service-index-table.js';
export { workloadTable } from './workload-tables.js';
