import { type Database, sealAuditTrail } from '@mot-cua/db';

/** How often committed audit rows are linked into the hash chain: tamper evidence starts within about this long. */
export const AUDIT_SEAL_INTERVAL_MS = 1_000;

/**
 * Links committed audit rows into the hash chain in the background (migration 0150: writers no longer wait for one
 * another on the chain head). One sealer per process is enough; several processes take turns on the head's lock.
 * `stop()` waits for a running pass and seals what is left, so a clean shutdown leaves nothing unsealed.
 */
export function startAuditSealer(
  database: Database,
  log: { error: (o: object, m: string) => void },
  intervalMs = AUDIT_SEAL_INTERVAL_MS,
) {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const pass = () =>
    sealAuditTrail(database.db).then(
      () => undefined,
      (err: unknown) => log.error({ err }, 'audit sealer: pass failed, retried at the next one'),
    );
  const schedule = () => {
    timer = setTimeout(() => {
      running = pass().then(() => {
        if (!stopped) schedule();
      });
    }, intervalMs);
    timer.unref();
  };
  schedule();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
      await pass();
    },
  };
}
