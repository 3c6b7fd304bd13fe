import { type RawBuilder, sql } from 'kysely';

/**
 * The one SQL condition "in force on a date" for effective-dated rows (`valid_from`/`valid_to`, either open):
 * `inForceOn(date)` on the table of the query, `inForceOn(date, 'u')` on the table aliased `u`. Every lookup of
 * a unit (or of any effective-dated row) in force on a date uses it.
 */
export function inForceOn(onDate: string, alias?: string): RawBuilder<boolean> {
  const { from, to } = periodColumns(alias);
  return sql<boolean>`((${from} IS NULL OR ${from} <= ${onDate}::date) AND (${to} IS NULL OR ${to} >= ${onDate}::date))`;
}

function periodColumns(alias?: string) {
  return {
    from: alias ? sql.ref(`${alias}.valid_from`) : sql.ref('valid_from'),
    to: alias ? sql.ref(`${alias}.valid_to`) : sql.ref('valid_to'),
  };
}

/**
 * The same condition for role grants (and assignments), whose `valid_from` is never null: the grant is in force
 * on the date (`g.valid_from <= d AND (g.valid_to IS NULL OR g.valid_to >= d)`).
 */
export function grantInForceOn(onDate: string, alias?: string): RawBuilder<boolean> {
  const { from, to } = periodColumns(alias);
  return sql<boolean>`(${from} <= ${onDate}::date AND (${to} IS NULL OR ${to} >= ${onDate}::date))`;
}

/** A grant in force on some day of a period (both days included): it starts by its end and ends after its start. */
export function grantInForceDuring(fromDate: string, toDate: string, alias?: string): RawBuilder<boolean> {
  const { from, to } = periodColumns(alias);
  return sql<boolean>`(${from} <= ${toDate}::date AND (${to} IS NULL OR ${to} >= ${fromDate}::date))`;
}

/** A grant not ended by the date: in force on it, or starting later (what an administrator still manages). */
export function grantOpenOn(onDate: string, alias?: string): RawBuilder<boolean> {
  const { to } = periodColumns(alias);
  return sql<boolean>`(${to} IS NULL OR ${to} >= ${onDate}::date)`;
}
