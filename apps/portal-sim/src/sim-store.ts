import { join } from 'node:path';
import {
  FAULT_MODES,
  type FaultMode,
  type FaultModeName,
  OK_MODE,
  openKeyedLog,
  openModeSetting,
} from '@mot-cua/sim-kit';

/** One status update as the simulator recorded it. */
export type ReceivedUpdate = {
  seq: number;
  receiptId: string;
  idempotencyKey: string;
  receivedAt: string;
  payload: Record<string, unknown>;
};

export const SIM_MODES = FAULT_MODES;
export type SimModeName = FaultModeName;
export type SimMode = FaultMode;

/**
 * The simulator's own store, in its own folder (sim-kit): `received.jsonl`, one line per stored update appended
 * in group commits (a torn last line after a crash is ignored on load), and `mode.json` written atomically.
 * Survives restarts; not meant for power loss (no fsync).
 */
export async function openSimStore(dir: string | null) {
  const log = await openKeyedLog<ReceivedUpdate>(dir ? join(dir, 'received.jsonl') : null, (r) => r.idempotencyKey);
  const mode = await openModeSetting<SimMode>(dir ? join(dir, 'mode.json') : null, OK_MODE);
  return {
    get mode(): SimMode {
      return mode.mode;
    },
    setMode: (next: SimMode) => mode.setMode(next),
    find: log.find,
    /** Reserve the key at once (a concurrent duplicate sees it), then persist; resolves once on disk. */
    add: log.add,
    list(opts: { after?: number; limit?: number; dossier?: string }) {
      const after = opts.after ?? 0;
      const limit = opts.limit ?? 1000;
      const all = log.items();
      const items = all.filter(
        (r) =>
          r.seq > after &&
          (!opts.dossier || r.payload.MaHoSo === opts.dossier || r.payload.MaHoSoDVCQG === opts.dossier),
      );
      return { total: all.length, items: items.slice(0, limit) };
    },
    clear: log.clear,
  };
}
export type SimStore = Awaited<ReturnType<typeof openSimStore>>;
