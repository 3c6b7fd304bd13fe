import type { RouteObject } from 'react-router-dom';
import { CalendarYearPage } from './admin/calendar/CalendarYearPage.js';
import { ScheduleEditorPage } from './admin/calendar/ScheduleEditorPage.js';

/** Pages of the calendar feature. */
export const calendarRoutes: RouteObject[] = [
  { path: '/calendar', element: <CalendarYearPage /> },
  { path: '/admin/calendar', element: <ScheduleEditorPage /> },
];
