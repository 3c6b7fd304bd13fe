import { randomUUID } from 'node:crypto';
import { vnDate, vnStartOfDay } from '@mot-cua/contracts';
import {
  type AggregateCounts,
  addAggregateCounts,
  aggregateDossierFromLog,
  applyChangeEvent,
  approveDossier,
  claimStep,
  completeStep,
  type DossierActor,
  type DossierDeps,
  deriveDossierState,
  dossierContribution,
  emptyAggregateCounts,
  fixedClock,
  issueResult,
  rateDossier,
  receiveDossier,
  refuseDossier,
  requestSupplement,
  returnResult,
  STEP_MEDIAN_RELATIVE_ERROR,
  stepBucket,
  stopDossier,
  supplementDossier,
  withdrawDossier,
} from '@mot-cua/core';
import {
  createScratchDatabase,
  insertDossierTestUnits,
  loadDossierTestProcedure,
  newOfficial,
} from '@mot-cua/test-kit';
import fc from 'fast-check';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../database.js';
import { migrate } from '../migrate.js';
import type { DB } from '../schema/index.js';
import { createChangeEventPorts } from './change-events.repository.js';
import {
  type AggregateRow,
  type AggregateScope,
  createDossierAggregatesRepository,
} from './dossier-aggregates.repository.js';
import {
  createDossierDeadlinePort,
  createDossierProcedurePort,
  createDossierUnitsPort,
} from './dossier-ports.repository.js';
import { createDossiersRepository } from './dossiers.repository.js';
import { createServiceIndexRepository } from './service-index.repository.js';
import { createOpenDueRepository } from './supervision-open-due.repository.js';
import { createWorkloadRepository } from './workload.repository.js';

// This file recounts every aggregate, so it runs on its own database (a scratch one on PostgreSQL).
let database: Database;
let drop: (() => Promise<void>) | undefined;
const clock = fixedClock('2026-03-02T02:00:00Z'); // Monday 09:00 Vietnam time
/** Whole-day periods the kept workload reads are checked over: a wide one, one cut by the mix, a month. */
const wholeDayPeriods = (): Array<[string, string]> => [
  ['2026-03-01', '2026-12-31'],
  ['2026-03-02', vnDate(clock.now())],
  ['2026-04-01', '2026-04-30'],
];

beforeAll(async () => {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const scratch = await createScratchDatabase(url);
    drop = scratch.drop;
    database = await openDatabase({ databaseUrl: scratch.url, poolSize: 4 });
  } else {
    database = await openDatabase({ dataDir: 'memory://' });
  }
  await migrate(database);
}, 120_000);
afterAll(async () => {
  await database?.close();
  await drop?.();
});

function deps(db: Kysely<DB>): DossierDeps {
  const units = createDossierUnitsPort(db);
  return {
    dossiers: createDossiersRepository(db),
    clock,
    deadlines: createDossierDeadlinePort(db),
    units,
    procedures: createDossierProcedurePort(db, units),
    newId: randomUUID,
    systemCode: '01',
  };
}
const tx = <T>(fn: (d: DossierDeps) => Promise<T>) => database.db.transaction().execute((trx) => fn(deps(trx)));
const attempt = async (fn: () => Promise<unknown>) => {
  try {
    await fn();
  } catch (e) {
    // a transition the dossier's state does not allow is part of a random mix; anything else is a failure
    if (!(e instanceof Error && 'code' in e)) throw e;
  }
};

type Op = 'supplement' | 'supplemented' | 'refuse' | 'withdraw' | 'stop' | 'advance' | 'rate' | 'wait';
const opArb = fc.oneof(
  { weight: 6, arbitrary: fc.constant<Op>('advance') },
  {
    weight: 1,
    arbitrary: fc.constantFrom<Op>('supplement', 'supplemented', 'refuse', 'withdraw', 'stop', 'rate', 'wait'),
  },
);

/** What the aggregates must hold for these units: core's fold of each dossier's log, by entry and by today's unit. */
async function expectedFromLog(units: string[]) {
  const repo = createDossiersRepository(database.db);
  const ids = await sql<{ id: string; receivingUnitCode: string; channel: string }>`
    select id, receiving_unit_code, channel from dossiers
    where receiving_unit_code in (${sql.join(units)}) or entry_unit_code in (${sql.join(units)})`.execute(database.db);
  const entry = new Map<string, AggregateCounts & { online: number }>();
  const current = new Map<string, AggregateCounts & { online: number }>();
  const add = (
    m: Map<string, AggregateCounts & { online: number }>,
    unit: string,
    c: AggregateCounts,
    online: boolean,
  ) => {
    const row = m.get(unit) ?? { ...emptyAggregateCounts(), online: 0 };
    addAggregateCounts(row, c);
    if (online) row.online += 1;
    m.set(unit, row);
  };
  for (const d of ids.rows) {
    const facts = aggregateDossierFromLog(await repo.listActions(d.id));
    const c = dossierContribution(facts);
    add(entry, facts.entryUnitCode, c, d.channel === 'online');
    add(current, d.receivingUnitCode, c, d.channel === 'online');
  }
  return { entry, current };
}

const plain = (m: Map<string, AggregateRow | (AggregateCounts & { online: number })>) =>
  Object.fromEntries(
    [...m].map(([k, v]) => [
      k,
      Object.fromEntries(
        Object.entries(v)
          .filter(([key]) => key !== 'code')
          .map(([key, n]) => [key, key === 'processingHoursSum' ? Math.round(Number(n) * 1000) / 1000 : n]),
      ),
    ]),
  );

/** Periods around the test's entries (2 March 2026): whole months, partial months at the ends, days only. */
const PERIODS = [
  { from: '2026-03-01', to: '2026-03-31' },
  { from: '2026-03-02', to: '2026-05-31' },
  { from: '2026-02-10', to: '2026-04-30' },
  { from: '2026-02-20', to: '2026-03-05' },
  // no whole month: a segment of February's end, March's first segment (1 March, a Sunday), a whole week, two days
  { from: '2026-02-25', to: '2026-03-10' },
];

/** Every non-empty row of the roll-ups and the nation's days (this file's database holds only its own). */
async function monthlyRollUp(): Promise<string[]> {
  const rows: string[] = [];
  for (const table of [
    'dossier_unit_week_totals',
    'dossier_province_week_totals',
    'dossier_procedure_week_totals',
    'dossier_unit_month_totals',
    'dossier_province_month_totals',
    'dossier_procedure_month_totals',
    'dossier_procedure_province_day_totals',
    'dossier_nation_day_totals',
  ]) {
    const r = await sql<{ row: Record<string, unknown> }>`
      select to_jsonb(t) as row from ${sql.table(table)} t where received <> 0`.execute(database.db);
    for (const x of r.rows) {
      const row = typeof x.row === 'string' ? JSON.parse(x.row) : x.row;
      if ('processing_hours_sum' in row) row.processing_hours_sum = Math.round(row.processing_hours_sum * 1000) / 1000;
      rows.push(`${table} ${JSON.stringify(row, Object.keys(row).sort())}`);
    }
  }
  // the open dossiers by due day and by handling unit (0380), row by row (shards included)
  for (const table of ['dossier_open_due_day_totals', 'dossier_open_handling_totals']) {
    const r = await sql<{ row: unknown }>`
      select to_jsonb(t)::text as row from ${sql.table(table)} t where open_count <> 0`.execute(database.db);
    rows.push(...r.rows.map((x) => `${table} ${x.row}`));
  }
  return rows.sort();
}

/** The dashboard's open split from the kept due-day totals equals the read over the open dossiers (0380). */
async function openDueAgrees(scopes: AggregateScope[]) {
  const repo = createOpenDueRepository(database.db);
  const deadlines = createDossierDeadlinePort(database.db);
  const now = clock.now();
  for (const scope of scopes) {
    const marks = new Map<string, Date>();
    for (const u of await repo.handlingUnits(scope, now))
      marks.set(u.unitCode, await deadlines.dueSoonBefore({ ...u, now }));
    expect(await repo.split(scope, now, marks)).toEqual(await repo.splitFromDossiers(scope, now, marks));
  }
}

/** The step durations as the workload read them from the log before 0321 (one row per completed step). */
async function stepDurationsFromLog(): Promise<string[]> {
  const r = await sql<{ row: string }>`
    select concat_ws(' ', a.dossier_id, a.seq, e.unit_code, e.province_code, a.step, a.at,
      round((extract(epoch from (a.at - a.prev_at)) / 3600.0)::numeric, 6)) as row
    from (select x.dossier_id, x.seq, x.type, x.at, (x.data->>'fromStep')::int as step,
            lag(x.at) over (partition by x.dossier_id order by x.seq) as prev_at
          from dossier_actions x where x.type in ('received', 'step_completed')) a
    join dossier_actions e on e.dossier_id = a.dossier_id and e.seq = 1
    where a.type = 'step_completed' and a.prev_at is not null`.execute(database.db);
  return r.rows.map((x) => x.row).sort();
}
async function stepDurationsKept(): Promise<string[]> {
  const r = await sql<{ row: string }>`
    select concat_ws(' ', dossier_id, seq, entry_unit_code, entry_province_code, step, at, round(hours::numeric, 6))
      as row from dossier_step_durations`.execute(database.db);
  return r.rows.map((x) => x.row).sort();
}
/** The workload's medians per step as they were read from the log before 0321 (same scope and period rule). */
async function stepMediansFromLog(scope: string, fromAt: string, toAt: string) {
  const r = await sql<{ step: number; completed: number; medianHours: number }>`
    with a as (
      select x.dossier_id, x.type, x.at, (x.data->>'fromStep')::int as step,
        lag(x.at) over (partition by x.dossier_id order by x.seq) as prev_at
      from dossier_actions x
      join dossier_actions e on e.dossier_id = x.dossier_id and e.seq = 1
      where x.type in ('received', 'step_completed') and (e.unit_code = ${scope} or e.province_code = ${scope})
    )
    select step, count(*)::int as completed,
      percentile_cont(0.5) within group (order by extract(epoch from (at - prev_at)) / 3600.0) as median_hours
    from a where type = 'step_completed' and prev_at is not null
      and at >= ${fromAt}::timestamptz and at < ${toAt}::timestamptz
    group by step order by step`.execute(database.db);
  return r.rows.map((x) => ({
    step: Number(x.step),
    completed: Number(x.completed),
    medianHours: Math.round(Number(x.medianHours) * 100) / 100,
  }));
}

/**
 * The step histograms (0355) hold, per scope (entry province, entry unit when not the province, 'VN'), day or month,
 * step and bucket, the count of recorded durations (computed here in TS with core's bucket rule), shards summed; and
 * the workload's medians of whole-day periods are within the stated bound of the exact ones, with the same counts.
 */
async function stepHistogramsAgree(scopes: string[], periods: Array<[string, string]>) {
  const durations = await sql<{
    dossierId: string;
    unit: string;
    province: string;
    step: number | null;
    at: Date;
    hours: number;
  }>`select dossier_id, entry_unit_code as unit, entry_province_code as province, step, at, hours
     from dossier_step_durations`.execute(database.db);
  const want = { day: new Map<string, number>(), month: new Map<string, number>() };
  for (const d of durations.rows) {
    const day = vnDate(new Date(d.at));
    const codes = ['VN', d.province, ...(d.unit !== d.province ? [d.unit] : [])];
    for (const code of codes) {
      for (const [grain, key] of [
        ['day', day],
        ['month', `${day.slice(0, 7)}-01`],
      ] as const) {
        const k = `${code} ${key} ${d.step ?? -1} ${stepBucket(Number(d.hours))}`;
        want[grain].set(k, (want[grain].get(k) ?? 0) + 1);
      }
    }
  }
  for (const [grain, table, col] of [
    ['day', 'dossier_step_hist_days', 'day'],
    ['month', 'dossier_step_hist_months', 'month'],
  ] as const) {
    const r = await sql<{ k: string; n: number }>`
      select concat_ws(' ', scope_code, to_char(${sql.ref(col)}, 'YYYY-MM-DD'), step, bucket) as k, sum(n)::int as n
      from ${sql.table(table)} group by 1 having sum(n) <> 0`.execute(database.db);
    expect(new Map(r.rows.map((x) => [x.k, Number(x.n)]))).toEqual(want[grain]);
  }
  const workload = createWorkloadRepository(database.db);
  for (const scope of scopes) {
    for (const [from, to] of periods) {
      const toAt = vnStartOfDay(vnDate(new Date(vnStartOfDay(to).getTime() + 36 * 3_600_000)));
      const f = { scope, from, to, fromAt: vnStartOfDay(from), toAt };
      const [approx, exact] = [await workload.stepDurations(f), await workload.stepDurationsExact(f)];
      expect(approx.map((x) => [x.step, x.completed])).toEqual(exact.map((x) => [x.step, x.completed]));
      approx.forEach((x, i) => {
        const e = exact[i]!.medianHours;
        // the bucket's bound, one minute below a minute, and both figures' rounding to 0.01 h
        expect(Math.abs(x.medianHours - e)).toBeLessThanOrEqual(e * STEP_MEDIAN_RELATIVE_ERROR + 1 / 60 + 0.01);
      });
    }
  }
}

/** The workload's per-unit load and backlog from the aggregates (0356, 0357) equal the reads from the dossiers. */
async function workloadAgrees(scopes: string[], periods: Array<[string, string]>) {
  const workload = createWorkloadRepository(database.db);
  for (const scope of scopes) {
    for (const [from, to] of periods) {
      const toAt = vnStartOfDay(vnDate(new Date(vnStartOfDay(to).getTime() + 36 * 3_600_000)));
      const f = { scope, from, to, fromAt: vnStartOfDay(from), toAt };
      expect(await workload.unitsLoad(f)).toEqual(await workload.unitsLoadFromDossiers(f));
      expect(await workload.backlogByDay(f)).toEqual(await workload.backlogByDayFromDossiers(f));
    }
  }
}

/** Writes outside the action log that change a dossier's 766 inputs (outbox, components, files, fee, VNeID, rating). */
type Side =
  | 'pending'
  | 'delivered'
  | 'deliverAll'
  | 'reused'
  | 'store'
  | 'resultFile'
  | 'scan'
  | 'fee'
  | 'paid'
  | 'vneid'
  | 'dislike';
const sideArb = fc.constantFrom<Side>(
  'pending',
  'delivered',
  'deliverAll',
  'reused',
  'store',
  'resultFile',
  'scan',
  'fee',
  'paid',
  'vneid',
  'dislike',
);
const SHA = 'a'.repeat(64);
async function sideWrite(id: string, side: Side) {
  const db = database.db;
  const p = sql`(select province_code from dossiers where id = ${id})`;
  await sql`insert into stored_files (sha256, size_bytes, media_type) values (${SHA}, 1, 'application/pdf')
    on conflict do nothing`.execute(db);
  const attach = (kind: string, key: string | null) => sql`
    insert into dossier_attachments (dossier_id, province_code, kind, component_key, file_name, sha256)
    values (${id}, ${p}, ${kind}, ${key}, 'tep.pdf', ${SHA})`;
  const outbox = (delivered: boolean) => sql`
    insert into outbox_messages (province_code, topic, aggregate_type, aggregate_id, idempotency_key, payload,
      delivered_at)
    values (${p}, 'test.sync', 'dossier', ${id}, ${randomUUID()}, '{}', ${delivered ? sql`now()` : null})`;
  const q = {
    pending: outbox(false),
    delivered: outbox(true),
    deliverAll: sql`update outbox_messages set delivered_at = now()
      where aggregate_type = 'dossier' and aggregate_id = ${id} and delivered_at is null`,
    reused: sql`update dossier_components set reused = true where dossier_id = ${id} and key = 'c01'`,
    store: sql`update dossier_components set from_citizen_store = true where dossier_id = ${id} and key = 'c02'`,
    resultFile: attach('result', null),
    scan: sql`${attach('component', 'c01')}, (${id}, ${p}, 'component', 'c02', 'tep.pdf', ${SHA})`,
    fee: sql`update dossiers set fee_total = 50000 where id = ${id}`,
    paid: sql`update dossiers set fee_total = 30000, paid_online = true where id = ${id}`,
    vneid: sql`update dossiers set vneid_verified = true where id = ${id}`,
    dislike: sql`insert into dossier_ratings (dossier_id, province_code, level, rated_at) values (${id}, ${p}, 1, now())
      on conflict (dossier_id) do update set level = 1`,
  }[side];
  await db.transaction().execute((trx) => q.execute(trx));
}

/** The 766 counts from the kept inputs and from the dossiers, for the scopes and whole-day periods given. */
async function indexCountsAgree(scopes: string[]) {
  const repo = createServiceIndexRepository(database.db);
  for (const scope of scopes) {
    for (const [from, to] of [
      ['2026-03-01', '2026-04-01'],
      ['2026-03-02', '2026-03-03'],
      ['2026-02-01', '2026-03-02'],
    ] as const) {
      const f = { scope, fromAt: vnStartOfDay(from), toAt: vnStartOfDay(to) };
      expect({ scope, from, ...(await repo.counts(f)) }).toEqual({
        scope,
        from,
        ...(await repo.countsFromDossiers(f)),
      });
      // each figure's contributing dossiers (0358: keyset walk of the kept facts, total from the kept totals) are
      // base()'s, in the same order, page by page (by `after`, and by offset); the wide period only (time)
      for (const indicator of from === '2026-03-01' ? LISTED : []) {
        for (const part of ['numerator', 'denominator'] as const) {
          const q = { ...f, indicator, part, now: clock.now() };
          const all = await repo.dossiersFromDossiers({ ...q, limit: 1000, offset: 0 });
          const walked: string[] = [];
          let after: { enteredAt: Date; id: string } | undefined;
          for (;;) {
            const page = await repo.dossiers({ ...q, limit: 2, offset: 0, after });
            expect(page.total).toBe(all.total);
            walked.push(...page.items.map((x) => x.id));
            const last = page.items.at(-1);
            if (!last || page.items.length < 2) break;
            after = { enteredAt: last.enteredAt, id: last.id };
          }
          expect(walked).toEqual(all.items.map((x) => x.id));
          const second = await repo.dossiers({ ...q, limit: 2, offset: 1 });
          expect(second.items).toEqual(all.items.slice(1, 3));
        }
      }
    }
  }
}
/** The drill-down's kept handlers (0390) are who acted on each dossier in its log, with the dossier's entry. */
async function handlersAgree(): Promise<void> {
  const q = (kept: boolean) =>
    sql<{ k: string }>`select k from (${
      kept
        ? sql`select dossier_id::text || user_id::text || coalesce(entry_unit_code, '-') || coalesce(entry_at::text, '-') as k
            from dossier_handlers`
        : sql`select distinct a.dossier_id::text || a.actor_user_id::text || coalesce(d.entry_unit_code, '-') ||
              coalesce(d.entry_at::text, '-') as k
            from dossier_actions a join dossiers d on d.id = a.dossier_id
            where a.actor_user_id is not null and a.actor_role <> 'citizen'`
    }) x order by k`.execute(database.db);
  const want = (await q(false)).rows;
  expect(want.length).toBeGreaterThan(0);
  expect((await q(true)).rows).toEqual(want);
}
const LISTED = ['1.4', '3.3', '3.6', '4.1', '4.2', '4.3', '4.4', '4.5', '5.4'] as const;

describe('dossier aggregates', () => {
  it('equal the recount from the log after a random mix of actions and a merge (re-homing)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ atB: fc.boolean(), online: fc.boolean(), ops: fc.array(opArb, { maxLength: 14 }) }), {
          minLength: 2,
          maxLength: 6,
        }),
        fc.array(fc.tuple(fc.nat(5), opArb), { maxLength: 6 }),
        fc.array(fc.tuple(fc.nat(5), sideArb), { maxLength: 12 }),
        async (plans, afterMerge, sides) => {
          clock.set('2026-03-02T02:00:00Z');
          const u = await insertDossierTestUnits(database.db, 2);
          const [A, B] = u.communeCodes as [string, string];
          const procedureCode = (await loadDossierTestProcedure(database.db, { unitCode: A })).code;
          const official = await newOfficial(database);
          const at = (unitCode: string, role: DossierActor['role'] = 'reception'): DossierActor => ({
            userId: official.id,
            name: 'Trần Thị Lan',
            role,
            unitCode,
          });
          const ids: Array<{ id: string; unit: string }> = [];
          for (const p of plans) {
            const unit = p.atB ? B : A;
            const r = await tx((d) =>
              receiveDossier(d, at(unit), {
                mode: 'receive',
                channel: p.online ? 'online' : 'in_person',
                procedureCode,
                receivingUnitCode: unit,
                competentUnitCode: null,
                applicant: {
                  type: 'citizen',
                  fullName: 'Nguyễn Thị Ánh',
                  idNumber: null,
                  phone: null,
                  email: null,
                  address: null,
                },
                components: [
                  { key: 'c01', state: 'present' },
                  { key: 'c02', state: 'present' },
                ],
                returnMethod: 'counter',
              }),
            );
            ids.push({ id: r.dossier.id, unit });
          }
          const run = async (i: number, op: Op) => {
            const target = ids[i % ids.length]!;
            const dossierId = target.id;
            const actor = at(target.unit);
            if (op === 'wait') return clock.advance(20 * 3_600_000);
            if (op === 'supplement')
              return attempt(() =>
                tx((d) => requestSupplement(d, { dossierId, actor, items: [{ key: 'c02', state: 'missing' }] })),
              );
            if (op === 'supplemented') return attempt(() => tx((d) => supplementDossier(d, { dossierId, actor })));
            if (op === 'refuse')
              return attempt(() => tx((d) => refuseDossier(d, { dossierId, actor, reasons: ['Không đủ điều kiện'] })));
            if (op === 'withdraw')
              return attempt(() => tx((d) => withdrawDossier(d, { dossierId, actor, reason: 'Rút' })));
            if (op === 'stop') return attempt(() => tx((d) => stopDossier(d, { dossierId, actor, reason: 'Dừng' })));
            if (op === 'rate') return attempt(() => tx((d) => rateDossier(d, { dossierId, actor, level: 4 })));
            // advance: the first step on the dossier's way to a result that its state allows
            const state = deriveDossierState(await createDossiersRepository(database.db).listActions(dossierId));
            const step = state.currentStep?.order ?? 1;
            const holder = at(target.unit, (state.currentStep?.role ?? 'specialist') as DossierActor['role']);
            const tries = [
              () => tx((d) => claimStep(d, { dossierId, actor: holder, stepOrder: step })),
              () => tx((d) => completeStep(d, { dossierId, actor: holder, fromStep: step })),
              () => tx((d) => approveDossier(d, { dossierId, actor: at(target.unit, 'leader') })),
              () =>
                tx((d) =>
                  issueResult(d, { dossierId, actor: at(target.unit, 'specialist'), documents: [{ name: 'Kết quả' }] }),
                ),
              () => tx((d) => returnResult(d, { dossierId, actor, method: 'counter' })),
            ];
            for (const t of tries) {
              let done = true;
              await attempt(async () => {
                try {
                  await t();
                } catch (e) {
                  done = false;
                  throw e;
                }
              });
              if (done) return;
            }
          };
          for (const [i, p] of plans.entries()) for (const op of p.ops) await run(i, op);

          // B merges into A: open dossiers of B move to A (today's unit), the unit at entry stays B.
          await database.db.transaction().execute((trx) =>
            applyChangeEvent(
              {
                kind: 'merge',
                effectiveDate: '2026-03-02',
                legalBasis: 'Nghị quyết thử',
                sourceCodes: [A, B],
                target: { code: A, name: 'An Bình Thử', type: 'ward' },
              },
              createChangeEventPorts(trx, { userId: official.id }),
              `test-aggregates-merge-${A}`,
            ),
          );
          for (const t of ids) if (t.unit === B) t.unit = A;
          for (const [i, op] of afterMerge) await run(i, op);
          for (const [i, side] of sides) await sideWrite(ids[i % ids.length]!.id, side);

          const aggregates = createDossierAggregatesRepository(database.db);
          const expected = await expectedFromLog([A, B]);
          const maintained = {
            entry: await aggregates.unitTotals([A, B], 'entry'),
            current: await aggregates.unitTotals([A, B], 'current'),
          };
          expect(plain(maintained.entry)).toEqual(plain(expected.entry));
          expect(plain(maintained.current)).toEqual(plain(expected.current));
          // The dashboard's reads (whole months from the monthly roll-up, partial months from the days) give the
          // same totals for a period of whole months, one with partial months at its ends, one of days only.
          const readsAgree = async () => {
            for (const period of PERIODS) {
              for (const perspective of ['entry', 'current'] as const) {
                const byUnit = new Map<string, AggregateRow>();
                for (const unitCode of [A, B]) {
                  const [row] = await aggregates.breakdown(
                    { level: 'commune', provinceCode: u.provinceCode, unitCode },
                    period,
                    perspective,
                  );
                  if (row) byUnit.set(unitCode, row);
                }
                expect(plain(byUnit)).toEqual(plain(expected[perspective]));
                const communes = await aggregates.breakdown(
                  { level: 'province', provinceCode: u.provinceCode },
                  period,
                  perspective,
                );
                expect(plain(new Map(communes.map((r) => [r.code, r])))).toEqual(plain(expected[perspective]));
              }
              // the province's procedure table (months per province, partial months per province and day) is the
              // sum of its communes' procedure days over the period
              const direct = await sql<{
                procedureCode: string;
                received: number;
                finishedLate: number;
                refused: number;
              }>`
                select procedure_code, sum(received)::int as received, sum(finished_late)::int as finished_late,
                  sum(refused)::int as refused from dossier_procedure_day_totals
                where province_code = ${u.provinceCode} and day between ${period.from}::date and ${period.to}::date
                group by 1 having sum(received) <> 0 order by 1`.execute(database.db);
              const read = await aggregates.procedures(
                { level: 'province', provinceCode: u.provinceCode },
                period,
                1000,
              );
              expect(
                read
                  .filter((x) => x.received !== 0)
                  .map((x) => ({
                    procedureCode: x.procedureCode,
                    received: x.received,
                    finishedLate: x.finishedLate,
                    refused: x.refused,
                  }))
                  .sort((a, b) => a.procedureCode.localeCompare(b.procedureCode)),
              ).toEqual(direct.rows);
            }
          };
          await readsAgree();
          // The step durations recorded at each hand-over are the log's, and the workload's medians read from them
          // are the ones read from the log (a commune, its province; a period cutting through the mix and a wide one).
          // The 766 index's counts kept per unit and day are those read from the dossiers.
          await indexCountsAgree([A, B, u.provinceCode]);
          await handlersAgree();
          const steps = await stepDurationsFromLog();
          expect(await stepDurationsKept()).toEqual(steps);
          const workload = createWorkloadRepository(database.db);
          for (const scope of [A, B, u.provinceCode]) {
            for (const [fromAt, toAt] of [
              ['2026-03-01T00:00:00Z', '2026-12-31T00:00:00Z'],
              ['2026-03-02T00:00:00Z', clock.now().toISOString()],
            ] as const) {
              const read = await workload.stepDurations({
                scope,
                fromAt: new Date(fromAt),
                toAt: new Date(toAt),
                from: fromAt.slice(0, 10),
                to: toAt.slice(0, 10),
              });
              expect(read).toEqual(await stepMediansFromLog(scope, fromAt, toAt));
            }
          }
          await stepHistogramsAgree([A, B, u.provinceCode, 'VN'], wholeDayPeriods());
          await workloadAgrees([A, B, u.provinceCode, 'VN'], wholeDayPeriods());
          const openScopes: AggregateScope[] = [
            { level: 'nation' },
            { level: 'province', provinceCode: u.provinceCode },
            ...[A, B].map((unitCode) => ({ level: 'commune' as const, provinceCode: u.provinceCode, unitCode })),
          ];
          await openDueAgrees(openScopes);
          const rollUp = await monthlyRollUp();
          // The recount from the log gives the same totals, and the same month rows as were maintained.
          await database.db.transaction().execute((trx) => createDossierAggregatesRepository(trx).recount());
          expect(plain(await aggregates.unitTotals([A, B], 'entry'))).toEqual(plain(expected.entry));
          expect(plain(await aggregates.unitTotals([A, B], 'current'))).toEqual(plain(expected.current));
          expect(await monthlyRollUp()).toEqual(rollUp);
          expect(await stepDurationsKept()).toEqual(steps);
          await stepHistogramsAgree([A, B, u.provinceCode, 'VN'], wholeDayPeriods());
          await workloadAgrees([A, B, u.provinceCode, 'VN'], wholeDayPeriods());
          await indexCountsAgree([A, B, u.provinceCode]);
          await handlersAgree();
          await readsAgree();
          await openDueAgrees(openScopes);
          // The command's batches (entries by id range, then month by month, each in its own transaction) too.
          const inTx = <T>(fn: (r: ReturnType<typeof createDossierAggregatesRepository>) => Promise<T>) =>
            database.db.transaction().execute((trx) => fn(createDossierAggregatesRepository(trx)));
          await inTx((r) =>
            r.recountEntries('00000000-0000-0000-0000-000000000000', '80000000-0000-0000-0000-000000000000'),
          );
          await inTx((r) => r.recountEntries('80000000-0000-0000-0000-000000000000', null));
          await sql`delete from dossier_step_durations`.execute(database.db); // so the batches alone must rebuild them
          await inTx((r) =>
            r.recountStepDurations('00000000-0000-0000-0000-000000000000', '80000000-0000-0000-0000-000000000000'),
          );
          await inTx((r) => r.recountStepDurations('80000000-0000-0000-0000-000000000000', null));
          await sql`delete from dossier_index_facts`.execute(database.db);
          await inTx((r) =>
            r.recountIndexFacts('00000000-0000-0000-0000-000000000000', '80000000-0000-0000-0000-000000000000'),
          );
          await inTx((r) => r.recountIndexFacts('80000000-0000-0000-0000-000000000000', null));
          for (const month of await inTx((r) => r.recountMonths())) await inTx((r) => r.recountMonth(month));
          await inTx((r) => r.recountIndexTotals());
          // the histograms' own rebuild from the durations (the command's last step), from empty tables
          await sql`delete from dossier_step_hist_days`.execute(database.db);
          await sql`delete from dossier_step_hist_months`.execute(database.db);
          await inTx((r) => r.recountStepHistograms());
          await sql`delete from dossier_backlog_day_totals`.execute(database.db);
          await inTx((r) => r.recountBacklog());
          await sql`delete from dossier_open_due_day_totals`.execute(database.db);
          await sql`delete from dossier_open_handling_totals`.execute(database.db);
          await inTx((r) => r.recountOpenDue());
          await openDueAgrees(openScopes);
          await sql`delete from dossier_handlers`.execute(database.db);
          await inTx((r) =>
            r.recountHandlers('00000000-0000-0000-0000-000000000000', '80000000-0000-0000-0000-000000000000'),
          );
          await inTx((r) => r.recountHandlers('80000000-0000-0000-0000-000000000000', null));
          await handlersAgree();
          expect(await stepDurationsKept()).toEqual(steps);
          await stepHistogramsAgree([A, B, u.provinceCode, 'VN'], wholeDayPeriods());
          await workloadAgrees([A, B, u.provinceCode, 'VN'], wholeDayPeriods());
          await indexCountsAgree([A, B, u.provinceCode]);
          expect(plain(await aggregates.unitTotals([A, B], 'entry'))).toEqual(plain(expected.entry));
          expect(plain(await aggregates.unitTotals([A, B], 'current'))).toEqual(plain(expected.current));
          expect(await monthlyRollUp()).toEqual(rollUp);
        },
      ),
      {
        numRuns: 8,
        // one run known to reach a returned and rated dossier, a refusal and one left open, whatever the seed
        examples: [
          [
            [
              { atB: true, online: true, ops: [...Array<Op>(12).fill('advance'), 'rate'] },
              { atB: false, online: false, ops: ['refuse'] },
              { atB: true, online: false, ops: ['supplement'] },
            ],
            [[2, 'supplemented']],
            [
              [0, 'delivered'],
              [0, 'deliverAll'],
              [0, 'reused'],
              [0, 'resultFile'],
              [0, 'scan'],
              [0, 'paid'],
              [1, 'pending'],
              [1, 'dislike'],
              [2, 'vneid'],
              [2, 'fee'],
            ],
          ],
        ],
      },
    );
    // The mix reached finished, open and closed dossiers (else the property proves little).
    const seen = await sql<{ status: string; rated: number }>`
      select status, count(rating_level)::int as rated from dossiers group by status`.execute(database.db);
    const statuses = seen.rows.map((r) => r.status);
    const some = (of: string[]) => statuses.some((x) => of.includes(x));
    expect(some(['result_ready', 'returned'])).toBe(true);
    expect(some(['received', 'processing', 'supplement_requested'])).toBe(true);
    expect(some(['refused', 'withdrawn', 'stopped'])).toBe(true);
    expect((await stepDurationsKept()).length).toBeGreaterThan(0);
    const kept = await sql<{ n: number }>`
      select count(*)::int as n from dossier_index_facts
      where synced and reused and with_result_file and digitized and paid_online`.execute(database.db);
    expect(kept.rows[0]?.n).toBeGreaterThan(0);
  }, 300_000);
});
