import { appendFile, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** One status update as the simulator recorded it. */
export type ReceivedUpdate = {
  seq: number;
  receiptId: string;
  idempotencyKey: string;
  receivedAt: string;
  payload: Record<string, unknown>;
};

export const SIM_MODES = [
  'ok',
  'down',
  'slow',
  'timeout',
  'http500',
  'throttle',
  'reject',
  'drop',
  'ack-unstored',
] as const;
export type SimModeName = (typeof SIM_MODES)[number];
export type SimMode = { mode: SimModeName; seconds: number };

/**
 * The simulator's own store, in its own folder: `received.jsonl`, one line per stored update appended in
 * group commits (a torn last line after a crash is ignored on load), and `mode.json` written atomically
 * (temporary file + rename). Survives restarts; not meant for power loss (no fsync).
 */
export async function openSimStore(dir: string | null) {
  const byKey = new Map<string, ReceivedUpdate>();
  const ordered: ReceivedUpdate[] = [];
  let mode: SimMode = { mode: 'ok', seconds: 0 };
  const logPath = dir ? join(dir, 'received.jsonl') : null;
  const modePath = dir ? join(dir, 'mode.json') : null;

  if (dir && logPath && modePath) {
    await mkdir(dir, { recursive: true });
    const text = await readFile(logPath, 'utf8').catch(() => '');
    for (const line of text.split('\n')) {
      if (!line) continue;
      try {
        const r = JSON.parse(line) as ReceivedUpdate;
        if (!byKey.has(r.idempotencyKey)) {
          byKey.set(r.idempotencyKey, r);
          ordered.push(r);
        }
      } catch {
        // torn line from a crash mid-append: that update was never acknowledged
      }
    }
    const m = await readFile(modePath, 'utf8').catch(() => '');
    if (m) mode = JSON.parse(m) as SimMode;
  }

  let queue: Array<{ line: string; done: () => void; fail: (e: unknown) => void }> = [];
  let flushing = false;
  async function flush() {
    while (queue.length > 0) {
      const batch = queue;
      queue = [];
      try {
        if (logPath) await appendFile(logPath, batch.map((b) => b.line).join(''));
        for (const b of batch) b.done();
      } catch (e) {
        for (const b of batch) b.fail(e);
      }
    }
    flushing = false;
  }

  return {
    get mode(): SimMode {
      return mode;
    },
    async setMode(next: SimMode) {
      mode = next;
      if (modePath) {
        const tmp = `${modePath}.${process.pid}.tmp`;
        await writeFile(tmp, JSON.stringify(next));
        await rename(tmp, modePath);
      }
    },
    find: (key: string) => byKey.get(key),
    /** Reserve the key at once (a concurrent duplicate sees it), then persist; resolves once on disk. */
    add(r: Omit<ReceivedUpdate, 'seq'>): { record: ReceivedUpdate; persisted: Promise<void> } {
      const record = { ...r, seq: ordered.length + 1 };
      byKey.set(record.idempotencyKey, record);
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
    list(opts: { after?: number; limit?: number; dossier?: string }) {
      const after = opts.after ?? 0;
      const limit = opts.limit ?? 1000;
      const items = ordered.filter(
        (r) =>
          r.seq > after &&
          (!opts.dossier || r.payload.MaHoSo === opts.dossier || r.payload.MaHoSoDVCQG === opts.dossier),
      );
      return { total: ordered.length, items: items.slice(0, limit) };
    },
    async clear() {
      byKey.clear();
      ordered.length = 0;
      if (logPath) await writeFile(logPath, '');
    },
  };
}
export type SimStore = Awaited<ReturnType<typeof openSimStore>>;
