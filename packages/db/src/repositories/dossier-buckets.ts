import type { StatsBucket } from '@mot-cua/contracts';
import { type RawBuilder, sql } from 'kysely';
import { inForceOn } from './in-force.js';

/* The entries of a period and the figures of the supervision aggregate as SQL fragments: the counts and the
   lists behind them (dossier-stats.repository.ts) are written over these, never a copy. */

/** Which dossiers an aggregate covers: those that entered in [fromAt, toAt) in the scopes. */
export type DossierStatsScope = {
  /** Unit or province codes (at the time of entry, or today's with by current_unit); 'VN' covers every province. */
  scopes: string[];
  fromAt: Date;
  toAt: Date;
  /**
   * received_unit (default): the unit and province of the first action of the log, which is immutable;
   * current_unit: today's unit, the dossier's receiving unit column (moved by boundary-change re-homing) and
   * that unit's province as of `asOf` (falling back to the dossier's province column).
   */
  by?: 'received_unit' | 'current_unit';
  /** Civil date (Vietnam) for today's province of a unit, with by current_unit. */
  asOf?: string;
};

export type DossierStatsFilter = DossierStatsScope & {
  /** One row per unit at the time of entry, or per province. */
  groupBy: 'unit' | 'province';
  now: Date;
  /** Due-soon mark of each handling unit's calendar (dueSoonBefore); a unit without one is never due soon. */
  dueSoonMarks: ReadonlyMap<string, Date>;
};

/**
 * Entries in a period (first action of the log) with the unit and province they are reported under, as SQL:
 * the unit at the time (the log's first action) or today's unit (the dossier's receiving unit now).
 */
export function entriesIn(f: DossierStatsScope) {
  const national = f.scopes.includes('VN');
  const period = sql`e.seq = 1 and e.at >= ${f.fromAt.toISOString()}::timestamptz and e.at < ${f.toAt.toISOString()}::timestamptz`;
  if (f.by === 'current_unit') {
    const asOf = f.asOf ?? f.toAt.toISOString().slice(0, 10);
    const where = national
      ? sql``
      : sql`where c.entry_unit in (${sql.join(f.scopes)}) or c.entry_province in (${sql.join(f.scopes)})`;
    return sql`select * from (
        select e.dossier_id, d.receiving_unit_code as entry_unit,
          coalesce((select u.province_code from admin_units u
            where u.code = d.receiving_unit_code and ${inForceOn(asOf, 'u')}
            order by u.valid_from desc nulls last limit 1), d.province_code) as entry_province
        from dossier_actions e join dossiers d on d.id = e.dossier_id
        where ${period}) c
      ${where}`;
  }
  const where = national
    ? sql``
    : sql`and (e.unit_code in (${sql.join(f.scopes)}) or e.province_code in (${sql.join(f.scopes)}))`;
  return sql`select e.dossier_id, e.unit_code as entry_unit, e.province_code as entry_province
    from dossier_actions e
    where ${period}
    ${where}`;
}

/** The figures of the aggregate a list can be opened for (the contract's list). */
export type StatsBucketName = StatsBucket;

/** One row per dossier that entered in the scope and period, with what the bucket predicates need. */
export function bucketBase(f: DossierStatsFilter) {
  const marks = [...f.dueSoonMarks];
  const markTable = marks.length
    ? sql`(values ${sql.join(marks.map(([u, m]) => sql`(${u}, ${m.toISOString()}::timestamptz)`))}) as m(unit_code, mark)`
    : sql`(select null::text as unit_code, null::timestamptz as mark where false) as m`;
  const key = f.groupBy === 'province' ? sql.raw('x.entry_province') : sql.raw('x.entry_unit');
  return sql`select d.id, ${key} as code, x.entry_province as province_code, d.channel, d.due_at, d.finished_at,
      m.mark,
      d.status in ('result_ready', 'returned') as fin,
      d.status in ('refused', 'withdrawn', 'stopped') as closed,
      d.status in ('supplement_requested', 'awaiting_payment') as paused,
      d.status
    from (${entriesIn(f)}) x
    join dossiers d on d.id = x.dossier_id
    left join ${markTable} on m.unit_code = d.competent_unit_code`;
}

/**
 * Each figure as one SQL condition over bucketBase's rows (statsBucket in core is the same rule): the counts
 * and the lists behind them use these, never a copy.
 */
export function bucketPredicates(now: Date): Record<StatsBucketName, RawBuilder<unknown>> {
  const t = sql`${now.toISOString()}::timestamptz`;
  const open = sql`not fin and not closed`;
  const overdue = sql`${open} and not paused and due_at < ${t}`;
  const dueSoon = sql`${open} and not paused and due_at >= ${t} and due_at <= coalesce(mark, ${t})`;
  const finNoDeadline = sql`fin and (due_at is null or finished_at is null)`;
  const late = sql`fin and finished_at > due_at`;
  const early = sql`fin and finished_at <= due_at and due_at - finished_at >= interval '24 hours'`;
  return {
    received: sql`true`,
    online: sql`channel = 'online'`,
    in_progress: open,
    in_progress_no_deadline: sql`${open} and due_at is null`,
    // In progress and neither overdue nor due soon (undue or without a deadline): one column of the report.
    not_due: sql`${open} and not coalesce(${overdue}, false) and not coalesce(${dueSoon}, false)`,
    undue: sql`${open} and due_at is not null and not (${overdue}) and not (${dueSoon})`,
    due_soon: dueSoon,
    overdue,
    finished: sql`fin`,
    finished_no_deadline: finNoDeadline,
    early,
    on_time: sql`fin and not (${finNoDeadline}) and not (${late}) and not (${early})`,
    late,
    refused: sql`status = 'refused'`,
    withdrawn: sql`status = 'withdrawn'`,
    stopped: sql`status = 'stopped'`,
  };
}
