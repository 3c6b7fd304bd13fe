import {
  FeedbackActionRequest,
  FeedbackDetail,
  FeedbackIntakeRequest,
  FeedbackList,
  FeedbackListQuery,
  FeedbackSubmitted,
} from '@mot-cua/contracts';
import { AppError, actOnFeedback, authorize, feedbackResource, jurisdictionFor, submitFeedback } from '@mot-cua/core';
import { createFeedbackRepository } from '@mot-cua/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../context.js';
import { requireActor } from '../../http/auth.js';
import { inTransaction } from '../write.js';
import { feedbackPortsOf } from './feedback-ports.js';
import { calendarsFor, presentDetail, presentSummary } from './feedback-view.js';

const tags = ['feedback'];
const IdParams = z.object({ id: z.uuid() });
const DAY_MS = 86_400_000;

/** Officials at work: the hotline and counter intake, the handling queue with deadline marks, the steps, the index. */
export const feedbackHandlingRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const { db } = deps.database;

  async function detailOf(id: string, actor: Parameters<typeof presentDetail>[1]) {
    const d = await createFeedbackRepository(db).detail(id);
    if (!d) throw new AppError('FEEDBACK_NOT_FOUND');
    authorize(actor, 'feedback.read', feedbackResource(d.row));
    const now = deps.clock.now();
    return presentDetail(d, actor, now, calendarsFor(db, now));
  }

  app.post(
    '/intake',
    {
      schema: {
        tags,
        summary: 'Record a hotline call or a matter raised at the counter (caller, topic, commune, linked dossier)',
        body: FeedbackIntakeRequest,
        response: { 201: FeedbackSubmitted },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const b = req.body;
      const r = await inTransaction(deps, req, feedbackPortsOf(deps), (ports) =>
        submitFeedback(
          {
            channel: b.channel,
            kind: b.kind,
            title: b.title,
            content: b.content,
            field: b.field ?? null,
            communeCode: b.communeCode,
            dossierCode: b.dossierCode ?? null,
            anonymous: !b.callerName && !b.callerPhone,
            submitterName: b.callerName ?? null,
            submitterPhone: b.callerPhone ?? null,
            submitterEmail: null,
            address: null,
            lat: null,
            long: null,
            photos: [],
            counterId: b.counterId ?? null,
          },
          { actor, now: deps.clock.now() },
          ports,
        ),
      );
      return reply.status(201).send({ id: r.id, code: r.code, token: r.token, dueAt: r.dueAt.toISOString() });
    },
  );

  app.get(
    '/items',
    {
      schema: {
        tags,
        summary: 'The feedback an official may see, soonest deadline first, with due-soon/overdue marks and escalation',
        querystring: FeedbackListQuery,
        response: { 200: FeedbackList },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const scope = jurisdictionFor(actor, 'feedback.read');
      if (scope.length === 0) authorize(actor, 'feedback.read', { kind: 'global' });
      const now = deps.clock.now();
      const q = req.query;
      const { total, rows } = await createFeedbackRepository(db).list({
        scope,
        status: q.status,
        unit: q.unit,
        q: q.q,
        overdueAt: q.mark === 'overdue' ? now : undefined,
        // Due soon is at most one working day left: never more than 4 calendar days (a long weekend) ahead.
        dueBefore: q.mark === 'due_soon' ? new Date(now.getTime() + 4 * DAY_MS) : undefined,
        limit: q.limit,
        offset: q.offset,
      });
      const calendars = calendarsFor(db, now);
      let items = await Promise.all(rows.map((r) => presentSummary(r, now, calendars)));
      if (q.mark === 'due_soon') items = items.filter((i) => i.mark === 'due_soon');
      return { total: q.mark === 'due_soon' ? items.length : total, items };
    },
  );

  app.get(
    '/items/:id',
    {
      schema: {
        tags,
        summary: 'One feedback with its history, photos and the actions the official may take',
        params: IdParams,
        response: { 200: FeedbackDetail },
      },
    },
    async (req) => detailOf(req.params.id, requireActor(req)),
  );

  app.post(
    '/items/:id/actions',
    {
      schema: {
        tags,
        summary: 'A handling step: route, accept, refuse, request information, start, draft, return, approve, publish',
        params: IdParams,
        body: FeedbackActionRequest,
        response: { 200: FeedbackDetail },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      await inTransaction(deps, req, feedbackPortsOf(deps), (ports) =>
        actOnFeedback(req.params.id, req.body, { actor, now: deps.clock.now() }, ports),
      );
      return detailOf(req.params.id, actor);
    },
  );
};
