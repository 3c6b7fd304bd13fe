import type { RouteObject } from 'react-router-dom';
import { lazyPage } from './components/lazy-page.js';
import type { FeatureName } from './i18n/index.js';

const F: FeatureName[] = ['calendar'];

/** Pages of the calendar feature. */
export const calendarRoutes: RouteObject[] = [
  {
    path: '/calendar',
    element: lazyPage(() => import('./portal/calendar/CalendarYearPage.js'), 'CalendarYearPage', F),
  },
  {
    path: '/admin/calendar',
    element: lazyPage(() => import('./admin/calendar/ScheduleEditorPage.js'), 'ScheduleEditorPage', F),
  },
];
