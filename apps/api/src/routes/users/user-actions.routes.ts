import {
  GrantInput,
  OneTimePasswordResponse,
  ResetPasswordRequest,
  UserGrantParam,
  UserIdParam,
  UserView,
} from '@mot-cua/contracts';
import { grantRole, resetAccountPassword, revokeGrant, setAccountActive } from '@mot-cua/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../context.js';
import { requireActor } from '../../http/auth.js';
import { inTransaction } from '../write.js';
import { userAdminPorts } from './ports.js';
import { viewOfficial } from './users.routes.js';

/** Disable, enable, reset and grants of one account: each a core use case with its audit row (issue 16). */
export const userActionRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const { db } = deps.database;
  const ports = userAdminPorts(deps);

  for (const [path, isActive] of [
    ['disable', false],
    ['enable', true],
  ] as const) {
    app.post(
      `/:id/${path}`,
      {
        schema: {
          tags: ['users'],
          summary: isActive ? 'Enable an account (audited)' : 'Disable an account; its sessions end at once (audited)',
          params: UserIdParam,
          response: { 200: UserView },
        },
      },
      async (req) => {
        const actor = requireActor(req);
        await inTransaction(deps, req, ports, (p) => setAccountActive(actor, { userId: req.params.id, isActive }, p));
        return viewOfficial(deps, db, actor, req.params.id);
      },
    );
  }

  app.post(
    '/:id/reset-password',
    {
      config: { rateLimit: { max: deps.config.loginRateLimitPerMinute, timeWindow: '1 minute' } },
      schema: {
        tags: ['users'],
        summary: 'A new one-time password (shown once, changed at the next sign-in); every session ends (audited)',
        params: UserIdParam,
        body: ResetPasswordRequest,
        response: { 200: OneTimePasswordResponse },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const r = await inTransaction(deps, req, ports, (p) =>
        resetAccountPassword(actor, { userId: req.params.id, clearSecondFactor: req.body.clearSecondFactor }, p),
      );
      const user = await viewOfficial(deps, db, actor, req.params.id);
      return { user, oneTimePassword: r.oneTimePassword, expiresAt: r.expiresAt.toISOString() };
    },
  );

  app.post(
    '/:id/grants',
    {
      schema: {
        tags: ['users'],
        summary: 'Grant a role in a unit within one’s jurisdiction, never above one’s own role (audited)',
        params: UserIdParam,
        body: GrantInput,
        response: { 201: UserView },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      await inTransaction(deps, req, ports, (p) => grantRole(actor, { userId: req.params.id, grant: req.body }, p));
      return reply.status(201).send(await viewOfficial(deps, db, actor, req.params.id));
    },
  );

  app.delete(
    '/:id/grants/:grantId',
    {
      schema: {
        tags: ['users'],
        summary: 'Revoke a grant: it ends yesterday, or is removed if it has not started (audited)',
        params: UserGrantParam,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      await inTransaction(deps, req, ports, (p) =>
        revokeGrant(actor, { userId: req.params.id, grantId: req.params.grantId }, p),
      );
      // The account may have left the administrator's jurisdictions with its grant: nothing to show.
      return reply.status(204).send(null);
    },
  );
};
