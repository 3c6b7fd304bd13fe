import {
  type AggregateCounts,
  addAggregateCounts,
  aggregateDossierFromLog,
  dossierContribution,
  emptyAggregateCounts,
} from '@mot-cua/core';
import { type Kysely, sql } from 'kysely';
import { expect } from 'vitest';
import type { DB } from '../schema/index.js';
import {
  type AggregateRow,
  type AggregateScope,
  createDossierAggregatesRepository,
} from './dossier-aggregates.repository.js';
import { createDossierDeadlinePort } from './dossier-ports.repository.js';
import { createDossiersRepository } from './dossiers.repository.js';
import { createOpenDueRepository } from './supervision-open-due.repository.js';

/**
 * The aggregates property's checks of the dossier totals (dossier-aggregates.db.test.ts): per unit at entry and
 * today's unit, the dashboard's reads over periods, the roll-ups row by row, the open dossiers' split (0380).
 */
type Totals = Map<string, AggregateCounts & { online: number }>;

/** What the aggregates must hold for these units: core's fold of each dossier's log, by entry and by today's unit. */
export async function expectedFromLog(db: Kysely<DB>, units: string[]): Promise<{ entry: Totals; current: Totals }> {
  const repo = createDossiersRepository(db);
  const ids = await sql<{ id: string; receivingUnitCode: string; channel: string }>`
    select id, receiving_unit_code, channel from dossiers
    where receiving_unit_code in (${sql.join(units)}) or entry_unit_code in (${sql.join(units)})`.execute(db);
  const entry: Totals = new Map();
  const current: Totals = new Map();
  const add = (m: Totals, unit: string, c: AggregateCounts, online: boolean) => {
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

/** A totals map as plain objects without the code, hours rounded to the thousandth (for toEqual). */
export const plain = (m: Map<string, AggregateRow | (AggregateCounts & { online: number })>) =>
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

/** The kept totals per unit, at entry and today's unit, are the expected ones. */
export async function unitTotalsAgree(db: Kysely<DB>, units: string[], expected: { entry: Totals; current: Totals }) {
  const aggregates = createDossierAggregatesRepository(db);
  expect(plain(await aggregates.unitTotals(units, 'entry'))).toEqual(plain(expected.entry));
  expect(plain(await aggregates.unitTotals(units, 'current'))).toEqual(plain(expected.current));
}

/** Periods around the test's entries (2 March 2026): whole months, partial months at the ends, days only. */
const PERIODS = [
  { from: '2026-03-01', to: '2026-03-31' },
  { from: '2026-03-02', to: '2026-05-31' },
  { from: '2026-02-10', to: '2026-04-30' },
  { from: '2026-02-20', to: '2026-03-05' },
  // no whole month: a segment of February's end, March's first segment (1 March, a Sunday), a whole week, two days
  { from: '2026-02-25', to: '2026-03-10' },
];

/**
 * The dashboard's reads (whole months from the monthly roll-up, partial months from the days) give the expected
 * totals for a period of whole months, one with partial months at its ends, one of days only.
 */
export async function dashboardReadsAgree(
  db: Kysely<DB>,
  provinceCode: string,
  units: string[],
  expected: { entry: Totals; current: Totals },
) {
  const aggregates = createDossierAggregatesRepository(db);
  for (const period of PERIODS) {
    for (const perspective of ['entry', 'current'] as const) {
      const byUnit = new Map<string, AggregateRow>();
      for (const unitCode of units) {
        const [row] = await aggregates.breakdown({ level: 'commune', provinceCode, unitCode }, period, perspective);
        if (row) byUnit.set(unitCode, row);
      }
      expect(plain(byUnit)).toEqual(plain(expected[perspective]));
      const communes = await aggregates.breakdown({ level: 'province', provinceCode }, period, perspective);
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
      where province_code = ${provinceCode} and day between ${period.from}::date and ${period.to}::date
      group by 1 having sum(received) <> 0 order by 1`.execute(db);
    const read = await aggregates.procedures({ level: 'province', provinceCode }, period, 1000);
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
}

/** Every non-empty row of the roll-ups and the nation's days (the property's database holds only its own). */
export async function monthlyRollUp(db: Kysely<DB>): Promise<string[]> {
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
      select to_jsonb(t) as row from ${sql.table(table)} t where received <> 0`.execute(db);
    for (const x of r.rows) {
      const row = typeof x.row === 'string' ? JSON.parse(x.row) : x.row;
      if ('processing_hours_sum' in row) row.processing_hours_sum = Math.round(row.processing_hours_sum * 1000) / 1000;
      rows.push(`${table} ${JSON.stringify(row, Object.keys(row).sort())}`);
    }
  }
  // the open dossiers by due day and by handling unit (0380), row by row (shards included)
  for (const table of ['dossier_open_due_day_totals', 'dossier_open_handling_totals']) {
    const r = await sql<{ row: unknown }>`
      select to_jsonb(t)::text as row from ${sql.table(table)} t where open_count <> 0`.execute(db);
    rows.push(...r.rows.map((x) => `${table} ${x.row}`));
  }
  return rows.sort();
}

/** The dashboard's open split from the kept due-day totals equals the read over the open dossiers (0380). */
export async function openDueAgrees(db: Kysely<DB>, now: Date, scopes: AggregateScope[]) {
  const repo = createOpenDueRepository(db);
  const deadlines = createDossierDeadlinePort(db);
  for (const scope of scopes) {
    const marks = new Map<string, Date>();
    for (const u of await repo.handlingUnits(scope, now))
      marks.set(u.unitCode, await deadlines.dueSoonBefore({ ...u, now }));
    expect(await repo.split(scope, now, marks)).toEqual(await repo.splitFromDossiers(scope, now, marks));
  }
}
