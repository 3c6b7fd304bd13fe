/**
 * Which statements of the supervision reads PostgreSQL would compile with JIT or plan with parallel workers (issue 15,
 * session 9): runs the dashboards', workload's, 766 counts' and drill-down's reads once on the database, captures every
 * SELECT they send (node-postgres' Client.query wrapped), then EXPLAINs each with `jit = on` and
 * `max_parallel_workers_per_gather = 2` and prints its estimated cost, "JIT" when it is above `jit_above_cost`
 * (100,000 by default) and "PAR" when the plan has a Gather. Read-only; the province and commune are the nat1 copy's
 * busiest (48, 20984): set BENCH_PROVINCE / BENCH_COMMUNE for another database.
 *
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/<copy> npx tsx bench/supervision-plan-costs.ts
 */

import { vnStartOfDay } from '@mot-cua/contracts';
import {
  createDossierAggregatesRepository,
  createOfficialsRepository,
  createOpenDueRepository,
  createServiceIndexRepository,
  createSupervisionDrilldownRepository,
  createWorkloadProvincesRepository,
  createWorkloadRepository,
  openDatabase,
} from '@mot-cua/db';
import pg from 'pg';

const seen: Array<{ text: string; values: unknown[] }> = [];
type Query = (this: pg.Client, q: unknown, v?: unknown, cb?: unknown) => Promise<pg.QueryResult>;
const proto = pg.Client.prototype as unknown as { query: Query };
const orig = proto.query;
proto.query = function (this: pg.Client, q: unknown, v?: unknown, cb?: unknown) {
  const o = q as { text?: string; values?: unknown[] } | string;
  const text = typeof o === 'string' ? o : o?.text;
  const values = typeof o === 'string' ? v : o?.values;
  if (text && /^\s*(with|select)/i.test(text) && !/set_config|current_setting/.test(text)) {
    seen.push({ text, values: Array.isArray(values) ? values : [] });
  }
  return orig.call(this, q, v, cb);
};
function period(from: string, to: string) {
  const n = new Date(`${to}T00:00:00Z`);
  n.setUTCDate(n.getUTCDate() + 1);
  return { from, to, fromAt: vnStartOfDay(from), toAt: vnStartOfDay(n.toISOString().slice(0, 10)) };
}
const url = process.env.BENCH_DATABASE_URL!;
const PROVINCE = process.env.BENCH_PROVINCE ?? '48';
const COMMUNE = process.env.BENCH_COMMUNE ?? '20984';
const d = await openDatabase({ databaseUrl: url, poolSize: 1, statementTimeoutMs: 0 });
const db = d.db;
for (const p of [
  period('2025-11-01', '2025-11-30'),
  period('2025-07-01', '2025-11-30'),
  period('2025-10-25', '2025-11-23'),
]) {
  const f = { scope: 'VN', ...p };
  const r = { from: p.from, to: p.to };
  await createDossierAggregatesRepository(db).breakdown({ level: 'nation' }, r, 'entry');
  await createDossierAggregatesRepository(db).breakdown({ level: 'province', provinceCode: PROVINCE }, r, 'entry');
  await createDossierAggregatesRepository(db).procedures({ level: 'nation' }, r);
  await createDossierAggregatesRepository(db).procedures({ level: 'province', provinceCode: PROVINCE }, r);
  await createDossierAggregatesRepository(db).daily({ level: 'nation' }, r, 'entry');
  await createWorkloadProvincesRepository(db).provincesLoad(f);
  await createWorkloadProvincesRepository(db).provincesLoad(f, 'grants');
  await createWorkloadRepository(db).unitsLoad({ ...f, scope: PROVINCE });
  await createWorkloadRepository(db).backlogByDay(f);
  await createWorkloadRepository(db).stepDurations(f);
  await createWorkloadRepository(db).moves(f);
  await createServiceIndexRepository(db).counts(f);
  await createServiceIndexRepository(db).counts({ ...f, scope: PROVINCE });
  await createSupervisionDrilldownRepository(db).breakdown({
    unitCode: COMMUNE,
    fromAt: p.fromAt,
    toAt: p.toAt,
    onDate: p.to,
    now: new Date('2025-12-01T02:00:00Z'),
  });
  const now = new Date('2025-12-01T02:00:00Z');
  const od = createOpenDueRepository(db);
  const hu = await od.handlingUnits({ level: 'nation' });
  await od.split(
    { level: 'nation' },
    now,
    new Map(hu.slice(0, 50).map((u) => [u.unitCode, new Date('2025-12-03T02:00:00Z')])),
  );
}
await createOfficialsRepository(db).countCommunesWithoutOnlineApproverByProvince('2025-12-01');
await createOfficialsRepository(db).countLeadersWithoutValidCertificateByProvince('2025-12-01');
await createOfficialsRepository(db).listCommunesWithoutOnlineApprover({ onDate: '2025-12-01', limit: 200, offset: 0 });
const c = new pg.Client({ connectionString: url });
await c.connect();
await orig.call(c, 'set jit = on');
await orig.call(c, 'set max_parallel_workers_per_gather = 2');
let jitted = 0;
const queries = seen.splice(0);
for (const q of queries) {
  const r = await orig.call(c, `explain (format json) ${q.text}`, q.values);
  const plan = r.rows[0]['QUERY PLAN'][0];
  const cost = plan.Plan['Total Cost'];
  const jit = cost > 100000;
  const par = JSON.stringify(plan).includes('Gather');
  if (jit) jitted++;
  console.log(
    `${par ? 'PAR ' : '    '}${jit ? 'JIT ' : '    '} cost ${Math.round(cost).toString().padStart(9)}  ${q.text.replace(/\s+/g, ' ').slice(0, 110)}`,
  );
}
console.log(`${queries.length} statements, ${jitted} above jit_above_cost`);
await c.end();
await d.close();
