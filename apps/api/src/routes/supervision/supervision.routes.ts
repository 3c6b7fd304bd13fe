import { featurePlugin } from '../feature.js';
import { dossierStatsExportRoutes } from './reports.routes.js';
import { serviceIndexRoutes } from './service-index.routes.js';
import { serviceIndexTrendRoutes } from './service-index-trend.routes.js';
import { workloadRoutes } from './workload.routes.js';

/** /api/supervision: the Decision 766 index, its monthly trend, and the exports of the supervision tables. */
export const supervisionRoutes = featurePlugin([
  serviceIndexRoutes,
  serviceIndexTrendRoutes,
  dossierStatsExportRoutes,
  workloadRoutes,
]);
