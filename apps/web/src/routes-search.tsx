import type { RouteObject } from 'react-router-dom';
import { lazyPage } from './components/lazy-page.js';
import type { FeatureName } from './i18n/index.js';

const F: FeatureName[] = ['search', 'procedures', 'calendar'];
const CURATION: FeatureName[] = ['searchCuration'];

/** Pages of procedure search and the assistant (public), and the curators' view of the assistant's choices. */
export const searchRoutes: RouteObject[] = [
  { path: '/search', element: lazyPage(() => import('./portal/search/SearchPage.js'), 'SearchPage', F) },
  { path: '/assistant', element: lazyPage(() => import('./portal/search/AssistantPage.js'), 'AssistantPage', F) },
  {
    path: '/admin/search/choices',
    element: lazyPage(() => import('./admin/search/AssistantChoicesPage.js'), 'AssistantChoicesPage', CURATION),
  },
];
