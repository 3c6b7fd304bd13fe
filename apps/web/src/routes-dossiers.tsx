import type { RouteObject } from 'react-router-dom';
import { LookupPage } from './portal/lookup/LookupPage.js';
import { DossierDetailPage } from './workspace/dossiers/DossierDetailPage.js';
import { DossierQueuePage } from './workspace/dossiers/DossierQueuePage.js';
import { ReceptionPage } from './workspace/dossiers/ReceptionPage.js';
import { SupervisionPage } from './workspace/dossiers/SupervisionPage.js';

/** Pages of the dossiers feature. The lookup path is the one printed in the slips' QR code. */
export const dossiersRoutes: RouteObject[] = [
  { path: '/workspace/dossiers', element: <DossierQueuePage /> },
  { path: '/workspace/dossiers/new', element: <ReceptionPage /> },
  { path: '/workspace/dossiers/:id', element: <DossierDetailPage /> },
  { path: '/workspace/supervision', element: <SupervisionPage /> },
  { path: '/tra-cuu', element: <LookupPage /> },
];
