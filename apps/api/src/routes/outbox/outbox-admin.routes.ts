import {
  DeadLetterIdParam,
  DeadLetterList,
  DeadLetterListQuery,
  DiscardDeadLetterRequest,
  DiscardDeadLetterResponse,
  OutboxSummary,
  ResendDeadLetterRequest,
  ResendDeadLetterResponse,
} from '@mot-cua/contracts';
import { authorize, discardDeadLetter, resendDeadLetter } from '@mot-cua/core';
import { createDeadLetterPorts, createOutboxRepository } from '@mot-cua/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../context.js';
import { requireActor } from '../../http/auth.js';
import { portalSyncHealth } from '../../outbox/outbox-health.js';
import { inTransaction } from '../write.js';

const GLOBAL = { kind: 'global' } as const;

/** /api/admin/outbox: the sync with the national portal seen by a system administrator; dead letters re-sent. */
export const outboxAdminRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const { db } = deps.database;

  app.get(
    '/summary',
    {
      schema: {
        tags: ['outbox'],
        summary: 'Backlog, oldest pending age, dead letters and breaker state',
        response: { 200: OutboxSummary },
      },
    },
    async (req) => {
      authorize(requireActor(req), 'outbox.manage', GLOBAL);
      return portalSyncHealth({ ...deps, dispatcher: deps.outbox });
    },
  );

  app.get(
    '/dead-letters',
    {
      schema: {
        tags: ['outbox'],
        summary: 'Rows the portal refused or that failed too often, with the reason and the portal answer',
        querystring: DeadLetterListQuery,
        response: { 200: DeadLetterList },
      },
    },
    async (req) => {
      authorize(requireActor(req), 'outbox.manage', GLOBAL);
      const rows = await createOutboxRepository(db).listDeadLetters({
        limit: req.query.limit,
        afterId: req.query.after,
      });
      return {
        items: rows.map((r) => ({
          id: r.id,
          provinceCode: r.provinceCode,
          topic: r.topic,
          aggregateType: r.aggregateType,
          aggregateId: r.aggregateId,
          idempotencyKey: r.idempotencyKey,
          payload: r.payload,
          attempts: r.attempts,
          createdAt: new Date(r.createdAt).toISOString(),
          deadAt: new Date(r.deadAt!).toISOString(),
          reason: r.deadReason ?? '',
          portalResponse: r.lastResponse,
        })),
      };
    },
  );

  app.post(
    '/dead-letters/:id/resend',
    {
      schema: {
        tags: ['outbox'],
        summary: 'Re-send a dead letter, optionally with a corrected payload (same idempotency key; audited)',
        params: DeadLetterIdParam,
        body: ResendDeadLetterRequest,
        response: { 200: ResendDeadLetterResponse },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const now = deps.clock.now();
      const r = await inTransaction(deps, req, createDeadLetterPorts, (ports) =>
        resendDeadLetter(actor, { ...req.body, id: req.params.id, now }, ports),
      );
      return { ...r, queuedAt: now.toISOString() };
    },
  );

  app.post(
    '/dead-letters/:id/discard',
    {
      schema: {
        tags: ['outbox'],
        summary:
          'Discard a dead letter that will never be accepted (reason required; audited; never counted as delivered)',
        params: DeadLetterIdParam,
        body: DiscardDeadLetterRequest,
        response: { 200: DiscardDeadLetterResponse },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const now = deps.clock.now();
      const r = await inTransaction(deps, req, createDeadLetterPorts, (ports) =>
        discardDeadLetter(actor, { ...req.body, id: req.params.id, now }, ports),
      );
      return { ...r, discardedAt: now.toISOString() };
    },
  );
};
