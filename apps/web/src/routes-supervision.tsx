import type { RouteObject } from 'react-router-dom';
import { lazyPage } from './components/lazy-page.js';
import type { FeatureName } from './i18n/index.js';

// 'dashboard': the tables' Excel/PDF links (TableDownloads) are the dashboard's strings.
const F: FeatureName[] = ['supervision', 'dossiers', 'dashboard'];

/** Pages of issue 15's second half: the Decision 766 index, workload and staffing, the delegated-task register. */
export const supervisionRoutes: RouteObject[] = [
  {
    path: '/workspace/supervision/index',
    element: lazyPage(() => import('./workspace/supervision/ServiceIndexPage.js'), 'ServiceIndexPage', F),
  },
  {
    path: '/workspace/supervision/workload',
    element: lazyPage(() => import('./workspace/supervision/WorkloadPage.js'), 'WorkloadPage', F),
  },
  {
    path: '/workspace/supervision/reports',
    element: lazyPage(() => import('./workspace/supervision/MonthlyReportsPage.js'), 'MonthlyReportsPage', F),
  },
  {
    path: '/workspace/supervision/register',
    element: lazyPage(() => import('./workspace/supervision/DelegatedTasksPage.js'), 'DelegatedTasksPage', F),
  },
];
