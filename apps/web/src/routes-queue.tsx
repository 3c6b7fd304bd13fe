import { lazy, Suspense } from 'react';
import type { RouteObject } from 'react-router-dom';
import { AppointmentPage } from './portal/queue/AppointmentPage.js';
import { AppointmentViewPage } from './portal/queue/AppointmentViewPage.js';
import { DisplayPage } from './portal/queue/DisplayPage.js';
import { KioskPage } from './portal/queue/KioskPage.js';
import { TicketFollowPage } from './portal/queue/TicketFollowPage.js';
import { CounterPage } from './workspace/queue/CounterPage.js';

const QueueSettingsPage = lazy(() =>
  import('./admin/queue/QueueSettingsPage.js').then((m) => ({ default: m.QueueSettingsPage })),
);

// The director's page carries the charts library: loaded on demand, not in the main bundle.
const QueueStatsPage = lazy(() =>
  import('./workspace/queue/QueueStatsPage.js').then((m) => ({ default: m.QueueStatsPage })),
);

/** Pages of the front desk. `/so-thu-tu/:token` is the path printed in the ticket's QR code. */
export const queueRoutes: RouteObject[] = [
  { path: '/lay-so', element: <KioskPage /> },
  { path: '/lay-so/:centerId', element: <KioskPage /> },
  { path: '/man-hinh', element: <DisplayPage /> },
  { path: '/man-hinh/:centerId', element: <DisplayPage /> },
  { path: '/so-thu-tu/:token', element: <TicketFollowPage /> },
  { path: '/dat-lich', element: <AppointmentPage /> },
  { path: '/dat-lich/:token', element: <AppointmentViewPage /> },
  { path: '/workspace/quay', element: <CounterPage /> },
  {
    path: '/admin/queue',
    element: (
      <Suspense fallback={null}>
        <QueueSettingsPage />
      </Suspense>
    ),
  },
  {
    path: '/workspace/quay/so-lieu',
    element: (
      <Suspense fallback={null}>
        <QueueStatsPage />
      </Suspense>
    ),
  },
];
