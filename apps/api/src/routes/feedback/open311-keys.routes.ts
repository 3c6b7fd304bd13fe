import { Open311KeyInput, Open311KeyIssued, Open311Keys } from '@mot-cua/contracts';
import { authorize, issueOpen311Key, revokeOpen311Key } from '@mot-cua/core';
import { createOpen311KeyPorts, createOpen311KeysRepository } from '@mot-cua/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../context.js';
import { requireActor } from '../../http/auth.js';
import { inTransaction } from '../write.js';

const tags = ['feedback'];

/** Open311 API keys of outside clients: list, issue (shown once), revoke. A national administrator's task. */
export const open311KeysRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const { db } = deps.database;

  app.get(
    '/open311-keys',
    {
      schema: {
        tags,
        summary: 'Open311 API keys (names and prefixes; never the keys)',
        response: { 200: Open311Keys },
      },
    },
    async (req) => {
      authorize(requireActor(req), 'open311.manage', { kind: 'global' });
      return { items: await createOpen311KeysRepository(db).list() };
    },
  );

  app.post(
    '/open311-keys',
    {
      schema: {
        tags,
        summary: 'Issue an Open311 API key (audited); the answer is the only time the key is shown',
        body: Open311KeyInput,
        response: { 201: Open311KeyIssued },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const issued = await inTransaction(deps, req, createOpen311KeyPorts, (ports) =>
        issueOpen311Key(req.body, { actor, now: deps.clock.now() }, ports),
      );
      return reply.status(201).header('cache-control', 'no-store').send(issued);
    },
  );

  app.post(
    '/open311-keys/:id/revoke',
    {
      schema: {
        tags,
        summary: 'Revoke an Open311 API key (audited)',
        params: z.object({ id: z.uuid() }),
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      await inTransaction(deps, req, createOpen311KeyPorts, (ports) =>
        revokeOpen311Key(req.params.id, { actor, now: deps.clock.now() }, ports),
      );
      return reply.status(204).send();
    },
  );
};
