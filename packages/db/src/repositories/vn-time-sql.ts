import { VN_TIME_ZONE } from '@mot-cua/contracts';
import { type RawBuilder, sql } from 'kysely';

/**
 * Vietnam time in SQL, the one place queries convert (the zone is contracts' `VN_TIME_ZONE`, never a hand-written
 * `+ interval '7 hours'`). PostgreSQL's `AT TIME ZONE` works both ways: a `timestamptz` gives Vietnam's wall clock
 * (a `timestamp`, for `extract(hour|dow …)` or `::date`); a `timestamp` read as Vietnam's wall clock gives the
 * instant (a `timestamptz`). Migration 0160's `dossier_vn_day(t)` is the stored-function form for a civil day.
 */
export function atVnTime<T = Date>(expr: RawBuilder<unknown>): RawBuilder<T> {
  return sql<T>`(${expr} at time zone ${sql.lit(VN_TIME_ZONE)})`;
}
