import { join } from 'node:path';
import {
  FAULT_MODES,
  type FaultMode,
  type FaultModeName,
  OK_MODE,
  openKeyedLog,
  openModeSetting,
} from '@mot-cua/sim-kit';

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

export const NOTIFY_MODES = FAULT_MODES;
export type NotifyModeName = FaultModeName;
export type NotifyMode = FaultMode;

/**
 * What one simulator captured, deduplicated by key, in `<name>.jsonl` (appended; a torn last line ignored) with
 * its fault mode in `<name>-mode.json` (atomic rename), or in memory only (sim-kit).
 */
export async function openCaptureStore(dir: string | null, name: 'mail' | 'sms') {
  const log = await openKeyedLog<Captured>(dir ? join(dir, `${name}.jsonl`) : null, (c) => c.key);
  const mode = await openModeSetting<NotifyMode>(dir ? join(dir, `${name}-mode.json`) : null, OK_MODE);
  const requests = new Map<string, number>();
  return {
    get mode() {
      return mode.mode;
    },
    setMode: (next: NotifyMode) => mode.setMode(next),
    /** Count a request for the key; return the first capture when it was seen before. */
    seen(key: string) {
      requests.set(key, (requests.get(key) ?? 0) + 1);
      return log.find(key);
    },
    async add(c: Omit<Captured, 'seq'>): Promise<Captured> {
      const existing = log.find(c.key);
      if (existing) return existing;
      const { record, persisted } = log.add(c);
      await persisted;
      return record;
    },
    list(opts: { to?: string | undefined; limit?: number | undefined }) {
      const all = log.items();
      const items = all.filter((c) => !opts.to || c.to === opts.to).slice(-(opts.limit ?? 1000));
      return {
        total: all.length,
        duplicates: [...requests.entries()].reduce((n, [k, v]) => n + (log.find(k) ? v - 1 : 0), 0),
        items: items.map((c) => ({ ...c, requests: requests.get(c.key) ?? 1 })),
      };
    },
    async clear() {
      await log.clear();
      requests.clear();
    },
  };
}
export type CaptureStore = Awaited<ReturnType<typeof openCaptureStore>>;
