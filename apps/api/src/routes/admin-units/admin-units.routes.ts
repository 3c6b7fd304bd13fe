import { featurePlugin } from '../feature.js';
import { conversionRoutes } from './conversion.routes.js';
import { eventsRoutes } from './events.routes.js';
import { officialsRoutes } from './officials.routes.js';
import { organisationRoutes } from './organisation.routes.js';
import { readinessRoutes } from './readiness.routes.js';
import { unitsRoutes } from './units.routes.js';

/** The admin-units feature, mounted at /api/admin-units: one module per resource. */
export const adminUnitsRoutes = featurePlugin([
  unitsRoutes,
  conversionRoutes,
  eventsRoutes,
  organisationRoutes,
  officialsRoutes,
  readinessRoutes,
]);
