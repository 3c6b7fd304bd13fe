import type { Database } from '@mot-cua/db';
import type { IdSim } from '@mot-cua/id-sim';
import { type PaySim, startPaySim } from '@mot-cua/pay-sim';
import { createTestDb } from '@mot-cua/test-kit';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPaymentGateway } from '../payments/payment-gateway.js';
import { startTestIdentity } from '../routes/citizens/oidc-test-helpers.js';
import { buildTestApp, type Signed, signIn } from '../testing.js';
import { type FuzzRequest, fixedCases, type OpenApiDoc, operations, prng, randomCase } from './fuzz-test-helpers.js';

/**
 * The API under hostile input, driven by its own OpenAPI document (issue 16). CI runs every operation's core cases
 * plus random ones for FUZZ_BUDGET_MS (default 3 s); `npm run fuzz` runs every fixed case and a minute of random
 * ones. The contract: no 5xx, and every 4xx is problem+json.
 */
const BUDGET_MS = Number(process.env.FUZZ_BUDGET_MS ?? 3000);
const FULL = process.env.FUZZ_FULL === '1';
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000);
/** Requests that would end the fuzzing session itself; they are fuzzed without a session. */
const ENDS_SESSION = new Set(['POST /api/auth/logout', 'POST /api/auth/logout-all']);

describe(`OpenAPI fuzz (seed ${SEED}, ${FULL ? 'full' : 'core'} cases, ${BUDGET_MS} ms random)`, () => {
  let database: Database;
  let app: FastifyInstance;
  let idSim: IdSim | undefined;
  let paySim: PaySim | undefined;
  let admin: Signed;
  let doc: OpenApiDoc;
  const failures: string[] = [];
  let sent = 0;

  async function send(c: FuzzRequest, session: Signed | null) {
    const res = await app.inject({
      method: c.method as 'GET',
      url: c.url,
      headers: { ...(session ? session.headers : {}), ...c.headers },
      ...(c.payload !== undefined ? { payload: c.payload } : {}),
    });
    sent++;
    const type = String(res.headers['content-type'] ?? '');
    // Open311 GeoReport v2 answers its errors in the spec's own format ([{code, description}] as JSON or XML),
    // which its clients parse; errors the router raises before any route (414, a malformed URL) are problem+json
    // there as everywhere else.
    const open311 = c.url.startsWith('/open311/');
    const errorFormat =
      type.includes('application/problem+json') ||
      (open311 && /^(application\/json|text\/xml|application\/xml)/.test(type));
    const bad = res.statusCode >= 500 || (res.statusCode >= 400 && !errorFormat);
    if (bad && failures.length < 50) {
      const payload = typeof c.payload === 'string' ? c.payload.slice(0, 120) : '';
      failures.push(`${c.operation} → ${res.statusCode} ${type}: ${c.method} ${c.url.slice(0, 160)} ${payload}`);
    }
  }

  beforeAll(async () => {
    database = await createTestDb();
    // The outside services are there, as in `npm start` (their simulators): without them sign-in and payment
    // answer 503 by design, which says nothing about the handling of bad input.
    const identity = await startTestIdentity();
    idSim = identity.sim;
    paySim = await startPaySim({ port: 0, merchantId: 'MOTCUA01', secret: 'fuzz-secret-0123456789abcdef' });
    const payments = createPaymentGateway({
      url: paySim.url,
      merchantId: 'MOTCUA01',
      secret: 'fuzz-secret-0123456789abcdef',
      simulated: true,
    });
    ({ app } = await buildTestApp(database, { identity: identity.identity, payments }));
    admin = await signIn(app, database, [
      { role: 'system_admin', unitCode: 'VN' },
      { role: 'reception', unitCode: 'VN' },
      { role: 'specialist', unitCode: 'VN' },
      { role: 'leader', unitCode: 'VN' },
      { role: 'supervisor', unitCode: 'VN' },
    ]);
    doc = (await app.inject('/api/docs/json')).json() as OpenApiDoc;
  });
  afterAll(async () => {
    await app.close();
    await idSim?.close();
    await paySim?.close();
  });

  it('the document lists the operations to fuzz', () => {
    expect(operations(doc).length).toBeGreaterThan(30);
  });

  it('every operation, signed in and not: no 5xx, every 4xx problem+json', async () => {
    for (const { path, method, op } of operations(doc)) {
      const name = `${method.toUpperCase()} ${path}`;
      for (const c of fixedCases(doc, path, method, op, FULL)) {
        await send(c, ENDS_SESSION.has(name) ? null : admin);
      }
      await send(fixedCases(doc, path, method, op, false)[0]!, null);
    }
    console.info(`openapi fuzz (seed ${SEED}): ${sent} requests so far, ${failures.length} failures`);
    expect(failures, `seed ${SEED}, ${sent} requests`).toEqual([]);
  }, 600_000);

  it('random combinations for the time budget', async () => {
    const rnd = prng(SEED);
    const ops = operations(doc).filter((o) => !ENDS_SESSION.has(`${o.method.toUpperCase()} ${o.path}`));
    const until = Date.now() + BUDGET_MS;
    while (Date.now() < until) {
      const { path, method, op } = ops[Math.floor(rnd() * ops.length)]!;
      await send(randomCase(doc, path, method, op, rnd), rnd() < 0.8 ? admin : null);
    }
    console.info(`openapi fuzz (seed ${SEED}): ${sent} requests so far, ${failures.length} failures`);
    expect(failures, `seed ${SEED}, ${sent} requests`).toEqual([]);
  }, 600_000);
});
