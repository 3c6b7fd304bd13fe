/**
 * Audit-chain verification speed (issue 16): N audit rows (default 1,000,000) written through the chaining
 * trigger into a scratch PostgreSQL database (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres
 * as the server to create it on) or an in-memory PGlite (BENCH_PGLITE=1), then `verifyAuditChain` timed against
 * the reference measured in the same run: the same keyset-batched read of the same rows without recomputing
 * any hash. Prints rows/s of both and their ratio.
 *   npx tsx bench/audit-chain-verify.ts [rows]
 */
import { migrate, openDatabase, sealAuditTrail, verifyAuditChain } from '@mot-cua/db';
import { createScratchDatabase } from '@mot-cua/test-kit';
import { sql } from 'kysely';

const rows = Number(process.argv[2] ?? 1_000_000);
const pglite = process.env.BENCH_PGLITE === '1';
const server = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const scratch = pglite ? null : await createScratchDatabase(server);
const database = await openDatabase(scratch ? { databaseUrl: scratch.url, poolSize: 2 } : { dataDir: 'memory://' });
try {
  await migrate(database);
  // Writes in transactions of 50 rows (the product writes one to three a transaction), then the sealer links them.
  const through = Math.min(rows, Number(process.env.BENCH_TRIGGER_ROWS ?? 5_000));
  let t = performance.now();
  for (let done = 0; done < through; done += 50) {
    await sql`
      INSERT INTO audit_events (actor_user_id, action, entity_type, entity_id, province_code, unit_code, request_id, data)
      SELECT NULL, 'dossier.public_lookup', 'dossier', md5(g::text), '01', '00004', 'bench-' || g,
             jsonb_build_object('ip', '198.51.100.' || (g % 250), 'purpose', 'lookup')
      FROM generate_series(${done + 1}::int, ${Math.min(done + 50, through)}::int) g`.execute(database.db);
  }
  await sealAuditTrail(database.db);
  const writeS = (performance.now() - t) / 1000;
  // The rest of the million in one server-side loop computing the same chain (rows inserted already sealed).
  t = performance.now();
  await database.db.transaction().execute(async (trx) => {
    await sql.raw('SET LOCAL statement_timeout = 0').execute(trx);
    await sql`
    DO $$
    DECLARE
      h bytea; s bigint; g int; c text; at timestamptz := now();
    BEGIN
      SELECT seq, hash INTO s, h FROM audit_chain_head;
      FOR g IN ${sql.lit(through + 1)}..${sql.lit(rows)} LOOP
        s := s + 1;
        c := audit_event_canonical(s, at, NULL, 'dossier.public_lookup', 'dossier', md5(g::text), '01', '00004',
               'bench-' || g, jsonb_build_object('ip', '198.51.100.' || (g % 250), 'purpose', 'lookup'));
        INSERT INTO audit_events (occurred_at, actor_user_id, action, entity_type, entity_id, province_code, unit_code,
          request_id, data, chain_seq, prev_hash, row_hash)
        VALUES (at, NULL, 'dossier.public_lookup', 'dossier', md5(g::text), '01', '00004', 'bench-' || g,
          jsonb_build_object('ip', '198.51.100.' || (g % 250), 'purpose', 'lookup'), s, h, audit_event_hash(h, c));
        h := audit_event_hash(h, c);
      END LOOP;
      UPDATE audit_chain_head SET seq = s, hash = h;
    END $$`.execute(trx);
  });
  await sql.raw('ANALYZE audit_events').execute(database.db);
  process.stderr.write(
    `filled ${rows.toLocaleString('en')} rows in ${((performance.now() - t) / 1000).toFixed(1)} s\n`,
  );

  // Reference: the same batched walk, reading the same columns, hashing nothing.
  t = performance.now();
  let seen = 0;
  for (let from = 1; ; ) {
    const r = await sql<{ chainSeq: string }>`
      SELECT id, chain_seq, prev_hash, row_hash, occurred_at, actor_user_id, action, entity_type, entity_id,
             province_code, unit_code, request_id, data
      FROM audit_events WHERE chain_seq >= ${from} ORDER BY chain_seq LIMIT 10000`.execute(database.db);
    seen += r.rows.length;
    if (r.rows.length < 10_000) break;
    from = Number(r.rows.at(-1)!.chainSeq) + 1;
  }
  const readS = (performance.now() - t) / 1000;

  const report = await verifyAuditChain(database.db);
  if (report.firstBroken || report.rows !== rows || seen !== rows)
    throw new Error(`unexpected: ${JSON.stringify(report)}`);
  const verifyS = report.elapsedMs / 1000;
  const kind = pglite ? 'PGlite (in memory)' : 'PostgreSQL';
  console.log(`audit chain on ${kind}, ${rows.toLocaleString('en')} rows`);
  console.log(
    `  write through the chaining trigger (${through.toLocaleString('en')} rows, 50 a transaction): ${Math.round(through / writeS).toLocaleString('en')} rows/s (${writeS.toFixed(1)} s)`,
  );
  console.log(
    `  reference, batched read without hashing: ${Math.round(rows / readS).toLocaleString('en')} rows/s (${readS.toFixed(1)} s)`,
  );
  console.log(
    `  npm run audit:verify (verifyAuditChain): ${Math.round(rows / verifyS).toLocaleString('en')} rows/s (${verifyS.toFixed(1)} s), ${(verifyS / readS).toFixed(2)} × the reference`,
  );
} finally {
  await database.close();
  await scratch?.drop();
}
