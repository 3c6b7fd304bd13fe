import { createHash, randomBytes } from 'node:crypto';
import { CSRF_HEADER, SESSION_COOKIE } from '@mot-cua/contracts';
import {
  type Actor,
  AppError,
  type PasswordHasher,
  type ResolvedSession,
  resolveSession,
  type Secrets,
} from '@mot-cua/core';
import { createSessionsRepository } from '@mot-cua/db';
import { hash, verify } from '@node-rs/argon2';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { AppDeps } from '../context.js';

declare module 'fastify' {
  interface FastifyRequest {
    session: ResolvedSession | undefined;
    /** Why the session cookie could not be used, to report SESSION_EXPIRED rather than a bare 401. */
    sessionError: 'SESSION_EXPIRED' | 'UNAUTHENTICATED' | undefined;
  }
}

export const secrets: Secrets = {
  randomToken: () => randomBytes(32).toString('base64url'),
  sha256: (v) => createHash('sha256').update(v).digest('hex'),
};

/** argon2id with OWASP's recommended minimum (19 MiB, 2 passes, 1 lane). */
export const passwordHasher: PasswordHasher = {
  hash: (password) => hash(password, { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 }),
  verify: (h, password) => verify(h, password),
};

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** What a session opened with a one-time password may reach before the password is changed. */
const ONE_TIME_PASSWORD_ROUTES = new Set(['/api/auth/session', '/api/auth/password', '/api/auth/logout']);

/**
 * Resolves the session cookie into request.session and enforces CSRF on cookie-authenticated writes
 * (the token from /api/auth/session must come back in the x-csrf-token header).
 * Citizen OpenID Connect login will plug in here as a second way to open the same kind of session.
 */
export const authPlugin = fp(async (app: FastifyInstance, deps: AppDeps) => {
  const ttlMs = deps.config.sessionTtlHours * 3_600_000;
  app.decorateRequest('session', undefined);
  app.decorateRequest('sessionError', undefined);

  app.addHook('preHandler', async (req) => {
    const token = req.cookies[SESSION_COOKIE];
    if (!token) return;
    try {
      req.session = await resolveSession(token, {
        sessions: createSessionsRepository(deps.database.db),
        secrets,
        clock: deps.clock,
        sessionTtlMs: ttlMs,
      });
    } catch (e) {
      if (e instanceof AppError && (e.code === 'SESSION_EXPIRED' || e.code === 'UNAUTHENTICATED')) {
        req.sessionError = e.code;
        return;
      }
      throw e;
    }
    if (UNSAFE.has(req.method)) {
      const sent = req.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || sent !== req.session.csrfToken) throw new AppError('CSRF_TOKEN_INVALID');
    }
    // Signed in with a one-time password: nothing but the password change (and reading the session, leaving).
    if (req.session.account.mustChangePassword && !ONE_TIME_PASSWORD_ROUTES.has(req.routeOptions.url ?? '')) {
      throw new AppError('PASSWORD_CHANGE_REQUIRED');
    }
  });
});

/** The signed-in actor, or a 401 problem. */
export function requireActor(req: FastifyRequest): Actor {
  if (req.session) return req.session.actor;
  throw new AppError(req.sessionError ?? 'UNAUTHENTICATED');
}

/** The actor when signed in; undefined for public callers. */
export function optionalActor(req: FastifyRequest): Actor | undefined {
  return req.session?.actor;
}
