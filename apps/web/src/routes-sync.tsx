import type { RouteObject } from 'react-router-dom';
import { DeadLettersPage } from './admin/sync/DeadLettersPage.js';
import { MailboxPage } from './admin/sync/MailboxPage.js';
import { SyncSupervisionPage } from './admin/sync/SyncSupervisionPage.js';
import { UnsubscribePage } from './portal/notifications/UnsubscribePage.js';
import { OnlineDossiersPage } from './workspace/online/OnlineDossiersPage.js';

/** Pages of the national-portal sync and applicant notifications. */
export const syncRoutes: RouteObject[] = [
  { path: '/admin/sync', element: <SyncSupervisionPage /> },
  { path: '/admin/sync/dead-letters', element: <DeadLettersPage /> },
  { path: '/admin/sync/mailbox', element: <MailboxPage /> },
  { path: '/workspace/online-dossiers', element: <OnlineDossiersPage /> },
  { path: '/ngung-nhan-thong-bao', element: <UnsubscribePage /> },
];
