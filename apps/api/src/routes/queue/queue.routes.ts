import { featurePlugin } from '../feature.js';
import { appointmentsRoutes } from './appointments.routes.js';
import { countersRoutes } from './counters.routes.js';
import { displayRoutes } from './display.routes.js';
import { settingsRoutes } from './settings.routes.js';
import { statsRoutes } from './stats.routes.js';
import { ticketsRoutes } from './tickets.routes.js';

/** The front desk (issue 13), mounted at /api/queue: one module per resource. */
export const queueRoutes = featurePlugin([
  ticketsRoutes,
  countersRoutes,
  displayRoutes,
  appointmentsRoutes,
  statsRoutes,
  settingsRoutes,
]);
