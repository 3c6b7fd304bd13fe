import type { RouteObject } from 'react-router-dom';
import { lazyPage } from './components/lazy-page.js';
import type { FeatureName } from './i18n/index.js';

const F: FeatureName[] = ['procedures', 'citizens'];

/** Pages of the procedures feature. */
export const proceduresRoutes: RouteObject[] = [
  {
    path: '/procedures',
    element: lazyPage(() => import('./portal/procedures/ProcedureCatalogPage.js'), 'ProcedureCatalogPage', F),
  },
  {
    path: '/procedures/:code',
    element: lazyPage(() => import('./portal/procedures/ProcedurePage.js'), 'ProcedurePage', F),
  },
  {
    path: '/admin/procedures',
    element: lazyPage(() => import('./admin/procedures/UnitProceduresAdminPage.js'), 'UnitProceduresAdminPage', F),
  },
  {
    path: '/admin/procedures/:unitCode/:code/process',
    element: lazyPage(() => import('./admin/procedures/InternalProcessEditorPage.js'), 'InternalProcessEditorPage', F),
  },
  {
    path: '/admin/procedures/:unitCode/:code/conditions',
    element: lazyPage(() => import('./admin/procedures/ComponentConditionsPage.js'), 'ComponentConditionsPage', F),
  },
];
