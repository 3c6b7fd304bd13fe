import { LoginRequest, SESSION_COOKIE, SessionInfo } from '@mot-cua/contracts';
import {
  AppError,
  allowedActions,
  isAppError,
  login,
  logout,
  recordLoginRefusal,
  secondFactorOffered,
} from '@mot-cua/core';
import { createAccountPorts, createAuditPort } from '@mot-cua/db';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../context.js';
import { passwordHasher, requireActor, secrets } from '../../http/auth.js';
import { totp } from '../../http/second-factor.js';
import { TargetLockout } from '../../http/target-lockout.js';
import { inTransaction } from '../write.js';

/** Refusals that count towards the per-username lockout (a wrong second-factor code among them). */
const COUNTED_FAILURES = new Set(['INVALID_CREDENTIALS', 'ACCOUNT_DISABLED', 'SECOND_FACTOR_INVALID']);

export const sessionCookieOptions = (deps: AppDeps) => ({
  path: '/',
  httpOnly: true,
  sameSite: 'lax' as const,
  // Production runs behind https (TLS at the proxy), whatever PUBLIC_URL says: the cookie never travels in clear.
  secure: deps.config.env === 'production' || deps.config.publicUrl.startsWith('https:'),
});

export const authRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const ttlMs = deps.config.sessionTtlHours * 3_600_000;
  const cookieOptions = sessionCookieOptions(deps);
  const { lockout: limits } = deps.config;
  const usernameLockout = new TargetLockout(limits.loginFailuresPerUsername, limits.windowMs);

  /** Failed attempts and lockouts leave audit rows of their own (the login's transaction rolled back). */
  function auditRefusal(req: FastifyRequest, username: string, reason: string, locked: boolean) {
    const lockout = locked ? { failures: limits.loginFailuresPerUsername, minutes: limits.windowMs / 60_000 } : null;
    return inTransaction(deps, req, createAuditPort, (audit) =>
      recordLoginRefusal(audit, { username, ip: req.ip, reason, lockout }),
    );
  }

  app.post(
    '/login',
    {
      config: { rateLimit: { max: deps.config.loginRateLimitPerMinute, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Official signs in with username and password',
        body: LoginRequest,
        response: { 200: SessionInfo },
      },
    },
    async (req, reply) => {
      const target = req.body.username.trim().toLowerCase();
      const state = usernameLockout.check(target, deps.clock.now().getTime());
      if (state.locked) {
        await auditRefusal(req, target, 'locked', false);
        reply.header('retry-after', String(state.retryAfterSeconds));
        throw new AppError('RATE_LIMITED');
      }
      const input = { ...req.body, userAgent: req.headers['user-agent'] ?? null, ip: req.ip };
      const result = await inTransaction(
        deps,
        req,
        (trx, requestId) => ({
          ...createAccountPorts(trx, requestId),
          hasher: passwordHasher,
          secrets,
          clock: deps.clock,
          sessionTtlMs: ttlMs,
          totp,
        }),
        (ports) => login(input, ports),
      ).catch(async (e: unknown) => {
        if (isAppError(e) && COUNTED_FAILURES.has(e.code)) {
          const locked = usernameLockout.fail(target, deps.clock.now().getTime());
          await auditRefusal(req, target, e.code, locked);
        }
        throw e;
      });
      reply.setCookie(SESSION_COOKIE, result.token, { ...cookieOptions, expires: result.expiresAt });
      return {
        user: result.user,
        allowed: allowedActions(result.user.grants),
        csrfToken: result.csrfToken,
        expiresAt: result.expiresAt.toISOString(),
        account: { ...result.account, secondFactorOffered: secondFactorOffered(result.user.grants) },
      };
    },
  );

  app.get(
    '/session',
    {
      schema: { tags: ['auth'], summary: 'The signed-in official and the CSRF token', response: { 200: SessionInfo } },
    },
    async (req) => {
      requireActor(req);
      const s = req.session!;
      return {
        user: s.user,
        allowed: allowedActions(s.user.grants),
        csrfToken: s.csrfToken,
        expiresAt: s.expiresAt.toISOString(),
        account: { ...s.account, secondFactorOffered: secondFactorOffered(s.user.grants) },
      };
    },
  );

  app.post(
    '/logout',
    { schema: { tags: ['auth'], summary: 'End this session', response: { 204: z.null() } } },
    async (req, reply) => {
      const session = req.session;
      if (session) {
        const ended = { idHash: session.idHash, userId: session.user.id };
        await inTransaction(deps, req, createAccountPorts, (ports) => logout(ended, { ip: req.ip }, ports));
      }
      reply.clearCookie(SESSION_COOKIE, cookieOptions);
      return reply.status(204).send(null);
    },
  );
};
