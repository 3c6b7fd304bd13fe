import type { RouteObject } from 'react-router-dom';
import { ComponentConditionsPage } from './admin/procedures/ComponentConditionsPage.js';
import { InternalProcessEditorPage } from './admin/procedures/InternalProcessEditorPage.js';
import { UnitProceduresAdminPage } from './admin/procedures/UnitProceduresAdminPage.js';
import { ProcedureCatalogPage } from './portal/procedures/ProcedureCatalogPage.js';
import { ProcedurePage } from './portal/procedures/ProcedurePage.js';

/** Pages of the procedures feature. */
export const proceduresRoutes: RouteObject[] = [
  { path: '/procedures', element: <ProcedureCatalogPage /> },
  { path: '/procedures/:code', element: <ProcedurePage /> },
  { path: '/admin/procedures', element: <UnitProceduresAdminPage /> },
  { path: '/admin/procedures/:unitCode/:code/process', element: <InternalProcessEditorPage /> },
  { path: '/admin/procedures/:unitCode/:code/conditions', element: <ComponentConditionsPage /> },
];
