import type { RouteObject } from 'react-router-dom';
import { ScheduleEditorPage } from './admin/calendar/ScheduleEditorPage.js';
import { CalendarYearPage } from './portal/calendar/CalendarYearPage.js';

/** Pages of the calendar feature. */
export const calendarRoutes: RouteObject[] = [
  { path: '/calendar', element: <CalendarYearPage /> },
  { path: '/admin/calendar', element: <ScheduleEditorPage /> },
];
