import type { RouteObject } from 'react-router-dom';
import { lazyPage } from './components/lazy-page.js';
import type { FeatureName } from './i18n/index.js';

const F: FeatureName[] = ['queue'];

/** Pages of the front desk. `/so-thu-tu/:token` is the path printed in the ticket's QR code. */
export const queueRoutes: RouteObject[] = [
  { path: '/lay-so', element: lazyPage(() => import('./portal/queue/KioskPage.js'), 'KioskPage', F) },
  { path: '/lay-so/:centerId', element: lazyPage(() => import('./portal/queue/KioskPage.js'), 'KioskPage', F) },
  { path: '/man-hinh', element: lazyPage(() => import('./portal/queue/DisplayPage.js'), 'DisplayPage', F) },
  { path: '/man-hinh/:centerId', element: lazyPage(() => import('./portal/queue/DisplayPage.js'), 'DisplayPage', F) },
  {
    path: '/so-thu-tu/:token',
    element: lazyPage(() => import('./portal/queue/TicketFollowPage.js'), 'TicketFollowPage', F),
  },
  { path: '/dat-lich', element: lazyPage(() => import('./portal/queue/AppointmentPage.js'), 'AppointmentPage', F) },
  {
    path: '/dat-lich/:token',
    element: lazyPage(() => import('./portal/queue/AppointmentViewPage.js'), 'AppointmentViewPage', F),
  },
  {
    path: '/workspace/quay/thong-tin',
    element: lazyPage(() => import('./workspace/queue/InformationDeskPage.js'), 'InformationDeskPage', [
      'queue',
      'dossiers',
    ]),
  },
  { path: '/workspace/quay', element: lazyPage(() => import('./workspace/queue/CounterPage.js'), 'CounterPage', F) },
  {
    path: '/admin/queue',
    element: lazyPage(() => import('./admin/queue/QueueSettingsPage.js'), 'QueueSettingsPage', F),
  },
  // The director's page carries the charts library, in its own chunk like every page.
  {
    path: '/workspace/quay/so-lieu',
    element: lazyPage(() => import('./workspace/queue/QueueStatsPage.js'), 'QueueStatsPage', F),
  },
];
