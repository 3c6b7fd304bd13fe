import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gzipSync } from 'node:zlib';
import { SESSION_COOKIE, SESSION_HINT_COOKIE } from '@mot-cua/contracts';
import type { Database } from '@mot-cua/db';
import { createTestDb, newOfficial } from '@mot-cua/test-kit';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../testing.js';
import { cacheControlFor } from './web-static.js';

const JS = `export const page = ${JSON.stringify('Thủ tục hành chính '.repeat(200))};\n`;

describe('the built web app as a cheap phone receives it', () => {
  let database: Database;
  let app: FastifyInstance;
  let dist: string;

  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'mc-web-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Một Cửa</title><div id="root"></div>');
    const asset = join(dist, 'assets/index-AbCd1234.js');
    writeFileSync(asset, JS);
    writeFileSync(`${asset}.br`, brotliCompressSync(JS));
    writeFileSync(`${asset}.gz`, gzipSync(JS));
    database = await createTestDb();
    ({ app } = await buildTestApp(database, { env: { WEB_DIST_DIR: dist } }));
  });
  afterAll(async () => {
    await app.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('sends the brotli twin of a hashed asset to a browser that accepts it, cached for a year', async () => {
    const res = await app.inject({
      method: 'GET',
      url: '/assets/index-AbCd1234.js',
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.rawPayload.length).toBeLessThan(JS.length / 4);
    expect(brotliDecompressSync(res.rawPayload).toString()).toBe(JS);
  });

  it('sends gzip to a browser without brotli and the plain file to one without either', async () => {
    const gz = await app.inject({
      method: 'GET',
      url: '/assets/index-AbCd1234.js',
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(gz.headers['content-encoding']).toBe('gzip');
    const plain = await app.inject({
      method: 'GET',
      url: '/assets/index-AbCd1234.js',
      headers: { 'accept-encoding': 'identity' },
    });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(JS);
  });

  it('revalidates the page itself, at its own path and at any client-side route', async () => {
    const root = await app.inject({ method: 'GET', url: '/', headers: { accept: 'text/html' } });
    expect(root.statusCode).toBe(200);
    expect(root.headers['cache-control']).toBe('no-cache');
    const route = await app.inject({ method: 'GET', url: '/ho-so-cua-toi', headers: { accept: 'text/html' } });
    expect(route.statusCode).toBe(200);
    expect(route.headers['cache-control']).toBe('no-cache');
    expect(route.body).toContain('<div id="root">');
    const api = await app.inject({ method: 'GET', url: '/api/khong-co', headers: { accept: 'text/html' } });
    expect(api.statusCode).toBe(404);
    expect(api.headers['content-type']).toContain('application/problem+json');
  });

  it('keeps the readable sign-in hint in step with the session cookie', async () => {
    const o = await newOfficial(database, { grants: [{ role: 'reception', unitCode: '26743' }] });
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: o.username, password: o.password },
    });
    expect(login.statusCode).toBe(200);
    const set = ([] as string[]).concat(login.headers['set-cookie'] ?? []);
    const hint = set.find((c) => c.startsWith(`${SESSION_HINT_COOKIE}=`));
    const session = set.find((c) => c.startsWith(`${SESSION_COOKIE}=`));
    expect(hint).toMatch(/^motcua_signed_in=1;/);
    expect(hint).not.toMatch(/HttpOnly/i);
    expect(session).toMatch(/HttpOnly/i);
    // Same lifetime as the session.
    expect(/Expires=([^;]+)/.exec(hint!)?.[1]).toBe(/Expires=([^;]+)/.exec(session!)?.[1]);

    const cookie = `${session!.split(';')[0]}; ${hint!.split(';')[0]}`;
    const { csrfToken } = login.json();
    const logout = await app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie, 'x-csrf-token': csrfToken },
    });
    expect(logout.statusCode).toBeLessThan(300);
    const cleared = ([] as string[]).concat(logout.headers['set-cookie'] ?? []);
    expect(cleared.find((c) => c.startsWith(`${SESSION_HINT_COOKIE}=`))).toMatch(/Expires=Thu, 01 Jan 1970/);

    // A stale hint (the session ended elsewhere) is cleared when the page asks for the session.
    const stale = await app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie } });
    expect(stale.statusCode).toBe(401);
    const again = ([] as string[]).concat(stale.headers['set-cookie'] ?? []);
    expect(again.find((c) => c.startsWith(`${SESSION_HINT_COOKIE}=`))).toMatch(/Expires=Thu, 01 Jan 1970/);
  });
});

describe('cache lifetimes', () => {
  it('gives a year only to content-hashed build assets', () => {
    expect(cacheControlFor('/srv/dist/assets/ReceptionPage-B9b1Nj3X.js')).toContain('immutable');
    expect(cacheControlFor('/srv/dist/assets/index-BNEey-nP.css.br')).toContain('immutable');
    expect(cacheControlFor('/srv/dist/index.html')).toBe('no-cache');
    expect(cacheControlFor('/srv/dist/sw.js')).toBe('no-cache');
    expect(cacheControlFor('/srv/dist/favicon.svg')).toBe('no-cache');
  });
});
