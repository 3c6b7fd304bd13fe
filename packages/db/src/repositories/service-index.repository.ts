import { vnDate, vnStartOfDay } from '@mot-cua/contracts';
import type { ServiceIndexCounts } from '@mot-cua/core';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DB } from '../schema/index.js';
import { inForceOn } from './in-force.js';
import { base, PARTS, progressPart, type ServiceIndexScope } from './service-index-predicates.js';

export type { ServiceIndexScope } from './service-index-predicates.js';

export type ServiceIndexDossierIndicator = keyof typeof PARTS | '2.1';

/** The Vietnamese days [from, to) a period covers when it starts and ends at midnight in Vietnam; else null. */
function wholeDays(f: ServiceIndexScope): { from: string; to: string } | null {
  const from = vnDate(f.fromAt);
  const to = vnDate(f.toAt);
  const aligned =
    vnStartOfDay(from).getTime() === f.fromAt.getTime() && vnStartOfDay(to).getTime() === f.toAt.getTime();
  return aligned ? { from, to } : null;
}

const toCounts = (row: Record<string, unknown>): ServiceIndexCounts => {
  const n = (k: string) => Number(row[k] ?? 0);
  return {
    received: n('received'),
    synced: n('synced'),
    reused: n('reused'),
    fromCitizenStore: n('fromStore'),
    online: n('online'),
    feeBearing: n('feeBearing'),
    paidOnline: n('paidOnline'),
    withResult: n('withResult'),
    withResultFile: n('withResultFile'),
    digitized: n('digitized'),
    vneidVerified: n('vneidVerified'),
    withFeedbackOrDislike: n('complained'),
  };
};

/** A page of one figure's dossiers: `after` (the previous page's last row) walks on from it; else `offset`. */
export type ServiceIndexListQuery = ServiceIndexScope & {
  indicator: ServiceIndexDossierIndicator;
  part: 'numerator' | 'denominator';
  limit: number;
  offset: number;
  after?: { enteredAt: Date; id: string } | undefined;
  /** The instant overdue is judged at (2.1). */
  now: Date;
};

/** Each indicator's two figures as a flag of the kept facts (null: every dossier), the same conditions as PARTS. */
const FACT_FLAGS: Record<keyof typeof PARTS, Record<'numerator' | 'denominator', string | null>> = {
  '1.4': { numerator: 'synced', denominator: null },
  '3.3': { numerator: 'online', denominator: null },
  '3.6': { numerator: 'paid_online', denominator: 'fee_bearing' },
  '4.1': { numerator: 'with_result_file', denominator: 'with_result' },
  '4.2': { numerator: 'digitized', denominator: 'with_result' },
  '4.3': { numerator: 'reused', denominator: null },
  '4.4': { numerator: 'from_store', denominator: null },
  '4.5': { numerator: 'vneid_verified', denominator: null },
  '5.4': { numerator: 'complained', denominator: null },
};
/** …and as the field of the counts that is that figure (a list's total). */
const COUNT_FIELDS: Record<keyof typeof PARTS, Record<'numerator' | 'denominator', keyof ServiceIndexCounts>> = {
  '1.4': { numerator: 'synced', denominator: 'received' },
  '3.3': { numerator: 'online', denominator: 'received' },
  '3.6': { numerator: 'paidOnline', denominator: 'feeBearing' },
  '4.1': { numerator: 'withResultFile', denominator: 'withResult' },
  '4.2': { numerator: 'digitized', denominator: 'withResult' },
  '4.3': { numerator: 'reused', denominator: 'received' },
  '4.4': { numerator: 'fromCitizenStore', denominator: 'received' },
  '4.5': { numerator: 'vneidVerified', denominator: 'received' },
  '5.4': { numerator: 'withFeedbackOrDislike', denominator: 'received' },
};

const toDossierRow = (x: ServiceIndexDossierRow): ServiceIndexDossierRow => ({
  ...x,
  enteredAt: new Date(x.enteredAt),
  dueAt: x.dueAt ? new Date(x.dueAt) : null,
  finishedAt: x.finishedAt ? new Date(x.finishedAt) : null,
});

export function createServiceIndexRepository(db: Kysely<DB>) {
  const repo = {
    /**
     * The index's counts of a scope and period: from the inputs kept per entry unit and day (migration 0322: a
     * commune's days, or a province's, or every province's) when the period is whole Vietnamese days, as the
     * pages ask; else from the dossiers (countsFromDossiers, the same predicates).
     */
    async counts(f: ServiceIndexScope): Promise<ServiceIndexCounts> {
      const days = wholeDays(f);
      if (!days) return repo.countsFromDossiers(f);
      const sums = sql`coalesce(sum(received), 0)::int as received, coalesce(sum(synced), 0)::int as synced,
        coalesce(sum(reused), 0)::int as reused, coalesce(sum(from_store), 0)::int as from_store,
        coalesce(sum(online), 0)::int as online, coalesce(sum(fee_bearing), 0)::int as fee_bearing,
        coalesce(sum(paid_online), 0)::int as paid_online, coalesce(sum(with_result), 0)::int as with_result,
        coalesce(sum(with_result_file), 0)::int as with_result_file, coalesce(sum(digitized), 0)::int as digitized,
        coalesce(sum(vneid_verified), 0)::int as vneid_verified, coalesce(sum(complained), 0)::int as complained`;
      const inDays = sql`day >= ${days.from}::date and day < ${days.to}::date`;
      // a scope is one code: the nation, a province's days, or a unit's days (the entry unit or province, as base)
      const r =
        f.scope === 'VN'
          ? await sql<
              Record<string, unknown>
            >`select ${sums} from dossier_index_province_day_totals where ${inDays}`.execute(db)
          : await sql<Record<string, unknown>>`
              select ${sums} from (
                select * from dossier_index_province_day_totals where province_code = ${f.scope} and ${inDays}
                union all
                select province_code, day, shard, received, synced, reused, from_store, online, fee_bearing,
                  paid_online, with_result, with_result_file, digitized, vneid_verified, complained
                from dossier_index_unit_day_totals
                where unit_code = ${f.scope} and province_code <> ${f.scope} and ${inDays}
              ) t`.execute(db);
      return toCounts(r.rows[0] ?? {});
    },

    /** The same counts read from every dossier of the scope (periods that are not whole days; the equality test). */
    async countsFromDossiers(f: ServiceIndexScope): Promise<ServiceIndexCounts> {
      const c = (cond: RawBuilder<unknown>) => sql`count(*) filter (where ${cond})::int`;
      const r = await sql<Record<string, number>>`
        with b as (${base(f)})
        select count(*)::int as received,
          ${c(PARTS['1.4'].numerator)} as synced,
          ${c(PARTS['4.3'].numerator)} as reused,
          ${c(PARTS['4.4'].numerator)} as from_store,
          ${c(PARTS['3.3'].numerator)} as online,
          ${c(PARTS['3.6'].denominator)} as fee_bearing,
          ${c(PARTS['3.6'].numerator)} as paid_online,
          ${c(PARTS['4.1'].denominator)} as with_result,
          ${c(PARTS['4.1'].numerator)} as with_result_file,
          ${c(PARTS['4.2'].numerator)} as digitized,
          ${c(PARTS['4.5'].numerator)} as vneid_verified,
          ${c(PARTS['5.4'].numerator)} as complained
        from b`.execute(db);
      return toCounts(r.rows[0] ?? {});
    },

    /**
     * The dossiers behind one figure (an indicator's numerator or denominator), newest entry first (then id): a
     * keyset walk of the kept facts' list index (0358) from `after` (the last row of the previous page) or `offset`;
     * the total is the figure of the kept totals (counts). 2.1 (which depends on the instant) reads base().
     */
    async dossiers(f: ServiceIndexListQuery): Promise<{ items: ServiceIndexDossierRow[]; total: number }> {
      if (f.indicator === '2.1') return repo.dossiersFromDossiers(f);
      const flag = FACT_FLAGS[f.indicator][f.part];
      const range = sql`entered_at >= ${f.fromAt.toISOString()}::timestamptz
        and entered_at < ${f.toAt.toISOString()}::timestamptz`;
      const after = f.after
        ? sql`and entered_at <= ${f.after.enteredAt.toISOString()}::timestamptz
              and (entered_at < ${f.after.enteredAt.toISOString()}::timestamptz
              or (entered_at = ${f.after.enteredAt.toISOString()}::timestamptz and dossier_id > ${f.after.id}::uuid))`
        : sql``;
      const cond = flag ? sql`and ${sql.ref(flag)}` : sql``;
      const walk = (where: RawBuilder<unknown>) => sql`(select dossier_id, entered_at from dossier_index_facts
        where ${where} and ${range} ${after} ${cond} order by entered_at desc, dossier_id
        limit ${f.limit + f.offset})`;
      // a scope is one code: the nation, a province, or a unit (not already counted as its province), as counts()
      const ids =
        f.scope === 'VN'
          ? walk(sql`true`)
          : sql`${walk(sql`province_code = ${f.scope}`)} union all
                ${walk(sql`unit_code = ${f.scope} and province_code <> ${f.scope}`)}`;
      // the figure first (kept totals): an empty figure, or a page past its end, needs no walk (a figure few
      // dossiers have would walk the whole range of the index)
      const total = (await repo.counts(f))[COUNT_FIELDS[f.indicator][f.part]];
      if (total === 0 || (!f.after && f.offset >= total)) return { items: [], total };
      const page = await sql<ServiceIndexDossierRow>`
          select d.id, d.code, d.procedure_name, d.receiving_unit_code, d.province_code, d.channel, d.status,
                 p.entered_at, d.due_at, d.finished_at
          from (select * from (${ids}) w order by entered_at desc, dossier_id limit ${f.limit} offset ${f.offset}) p
          join dossiers d on d.id = p.dossier_id
          order by p.entered_at desc, p.dossier_id`.execute(db);
      return { items: page.rows.map(toDossierRow), total };
    },

    /** The same list read from base() (before 0358; the equality test and the bench). */
    async dossiersFromDossiers(f: ServiceIndexListQuery): Promise<{ items: ServiceIndexDossierRow[]; total: number }> {
      const where = (f.indicator === '2.1' ? progressPart(f.now) : PARTS[f.indicator])[f.part];
      const total = await sql<{
        n: number;
      }>`with b as (${base(f)}) select count(*)::int as n from b where ${where}`.execute(db);
      const page = await sql<ServiceIndexDossierRow>`
        with b as (${base(f)})
        select d.id, d.code, d.procedure_name, d.receiving_unit_code, d.province_code, d.channel, d.status,
               b.entered_at, d.due_at, d.finished_at
        from b join dossiers d on d.id = b.id
        where ${where} ${
          f.after
            ? sql`and (b.entered_at < ${f.after.enteredAt.toISOString()}::timestamptz
                  or (b.entered_at = ${f.after.enteredAt.toISOString()}::timestamptz and b.id > ${f.after.id}::uuid))`
            : sql``
        }
        order by b.entered_at desc, b.id limit ${f.limit} offset ${f.offset}`.execute(db);
      return { items: page.rows.map(toDossierRow), total: Number(total.rows[0]?.n ?? 0) };
    },

    /** Record (or record again) the index of a province for a month: one row per province and month. */
    async saveSnapshot(s: ServiceIndexSnapshot): Promise<void> {
      await sql`
        insert into service_index_snapshots (province_code, month, points, max_points, received, indicators, computed_at)
        values (${s.provinceCode}, ${s.month}::date, ${s.points}, ${s.maxPoints}, ${s.received},
                ${JSON.stringify(s.indicators)}::jsonb, ${s.computedAt.toISOString()}::timestamptz)
        on conflict (province_code, month) do update set
          points = excluded.points, max_points = excluded.max_points, received = excluded.received,
          indicators = excluded.indicators, computed_at = excluded.computed_at`.execute(db);
    },

    /** The snapshots of some provinces (all with 'VN') from a month on, oldest first. */
    async listSnapshots(f: { scopes: string[]; fromMonth: string }): Promise<ServiceIndexSnapshot[]> {
      const where = f.scopes.includes('VN') ? sql`` : sql`and province_code in (${sql.join(f.scopes)})`;
      const r = await sql<{
        provinceCode: string;
        month: string;
        points: number;
        maxPoints: number;
        received: number;
        indicators: unknown;
        computedAt: Date;
      }>`select province_code, month, points, max_points, received, indicators, computed_at
         from service_index_snapshots where month >= ${f.fromMonth}::date ${where}
         order by month, province_code`.execute(db);
      return r.rows.map((x) => ({
        provinceCode: x.provinceCode,
        month: String(x.month).slice(0, 10),
        points: Number(x.points),
        maxPoints: Number(x.maxPoints),
        received: Number(x.received),
        indicators: (typeof x.indicators === 'string' ? JSON.parse(x.indicators) : x.indicators) as unknown[],
        computedAt: new Date(x.computedAt),
      }));
    },

    /** The provinces in force on a date (the scheduled snapshot's list). */
    async provincesInForce(onDate: string): Promise<string[]> {
      const r = await sql<{ code: string }>`select distinct code from admin_units
        where level = 'province' and ${inForceOn(onDate)} order by code`.execute(db);
      return r.rows.map((x) => x.code);
    },

    /** Whether a province already has the snapshot of a month (the scheduled job skips it). */
    async hasSnapshot(provinceCode: string, month: string): Promise<boolean> {
      const r = await sql<{ n: number }>`select count(*)::int as n from service_index_snapshots
        where province_code = ${provinceCode} and month = ${month}::date`.execute(db);
      return Number(r.rows[0]?.n ?? 0) > 0;
    },
  };
  return repo;
}

export type ServiceIndexDossierRow = {
  id: string;
  code: string;
  procedureName: string;
  receivingUnitCode: string;
  provinceCode: string;
  channel: string;
  status: string;
  enteredAt: Date;
  dueAt: Date | null;
  finishedAt: Date | null;
};

export type ServiceIndexSnapshot = {
  provinceCode: string;
  /** First day of the month, YYYY-MM-DD. */
  month: string;
  points: number;
  maxPoints: number;
  received: number;
  indicators: unknown[];
  computedAt: Date;
};
export type ServiceIndexRepo = ReturnType<typeof createServiceIndexRepository>;
