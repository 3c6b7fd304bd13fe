import type { RouteObject } from 'react-router-dom';
import { lazyPage } from './components/lazy-page.js';
import type { FeatureName } from './i18n/index.js';

const F: FeatureName[] = ['adminUnits'];

/** Pages of the admin-units feature. */
export const adminUnitsRoutes: RouteObject[] = [
  { path: '/units', element: lazyPage(() => import('./portal/units/UnitsBrowserPage.js'), 'UnitsBrowserPage', F) },
  {
    path: '/units/convert',
    element: lazyPage(() => import('./portal/units/AddressConvertPage.js'), 'AddressConvertPage', F),
  },
  { path: '/admin/units', element: lazyPage(() => import('./admin/units/UnitsAdminPage.js'), 'UnitsAdminPage', F) },
  {
    path: '/admin/units/readiness',
    element: lazyPage(() => import('./admin/units/ReadinessReportPage.js'), 'ReadinessReportPage', F),
  },
  {
    path: '/admin/units/:code/organisation',
    element: lazyPage(() => import('./admin/units/UnitOrganisationPage.js'), 'UnitOrganisationPage', F),
  },
];
