import { appendFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/** Lines of a JSON-lines file, parsed; a torn line (a crash mid-append: never acknowledged) is skipped. */
export async function readJsonLines<T>(path: string): Promise<T[]> {
  const out: T[] = [];
  for (const line of (await readFile(path, 'utf8').catch(() => '')).split('\n')) {
    if (!line) continue;
    try {
      out.push(JSON.parse(line) as T);
    } catch {
      // torn line
    }
  }
  return out;
}

/**
 * What a simulator recorded, deduplicated by key, in order (`seq` from 1): in memory and, with a path, appended
 * to a JSON-lines file in group commits (a torn last line after a crash is ignored on load). Survives restarts;
 * not meant for power loss (no fsync). `add` reserves the key at once (a concurrent duplicate sees it) and
 * resolves `persisted` once the line is on disk.
 */
export async function openKeyedLog<T extends { seq: number }>(path: string | null, keyOf: (r: T) => string) {
  const byKey = new Map<string, T>();
  const ordered: T[] = [];
  if (path) {
    await mkdir(dirname(path), { recursive: true });
    for (const r of await readJsonLines<T>(path)) {
      if (byKey.has(keyOf(r))) continue;
      byKey.set(keyOf(r), r);
      ordered.push(r);
    }
  }
  let queue: Array<{ line: string; done: () => void; fail: (e: unknown) => void }> = [];
  let flushing = false;
  async function flush() {
    while (queue.length > 0) {
      const batch = queue;
      queue = [];
      try {
        if (path) await appendFile(path, batch.map((b) => b.line).join(''));
        for (const b of batch) b.done();
      } catch (e) {
        for (const b of batch) b.fail(e);
      }
    }
    flushing = false;
  }
  return {
    find: (key: string) => byKey.get(key),
    add(r: Omit<T, 'seq'>): { record: T; persisted: Promise<void> } {
      const record = { ...r, seq: ordered.length + 1 } as T;
      byKey.set(keyOf(record), record);
      ordered.push(record);
      const persisted = new Promise<void>((done, fail) => {
        queue.push({ line: `${JSON.stringify(record)}\n`, done, fail });
      });
      if (!flushing) {
        flushing = true;
        void flush();
      }
      return { record, persisted };
    },
    /** Everything recorded, oldest first (do not modify). */
    items: (): readonly T[] => ordered,
    async clear() {
      byKey.clear();
      ordered.length = 0;
      if (path) await writeFile(path, '');
    },
  };
}
export type KeyedLog<T extends { seq: number }> = Awaited<ReturnType<typeof openKeyedLog<T>>>;
