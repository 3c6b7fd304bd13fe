import { SESSION_COOKIE } from '@mot-cua/contracts';
import { AppError, signInCitizen } from '@mot-cua/core';
import { createAuditPort, createCitizensRepository, createSessionsRepository } from '@mot-cua/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../context.js';
import { secrets } from '../../http/auth.js';

const tags = ['auth'];
const LOGIN_REQUEST_TTL_MS = 10 * 60_000;

/** Only a path of this site (no scheme, host or protocol-relative "//") may be a return target. */
export function safeReturnTo(v: string | undefined): string {
  return v && /^\/(?!\/)[\w\-./?=&%]*$/.test(v) && !v.includes('\\') ? v : '/ho-so-cua-toi';
}

/**
 * Citizens' sign-in through OpenID Connect (authorization code + PKCE): /start sends the browser to the
 * provider with a fresh state, nonce and code challenge kept server-side; /callback takes them back once,
 * exchanges the code, checks the ID token and opens the same session officials get (cookie, CSRF token).
 */
export const oidcRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const { db } = deps.database;
  const cookieOptions = {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: deps.config.env === 'production' && deps.config.publicUrl.startsWith('https:'),
  };
  const identity = () => {
    if (!deps.identity) throw new AppError('OIDC_PROVIDER_UNAVAILABLE');
    return deps.identity;
  };

  app.get(
    '/start',
    {
      config: { rateLimit: { max: deps.config.loginRateLimitPerMinute * 3, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Citizen sign-in: redirect to the identity provider (VNeID, or the local provider)',
        querystring: z.object({ returnTo: z.string().max(300).optional() }),
      },
    },
    async (req, reply) => {
      const { url, checks } = await identity().begin();
      await createCitizensRepository(db).saveLoginRequest({
        state: checks.state,
        codeVerifier: checks.codeVerifier,
        nonce: checks.nonce,
        returnTo: safeReturnTo(req.query.returnTo),
        expiresAt: new Date(deps.clock.now().getTime() + LOGIN_REQUEST_TTL_MS),
      });
      return reply.redirect(url.toString(), 302);
    },
  );

  app.get(
    '/callback',
    {
      schema: {
        tags,
        summary: 'Where the identity provider sends the citizen back (code, state); opens the session',
        querystring: z.object({ state: z.string().max(200).optional() }).passthrough(),
      },
    },
    async (req, reply) => {
      const fail = (code: string) => reply.redirect(`/dang-nhap?error=${encodeURIComponent(code)}`, 302);
      const state = req.query.state;
      const pending = state ? await createCitizensRepository(db).takeLoginRequest(state, deps.clock.now()) : undefined;
      if (!state || !pending) return fail('OIDC_LOGIN_EXPIRED');
      const callbackUrl = new URL(req.url, identity().redirectUri);
      try {
        const claims = await identity().finish(callbackUrl, {
          state,
          nonce: pending.nonce,
          codeVerifier: pending.codeVerifier,
        });
        const r = await db.transaction().execute((trx) =>
          signInCitizen(
            claims,
            { userAgent: req.headers['user-agent'] ?? null, ip: req.ip },
            {
              citizens: createCitizensRepository(trx),
              sessions: createSessionsRepository(trx),
              secrets,
              clock: deps.clock,
              sessionTtlMs: deps.config.sessionTtlHours * 3_600_000,
              audit: createAuditPort(trx, String(req.id)),
            },
          ),
        );
        reply.setCookie(SESSION_COOKIE, r.token, { ...cookieOptions, expires: r.expiresAt });
        return reply.redirect(pending.returnTo, 302);
      } catch (e) {
        if (e instanceof AppError) {
          req.log.info({ code: e.code, cause: (e.cause as Error | undefined)?.message }, 'citizen sign-in refused');
          return fail(e.code);
        }
        throw e;
      }
    },
  );
};
