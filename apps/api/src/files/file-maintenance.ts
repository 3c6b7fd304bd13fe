import { Readable } from 'node:stream';
import { createStoredFilesRepository, type Database } from '@mot-cua/db';
import type { FileStore } from './file-store.js';

type Log = (msg: string) => void;

/**
 * Move attachment contents still held in `stored_files.content` (rows written before migration 0145, and the
 * demo seed's PDFs) to the file store: each content is written through the store (temporary file, fsync,
 * rename), its hash checked against the row, and only then the row's bytes are dropped. Idempotent and safe to
 * interrupt (a content written but not yet released is written again, to the same address). The same statements
 * on PGlite and PostgreSQL; runs at start-up after the migrations, and as `npm run files:move-out`.
 */
export async function moveFilesOutOfDatabase(
  database: Database,
  store: FileStore,
  log: Log = () => {},
): Promise<{ moved: number; mismatched: string[] }> {
  const repo = createStoredFilesRepository(database.db);
  let moved = 0;
  const mismatched: string[] = [];
  // Small batches: each content is up to 10 MiB and is read whole from its row.
  for (;;) {
    const batch = (await repo.pendingContents(8)).filter((r) => !mismatched.includes(r.sha256));
    if (batch.length === 0) break;
    for (const row of batch) {
      const content = row.content;
      if (!content) continue;
      const stored = await store.put(Readable.from([Buffer.from(content)]), {
        maxBytes: Number.MAX_SAFE_INTEGER,
        // Checked when uploaded; moved as they are.
        sniff: () => row.mediaType,
      });
      if (stored.sha256 !== row.sha256) {
        // The row's bytes are not what its hash says: keep them in the database and say so.
        mismatched.push(row.sha256);
        log(`files: content of ${row.sha256} hashes to ${stored.sha256}; left in the database`);
        continue;
      }
      await repo.releaseContent(row.sha256);
      moved++;
    }
    if (batch.every((r) => mismatched.includes(r.sha256))) break;
  }
  if (moved > 0) log(`files: ${moved} attachment contents moved out of the database to the file store`);
  return { moved, mismatched };
}

/**
 * Remove contents of the store that no row references (an upload whose transaction failed or was refused, the
 * scanned pages joined into a PDF) once older than the grace period, and spooled temporary files left by a
 * crash. The grace covers an upload between its store write and its commit (a re-upload of the same bytes
 * renews the date). `dryRun` only counts.
 */
export async function sweepOrphanFiles(
  database: Database,
  store: FileStore,
  opts: { now: Date; graceMs: number; dryRun?: boolean },
): Promise<{ kept: number; removed: number; temporary: number }> {
  const repo = createStoredFilesRepository(database.db);
  const cutoff = new Date(opts.now.getTime() - opts.graceMs);
  let kept = 0;
  let removed = 0;
  let page: { sha256: string; storedAt: Date }[] = [];
  const flush = async () => {
    const known = await repo.knownHashes(page.map((p) => p.sha256));
    for (const p of page) {
      if (known.has(p.sha256) || p.storedAt >= cutoff) {
        kept++;
        continue;
      }
      // Checked again one by one just before deleting: a row committed since the page was read keeps it.
      if ((await repo.knownHashes([p.sha256])).size > 0) {
        kept++;
        continue;
      }
      if (!opts.dryRun) await store.delete(p.sha256);
      removed++;
    }
    page = [];
  };
  for await (const item of store.list()) {
    page.push(item);
    if (page.length >= 500) await flush();
  }
  await flush();
  const temporary = opts.dryRun ? 0 : await store.sweepTemporary(cutoff);
  return { kept, removed, temporary };
}
