import { z } from 'zod';
import { FeedbackKind } from './feedback.js';

/** A published answer (public page and the assistant's FAQ cards). */
export const PublishedAnswer = z
  .object({
    code: z.string(),
    kind: FeedbackKind,
    field: z.string().nullable(),
    unitName: z.string().nullable(),
    question: z.string(),
    answer: z.string(),
    publishedAt: z.string(),
  })
  .meta({ id: 'PublishedAnswer' });
export type PublishedAnswer = z.infer<typeof PublishedAnswer>;

export const PublishedAnswersQuery = z.object({
  q: z.string().trim().max(200).optional(),
  field: z.string().trim().max(300).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
});
export type PublishedAnswersQuery = z.infer<typeof PublishedAnswersQuery>;

export const PublishedAnswers = z
  .object({ total: z.number().int(), items: z.array(PublishedAnswer) })
  .meta({ id: 'PublishedAnswers' });
export type PublishedAnswers = z.infer<typeof PublishedAnswers>;
