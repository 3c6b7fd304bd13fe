import { type Database, refreshPlannerStatistics } from '@mot-cua/db';
import { startPeriodicPass } from './periodic-pass.js';

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
  const pass = () =>
    refreshPlannerStatistics(database.db).then(
      (r) => {
        if (r.tables.length)
          log.info(`planner statistics: ${r.tables.length} tables analyzed in ${Math.round(r.ms)} ms`);
      },
      (err: unknown) => log.error({ err }, 'planner statistics: analyze pass failed, retried at the next one'),
    );
  return startPeriodicPass(pass, 1_000, intervalMs);
}
