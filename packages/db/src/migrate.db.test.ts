import { createTestDb } from '@mot-cua/test-kit';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './database.js';
import { migrate, migrationStatus, readMigrations } from './migrate.js';

describe('migrations', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDb();
  });
  afterAll(async () => {
    await database.close();
  });

  it('are all applied, and applying again changes nothing', async () => {
    expect(await migrationStatus(database)).toEqual({ applied: readMigrations().length, pending: 0 });
    expect(await migrate(database)).toEqual([]);
    expect(await migrate(database)).toEqual([]);
  });

  it('run concurrently without applying anything twice (advisory lock)', async () => {
    const results = await Promise.all([migrate(database), migrate(database), migrate(database)]);
    expect(results.flat()).toEqual([]);
  });

  it('refuse to run when an applied migration file was edited', async () => {
    const edited = readMigrations().map((m, i) => (i === 0 ? { ...m, checksum: 'tampered' } : m));
    await expect(migrate(database, edited)).rejects.toThrow(/changed after it was applied/);
  });

  it('roll back a failing migration completely', async () => {
    const bad = [
      ...readMigrations(),
      { version: '9999', name: 'broken', sql: 'CREATE TABLE t_broken_probe (id int); SELECT 1/0;', checksum: 'x' },
    ];
    await expect(migrate(database, bad)).rejects.toThrow(/9999_broken failed/);
    const t = await sql<{ t: string | null }>`select to_regclass('t_broken_probe')::text as t`.execute(database.db);
    expect(t.rows[0]?.t).toBeNull();
    expect((await migrationStatus(database)).pending).toBe(0);
  });

  it('provide an indexable accent-folding function that handles every Vietnamese letter', async () => {
    const r = await sql<{ f: string }>`select f_unaccent_fold(${'  Phường  BẾN Thành, Đắk Lắk ỷ ỹ ỵ '}) as f`.execute(
      database.db,
    );
    expect(r.rows[0]?.f).toBe('phuong ben thanh, dak lak y y y');
    const v = await sql<{ v: string }>`select provolatile as v from pg_proc where proname = 'f_unaccent_fold'`.execute(
      database.db,
    );
    expect(v.rows[0]?.v).toBe('i');
  });

  it('enable pg_trgm similarity', async () => {
    const r = await sql<{ s: number }>`select similarity('ben thanh', 'ben thnah') as s`.execute(database.db);
    expect(r.rows[0]?.s).toBeGreaterThan(0.3);
  });

  it('keep the audit trail append-only', async () => {
    await sql`insert into audit_events (action, entity_type, entity_id) values ('probe', 'test', 'x')`.execute(
      database.db,
    );
    await expect(
      sql`update audit_events set action = 'changed' where action = 'probe'`.execute(database.db),
    ).rejects.toThrow(/append-only/);
  });

  it('run transactions identically: a failure rolls back every write', async () => {
    const tag = `tx-${Math.random().toString(36).slice(2)}`;
    await expect(
      database.db.transaction().execute(async (trx) => {
        await sql`insert into audit_events (action, entity_type, entity_id) values ('probe', 'tx', ${tag})`.execute(
          trx,
        );
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const r = await sql<{ n: number }>`select count(*) as n from audit_events where entity_id = ${tag}`.execute(
      database.db,
    );
    expect(r.rows[0]?.n).toBe(0);
  });
});
