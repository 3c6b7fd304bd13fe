import { randomInt } from 'node:crypto';
import { DEMO_CITIZEN_PASSWORD, DEMO_CITIZENS, type DemoCitizen, type IdSim, startIdSim } from '@mot-cua/id-sim';
import type { FastifyInstance } from 'fastify';
import { type CitizenIdentity, createCitizenIdentity, OIDC_CALLBACK_PATH } from '../../http/citizen-identity.js';
import type { Signed } from '../../testing.js';

/**
 * A citizen of this test file only: the demo citizen's name, phone and address with a fresh personal identification
 * number (and subject), so files sharing a PostgreSQL database never see each other's citizen account, drafts or
 * dossiers, whatever order they run in. Pass it to `startTestIdentity` and sign in with its `idNumber`.
 */
export function uniqueTestCitizen(like: DemoCitizen = DEMO_CITIZENS[0]!): DemoCitizen {
  const digits = String(randomInt(0, 1_000_000_000)).padStart(9, '0');
  return { ...like, sub: `test-${digits}`, idNumber: `${like.idNumber.slice(0, 3)}${digits}` };
}

/**
 * The local provider for tests, with the API's callback at the default PUBLIC_URL, and the client over it. The demo
 * citizens may sign in, and `extraCitizens` (see `uniqueTestCitizen`).
 */
export async function startTestIdentity(
  publicUrl = 'http://localhost:3000',
  extraCitizens: readonly DemoCitizen[] = [],
): Promise<{ sim: IdSim; identity: CitizenIdentity }> {
  const redirectUri = new URL(OIDC_CALLBACK_PATH, publicUrl).toString();
  const sim = await startIdSim({
    port: 0,
    redirectUris: [redirectUri],
    citizens: [...DEMO_CITIZENS, ...extraCitizens],
  });
  const identity = createCitizenIdentity({
    issuer: sim.issuer,
    clientId: sim.client.clientId,
    clientSecret: sim.client.clientSecret,
    scopes: 'openid profile phone vneid',
    idNumberClaim: 'id_number',
    redirectUri,
    allowHttp: true,
    simulated: true,
    close: sim.close,
  });
  return { sim, identity };
}

/** A browser-like walk with a cookie jar through the provider's pages, until it sends us back to `stopAt`. */
async function follow(start: string, stopAt: string, form?: (url: string) => URLSearchParams | undefined) {
  const jar = new Map<string, string>();
  let url = start;
  let method = 'GET';
  let body: URLSearchParams | undefined;
  let posted = false;
  for (let i = 0; i < 12; i++) {
    if (url.startsWith(stopAt)) return url;
    const res = await fetch(url, {
      method,
      redirect: 'manual',
      headers: {
        cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
        ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(body ? { body } : {}),
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = pair!.indexOf('=');
      jar.set(pair!.slice(0, eq), pair!.slice(eq + 1));
    }
    const location = res.headers.get('location');
    if (location) {
      url = new URL(location, url).toString();
      method = 'GET';
      body = undefined;
      await res.arrayBuffer();
      continue;
    }
    const html = await res.text();
    const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
    const filled = action && !posted ? form?.(url) : undefined;
    if (!action || !filled) return { stoppedAt: url, status: res.status, html };
    url = new URL(action, url).toString();
    method = 'POST';
    body = filled;
    posted = true;
  }
  throw new Error('too many redirects');
}

/**
 * Sign a demo citizen in through the real flow: the API's /start, the provider's login page (identification
 * number and password), consent, then the API's callback; returns the session as the other tests use it.
 */
export async function signInCitizen(
  app: FastifyInstance,
  idNumber: string,
  password = DEMO_CITIZEN_PASSWORD,
  publicUrl = 'http://localhost:3000',
): Promise<Signed & { callbackStatus: number; location: string }> {
  const start = await app.inject({ method: 'GET', url: '/api/auth/oidc/start?returnTo=/ho-so-cua-toi' });
  if (start.statusCode !== 302) throw new Error(`start: ${start.statusCode} ${start.body}`);
  const back = await follow(
    String(start.headers.location),
    `${publicUrl}/`,
    () => new URLSearchParams({ id_number: idNumber, password }),
  );
  if (typeof back !== 'string') throw new Error(`provider stopped at ${back.stoppedAt} (${back.status})`);
  const u = new URL(back);
  const cb = await app.inject({ method: 'GET', url: `${u.pathname}${u.search}` });
  const setCookie = cb.headers['set-cookie'];
  const raw = Array.isArray(setCookie) ? setCookie[0] : setCookie;
  const cookie = raw ? String(raw).split(';')[0]! : '';
  const location = String(cb.headers.location ?? '');
  if (!cookie) return { cookie, csrf: '', userId: '', headers: {}, callbackStatus: cb.statusCode, location };
  const s = await app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie } });
  const j = s.json() as { csrfToken: string; user: { id: string } };
  return {
    cookie,
    csrf: j.csrfToken,
    userId: j.user.id,
    headers: { cookie, 'x-csrf-token': j.csrfToken },
    callbackStatus: cb.statusCode,
    location,
  };
}
