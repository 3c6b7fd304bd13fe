import { CounterGroupsRequest, QueueGroupInput, QueueSettingsFields, QueueSettingsView } from '@mot-cua/contracts';
import {
  AppError,
  authorize,
  createQueueGroup,
  setCounterGroups,
  updateQueueGroup,
  updateQueueSettings,
} from '@mot-cua/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../context.js';
import { requireActor } from '../../http/auth.js';
import { CenterParams, IdParams, queueContext, queueRepo, queueWrite, tags } from './shared.js';

/**
 * A front desk's administration (queue.manage: the center director, a system administrator): priority rules,
 * notices, slot length, the near-turn SMS and ticketing hours; service groups; the groups each counter serves.
 * Every write is a core use case audited in its transaction; each answers with the settings as they now are.
 */
export const settingsRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const view = async (centerId: string) => {
    const v = await queueRepo(deps).settingsView(centerId);
    if (!v) throw new AppError('QUEUE_CENTER_NOT_FOUND', { details: { centerId } });
    return v;
  };

  app.get(
    '/centers/:centerId/settings',
    {
      schema: {
        tags,
        summary: "A front desk's settings: rules and hours, service groups, the groups each counter serves",
        params: CenterParams,
        response: { 200: QueueSettingsView },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const scope = await queueRepo(deps).centerScope(req.params.centerId);
      if (!scope) throw new AppError('QUEUE_CENTER_NOT_FOUND');
      authorize(actor, 'queue.manage', { kind: 'unit', ...scope });
      return view(req.params.centerId);
    },
  );

  app.put(
    '/centers/:centerId/settings',
    {
      schema: {
        tags,
        summary: 'Set the priority rules, notices, slot length, near-turn SMS threshold and ticketing margins',
        params: CenterParams,
        body: QueueSettingsFields,
        response: { 200: QueueSettingsView },
      },
    },
    async (req) => {
      requireActor(req);
      const ctx = queueContext(deps, req);
      await queueWrite(deps, req, (ports) => updateQueueSettings(req.params.centerId, req.body, ctx, ports));
      return view(req.params.centerId);
    },
  );

  app.post(
    '/centers/:centerId/groups',
    {
      schema: {
        tags,
        summary: 'Add a service group (by procedure field, result pickup or information)',
        params: CenterParams,
        body: QueueGroupInput,
        response: { 201: QueueSettingsView },
      },
    },
    async (req, reply) => {
      requireActor(req);
      const ctx = queueContext(deps, req);
      await queueWrite(deps, req, (ports) => createQueueGroup(req.params.centerId, req.body, ctx, ports));
      return reply.status(201).send(await view(req.params.centerId));
    },
  );

  app.put(
    '/groups/:id',
    {
      schema: {
        tags,
        summary: 'Change a service group (name, fields, numbers, order, active)',
        params: IdParams,
        body: QueueGroupInput,
        response: { 200: QueueSettingsView },
      },
    },
    async (req) => {
      requireActor(req);
      const ctx = queueContext(deps, req);
      await queueWrite(deps, req, (ports) => updateQueueGroup(req.params.id, req.body, ctx, ports));
      const centerId = (await queueRepo(deps).groupCenter(req.params.id))!;
      return view(centerId);
    },
  );

  app.put(
    '/counters/:id/groups',
    {
      schema: {
        tags,
        summary: 'The groups a counter serves, with its tier for each (1 = main group)',
        params: IdParams,
        body: CounterGroupsRequest,
        response: { 200: QueueSettingsView },
      },
    },
    async (req) => {
      requireActor(req);
      const ctx = queueContext(deps, req);
      await queueWrite(deps, req, (ports) => setCounterGroups(req.params.id, req.body, ctx, ports));
      const centerId = (await queueRepo(deps).counterCenter(req.params.id))!;
      return view(centerId);
    },
  );
};
