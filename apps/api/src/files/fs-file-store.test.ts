import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { isAppError } from '@mot-cua/core';
import { describe, expect, it } from 'vitest';
import { sniffMediaType } from '../routes/dossiers/dossier-deps.js';
import { createFsFileStore } from './fs-file-store.js';

const rules = { maxBytes: 1024 * 1024, sniff: sniffMediaType };
const pdf = (n: number, fill = 0x41) => Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(n, fill)]);
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const root = () => join(mkdtempSync(join(tmpdir(), 'mc-fs-store-')), 'files');
/** A stream of `b` in chunks of `size` bytes. */
const chunks = (b: Buffer, size = 1000) =>
  Readable.from(Array.from({ length: Math.ceil(b.length / size) }, (_, i) => b.subarray(i * size, (i + 1) * size)));
const read = async (s: AsyncIterable<unknown>) => {
  const parts: Buffer[] = [];
  for await (const c of s) parts.push(Buffer.from(c as Uint8Array));
  return Buffer.concat(parts);
};
const codeOf = async (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e) => (isAppError(e) ? e.code : String(e)),
  );

describe('file store on the file system', () => {
  it('stores a stream under its sha256 (ab/cd/abcd…), reads it back, and stores the same bytes once', async () => {
    const r = root();
    const store = createFsFileStore(r);
    const bytes = pdf(300_000);
    const blob = await store.put(chunks(bytes), rules);
    expect(blob).toEqual({ sha256: sha(bytes), sizeBytes: bytes.length, mediaType: 'application/pdf' });
    const path = join(r, blob.sha256.slice(0, 2), blob.sha256.slice(2, 4), blob.sha256);
    expect(statSync(path).size).toBe(bytes.length);
    const opened = await store.open(blob.sha256);
    expect(opened?.sizeBytes).toBe(bytes.length);
    expect((await read(opened!.stream)).equals(bytes)).toBe(true);
    // Same content again: one file, its date renewed (the orphan sweep's grace starts again).
    utimesSync(path, new Date('2020-01-01'), new Date('2020-01-01'));
    expect(await store.put(chunks(bytes, 4096), rules)).toEqual(blob);
    expect(statSync(path).mtime.getFullYear()).toBeGreaterThan(2020);
    const listed = [];
    for await (const x of store.list()) listed.push(x.sha256);
    expect(listed).toEqual([blob.sha256]);
    expect(readdirSync(join(r, 'tmp'))).toEqual([]);
    expect(await store.open('0'.repeat(64))).toBeUndefined();
    expect(await store.open('../../etc/passwd')).toBeUndefined();
  });

  it('refuses a type by the first bytes and a size past the limit while streaming, leaving nothing behind', async () => {
    const r = root();
    const store = createFsFileStore(r);
    let pulled = 0;
    // A source that would go on for ever: the store must stop at the limit, not read it all.
    const endless = (first: Buffer) =>
      Readable.from(
        (function* () {
          yield first;
          for (;;) {
            pulled++;
            yield Buffer.alloc(64 * 1024, 0x20);
          }
        })(),
      );
    expect(await codeOf(store.put(endless(Buffer.from('%PDF-1.4\n')), rules))).toBe('ATTACHMENT_TOO_LARGE');
    expect(pulled).toBeLessThan(20);
    expect(await codeOf(store.put(endless(Buffer.from('MZ\x90\x00 not a pdf at all')), rules))).toBe(
      'ATTACHMENT_TYPE_NOT_ALLOWED',
    );
    expect(await codeOf(store.put(Readable.from([]), rules))).toBe('ATTACHMENT_TYPE_NOT_ALLOWED');
    // A short file: typed from what there is.
    expect((await store.put(Readable.from([Buffer.from('%PDF-')]), rules)).mediaType).toBe('application/pdf');
    expect(readdirSync(join(r, 'tmp'))).toEqual([]);
    const listed = [];
    for await (const x of store.list()) listed.push(x);
    expect(listed).toHaveLength(1);
  });

  it('answers a full disk (a real ENOSPC from /dev/full) with STORAGE_FULL and leaves no temporary file', async () => {
    const r = root();
    // The spool's temporary file is opened on /dev/full: every write fails with ENOSPC, as on a full disk.
    const store = createFsFileStore(r, { openSpool: () => open('/dev/full', 'w') });
    expect(await codeOf(store.put(chunks(pdf(200_000)), rules))).toBe('STORAGE_FULL');
    const listed = [];
    for await (const x of store.list()) listed.push(x);
    expect(listed).toEqual([]);
  });

  it('sweeps stale temporary files only', async () => {
    const r = root();
    const store = createFsFileStore(r);
    await store.put(chunks(pdf(10)), rules);
    const tmp = join(r, 'tmp');
    writeFileSync(join(tmp, 'old.part'), 'x');
    utimesSync(join(tmp, 'old.part'), new Date('2020-01-01'), new Date('2020-01-01'));
    writeFileSync(join(tmp, 'new.part'), 'x');
    expect(await store.sweepTemporary(new Date(Date.now() - 3600_000))).toBe(1);
    expect(existsSync(join(tmp, 'old.part'))).toBe(false);
    expect(existsSync(join(tmp, 'new.part'))).toBe(true);
  });
});
