import { featurePlugin } from '../feature.js';
import { feedbackHandlingRoutes } from './handling.routes.js';
import { feedbackIndexRoutes } from './index.routes.js';
import { open311KeysRoutes } from './open311-keys.routes.js';
import { feedbackPublicRoutes } from './public.routes.js';
import { feedbackRoutingRulesRoutes } from './routing-rules.routes.js';

/** Feedback and hotline (PAKN), mounted at /api/feedback. */
export const feedbackRoutes = featurePlugin([
  feedbackPublicRoutes,
  feedbackHandlingRoutes,
  feedbackIndexRoutes,
  feedbackRoutingRulesRoutes,
  open311KeysRoutes,
]);
