import type { RouteObject } from 'react-router-dom';
import { lazyPage } from './components/lazy-page.js';
import type { FeatureName } from './i18n/index.js';

const F: FeatureName[] = ['sync', 'adminUnits', 'dossiers'];

/** Pages of the national-portal sync and applicant notifications. */
export const syncRoutes: RouteObject[] = [
  {
    path: '/admin/sync',
    element: lazyPage(() => import('./admin/sync/SyncSupervisionPage.js'), 'SyncSupervisionPage', F),
  },
  {
    path: '/admin/sync/dead-letters',
    element: lazyPage(() => import('./admin/sync/DeadLettersPage.js'), 'DeadLettersPage', F),
  },
  { path: '/admin/sync/mailbox', element: lazyPage(() => import('./admin/sync/MailboxPage.js'), 'MailboxPage', F) },
  {
    path: '/workspace/online-dossiers',
    element: lazyPage(() => import('./workspace/online/OnlineDossiersPage.js'), 'OnlineDossiersPage', F),
  },
  {
    path: '/ngung-nhan-thong-bao',
    element: lazyPage(() => import('./portal/notifications/UnsubscribePage.js'), 'UnsubscribePage', F),
  },
];
