import type { RouteObject } from 'react-router-dom';
import { RoutingRulesPage } from './admin/feedback/RoutingRulesPage.js';
import { FeedbackFormPage } from './portal/feedback/FeedbackFormPage.js';
import { FeedbackTrackPage } from './portal/feedback/FeedbackTrackPage.js';
import { PublishedAnswersPage } from './portal/feedback/PublishedAnswersPage.js';
import { FeedbackDetailPage } from './workspace/feedback/FeedbackDetailPage.js';
import { FeedbackQueuePage } from './workspace/feedback/FeedbackQueuePage.js';
import { IntakePage } from './workspace/feedback/IntakePage.js';

/** Pages of feedback and the hotline (PAKN): public form, tracking, published answers; officials' queue. */
export const feedbackRoutes: RouteObject[] = [
  { path: '/phan-anh', element: <FeedbackFormPage /> },
  { path: '/phan-anh/:token', element: <FeedbackTrackPage /> },
  { path: '/hoi-dap', element: <PublishedAnswersPage /> },
  { path: '/workspace/feedback', element: <FeedbackQueuePage /> },
  { path: '/workspace/feedback/intake', element: <IntakePage /> },
  { path: '/workspace/feedback/:id', element: <FeedbackDetailPage /> },
  { path: '/admin/feedback/routing-rules', element: <RoutingRulesPage /> },
];
