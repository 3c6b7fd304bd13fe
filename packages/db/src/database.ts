import { mkdirSync } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { CamelCasePlugin, Kysely, PostgresDialect } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import { from as copyFromStdin } from 'pg-copy-streams';
import { lockDataDir } from './data-dir-lock.js';
import { namePreparedStatements } from './prepared-statements.js';
import { sessionsWithoutParallelWorkers } from './repositories/without-parallel-workers.js';
import type { DB } from './schema/index.js';

/** A raw SQL channel used by the migrator: multi-statement scripts and parameterised queries. */
export interface RawChannel {
  exec(script: string): Promise<void>;
  query<R = Record<string, unknown>>(text: string, params?: unknown[]): Promise<R[]>;
  /**
   * `COPY … FROM STDIN` with rows in COPY's text format (bulk writers: the generator). PostgreSQL streams them
   * (pg-copy-streams); PGlite reads them as a blob (`FROM '/dev/blob'`).
   */
  copyFrom(statement: string, data: string): Promise<void>;
}

const FROM_STDIN = /\bFROM\s+STDIN\b/i;

export interface Database {
  readonly kind: 'pglite' | 'postgres';
  readonly db: Kysely<DB>;
  /** Run fn on one dedicated raw connection (needed for advisory locks and multi-statement scripts). */
  withRawChannel<T>(fn: (raw: RawChannel) => Promise<T>): Promise<T>;
  /**
   * PGlite only: a consistent copy of the whole database folder as a gzipped tarball (backup), taken between
   * statements through the connection queue (no transaction is open while it is copied).
   */
  dumpDataDir?: () => Promise<Blob>;
  close(): Promise<void>;
}

export type DatabaseOptions = {
  /** postgres://… ; when absent, PGlite is used. */
  databaseUrl?: string | undefined;
  /** PGlite data folder; undefined or 'memory://' keeps it in memory. */
  dataDir?: string | undefined;
  /** PGlite only: create the database from a tarball of `dumpDataDir` (restore); the folder must be new. */
  loadDataDir?: Blob | undefined;
  /** node-postgres pool size. */
  poolSize?: number;
  /** How long a request waits for a free connection before failing (never forever). */
  connectionTimeoutMs?: number;
  /** Server-side limit of one statement. */
  statementTimeoutMs?: number;
  /** A session idle inside an open transaction this long is ended by the server (its locks released). */
  idleInTransactionTimeoutMs?: number;
  /**
   * PostgreSQL only: planner settings of every session of the pool, sent at connection (`-c name=value`), e.g.
   * `{ jit: 'off', max_parallel_workers_per_gather: '0' }` (the service's, from the configuration). PGlite ignores them.
   */
  sessionSettings?: Readonly<Record<string, string>>;
};

/**
 * Defaults: nothing waits forever (issue 9: a pool without time-outs hung for good under contention). The processes
 * pass the configuration's (DB_*_TIMEOUT_MS, whose defaults are these); scripts and tests that set none get these.
 */
export const DATABASE_TIMEOUTS = {
  connectionTimeoutMs: 10_000,
  statementTimeoutMs: 30_000,
  idleInTransactionTimeoutMs: 60_000,
  /** Maintenance commands (the aggregates' recount): one batch (a month of entries) may take minutes, never hours. */
  maintenanceStatementTimeoutMs: 15 * 60_000,
};

// Identical value shapes on both engines: int8 and numeric as JS numbers, date as 'YYYY-MM-DD'.
const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;
const toNumber = (v: string) => Number(v);
const asIs = (v: string) => v;

const plugins = [new CamelCasePlugin()];

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  return options.databaseUrl
    ? openPostgres(options.databaseUrl, options)
    : openPglite(options.dataDir, options.loadDataDir);
}

async function openPglite(dataDir: string | undefined, loadDataDir?: Blob): Promise<Database> {
  const inMemory = !dataDir || dataDir.startsWith('memory://');
  let unlock = () => {};
  if (!inMemory) {
    mkdirSync(dataDir, { recursive: true });
    unlock = lockDataDir(dataDir);
  }
  let pglite: PGlite;
  try {
    pglite = await PGlite.create({
      ...(inMemory ? {} : { dataDir }),
      ...(loadDataDir ? { loadDataDir } : {}),
      extensions: { unaccent, pg_trgm },
      parsers: { [INT8]: toNumber, [NUMERIC]: toNumber, [DATE]: asIs },
    });
  } catch (e) {
    unlock();
    throw e;
  }
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite), plugins });
  const raw: RawChannel = {
    exec: async (script) => {
      await pglite.exec(script);
    },
    query: async <R>(text: string, params: unknown[] = []) => (await pglite.query<R>(text, params)).rows,
    copyFrom: async (statement, data) => {
      await pglite.query(statement.replace(FROM_STDIN, "FROM '/dev/blob'"), [], { blob: new Blob([data]) });
    },
  };
  return {
    kind: 'pglite',
    db,
    // PGlite has a single connection; Kysely's driver serialises access to it. Raw work runs through
    // Kysely's connection queue so it never interleaves with a transaction.
    withRawChannel: (fn) => db.connection().execute(() => fn(raw)),
    dumpDataDir: () => db.connection().execute(() => pglite.dumpDataDir('gzip')),
    close: async () => {
      try {
        await db.destroy();
      } finally {
        unlock();
      }
    },
  };
}

/** The libpq `options` of a pool: `-c name=value` per setting (names and values are the configuration's, checked). */
function sessionOptions(settings: Readonly<Record<string, string>>): string {
  return Object.entries(settings)
    .map(([k, v]) => {
      if (!/^[a-z_]+$/.test(k) || !/^[A-Za-z0-9_.]+$/.test(v)) throw new Error(`invalid session setting ${k}`);
      return `-c ${k}=${v}`;
    })
    .join(' ');
}

async function openPostgres(url: string, options: DatabaseOptions): Promise<Database> {
  const types = {
    getTypeParser: (oid: number, format?: 'text' | 'binary') => {
      if (oid === INT8 || oid === NUMERIC) return toNumber;
      if (oid === DATE) return asIs;
      return pg.types.getTypeParser(oid, format);
    },
  };
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    types: types as pg.CustomTypesConfig,
    connectionTimeoutMillis: options.connectionTimeoutMs ?? DATABASE_TIMEOUTS.connectionTimeoutMs,
    statement_timeout: options.statementTimeoutMs ?? DATABASE_TIMEOUTS.statementTimeoutMs,
    idle_in_transaction_session_timeout:
      options.idleInTransactionTimeoutMs ?? DATABASE_TIMEOUTS.idleInTransactionTimeoutMs,
    ...(options.sessionSettings ? { options: sessionOptions(options.sessionSettings) } : {}),
  });
  // An idle client that loses its connection (server restart, idle time-out) must not crash the process.
  pool.on('error', () => {});
  namePreparedStatements(pool);
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), plugins });
  if (options.sessionSettings?.max_parallel_workers_per_gather === '0') sessionsWithoutParallelWorkers.add(db);
  return {
    kind: 'postgres',
    db,
    withRawChannel: async (fn) => {
      const client = await pool.connect();
      try {
        return await fn({
          exec: async (script) => {
            await client.query(script);
          },
          query: async <R>(text: string, params: unknown[] = []) => (await client.query(text, params)).rows as R[],
          copyFrom: async (statement, data) => {
            if (!FROM_STDIN.test(statement)) throw new Error('copyFrom needs a COPY … FROM STDIN statement');
            await pipeline(Readable.from([data]), client.query(copyFromStdin(statement)));
          },
        });
      } finally {
        client.release();
      }
    },
    close: async () => {
      await db.destroy();
    },
  };
}
