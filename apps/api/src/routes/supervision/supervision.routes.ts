import { featurePlugin } from '../feature.js';
import { delegatedTaskRoutes } from './delegated-tasks.routes.js';
import { drilldownRoutes } from './drilldown.routes.js';
import { monthlyReportRoutes } from './monthly-reports.routes.js';
import { dossierStatsExportRoutes } from './reports.routes.js';
import { serviceIndexRoutes } from './service-index.routes.js';
import { serviceIndexTrendRoutes } from './service-index-trend.routes.js';
import { workloadRoutes } from './workload.routes.js';

/** /api/supervision: the Decision 766 index and its trend, workload, the delegated-task register, exports, the drill-down below the commune. */
export const supervisionRoutes = featurePlugin([
  serviceIndexRoutes,
  serviceIndexTrendRoutes,
  dossierStatsExportRoutes,
  workloadRoutes,
  delegatedTaskRoutes,
  monthlyReportRoutes,
  drilldownRoutes,
]);
