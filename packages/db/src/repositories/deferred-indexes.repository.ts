import type { Database } from '../database.js';

/**
 * A large generator run (npm run generate) drops the secondary indexes of `dossiers` and `dossier_actions` before
 * its bulk load and builds them again after it, recorded in `bulk_load_deferred_indexes` so that a run stopped
 * half-way leaves nothing lost. Raw SQL on the database's raw channel (DDL, catalogue reads), one code path for
 * PGlite and PostgreSQL.
 */

/** The secondary indexes a large run builds after its rows are in (constraint indexes stay: keys, uniques). */
const DEFERRABLE_TABLES = ['dossiers', 'dossier_actions'] as const;

/**
 * Drops the secondary indexes of `dossiers` and `dossier_actions` (not those of a primary key or unique
 * constraint), their definitions kept in `bulk_load_deferred_indexes` in the same transaction. Returns their names.
 */
export async function deferIndexes(database: Database): Promise<string[]> {
  return database.withRawChannel(async (raw) => {
    await raw.exec('BEGIN');
    try {
      const rows = await raw.query<{ name: string; tableName: string; definition: string }>(
        `select ic.relname as name, tc.relname as "tableName", pg_get_indexdef(i.indexrelid) as definition
         from pg_index i join pg_class ic on ic.oid = i.indexrelid join pg_class tc on tc.oid = i.indrelid
         where tc.relname in (${DEFERRABLE_TABLES.map((t) => `'${t}'`).join(', ')})
           and tc.relnamespace = 'public'::regnamespace
           and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)
         order by tc.relname, ic.relname`,
      );
      for (const r of rows) {
        await raw.query('insert into bulk_load_deferred_indexes (name, table_name, definition) values ($1, $2, $3)', [
          r.name,
          r.tableName,
          r.definition,
        ]);
        await raw.exec(`drop index ${quoteIdent(r.name)}`);
      }
      await raw.exec('COMMIT');
      return rows.map((r) => r.name);
    } catch (e) {
      await raw.exec('ROLLBACK');
      throw e;
    }
  });
}

/**
 * Builds every index `deferIndexes` dropped (also those of an earlier run that stopped half-way), one transaction
 * each (the build and the removal of its record), with a larger sort memory than the default.
 */
export async function restoreDeferredIndexes(
  database: Database,
  onIndex?: (name: string, ms: number) => void,
): Promise<number> {
  const pending = await database.withRawChannel((raw) =>
    raw.query<{ name: string; definition: string }>(
      'select name, definition from bulk_load_deferred_indexes order by table_name, name',
    ),
  );
  for (const { name, definition } of pending) {
    const started = performance.now();
    await database.withRawChannel(async (raw) => {
      await raw.exec('BEGIN');
      try {
        await raw.query(`select set_config('maintenance_work_mem', '256MB', true)`);
        await raw.exec(definition);
        await raw.query('delete from bulk_load_deferred_indexes where name = $1', [name]);
        await raw.exec('COMMIT');
      } catch (e) {
        await raw.exec('ROLLBACK');
        throw e;
      }
    });
    onIndex?.(name, performance.now() - started);
  }
  return pending.length;
}

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;
