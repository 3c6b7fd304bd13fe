import type { RouteObject } from 'react-router-dom';

/** Pages of the admin-units feature. */
export const adminUnitsRoutes: RouteObject[] = [];
