import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@mot-cua/config';
import type { RoleGrant } from '@mot-cua/contracts';
import { type Clock, fixedClock } from '@mot-cua/core';
import type { Database } from '@mot-cua/db';
import { newOfficial } from '@mot-cua/test-kit';
import type { FastifyInstance } from 'fastify';
import { type CreateAppOptions, createApp } from './app.js';
import { createFsFileStore } from './files/fs-file-store.js';

/** A file store in a fresh temporary folder (tests never write to the repository's .data). */
export function tempFileStore() {
  return createFsFileStore(join(mkdtempSync(join(tmpdir(), 'mc-test-files-')), 'files'));
}

/** Build the app over a test database with a movable clock; logs silenced. */
export async function buildTestApp(
  database: Database,
  opts: {
    clock?: Clock;
    env?: Record<string, string>;
    register?: CreateAppOptions['register'];
    identity?: CreateAppOptions['identity'];
    payments?: CreateAppOptions['payments'];
    portalLookup?: CreateAppOptions['portalLookup'];
    logger?: CreateAppOptions['logger'];
    /** Default: the file system store under the test's temporary DATA_DIR. */
    files?: CreateAppOptions['files'];
  } = {},
) {
  const clock = opts.clock ?? fixedClock('2026-03-02T02:00:00Z');
  const config = loadConfig({
    // Attachment contents go to a fresh temporary folder (never the repository's .data).
    DATA_DIR: mkdtempSync(join(tmpdir(), 'mc-test-data-')),
    NODE_ENV: 'test',
    SEED_DEMO: 'false',
    LOGIN_RATE_LIMIT_PER_MINUTE: '10000',
    ...opts.env,
  });
  const app = await createApp({
    config,
    database,
    clock,
    logger: opts.logger ?? false,
    ...(opts.register ? { register: opts.register } : {}),
    ...(opts.identity ? { identity: opts.identity } : {}),
    ...(opts.payments ? { payments: opts.payments } : {}),
    ...(opts.portalLookup ? { portalLookup: opts.portalLookup } : {}),
    ...(opts.files ? { files: opts.files } : {}),
  });
  await app.ready();
  return { app, clock, config };
}

export type Signed = { cookie: string; csrf: string; userId: string; headers: Record<string, string> };

/** Create an official with the given grants and sign them in; returns headers for app.inject(). */
export async function signIn(app: FastifyInstance, database: Database, grants: RoleGrant[] = []): Promise<Signed> {
  const o = await newOfficial(database, { grants });
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: o.username, password: o.password },
  });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  const setCookie = res.headers['set-cookie'];
  const raw = Array.isArray(setCookie) ? setCookie[0] : setCookie;
  const cookie = String(raw).split(';')[0]!;
  const csrf = (res.json() as { csrfToken: string }).csrfToken;
  return { cookie, csrf, userId: o.id, headers: { cookie, 'x-csrf-token': csrf } };
}

/**
 * POST /api/dossiers as `who`: a complete in-person receipt at the counter of the test procedure
 * (`loadDossierTestProcedure`: components c01 and c02 present). Other request fields are added or replaced by `receipt`.
 */
export function receiveAtCounter(
  app: FastifyInstance,
  who: Signed,
  receipt: { procedureCode: string; unitCode: string } & Record<string, unknown>,
) {
  const { unitCode, ...fields } = receipt;
  return app.inject({
    method: 'POST',
    url: '/api/dossiers',
    headers: who.headers,
    payload: {
      mode: 'receive',
      channel: 'in_person',
      receivingUnitCode: unitCode,
      components: [
        { key: 'c01', state: 'present' },
        { key: 'c02', state: 'present' },
      ],
      ...fields,
    },
  });
}
