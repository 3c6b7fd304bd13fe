/**
 * The S3-compatible store against an in-process fake S3 server (s3rver): no S3 server (MinIO, Ceph, a cloud
 * bucket) is available on the development and CI machines. The same calls go over HTTP with signed requests.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { isAppError } from '@mot-cua/core';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sniffMediaType } from '../routes/dossiers/dossier-deps.js';
import type { FileStore } from './file-store.js';
import { createS3FileStore } from './s3-file-store.js';

let server: S3rver;
let store: FileStore;
let spoolDir: string;
const rules = { maxBytes: 1024 * 1024, sniff: sniffMediaType };
const pdf = (n: number) => Buffer.concat([Buffer.from(`%PDF-1.7\n${n}\n`), Buffer.alloc(n, 0x42)]);
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const read = async (s: AsyncIterable<unknown>) => {
  const parts: Buffer[] = [];
  for await (const c of s) parts.push(Buffer.from(c as Uint8Array));
  return Buffer.concat(parts);
};

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'mc-s3rver-'));
  server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory: dir,
    configureBuckets: [{ name: 'mc-files', configs: [] }],
  });
  const { port } = (await server.run()) as unknown as { port: number };
  spoolDir = mkdtempSync(join(tmpdir(), 'mc-s3-spool-'));
  store = createS3FileStore(
    {
      endpoint: `http://127.0.0.1:${port}`,
      region: 'us-east-1',
      bucket: 'mc-files',
      prefix: 'attachments/',
      accessKeyId: 'S3RVER',
      secretAccessKey: 'S3RVER',
      forcePathStyle: true,
    },
    spoolDir,
  );
});
afterAll(async () => {
  await server?.close();
});

describe('file store on an S3-compatible bucket', () => {
  it('puts a stream under <prefix><sha256>, reads it back, lists, deletes', async () => {
    const bytes = pdf(200_000);
    const blob = await store.put(Readable.from([bytes.subarray(0, 7), bytes.subarray(7)]), rules);
    expect(blob).toEqual({ sha256: sha(bytes), sizeBytes: bytes.length, mediaType: 'application/pdf' });
    expect(await store.has(blob.sha256)).toBe(true);
    const opened = await store.open(blob.sha256);
    expect(opened?.sizeBytes).toBe(bytes.length);
    expect((await read(opened!.stream)).equals(bytes)).toBe(true);
    const other = await store.put(Readable.from([pdf(10)]), rules);
    const listed: string[] = [];
    for await (const x of store.list()) listed.push(x.sha256);
    expect(listed.sort()).toEqual([blob.sha256, other.sha256].sort());
    await store.delete(other.sha256);
    expect(await store.has(other.sha256)).toBe(false);
    expect(await store.open(other.sha256)).toBeUndefined();
    // The spool is emptied after each upload.
    expect(readdirSync(spoolDir)).toEqual([]);
  });

  it('refuses a wrong type before anything reaches the bucket', async () => {
    const e = await store.put(Readable.from([Buffer.from('GIF89a…not accepted…')]), rules).catch((x) => x);
    expect(isAppError(e) && e.code).toBe('ATTACHMENT_TYPE_NOT_ALLOWED');
    const listed: string[] = [];
    for await (const x of store.list()) listed.push(x.sha256);
    expect(listed).toHaveLength(1);
    expect(readdirSync(spoolDir)).toEqual([]);
  });
});
