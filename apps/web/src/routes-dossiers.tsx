import type { RouteObject } from 'react-router-dom';
import { lazyPage } from './components/lazy-page.js';
import type { FeatureName } from './i18n/index.js';

const F: FeatureName[] = ['dossiers', 'sync'];
/** Reception and the dossier page also show the e-form renderer and the fee records (strings of citizenForms). */
const FF: FeatureName[] = [...F, 'citizenForms'];

/** Pages of the dossiers feature. The lookup path is the one printed in the slips' QR code. */
export const dossiersRoutes: RouteObject[] = [
  {
    path: '/workspace/dossiers',
    element: lazyPage(() => import('./workspace/dossiers/DossierQueuePage.js'), 'DossierQueuePage', F),
  },
  {
    path: '/workspace/dossiers/new',
    element: lazyPage(() => import('./workspace/dossiers/ReceptionPage.js'), 'ReceptionPage', FF),
  },
  {
    path: '/workspace/dossiers/:id',
    element: lazyPage(() => import('./workspace/dossiers/DossierDetailPage.js'), 'DossierDetailPage', FF),
  },
  {
    path: '/workspace/supervision',
    element: lazyPage(() => import('./workspace/dossiers/SupervisionPage.js'), 'SupervisionPage', F),
  },
  {
    path: '/workspace/supervision/dashboard',
    element: lazyPage(() => import('./workspace/supervision/dashboard/DashboardPage.js'), 'DashboardPage', [
      'dashboard',
      'dossiers',
    ]),
  },
  {
    path: '/workspace/supervision/commune',
    element: lazyPage(() => import('./workspace/supervision/dashboard/CommuneDrillPage.js'), 'CommuneDrillPage', [
      'dashboard',
      'dossiers',
    ]),
  },
  { path: '/tra-cuu', element: lazyPage(() => import('./portal/lookup/LookupPage.js'), 'LookupPage', F) },
];
