import { type Kysely, sql } from 'kysely';
import type { DB } from '../schema/index.js';

/**
 * The planner's statistics (issue 15, session 6). PostgreSQL's autovacuum analyzes a table once enough of it has
 * changed; the embedded database (PGlite: one process in single-user mode) runs no autovacuum worker, so nothing
 * ever analyzes it, and on a generated province the planner then estimates every table from its size alone. A
 * table is stale by autovacuum's own rule (`autovacuum_analyze_threshold` 50 + `autovacuum_analyze_scale_factor`
 * 0.1 of its rows changed since the last analyze), or when it holds rows and has never been analyzed (no row in
 * `pg_stats`: the change counters are not kept across a restart of the embedded database, the catalog is).
 */
export type StaleTable = { table: string; rows: number; changed: number };

export function createPlannerStatisticsRepository(db: Kysely<DB>) {
  return {
    async staleTables(): Promise<StaleTable[]> {
      const r = await sql<StaleTable>`
        select c.relname as "table", greatest(c.reltuples, 0)::float8 as rows,
          coalesce(s.n_mod_since_analyze, 0)::float8 as changed
        from pg_class c
        join pg_namespace n on n.oid = c.relnamespace
        left join pg_stat_user_tables s on s.relid = c.oid
        where n.nspname = current_schema() and c.relkind = 'r'
          and (c.reltuples < 0
            or coalesce(s.n_mod_since_analyze, 0) > 50 + 0.1 * greatest(c.reltuples, 0)
            or (pg_relation_size(c.oid) > 0
              and not exists (select 1 from pg_stats st where st.schemaname = n.nspname and st.tablename = c.relname)))
        order by c.relname`.execute(db);
      return r.rows;
    },
    async analyze(table: string): Promise<void> {
      await sql`analyze ${sql.table(table)}`.execute(db);
    },
  };
}

/** Analyzes the stale tables one at a time (each a short statement, so requests interleave on PGlite). */
export async function refreshPlannerStatistics(db: Kysely<DB>): Promise<{ tables: string[]; ms: number }> {
  const started = performance.now();
  const repo = createPlannerStatisticsRepository(db);
  const stale = await repo.staleTables();
  for (const t of stale) await repo.analyze(t.table);
  return { tables: stale.map((t) => t.table), ms: performance.now() - started };
}
