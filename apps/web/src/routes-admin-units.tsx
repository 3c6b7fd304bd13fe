import type { RouteObject } from 'react-router-dom';
import { ReadinessReportPage } from './admin/units/ReadinessReportPage.js';
import { UnitOrganisationPage } from './admin/units/UnitOrganisationPage.js';
import { UnitsAdminPage } from './admin/units/UnitsAdminPage.js';
import { AddressConvertPage } from './portal/units/AddressConvertPage.js';
import { UnitsBrowserPage } from './portal/units/UnitsBrowserPage.js';

/** Pages of the admin-units feature. */
export const adminUnitsRoutes: RouteObject[] = [
  { path: '/units', element: <UnitsBrowserPage /> },
  { path: '/units/convert', element: <AddressConvertPage /> },
  { path: '/admin/units', element: <UnitsAdminPage /> },
  { path: '/admin/units/readiness', element: <ReadinessReportPage /> },
  { path: '/admin/units/:code/organisation', element: <UnitOrganisationPage /> },
];
