import { type Database, refreshPlannerStatistics } from '@mot-cua/db';

/**
 * The embedded database's stand-in for autovacuum's analyze (issue 15, session 6): PGlite runs no autovacuum
 * worker, so the API process analyzes the tables whose statistics are missing or stale, soon after start-up and then
 * every `intervalMs` (10 minutes). PostgreSQL keeps its own (nothing is started there). `stop()` waits for a pass.
 */
export function startPlannerStatisticsKeeper(
  database: Database,
  log: { error: (o: object, m: string) => void; info: (m: string) => void },
  intervalMs = 600_000,
) {
  if (database.kind !== 'pglite') return { stop: async () => {} };
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const pass = () =>
    refreshPlannerStatistics(database.db).then(
      (r) => {
        if (r.tables.length)
          log.info(`planner statistics: ${r.tables.length} tables analyzed in ${Math.round(r.ms)} ms`);
      },
      (err: unknown) => log.error({ err }, 'planner statistics: analyze pass failed, retried at the next one'),
    );
  const schedule = (ms: number) => {
    timer = setTimeout(() => {
      running = pass().then(() => {
        if (!stopped) schedule(intervalMs);
      });
    }, ms);
    timer.unref();
  };
  schedule(1_000);
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
