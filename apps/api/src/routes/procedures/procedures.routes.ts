import { featurePlugin } from '../feature.js';
import { catalogRoutes } from './catalog.routes.js';
import { componentConditionRoutes } from './component-conditions.routes.js';
import { internalProcessRoutes } from './internal-process.routes.js';
import { unitConfigRoutes } from './unit-config.routes.js';
import { whereToGoRoutes } from './where-to-go.routes.js';

/**
 * The procedures feature, mounted at /api/procedures. Reading the catalog (list, detail, versions, unit
 * configuration and internal processes) is public; changing a unit's configuration, internal process or component conditions needs
 * 'procedure.configure' in that unit and is audited in the transaction of the change.
 */
export const proceduresRoutes = featurePlugin([
  catalogRoutes,
  unitConfigRoutes,
  internalProcessRoutes,
  componentConditionRoutes,
  whereToGoRoutes,
]);
