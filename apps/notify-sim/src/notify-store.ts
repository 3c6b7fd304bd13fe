import { appendFile, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** A message a simulator captured: a mail (keyed by Message-ID) or an SMS (keyed by Idempotency-Key). */
export type Captured = {
  seq: number;
  key: string;
  receiptId: string;
  receivedAt: string;
  to: string;
  subject: string | null;
  text: string;
  from: string | null;
};

export const NOTIFY_MODES = [
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
export type NotifyModeName = (typeof NOTIFY_MODES)[number];
export type NotifyMode = { mode: NotifyModeName; seconds: number };

/**
 * What one simulator captured, deduplicated by key, in `<name>.jsonl` (appended; a torn last line ignored) with
 * its fault mode in `<name>-mode.json` (atomic rename), or in memory only.
 */
export async function openCaptureStore(dir: string | null, name: 'mail' | 'sms') {
  const byKey = new Map<string, Captured>();
  const ordered: Captured[] = [];
  const requests = new Map<string, number>();
  let mode: NotifyMode = { mode: 'ok', seconds: 0 };
  const logPath = dir ? join(dir, `${name}.jsonl`) : null;
  const modePath = dir ? join(dir, `${name}-mode.json`) : null;
  if (dir && logPath && modePath) {
    await mkdir(dir, { recursive: true });
    for (const line of (await readFile(logPath, 'utf8').catch(() => '')).split('\n')) {
      if (!line) continue;
      try {
        const c = JSON.parse(line) as Captured;
        if (!byKey.has(c.key)) {
          byKey.set(c.key, c);
          ordered.push(c);
        }
      } catch {
        // torn line after a crash: never acknowledged
      }
    }
    const m = await readFile(modePath, 'utf8').catch(() => '');
    if (m) mode = JSON.parse(m) as NotifyMode;
  }
  let chain = Promise.resolve();
  return {
    get mode() {
      return mode;
    },
    async setMode(next: NotifyMode) {
      mode = next;
      if (modePath) {
        const tmp = `${modePath}.${process.pid}.tmp`;
        await writeFile(tmp, JSON.stringify(next));
        await rename(tmp, modePath);
      }
    },
    /** Count a request for the key; return the first capture when it was seen before. */
    seen(key: string) {
      requests.set(key, (requests.get(key) ?? 0) + 1);
      return byKey.get(key);
    },
    async add(c: Omit<Captured, 'seq'>): Promise<Captured> {
      const existing = byKey.get(c.key);
      if (existing) return existing;
      const record = { ...c, seq: ordered.length + 1 };
      byKey.set(record.key, record);
      ordered.push(record);
      const line = `${JSON.stringify(record)}\n`;
      chain = chain.then(() => (logPath ? appendFile(logPath, line) : undefined));
      await chain;
      return record;
    },
    list(opts: { to?: string | undefined; limit?: number | undefined }) {
      const items = ordered.filter((c) => !opts.to || c.to === opts.to).slice(-(opts.limit ?? 1000));
      return {
        total: ordered.length,
        duplicates: [...requests.entries()].reduce((n, [k, v]) => n + (byKey.has(k) ? v - 1 : 0), 0),
        items: items.map((c) => ({ ...c, requests: requests.get(c.key) ?? 1 })),
      };
    },
    async clear() {
      byKey.clear();
      ordered.length = 0;
      requests.clear();
      if (logPath) await writeFile(logPath, '');
    },
  };
}
export type CaptureStore = Awaited<ReturnType<typeof openCaptureStore>>;
