import { type RawBuilder, sql } from 'kysely';

/**
 * The one SQL condition "in force on a date" for effective-dated rows (`valid_from`/`valid_to`, either open):
 * `inForceOn(date)` on the table of the query, `inForceOn(date, 'u')` on the table aliased `u`. Every lookup of
 * a unit (or of any effective-dated row) in force on a date uses it.
 */
export function inForceOn(onDate: string, alias?: string): RawBuilder<boolean> {
  const from = alias ? sql.ref(`${alias}.valid_from`) : sql.ref('valid_from');
  const to = alias ? sql.ref(`${alias}.valid_to`) : sql.ref('valid_to');
  return sql<boolean>`((${from} IS NULL OR ${from} <= ${onDate}::date) AND (${to} IS NULL OR ${to} >= ${onDate}::date))`;
}
