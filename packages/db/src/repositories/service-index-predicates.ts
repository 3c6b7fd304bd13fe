import { type RawBuilder, sql } from 'kysely';

/**
 * The service index (Decision 766) over each dossier of a scope and period: base()'s rows and each indicator's
 * conditions on them. The reference the kept inputs (0322, 0358) are checked against, and the read of 2.1 (which
 * depends on the instant) and of periods that are not whole days (service-index.repository.ts).
 */

/** Which dossiers the service index counts: entries in [fromAt, toAt) of one unit, one province, or the nation. */
export type ServiceIndexScope = { scope: string; fromAt: Date; toAt: Date };

/**
 * One row per dossier that entered in the scope and period, with what the indicator predicates need. Entry is
 * the supervision aggregate's rule (the first action of the log, under that action's unit and province), so the
 * index and the aggregate count the same dossiers.
 */
export function base(f: ServiceIndexScope) {
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
export const PARTS = {
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
export function progressPart(now: Date): Part {
  const t = sql`${now.toISOString()}::timestamptz`;
  const fin = sql`b.status in ('result_ready', 'returned') and b.due_at is not null and b.finished_at is not null`;
  const open = sql`b.status not in ('result_ready', 'returned', 'refused', 'withdrawn', 'stopped') and b.due_at is not null`;
  const paused = sql`b.status in ('supplement_requested', 'awaiting_payment')`;
  return {
    numerator: sql`((${fin}) and b.finished_at <= b.due_at) or ((${open}) and ((${paused}) or b.due_at >= ${t}))`,
    denominator: sql`(${fin}) or (${open})`,
  };
}
