import type { Config } from './config-shape.js';

/** Describe where the data lives without ever printing a password. */
export function describeDatabase(config: Config): string {
  if (!config.databaseUrl) return `PGlite (embedded) at ${config.dataDir}`;
  const u = new URL(config.databaseUrl);
  return `PostgreSQL ${u.username ? `${u.username}@` : ''}${u.hostname}:${u.port || '5432'}${u.pathname}`;
}

/**
 * What a process passes to openDatabase: the address (PGlite under DATA_DIR/pglite when DATABASE_URL is unset)
 * and the time-outs of the configuration. `maintenance` swaps the statement and idle-in-transaction limits for the
 * maintenance one (a recount batch may take minutes). The service's sessions get the planner settings DB_JIT and
 * DB_MAX_PARALLEL_WORKERS_PER_GATHER at connection; maintenance keeps the server's (a recount reads the whole log).
 */
export function databaseOptions(config: Config, use: 'service' | 'maintenance' = 'service') {
  const t = config.database;
  const long = use === 'maintenance';
  return {
    databaseUrl: config.databaseUrl,
    dataDir: `${config.dataDir}/pglite`,
    connectionTimeoutMs: t.connectionTimeoutMs,
    statementTimeoutMs: long ? t.maintenanceStatementTimeoutMs : t.statementTimeoutMs,
    idleInTransactionTimeoutMs: long ? t.maintenanceStatementTimeoutMs : t.idleInTransactionTimeoutMs,
    ...(long
      ? {}
      : { sessionSettings: { jit: t.jit, max_parallel_workers_per_gather: String(t.maxParallelWorkersPerGather) } }),
  };
}
