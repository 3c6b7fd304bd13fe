import type { FeedbackRateRequest } from '@mot-cua/contracts';
import { AppError } from '../errors.js';
import type { FeedbackContext } from './feedback-context.js';
import type { FeedbackPorts } from './feedback-ports.js';

/** The submitter rates the answer once, with the tracking token (no sign-in). */
export async function rateFeedback(
  token: string,
  req: FeedbackRateRequest,
  ctx: FeedbackContext,
  ports: FeedbackPorts,
) {
  const f = await ports.lockFeedbackByToken(token);
  if (!f) throw new AppError('FEEDBACK_NOT_FOUND');
  if (f.status !== 'answered' && f.status !== 'published') {
    throw new AppError('FEEDBACK_ACTION_NOT_ALLOWED', { details: { action: 'rate', status: f.status } });
  }
  if (f.rating) throw new AppError('FEEDBACK_ALREADY_RATED');
  await ports.updateFeedback(f.id, { rating: req.rating, ratingComment: req.comment ?? null, ratedAt: ctx.now });
  await ports.appendEvent({
    feedbackId: f.id,
    action: 'rated',
    fromStatus: f.status,
    toStatus: f.status,
    note: req.rating,
    actorUserId: ctx.actor?.userId ?? null,
    at: ctx.now,
    onTime: null,
  });
  await ports.audit.record({
    actorUserId: ctx.actor?.userId ?? null,
    action: 'feedback.rated',
    entityType: 'feedback',
    entityId: f.id,
    unitCode: f.unitCode,
    provinceCode: f.provinceCode,
    data: { code: f.code, rating: req.rating },
  });
  return { rating: req.rating };
}
