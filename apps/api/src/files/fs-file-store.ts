import { createReadStream } from 'node:fs';
import { mkdir, open, readdir, rename, stat, unlink, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '@mot-cua/core';
import {
  type FileStore,
  isDiskFull,
  type PutRules,
  SHA256_HEX,
  type SpoolOpener,
  spool,
  sweepSpool,
} from './file-store.js';

/** fsync a folder so a rename into it survives a power cut. */
async function syncDir(dir: string): Promise<void> {
  const fh = await open(dir, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/**
 * Contents as files under `root` (DATA_DIR/files by default): `ab/cd/abcd…` by sha256, written to `tmp/` first,
 * fsynced, renamed into place (atomic on one file system) and the folder fsynced. The embedded default.
 */
export function createFsFileStore(root: string, opts: { openSpool?: SpoolOpener } = {}): FileStore {
  const tmpDir = join(root, 'tmp');
  const pathOf = (sha256: string) => {
    if (!SHA256_HEX.test(sha256)) throw new Error('not a sha256');
    return join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  };
  return {
    kind: 'fs',
    async put(source: AsyncIterable<Uint8Array>, rules: PutRules) {
      const s = await spool(source, rules, tmpDir, opts.openSpool);
      const target = pathOf(s.sha256);
      try {
        const now = new Date();
        const existing = await stat(target).catch(() => undefined);
        if (existing) {
          // Same bytes already stored: keep them, and mark them fresh so the orphan sweep's grace starts again.
          await unlink(s.path);
          await utimes(target, now, now);
        } else {
          const dir = join(root, s.sha256.slice(0, 2), s.sha256.slice(2, 4));
          await mkdir(dir, { recursive: true });
          await rename(s.path, target);
          await syncDir(dir);
        }
      } catch (e) {
        await unlink(s.path).catch(() => {});
        throw isDiskFull(e) ? new AppError('STORAGE_FULL') : e;
      }
      return { sha256: s.sha256, sizeBytes: s.sizeBytes, mediaType: s.mediaType };
    },
    async open(sha256) {
      if (!SHA256_HEX.test(sha256)) return undefined;
      const p = pathOf(sha256);
      const s = await stat(p).catch(() => undefined);
      if (!s) return undefined;
      return { stream: createReadStream(p), sizeBytes: s.size };
    },
    async has(sha256) {
      if (!SHA256_HEX.test(sha256)) return false;
      return (await stat(pathOf(sha256)).catch(() => undefined)) !== undefined;
    },
    async delete(sha256) {
      await unlink(pathOf(sha256)).catch((e: { code?: string }) => {
        if (e.code !== 'ENOENT') throw e;
      });
    },
    async *list() {
      const level = async (dir: string) =>
        (await readdir(dir, { withFileTypes: true }).catch(() => [])).filter((d) => /^[0-9a-f]{2}$/.test(d.name));
      for (const a of await level(root)) {
        if (!a.isDirectory()) continue;
        for (const b of await level(join(root, a.name))) {
          if (!b.isDirectory()) continue;
          const dir = join(root, a.name, b.name);
          for (const f of await readdir(dir).catch(() => [] as string[])) {
            if (!SHA256_HEX.test(f)) continue;
            const s = await stat(join(dir, f)).catch(() => undefined);
            if (s) yield { sha256: f, storedAt: s.mtime };
          }
        }
      }
    },
    sweepTemporary: (olderThan) => sweepSpool(tmpDir, olderThan),
  };
}
