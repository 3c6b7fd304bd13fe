import { SESSION_COOKIE, SESSION_HINT_COOKIE } from '@mot-cua/contracts';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

const EPOCH = new Date(0);

/**
 * Keeps the readable hint cookie in step with the session cookie, whichever route sets or clears it (sign-in,
 * electronic identity, logout, password change): set with the same expiry, cleared with it, and cleared when the
 * page asks for a session that no longer exists. The hint is not a credential; the session cookie stays httpOnly.
 */
export const sessionHintPlugin = fp(async (app: FastifyInstance, opts: { secure: boolean }) => {
  const options = { path: '/', sameSite: 'lax' as const, httpOnly: false, secure: opts.secure };
  app.addHook('onSend', async (req, reply, payload) => {
    const raw = reply.getHeader('set-cookie');
    const cookies = Array.isArray(raw) ? raw : typeof raw === 'string' ? [raw] : [];
    const session = cookies.find((c) => c.startsWith(`${SESSION_COOKIE}=`));
    if (session !== undefined) {
      const expires = /;\s*Expires=([^;]+)/i.exec(session)?.[1];
      const at = expires ? new Date(expires) : undefined;
      // Cleared: an empty value (clearCookie), whatever the expiry; the request's clock may differ from the wall's.
      const cleared = session.startsWith(`${SESSION_COOKIE}=;`) || at?.getTime() === 0;
      if (cleared) reply.setCookie(SESSION_HINT_COOKIE, '', { ...options, expires: EPOCH });
      else reply.setCookie(SESSION_HINT_COOKIE, '1', { ...options, ...(at ? { expires: at } : {}) });
    } else if (reply.statusCode === 401 && req.cookies[SESSION_HINT_COOKIE]) {
      reply.setCookie(SESSION_HINT_COOKIE, '', { ...options, expires: EPOCH });
    }
    return payload;
  });
});
