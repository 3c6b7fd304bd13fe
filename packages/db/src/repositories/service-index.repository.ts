import { vnDate, vnStartOfDay } from '@mot-cua/contracts';
import type { ServiceIndexCounts } from '@mot-cua/core';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DB } from '../schema/index.js';
import { inForceOn } from './in-force.js';

/** Which dossiers the service index counts: entries in [fromAt, toAt) of one unit, one province, or the nation. */
export type ServiceIndexScope = { scope: string; fromAt: Date; toAt: Date };

/**
 * One row per dossier that entered in the scope and period, with what the indicator predicates need. Entry is
 * the supervision aggregate's rule (the first action of the log, under that action's unit and province), so the
 * index and the aggregate count the same dossiers.
 */
function base(f: ServiceIndexScope) {
  const where = f.scope === 'VN' ? sql`` : sql`and (e.unit_code = ${f.scope} or e.province_code = ${f.scope})`;
  return sql`
    select d.id, d.channel, d.fee_total, d.vneid_verified, d.status, e.at as entered_at, d.due_at, d.finished_at,
      -- 3.6 paid online: a fee record of ours paid online, or the national portal's word for a dossier it sent us.
      (exists (select 1 from dossier_fees f where f.dossier_id = d.id and f.channel = 'online')
        or d.paid_online) as paid_online,
      s.delivered, s.undelivered,
      exists (select 1 from dossier_components c where c.dossier_id = d.id and c.reused) as reused,
      exists (select 1 from dossier_components c where c.dossier_id = d.id and c.from_citizen_store) as from_store,
      d.status in ('result_ready', 'returned') as with_result,
      exists (select 1 from dossier_attachments a where a.dossier_id = d.id and a.kind = 'result') as result_file,
      not exists (
        select 1 from dossier_components c where c.dossier_id = d.id and c.state = 'present'
          and not exists (select 1 from dossier_attachments a
                          where a.dossier_id = d.id and a.kind = 'component' and a.component_key = c.key)
      ) as all_scanned,
      (exists (select 1 from feedback_items fi where fi.dossier_code = d.code)
        or exists (select 1 from dossier_ratings r where r.dossier_id = d.id and r.level <= 2)) as complained
    from dossier_actions e
    join dossiers d on d.id = e.dossier_id
    left join lateral (
      select count(*) filter (where o.delivered_at is not null) as delivered,
             count(*) filter (where o.delivered_at is null) as undelivered
      from outbox_messages o where o.aggregate_type = 'dossier' and o.aggregate_id = d.id::text
    ) s on true
    where e.seq = 1 and e.at >= ${f.fromAt.toISOString()}::timestamptz and e.at < ${f.toAt.toISOString()}::timestamptz
    ${where}`;
}

type Part = { numerator: RawBuilder<unknown>; denominator: RawBuilder<unknown> };
const ALL = sql`true`;

/**
 * Each dossier indicator as two SQL conditions over base's rows (numerator, denominator): the counts and the
 * lists of contributing dossiers use the same condition, so a list's total equals its figure.
 */
const PARTS = {
  '1.4': { numerator: sql`b.delivered > 0 and b.undelivered = 0`, denominator: ALL },
  '3.3': { numerator: sql`b.channel = 'online'`, denominator: ALL },
  '3.6': { numerator: sql`b.fee_total > 0 and b.paid_online`, denominator: sql`b.fee_total > 0` },
  '4.1': { numerator: sql`b.with_result and b.result_file`, denominator: sql`b.with_result` },
  '4.2': { numerator: sql`b.with_result and b.result_file and b.all_scanned`, denominator: sql`b.with_result` },
  '4.3': { numerator: sql`b.reused`, denominator: ALL },
  '4.4': { numerator: sql`b.from_store`, denominator: ALL },
  '4.5': { numerator: sql`b.vneid_verified`, denominator: ALL },
  '5.4': { numerator: sql`b.complained`, denominator: ALL },
} satisfies Record<string, Part>;

/**
 * 2.1 (finished early or on time, or in progress within the deadline, over those plus the late and the overdue):
 * the buckets of core's statsBucket that the dossiers repository's stats count, written over base's rows. Overdue
 * depends on the instant, so this part takes `now`; a paused clock (supplement, payment) is within the deadline.
 */
function progressPart(now: Date): Part {
  const t = sql`${now.toISOString()}::timestamptz`;
  const fin = sql`b.status in ('result_ready', 'returned') and b.due_at is not null and b.finished_at is not null`;
  const open = sql`b.status not in ('result_ready', 'returned', 'refused', 'withdrawn', 'stopped') and b.due_at is not null`;
  const paused = sql`b.status in ('supplement_requested', 'awaiting_payment')`;
  return {
    numerator: sql`((${fin}) and b.finished_at <= b.due_at) or ((${open}) and ((${paused}) or b.due_at >= ${t}))`,
    denominator: sql`(${fin}) or (${open})`,
  };
}

export type ServiceIndexDossierIndicator = keyof typeof PARTS | '2.1';

/**
 * The same parts over a dossier's kept flags (`dossier_index_facts`, migration 0322: base()'s expressions), with the
 * count of the inputs each part sums to (so a list's total is its figure, read from the day totals).
 */
const FACT_PARTS: Record<
  keyof typeof PARTS,
  Record<'numerator' | 'denominator', { where: RawBuilder<unknown>; count: keyof ServiceIndexCounts }>
> = {
  '1.4': { numerator: { where: sql`b.synced`, count: 'synced' }, denominator: { where: ALL, count: 'received' } },
  '3.3': { numerator: { where: sql`b.online`, count: 'online' }, denominator: { where: ALL, count: 'received' } },
  '3.6': {
    numerator: { where: sql`b.paid_online`, count: 'paidOnline' },
    denominator: { where: sql`b.fee_bearing`, count: 'feeBearing' },
  },
  '4.1': {
    numerator: { where: sql`b.with_result_file`, count: 'withResultFile' },
    denominator: { where: sql`b.with_result`, count: 'withResult' },
  },
  '4.2': {
    numerator: { where: sql`b.digitized`, count: 'digitized' },
    denominator: { where: sql`b.with_result`, count: 'withResult' },
  },
  '4.3': { numerator: { where: sql`b.reused`, count: 'reused' }, denominator: { where: ALL, count: 'received' } },
  '4.4': {
    numerator: { where: sql`b.from_store`, count: 'fromCitizenStore' },
    denominator: { where: ALL, count: 'received' },
  },
  '4.5': {
    numerator: { where: sql`b.vneid_verified`, count: 'vneidVerified' },
    denominator: { where: ALL, count: 'received' },
  },
  '5.4': {
    numerator: { where: sql`b.complained`, count: 'withFeedbackOrDislike' },
    denominator: { where: ALL, count: 'received' },
  },
};

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

export function createServiceIndexRepository(db: Kysely<DB>) {
  /** A figure's dossiers read through base() (any period, and 2.1, which depends on the instant). */
  async function dossiersFromBase(
    f: ServiceIndexScope & {
      indicator: ServiceIndexDossierIndicator;
      part: 'numerator' | 'denominator';
      limit: number;
      offset: number;
      now: Date;
    },
  ): Promise<{ items: ServiceIndexDossierRow[]; total: number }> {
    const where = (f.indicator === '2.1' ? progressPart(f.now) : PARTS[f.indicator])[f.part];
    const total = await sql<{
      n: number;
    }>`with b as (${base(f)}) select count(*)::int as n from b where ${where}`.execute(db);
    const page = await sql<ServiceIndexDossierRow>`
      with b as (${base(f)})
      select d.id, d.code, d.procedure_name, d.receiving_unit_code, d.province_code, d.channel, d.status,
             b.entered_at, d.due_at, d.finished_at
      from b join dossiers d on d.id = b.id
      where ${where}
      order by b.entered_at desc, b.id limit ${f.limit} offset ${f.offset}`.execute(db);
    return { items: page.rows.map(asDossierRow), total: Number(total.rows[0]?.n ?? 0) };
  }

  const repo = {
    dossiersFromBase,

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

    /** The dossiers behind one figure (an indicator's numerator or denominator), newest entry first. */
    async dossiers(
      f: ServiceIndexScope & {
        indicator: ServiceIndexDossierIndicator;
        part: 'numerator' | 'denominator';
        limit: number;
        offset: number;
        /** The instant overdue is judged at (2.1). */
        now: Date;
      },
    ): Promise<{ items: ServiceIndexDossierRow[]; total: number }> {
      const fromFacts = f.indicator !== '2.1' && wholeDays(f) !== null;
      const rows = fromFacts
        ? await repo.dossiersFromFacts({ ...f, indicator: f.indicator as keyof typeof PARTS })
        : await dossiersFromBase(f);
      return rows;
    },

    /**
     * A figure's dossiers over whole days from their kept flags: the total from the day totals (the figure itself),
     * the page from the scope's entries newest first (the entry indexes of the dossiers, read backwards until the
     * page is full) joined to their flags, instead of base()'s eight look-ups for every dossier of the scope.
     */
    async dossiersFromFacts(
      f: ServiceIndexScope & {
        indicator: keyof typeof PARTS;
        part: 'numerator' | 'denominator';
        limit: number;
        offset: number;
      },
    ): Promise<{ items: ServiceIndexDossierRow[]; total: number }> {
      const part = FACT_PARTS[f.indicator][f.part];
      const total = (await repo.counts(f))[part.count];
      const n = f.offset + f.limit;
      const inPeriod = sql`d.entry_at >= ${f.fromAt.toISOString()}::timestamptz
        and d.entry_at < ${f.toAt.toISOString()}::timestamptz`;
      const pick = (scope: RawBuilder<unknown>) => sql`(
        select d.id, d.code, d.procedure_name, d.receiving_unit_code, d.province_code, d.channel, d.status,
          d.entry_at as entered_at, d.due_at, d.finished_at
        from dossiers d join dossier_index_facts b on b.dossier_id = d.id
        where ${scope} and ${inPeriod} and ${part.where}
        order by d.entry_at desc, d.id limit ${n})`;
      // base()'s scope (the entry unit or the entry province is the code) as two ordered reads, each by its index
      const parts =
        f.scope === 'VN'
          ? [pick(ALL)]
          : [
              pick(sql`d.entry_province_code = ${f.scope}`),
              pick(sql`d.entry_unit_code = ${f.scope} and d.entry_province_code <> ${f.scope}`),
            ];
      const page = await sql<ServiceIndexDossierRow>`
        select * from (${sql.join(parts, sql` union all `)}) x
        order by entered_at desc, id limit ${f.limit} offset ${f.offset}`.execute(db);
      return { items: page.rows.map(asDossierRow), total };
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

const asDossierRow = (x: ServiceIndexDossierRow): ServiceIndexDossierRow => ({
  ...x,
  enteredAt: new Date(x.enteredAt),
  dueAt: x.dueAt ? new Date(x.dueAt) : null,
  finishedAt: x.finishedAt ? new Date(x.finishedAt) : null,
});

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
