import type { Database } from '@mot-cua/db';
import type { IdSim } from '@mot-cua/id-sim';
import { type PaySim, startPaySim } from '@mot-cua/pay-sim';
import { createTestDb } from '@mot-cua/test-kit';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loggerOptions } from '../http/logging.js';
import { createPaymentGateway } from '../payments/payment-gateway.js';
import { startTestIdentity } from '../routes/citizens/oidc-test-helpers.js';
import { buildTestApp, type Signed, signIn } from '../testing.js';
import { type OpenApiDoc, operations, sample } from './fuzz-test-helpers.js';

type Operation = ReturnType<typeof operations>[number]['op'];

import {
  request,
  sendRaw,
  WIRE_HEADER_SETS,
  WIRE_JSON_BODIES,
  WIRE_METHODS,
  WIRE_PATH_VALUES,
  wireQueries,
  wireRawRequests,
} from './wire-fuzz-helpers.js';

/**
 * The listening server under raw bytes (fuzz-9): what app.inject cannot send. CI runs every operation with HEAD,
 * OPTIONS and a sample of the wire cases; FUZZ_FULL=1 (`npm run fuzz`) runs every case on every operation.
 * The contract as in openapi-fuzz: an answer, never a 5xx, every 4xx problem+json, no stack trace in any body.
 */
const FULL = process.env.FUZZ_FULL === '1';
const STACK = /\bat [\w$.<>]+ \(?[^)]*\.(ts|js|mjs):\d+|node_modules/;

describe(`wire fuzz (${FULL ? 'full' : 'core'} cases)`, () => {
  let database: Database;
  let app: FastifyInstance;
  let port: number;
  let idSim: IdSim | undefined;
  let paySim: PaySim | undefined;
  let admin: Signed;
  let doc: OpenApiDoc;
  const errorLines: string[] = [];

  async function run(cases: Array<{ op: string; bytes: Buffer; name: string; target: string }>) {
    const failures: string[] = [];
    for (const c of cases) {
      const a = await sendRaw(port, c.bytes);
      const where = `${c.op} [${c.name}] ${c.target.slice(0, 100)}`;
      if (a === 'timeout' || a === 'reset') {
        failures.push(`${where} → ${a}`);
        continue;
      }
      const type = a.headers['content-type'] ?? '';
      const open311 = c.target.startsWith('/open311/');
      const errorFormat =
        type.includes('application/problem+json') ||
        (open311 && /^(application\/json|text\/xml|application\/xml)/.test(type));
      if (a.status < 100 || a.status >= 500 || (a.status >= 400 && !errorFormat) || STACK.test(a.body)) {
        failures.push(`${where} → ${a.status} ${type} ${a.body.slice(0, 160)}`);
      }
    }
    console.info(`wire fuzz: ${cases.length} requests, ${failures.length} failures`);
    await new Promise((r) => setTimeout(r, 200));
    failures.push(...errorLines.splice(0).map((l) => `logged at error level: ${l}`));
    return failures;
  }

  beforeAll(async () => {
    database = await createTestDb();
    const identity = await startTestIdentity();
    idSim = identity.sim;
    paySim = await startPaySim({ port: 0, merchantId: 'MOTCUA01', secret: 'fuzz-secret-0123456789abcdef' });
    const payments = createPaymentGateway({
      url: paySim.url,
      merchantId: 'MOTCUA01',
      secret: 'fuzz-secret-0123456789abcdef',
      simulated: true,
    });
    ({ app } = await buildTestApp(database, {
      identity: identity.identity,
      payments,
      // Errors the client never sees (its connection already closed) still count: none may be logged at error level.
      logger: loggerOptions('error', { write: (line: string) => errorLines.push(line.slice(0, 600)) }),
    }));
    admin = await signIn(app, database, [
      { role: 'system_admin', unitCode: 'VN' },
      { role: 'reception', unitCode: 'VN' },
      { role: 'specialist', unitCode: 'VN' },
    ]);
    doc = (await app.inject('/api/docs/json')).json() as OpenApiDoc;
    await app.listen({ port: 0, host: '127.0.0.1' });
    port = (app.server.address() as { port: number }).port;
  });
  afterAll(async () => {
    await app.close();
    await idSim?.close();
    await paySim?.close();
  });

  /** The cases of one operation: odd methods, header sets, raw JSON bodies, raw path values, raw queries. */
  function casesOf(path: string, method: string, op: Operation, full: boolean) {
    const name = `${method.toUpperCase()} ${path}`;
    const params = op.parameters ?? [];
    const pathNames = params.filter((p) => p.in === 'path').map((p) => p.name);
    const pathValues = Object.fromEntries(
      params.filter((p) => p.in === 'path').map((p) => [p.name, encodeURIComponent(String(sample(doc, p.schema)))]),
    );
    const fill = (over: Record<string, string> = {}) =>
      path.replace(/\{(\w+)\}/g, (_, n: string) => over[n] ?? pathValues[n] ?? 'x');
    const queryNames = params.filter((p) => p.in === 'query').map((p) => p.name);
    const session: Array<[string, string]> = [
      ['Cookie', admin.cookie],
      ['X-CSRF-Token', admin.csrf],
    ];
    const json: Array<[string, string]> = [['Content-Type', 'application/json']];
    const hasBody = method !== 'get' && method !== 'delete';
    const body = op.requestBody?.content?.['application/json']?.schema
      ? JSON.stringify(sample(doc, op.requestBody.content['application/json'].schema))
      : '{}';
    const out: Array<{ op: string; bytes: Buffer; name: string; target: string }> = [];
    const add = (
      n: string,
      m: string,
      target: string,
      headers: Array<[string, string | Buffer]>,
      b?: Buffer | string,
    ) => out.push({ op: name, name: n, target, bytes: request(m, target, headers, b) });
    const pick = <T>(xs: readonly T[], core: number) => (full ? xs : xs.slice(0, core));
    for (const m of pick(WIRE_METHODS, 2)) add(m, m, fill(), session);
    for (const [n, h] of pick(WIRE_HEADER_SETS, 0)) {
      add(n, method.toUpperCase(), fill(), [...session, ...h], hasBody ? body : undefined);
    }
    if (hasBody) {
      for (const [n, b] of pick(WIRE_JSON_BODIES, 0)) add(n, method.toUpperCase(), fill(), [...session, ...json], b);
      const wrongTypes = ['application/xml', 'multipart/form-data; boundary=B', 'application/octet-stream', 'text/csv'];
      for (const t of pick(wrongTypes, 0))
        add(`body as ${t}`, method.toUpperCase(), fill(), [...session, ['Content-Type', t]], body);
      // 12 MB each: on every operation only in the full run.
      if (full)
        add('oversized body', method.toUpperCase(), fill(), [...session, ...json], `{"a":"${'x'.repeat(12_000_000)}"}`);
    }
    for (const p of pathNames) {
      for (const v of pick(WIRE_PATH_VALUES, 0))
        add(`path ${p}=${v.slice(0, 20)}`, method.toUpperCase(), fill({ [p]: v }), session);
    }
    for (const q of pick(wireQueries(queryNames), 0))
      add(`query ${q.slice(0, 30)}`, method.toUpperCase(), `${fill()}${q}`, session);
    for (const [n, bytes] of pick(wireRawRequests(fill()), 0)) out.push({ op: name, name: n, target: fill(), bytes });
    return out;
  }

  it('HEAD and OPTIONS on every route (and every wire case with FUZZ_FULL=1)', async () => {
    const cases = operations(doc).flatMap(({ path, method, op }) =>
      /logout/.test(path) ? [] : casesOf(path, method, op, FULL),
    );
    const failures = await run(cases);
    expect(failures, `${cases.length} requests`).toEqual([]);
  }, 900_000);

  it('every wire case on a few representative operations', async () => {
    // The login (a JSON body before any session), the first operation with a JSON body and a path parameter, the
    // first with query parameters, and an Open311 one.
    const ops = operations(doc);
    const chosen = [
      ops.find((o) => o.path === '/api/auth/login'),
      ops.find((o) => o.op.requestBody?.content?.['application/json'] && o.path.includes('{')),
      ops.find((o) => (o.op.parameters ?? []).some((p) => p.in === 'query') && o.path.startsWith('/api/')),
      ops.find((o) => o.path.startsWith('/open311/') && o.method === 'get'),
    ].filter((o) => o !== undefined);
    const cases = chosen.flatMap(({ path, method, op }) => casesOf(path, method, op, true));
    expect(cases.length).toBeGreaterThan(100);
    const failures = await run(cases);
    expect(failures, `${cases.length} requests`).toEqual([]);
  }, 900_000);
});
