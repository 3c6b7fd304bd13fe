import { readFile, rename, writeFile } from 'node:fs/promises';
import { z } from 'zod';

/**
 * The fault modes every simulator of a remote service understands, set at run time (PUT /sim/mode):
 * down (connection refused/cut), slow (answers after `seconds`), timeout (never answers), http500, throttle (429
 * with Retry-After), reject (refuses the payload as invalid), drop (cut mid-response), ack-unstored (success for a
 * request it did not store).
 */
export const FAULT_MODES = [
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
export type FaultModeName = (typeof FAULT_MODES)[number];
export type FaultMode = { mode: FaultModeName; seconds: number };
export const OK_MODE: FaultMode = Object.freeze({ mode: 'ok', seconds: 0 });

/** The body of PUT /sim/mode. */
export const FaultModeBody = z.object({ mode: z.enum(FAULT_MODES), seconds: z.number().min(0).max(3600).default(0) });

/** A mode setting kept in memory and, with a path, in a JSON file written atomically (temporary file + rename). */
export type ModeSetting<M> = { readonly mode: M; setMode(next: M): Promise<void> };

/** A mode setting in memory only (lost on restart). */
export function memoryModeSetting<M>(initial: M): ModeSetting<M> {
  let mode = initial;
  return {
    get mode() {
      return mode;
    },
    async setMode(next: M) {
      mode = next;
    },
  };
}

export async function openModeSetting<M>(path: string | null, initial: M): Promise<ModeSetting<M>> {
  let mode = initial;
  if (path) {
    const text = await readFile(path, 'utf8').catch(() => '');
    if (text) mode = JSON.parse(text) as M;
  }
  return {
    get mode() {
      return mode;
    },
    async setMode(next: M) {
      mode = next;
      if (path) {
        const tmp = `${path}.${process.pid}.tmp`;
        await writeFile(tmp, JSON.stringify(next));
        await rename(tmp, path);
      }
    },
  };
}
