import type { NotificationPlanItem } from '@mot-cua/core';
import { type RawBuilder, sql } from 'kysely';
import { notificationOutboxRow, notificationSkipRow } from './notifications.repository.js';

/* Pieces of the one-statement writes (receipt-statement.ts, action-statement.ts): rows as SQL values, and the
   applicant's notifications as the outbox rows to send and the skips, the opt-out decided in the statement. */

export type Row = Record<string, unknown>;

export const snake = (k: string) => k.replace(/[A-Z]/g, (m) => `_${m.toLowerCase()}`);

/**
 * Rows (same keys) kept where `where` holds over them (`v`); `opt*` keys are for the condition, not the table;
 * `payload` (when given) is the payload column's expression. Duplicates by idempotency key are left out.
 */
export function insertSelect(
  table: string,
  rows: Row[],
  opts: { where: RawBuilder<unknown>; payload?: RawBuilder<unknown> },
) {
  const all = Object.keys(rows[0]!);
  const cols = all.filter((c) => !c.startsWith('opt'));
  const tuples = rows.map((r) => sql`(${sql.join(all.map((c) => r[c]))})`);
  const select = cols.map((c) => (c === 'payload' && opts.payload ? opts.payload : sql.raw(`v.${snake(c)}`)));
  return sql`insert into ${sql.raw(table)} (${sql.raw(cols.map(snake).join(', '))})
    select ${sql.join(select)} from (values ${sql.join(tuples)}) as v (${sql.raw(all.map(snake).join(', '))})
    where ${opts.where} on conflict (idempotency_key) do nothing`;
}

/**
 * A notification plan's items as rows, appended in order: each notification to send (with the channel and
 * address its opt-out is checked against), and the skips (no address: unconditional; opted out: conditional).
 */
export function pushNotificationRows(items: readonly NotificationPlanItem[], send: Row[], skips: Row[]): void {
  for (const item of items) {
    if ('skip' in item) {
      skips.push({ ...notificationSkipRow(item.skip), optChannel: null, optAddress: null });
      continue;
    }
    const opt = { optChannel: item.channel, optAddress: item.address };
    send.push({ ...notificationOutboxRow(item.send), ...opt });
    if (item.ifOptedOut) skips.push({ ...notificationSkipRow(item.ifOptedOut), ...opt });
  }
}

/**
 * The outbox rows (CTE `o`) and the skips (CTE `s`) of one statement: a row with an address that has opted out
 * is written as its skip instead. `applied` (when given) is a further condition of both (the action's update
 * applied); `payload` is the outbox payload column's expression.
 */
export function notificationWrites(
  send: Row[],
  skips: Row[],
  opts: { applied?: RawBuilder<unknown>; payload: RawBuilder<unknown> },
): Array<[string, RawBuilder<unknown>]> {
  const optedOut = sql`exists (select 1 from notification_opt_outs x
    where x.channel = v.opt_channel and x.address = v.opt_address)`;
  const where = (w: RawBuilder<unknown>) => (opts.applied ? sql`${opts.applied} and (${w})` : w);
  const ctes: Array<[string, RawBuilder<unknown>]> = [];
  if (send.length > 0) {
    const sendWhere = where(sql`v.opt_channel is null or not ${optedOut}`);
    ctes.push(['o', insertSelect('outbox_messages', send, { where: sendWhere, payload: opts.payload })]);
  }
  if (skips.length > 0) {
    ctes.push([
      's',
      insertSelect('notification_skips', skips, { where: where(sql`v.opt_channel is null or ${optedOut}`) }),
    ]);
  }
  return ctes;
}
