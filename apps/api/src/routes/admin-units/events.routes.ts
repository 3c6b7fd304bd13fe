import {
  ChangeApplied,
  ChangeEventList,
  ChangeEventRequest,
  ChangePreview,
  ResolveReviewRequest,
  ReviewList,
  ReviewListQuery,
} from '@mot-cua/contracts';
import {
  applyChangeEvent,
  authorize,
  type ChangeImpact,
  type ChangePlan,
  previewChangeEvent,
  resolveRehomingReview,
} from '@mot-cua/core';
import {
  createAdminUnitsRepository,
  createChangeEventPorts,
  createRehomingRepository,
  createReviewPorts,
} from '@mot-cua/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../context.js';
import { requireActor } from '../../http/auth.js';
import { inTransaction } from '../write.js';
import { NumIdParams, tags, writeContext } from './shared.js';

function presentPlan(plan: ChangePlan, impact: ChangeImpact) {
  return {
    kind: plan.event.kind,
    effectiveDate: plan.event.effectiveDate,
    description: plan.event.description,
    closeVersions: plan.closeVersions.map((c) => ({ code: c.code, validTo: c.validTo })),
    newVersions: plan.newVersions,
    links: plan.event.links,
    moves: impact.moves,
    reviews: impact.reviews,
  };
}

/** Change events (merge, split, rename, …) with their preview, and the review list of split units' records. */
export const eventsRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const { db } = deps.database;
  const eventKey = () => `admin:${deps.clock.now().toISOString()}:${Math.random().toString(36).slice(2, 8)}`;

  app.get(
    '/events',
    { schema: { tags, summary: 'Change events applied by administrators', response: { 200: ChangeEventList } } },
    async () => {
      const rows = await createAdminUnitsRepository(db).listEvents({ source: 'admin', limit: 100 });
      return {
        items: rows.map((r) => ({
          ...r,
          kind: r.kind as ChangeApplied['kind'],
          appliedAt: r.appliedAt.toISOString(),
        })),
      };
    },
  );

  app.post(
    '/events/preview',
    {
      schema: {
        tags,
        summary: 'Preview a change event: versions that end and begin, records that would move or need review',
        body: ChangeEventRequest,
        response: { 200: ChangePreview },
      },
    },
    async (req) => {
      authorize(requireActor(req), 'admin_unit.change', { kind: 'global' });
      const { plan, impact } = await previewChangeEvent(
        req.body,
        createChangeEventPorts(db, { userId: null }),
        'preview',
      );
      return presentPlan(plan, impact);
    },
  );

  app.post(
    '/events',
    {
      schema: {
        tags,
        summary: 'Apply a change event and re-home open records in one audited transaction',
        body: ChangeEventRequest,
        response: { 201: ChangeApplied },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      authorize(actor, 'admin_unit.change', { kind: 'global' });
      const r = await db
        .transaction()
        .execute((trx) =>
          applyChangeEvent(
            req.body,
            createChangeEventPorts(trx, { userId: actor.userId, requestId: String(req.id) }),
            eventKey(),
          ),
        );
      return reply
        .status(201)
        .send({ ...presentPlan(r.plan, r.impact), eventId: r.eventId, moved: r.moved, queued: r.queued });
    },
  );

  app.get(
    '/reviews',
    {
      schema: {
        tags,
        summary: 'Records of split units waiting for a decision, one page at a time (limit, offset, total)',
        querystring: ReviewListQuery,
        response: { 200: ReviewList },
      },
    },
    async (req) => {
      authorize(requireActor(req), 'admin_unit.change', { kind: 'global' });
      const { status, limit, offset } = req.query;
      return createRehomingRepository(db).listReviews({ status, limit, offset });
    },
  );

  app.post(
    '/reviews/:id/resolve',
    {
      schema: {
        tags,
        summary: 'Move one reviewed record to the chosen successor',
        params: NumIdParams,
        body: ResolveReviewRequest,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      const ctx = writeContext(deps, req);
      await inTransaction(deps, req, createReviewPorts, (ports) =>
        resolveRehomingReview(req.params.id, req.body.unitCode, ctx, ports),
      );
      return reply.status(204).send(null);
    },
  );
};
