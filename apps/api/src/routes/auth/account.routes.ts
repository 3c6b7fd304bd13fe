import { ChangePasswordRequest, SESSION_COOKIE, SessionIdParam, SessionList } from '@mot-cua/contracts';
import { changePassword, revokeAllOwnSessions, revokeOwnSession } from '@mot-cua/core';
import { createAccountPorts, createSessionsRepository } from '@mot-cua/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../context.js';
import { passwordHasher, requireActor } from '../../http/auth.js';
import { inTransaction } from '../write.js';
import { sessionCookieOptions } from './auth.routes.js';

/** The signed-in official's own account: password, sessions (listed and revoked by their owner only). */
export const accountRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const { db } = deps.database;
  const cookieOptions = sessionCookieOptions(deps);

  app.post(
    '/logout-all',
    {
      schema: {
        tags: ['auth'],
        summary: 'Revoke every session of the signed-in official',
        response: { 200: z.object({ revoked: z.number().int() }) },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const { revoked } = await inTransaction(deps, req, createAccountPorts, (ports) =>
        revokeAllOwnSessions(actor, ports),
      );
      reply.clearCookie(SESSION_COOKIE, cookieOptions);
      return { revoked };
    },
  );

  app.post(
    '/password',
    {
      config: { rateLimit: { max: deps.config.loginRateLimitPerMinute, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary:
          'Change one’s own password (policy: ≥ 12 characters, not the username, not common); other sessions end',
        body: ChangePasswordRequest,
        response: { 200: z.object({ revokedSessions: z.number().int() }) },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      return inTransaction(
        deps,
        req,
        (trx, requestId) => ({ ...createAccountPorts(trx, requestId), hasher: passwordHasher }),
        (ports) =>
          changePassword({ userId: actor.userId, ...req.body, keepSessionIdHash: req.session?.idHash ?? null }, ports),
      );
    },
  );

  app.get(
    '/sessions',
    {
      schema: {
        tags: ['auth'],
        summary: 'The signed-in official’s sessions (browser, address, last use); the current one marked',
        response: { 200: SessionList },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const rows = await createSessionsRepository(db).listSessionsOfUser(actor.userId, deps.clock.now());
      return {
        items: rows.map((r) => ({
          id: r.publicId,
          createdAt: new Date(r.createdAt).toISOString(),
          lastSeenAt: new Date(r.lastSeenAt).toISOString(),
          expiresAt: new Date(r.expiresAt).toISOString(),
          userAgent: r.userAgent,
          ip: r.ip,
          current: r.idHash === req.session?.idHash,
        })),
      };
    },
  );

  app.delete(
    '/sessions/:id',
    {
      schema: {
        tags: ['auth'],
        summary: 'End one of one’s own sessions (audited); another official’s session is not found',
        params: SessionIdParam,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const currentId = req.session ? await createSessionsRepository(db).findPublicIdOf(req.session.idHash) : null;
      const current = currentId === req.params.id;
      await inTransaction(deps, req, createAccountPorts, (ports) =>
        revokeOwnSession(actor, { sessionId: req.params.id, current }, ports),
      );
      if (current) reply.clearCookie(SESSION_COOKIE, cookieOptions);
      return reply.status(204).send(null);
    },
  );
};
