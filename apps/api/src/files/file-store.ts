import { createHash, randomUUID } from 'node:crypto';
import { mkdir, open, readdir, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { AppError } from '@mot-cua/core';

/** A stored content: addressed by its sha256, its size and the media type found in its first bytes. */
export type StoredBlob = { sha256: string; sizeBytes: number; mediaType: string };

/** What is accepted while a stream is stored: the size limit and the type, decided from the first bytes. */
export type PutRules = {
  maxBytes: number;
  /** The media type of a content from its first (up to 16) bytes; undefined refuses it. */
  sniff: (head: Uint8Array) => string | undefined;
};

/**
 * Where attachment contents live, outside the database (issue 16). Contents are immutable and addressed by their
 * sha256: putting the same bytes twice stores them once. Rows (`stored_files`, `dossier_attachments`) are written
 * after the content is stored, in the use case's transaction; a content whose transaction failed is an orphan
 * that `npm run files:sweep` removes after a grace period.
 */
export interface FileStore {
  readonly kind: 'fs' | 's3';
  /**
   * Store a stream with bounded memory (chunk by chunk to a temporary file, flushed to disk, then moved into
   * place): type and size are checked as the bytes arrive (AppError ATTACHMENT_TYPE_NOT_ALLOWED,
   * ATTACHMENT_TOO_LARGE); a full disk is AppError STORAGE_FULL. Nothing is left behind on failure.
   */
  put(source: AsyncIterable<Uint8Array>, rules: PutRules): Promise<StoredBlob>;
  /** The content as a stream, or undefined when the store does not hold it. */
  open(sha256: string): Promise<{ stream: Readable; sizeBytes: number } | undefined>;
  has(sha256: string): Promise<boolean>;
  delete(sha256: string): Promise<void>;
  /** Every content held, with the time it was last stored (for the orphan sweep). */
  list(): AsyncIterable<{ sha256: string; storedAt: Date }>;
  /** Remove spooled temporary files older than the given time (left by a crash mid-upload). */
  sweepTemporary(olderThan: Date): Promise<number>;
}

export const SHA256_HEX = /^[0-9a-f]{64}$/;

/** A disk-full (or quota) error from the operating system, answered 507 STORAGE_FULL. */
export function isDiskFull(e: unknown): boolean {
  const code = (e as { code?: string } | null)?.code;
  return code === 'ENOSPC' || code === 'EDQUOT';
}

/** How the spool opens its temporary file; tests replace it to reach a real ENOSPC (/dev/full). */
export type SpoolOpener = (path: string) => ReturnType<typeof open>;

/**
 * Copy a stream to a new temporary file under `tmpDir`, hashing and checking it on the way, then fsync it.
 * Memory: one chunk at a time (the writes are awaited, so the source is paused while the disk catches up).
 */
export async function spool(
  source: AsyncIterable<Uint8Array>,
  rules: PutRules,
  tmpDir: string,
  openFile: SpoolOpener = (p) => open(p, 'wx', 0o600),
): Promise<StoredBlob & { path: string }> {
  await mkdir(tmpDir, { recursive: true });
  const path = join(tmpDir, `${Date.now()}-${randomUUID()}.part`);
  const fh = await openFile(path);
  const hash = createHash('sha256');
  let size = 0;
  let mediaType: string | undefined;
  let head = Buffer.alloc(0);
  try {
    try {
      for await (const chunk of source) {
        size += chunk.length;
        if (size > rules.maxBytes) throw new AppError('ATTACHMENT_TOO_LARGE');
        if (mediaType === undefined && head.length < 16) {
          head = Buffer.concat([head, chunk]).subarray(0, 16);
          if (head.length >= 16) mediaType = checkType(rules, head);
        }
        hash.update(chunk);
        await fh.write(chunk);
      }
      if (size === 0) throw new AppError('ATTACHMENT_TYPE_NOT_ALLOWED');
      mediaType ??= checkType(rules, head);
      await fh.sync();
    } finally {
      await fh.close();
    }
  } catch (e) {
    await unlink(path).catch(() => {});
    throw isDiskFull(e) ? new AppError('STORAGE_FULL') : e;
  }
  return { path, sha256: hash.digest('hex'), sizeBytes: size, mediaType };
}

function checkType(rules: PutRules, head: Uint8Array): string {
  const t = rules.sniff(head);
  if (!t) throw new AppError('ATTACHMENT_TYPE_NOT_ALLOWED');
  return t;
}

/** Remove `*.part` files older than `olderThan` in a spool folder; how many were removed. */
export async function sweepSpool(tmpDir: string, olderThan: Date): Promise<number> {
  let removed = 0;
  const names = await readdir(tmpDir).catch(() => [] as string[]);
  for (const n of names) {
    if (!n.endsWith('.part')) continue;
    const p = join(tmpDir, n);
    const s = await stat(p).catch(() => undefined);
    if (s && s.mtime < olderThan) {
      await unlink(p).catch(() => {});
      removed++;
    }
  }
  return removed;
}
