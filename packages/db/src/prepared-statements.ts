/**
 * Named (prepared) statements on node-postgres, for the hot statements whose planning costs more than their
 * execution (the receipt: one statement of about a hundred parameters). A statement whose text starts with
 * PREPARED is sent with a name derived from its text: each connection parses it once, and PostgreSQL switches
 * to a generic plan after five executions instead of planning it every time. On PGlite the marker is a plain
 * comment (one code path: the text is the same on both engines).
 *
 * Names are per text, so every shape of the statement (number of rows) is its own prepared statement; a
 * connection keeps them until it closes. Only marked statements are named, so their number stays small.
 */
import { createHash } from 'node:crypto';
import type pg from 'pg';

export const PREPARED = '/* prepared */ ';

const names = new Map<string, string>();
const MAX_NAMES = 1_000;

function nameOf(text: string): string {
  let name = names.get(text);
  if (name === undefined) {
    name = `p${createHash('sha1').update(text).digest('hex').slice(0, 30)}`;
    if (names.size >= MAX_NAMES) names.clear();
    names.set(text, name);
  }
  return name;
}

type Query = (config: unknown, values?: unknown, callback?: unknown) => unknown;

/** Make the pool's connections send PREPARED-marked texts as named statements (each new client, once). */
export function namePreparedStatements(pool: pg.Pool): void {
  pool.on('connect', (client) => {
    const c = client as unknown as { query: Query };
    const query = c.query.bind(client) as Query;
    c.query = (config, values, callback) =>
      typeof config === 'string' && config.startsWith(PREPARED) && Array.isArray(values)
        ? query({ name: nameOf(config), text: config, values }, callback)
        : query(config, values, callback);
  });
}
