import { RoutingRuleInput, RoutingRules } from '@mot-cua/contracts';
import {
  authorize,
  createRoutingRule,
  decide,
  deleteRoutingRule,
  jurisdictionFor,
  routingRuleResource,
  updateRoutingRule,
} from '@mot-cua/core';
import { createFeedbackRepository, createRoutingRulesPorts } from '@mot-cua/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../context.js';
import { requireActor } from '../../http/auth.js';
import { inTransaction } from '../write.js';

const tags = ['feedback'];

/** Routing rules of feedback, edited by an administrator or the center director of the province. */
export const feedbackRoutingRulesRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const { db } = deps.database;

  app.get(
    '/routing-rules',
    {
      schema: {
        tags,
        summary: 'Routing rules of a province (or all the official may edit)',
        querystring: z.object({
          province: z
            .string()
            .regex(/^[0-9A-Za-z]{2,10}$/)
            .optional(),
        }),
        response: { 200: RoutingRules },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const scope = jurisdictionFor(actor, 'feedback.configure');
      if (scope.length === 0) authorize(actor, 'feedback.configure', { kind: 'global' });
      const rows = await createFeedbackRepository(db).listRoutingRules(req.query.province);
      const visible = rows.filter((r) => decide(actor, 'feedback.configure', routingRuleResource(r)).allowed);
      return { items: visible };
    },
  );

  app.post(
    '/routing-rules',
    {
      schema: {
        tags,
        summary: 'Add a routing rule (audited)',
        body: RoutingRuleInput,
        response: { 201: z.object({ id: z.number().int() }) },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const id = await inTransaction(deps, req, createRoutingRulesPorts, (ports) =>
        createRoutingRule(req.body, { actor, now: deps.clock.now() }, ports),
      );
      return reply.status(201).send({ id });
    },
  );

  app.put(
    '/routing-rules/:id',
    {
      schema: {
        tags,
        summary: 'Change a routing rule (audited with both versions)',
        params: z.object({ id: z.coerce.number().int().positive() }),
        body: RoutingRuleInput,
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      await inTransaction(deps, req, createRoutingRulesPorts, (ports) =>
        updateRoutingRule(req.params.id, req.body, { actor, now: deps.clock.now() }, ports),
      );
      return reply.status(204).send();
    },
  );

  app.delete(
    '/routing-rules/:id',
    {
      schema: {
        tags,
        summary: 'Remove a routing rule (audited)',
        params: z.object({ id: z.coerce.number().int().positive() }),
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      await inTransaction(deps, req, createRoutingRulesPorts, (ports) =>
        deleteRoutingRule(req.params.id, { actor, now: deps.clock.now() }, ports),
      );
      return reply.status(204).send();
    },
  );
};
