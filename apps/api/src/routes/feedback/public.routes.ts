import {
  FeedbackRateRequest,
  FeedbackSubmitRequest,
  FeedbackSubmitted,
  FeedbackTracking,
  type PublishedAnswer,
  PublishedAnswers,
  PublishedAnswersQuery,
} from '@mot-cua/contracts';
import { AppError, decide, type FeedbackPhoto, feedbackResource, rateFeedback, submitFeedback } from '@mot-cua/core';
import { createFeedbackRepository } from '@mot-cua/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../context.js';
import { optionalActor } from '../../http/auth.js';
import { sendStored } from '../dossiers/send-stored.js';
import { inTransaction } from '../write.js';
import { sharedFaqIndex } from './faq-cache.js';
import { feedbackPortsOf } from './feedback-ports.js';
import { storePhoto } from './feedback-view.js';

const tags = ['feedback'];
const TokenParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/) });

/** The public side: the web form (anonymous or signed in), tracking and rating by token, published answers. */
export const feedbackPublicRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const { db } = deps.database;
  const faq = sharedFaqIndex(deps.database);

  app.post(
    '/',
    {
      config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Send a question, complaint, suggestion or report (public form; photos as base64 JPEG/PNG)',
        body: FeedbackSubmitRequest,
        response: { 201: FeedbackSubmitted },
      },
    },
    async (req, reply) => {
      const b = req.body;
      // Stored before the transaction (checked by their first bytes and size); an orphan if it fails (swept).
      const photos: FeedbackPhoto[] = [];
      for (const p of b.photos) photos.push(await storePhoto(deps.files, p));
      const r = await inTransaction(deps, req, feedbackPortsOf(deps), (ports) =>
        submitFeedback(
          {
            channel: 'web',
            kind: b.kind,
            title: b.title,
            content: b.content,
            field: b.field ?? null,
            communeCode: b.communeCode,
            dossierCode: b.dossierCode ?? null,
            anonymous: b.anonymous,
            submitterName: b.submitterName ?? null,
            submitterPhone: b.submitterPhone ?? null,
            submitterEmail: b.submitterEmail ?? null,
            address: b.address ?? null,
            lat: b.location?.lat ?? null,
            long: b.location?.long ?? null,
            photos,
            counterId: null,
          },
          { actor: optionalActor(req), now: deps.clock.now() },
          ports,
        ),
      );
      return reply.status(201).send({ id: r.id, code: r.code, token: r.token, dueAt: r.dueAt.toISOString() });
    },
  );

  app.get(
    '/track/:token',
    {
      schema: {
        tags,
        summary: 'Follow a feedback with its tracking token',
        params: TokenParams,
        response: { 200: FeedbackTracking },
      },
    },
    async (req) => {
      const r = await createFeedbackRepository(db).byToken(req.params.token);
      if (!r) throw new AppError('FEEDBACK_NOT_FOUND');
      const answered = r.status === 'answered' || r.status === 'published';
      return {
        code: r.code,
        kind: r.kind as FeedbackTracking['kind'],
        title: r.title,
        status: r.status as FeedbackTracking['status'],
        receivedAt: new Date(r.receivedAt).toISOString(),
        dueAt: r.dueAt ? new Date(r.dueAt).toISOString() : null,
        unitName: r.unitName,
        refusalReason: r.refusalReason,
        infoRequest: r.status === 'info_requested' ? r.infoRequest : null,
        answer: answered ? r.answer : null,
        answeredAt: r.answeredAt ? new Date(r.answeredAt).toISOString() : null,
        rating: r.rating as FeedbackTracking['rating'],
        mayRate: answered && !r.rating,
      };
    },
  );

  app.post(
    '/track/:token/rating',
    {
      config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Rate the answer (once)',
        params: TokenParams,
        body: FeedbackRateRequest,
        response: { 200: FeedbackRateRequest.pick({ rating: true }) },
      },
    },
    async (req) =>
      inTransaction(deps, req, feedbackPortsOf(deps), (ports) =>
        rateFeedback(req.params.token, req.body, { actor: optionalActor(req), now: deps.clock.now() }, ports),
      ),
  );

  app.get(
    '/published',
    {
      schema: {
        tags,
        summary: 'Published answers, searchable like the catalog (accents optional)',
        querystring: PublishedAnswersQuery,
        response: { 200: PublishedAnswers },
      },
    },
    async (req) => {
      const index = await faq();
      const r = index.search(req.query.q ?? '', {
        limit: req.query.limit,
        offset: req.query.offset,
        field: req.query.field,
      });
      return {
        total: r.total,
        items: r.items.map((h) => ({
          code: h.code,
          kind: h.kind as PublishedAnswer['kind'],
          field: h.field,
          unitName: h.unitName,
          question: h.question,
          answer: h.answer,
          publishedAt: h.publishedAt,
        })),
      };
    },
  );

  app.get(
    '/photos/:id',
    {
      schema: {
        tags,
        summary: 'A photo of a feedback: public once published, else for the officials handling it',
        params: z.object({ id: z.uuid() }),
      },
    },
    async (req, reply) => {
      const p = await createFeedbackRepository(db).photo(req.params.id);
      if (!p) throw new AppError('FEEDBACK_NOT_FOUND');
      const actor = optionalActor(req);
      const official = actor && decide(actor, 'feedback.read', feedbackResource(p)).allowed;
      if (p.status !== 'published' && !official) throw new AppError('FEEDBACK_NOT_FOUND');
      // Streamed from the file store (the attachments' store), never read whole.
      reply.header('cache-control', 'private, max-age=300');
      return sendStored(
        reply,
        deps.files,
        { fileName: p.fileName, mediaType: p.contentType, sha256: p.sha256 },
        'inline',
      );
    },
  );
};
