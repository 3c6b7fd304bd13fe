import type { RouteObject } from 'react-router-dom';
import { AssistantPage } from './portal/search/AssistantPage.js';
import { SearchPage } from './portal/search/SearchPage.js';

/** Pages of procedure search and the assistant (public). */
export const searchRoutes: RouteObject[] = [
  { path: '/search', element: <SearchPage /> },
  { path: '/assistant', element: <AssistantPage /> },
];
