import type { RouteObject } from 'react-router-dom';
import { lazyPage } from './components/lazy-page.js';
import type { FeatureName } from './i18n/index.js';

const F: FeatureName[] = ['feedback'];

/** Pages of feedback and the hotline (PAKN): public form, tracking, published answers; officials' queue. */
export const feedbackRoutes: RouteObject[] = [
  {
    path: '/phan-anh',
    element: lazyPage(() => import('./portal/feedback/FeedbackFormPage.js'), 'FeedbackFormPage', F),
  },
  {
    path: '/phan-anh/:token',
    element: lazyPage(() => import('./portal/feedback/FeedbackTrackPage.js'), 'FeedbackTrackPage', F),
  },
  {
    path: '/hoi-dap',
    element: lazyPage(() => import('./portal/feedback/PublishedAnswersPage.js'), 'PublishedAnswersPage', F),
  },
  {
    path: '/workspace/feedback',
    element: lazyPage(() => import('./workspace/feedback/FeedbackQueuePage.js'), 'FeedbackQueuePage', F),
  },
  {
    path: '/workspace/feedback/intake',
    element: lazyPage(() => import('./workspace/feedback/IntakePage.js'), 'IntakePage', F),
  },
  {
    path: '/workspace/feedback/:id',
    element: lazyPage(() => import('./workspace/feedback/FeedbackDetailPage.js'), 'FeedbackDetailPage', F),
  },
  {
    path: '/admin/feedback/routing-rules',
    element: lazyPage(() => import('./admin/feedback/RoutingRulesPage.js'), 'RoutingRulesPage', F),
  },
  {
    path: '/admin/open311',
    element: lazyPage(() => import('./admin/feedback/Open311KeysPage.js'), 'Open311KeysPage', F),
  },
];
