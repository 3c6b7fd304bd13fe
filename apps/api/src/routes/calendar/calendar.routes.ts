import { featurePlugin } from '../feature.js';
import { dueDateRoutes } from './due-date.routes.js';
import { schedulesRoutes } from './schedules.routes.js';
import { settingsRoutes } from './settings.routes.js';
import { yearsRoutes } from './years.routes.js';

/** The calendar feature, mounted at /api/calendar: one module per resource. */
export const calendarRoutes = featurePlugin([dueDateRoutes, yearsRoutes, schedulesRoutes, settingsRoutes]);
