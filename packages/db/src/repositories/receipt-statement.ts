/**
 * A receipt in one statement (DossiersRepository.insertReceipt): one round trip instead of one per row kind,
 * and atomic by itself. Data-modifying CTEs all run to completion exactly once; the sequences' rows are
 * upserted first (the code is read by the dossier's row), every other row follows in the same statement.
 */
import type { DossiersRepository } from '@mot-cua/core';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import { PREPARED } from '../prepared-statements.js';
import type { DB } from '../schema/index.js';
import { dossierFeeRow } from './dossier-fees.repository.js';
import { actionRow, componentRows, counterFeeOfReceipt, dossierRow, outboxRow, projectionRow } from './dossier-rows.js';
import { notificationWrites, pushNotificationRows, type Row, snake } from './statement-sql.js';

type ReceiptInput = Parameters<DossiersRepository['insertReceipt']>[0];

/** `insert into <table> (<columns>) values (…), (…)` from rows of the same keys (camelCase, as the builder's). */
function insertValues(table: string, rows: Row[], tail: RawBuilder<unknown> = sql``) {
  const cols = Object.keys(rows[0]!);
  const tuples = rows.map((r) => sql`(${sql.join(cols.map((c) => r[c]))})`);
  return sql`insert into ${sql.raw(table)} (${sql.raw(cols.map(snake).join(', '))}) values ${sql.join(tuples)} ${tail}`;
}

export async function insertReceipt(db: Kysely<DB>, input: ReceiptInput): Promise<string> {
  const d = input.dossier;
  const n = input.numbering;
  const first = input.actions[0]!;
  const code = sql`(select code from c)`;
  const ctes: Array<[string, RawBuilder<unknown>]> = [
    [
      'n',
      sql`insert into dossier_code_sequences (scope, day, last_value) values (${n.scope}, ${n.day}::date, 1)
        on conflict (scope, day) do update set last_value = dossier_code_sequences.last_value + 1
        returning last_value`,
    ],
    [
      'c',
      sql`select ${n.prefix}::text || case when length(n.last_value::text) >= ${n.minDigits}::int
          then n.last_value::text else lpad(n.last_value::text, ${n.minDigits}::int, '0') end as code from n`,
    ],
    [
      'b',
      sql`insert into dossier_book_sequences (unit_code, year, province_code, last_value)
        values (${n.book.unitCode}, ${n.book.year}::int, ${n.book.provinceCode}, 1)
        on conflict (unit_code, year) do update set last_value = dossier_book_sequences.last_value + 1
        returning last_value`,
    ],
    [
      'd',
      insertValues('dossiers', [
        {
          ...dossierRow(d),
          ...projectionRow(d),
          code,
          bookYear: n.book.year,
          bookNumber: sql`(select last_value from b)`,
          // The entry as the aggregates trigger would set it from the first action (migration 0240 then
          // leaves the row alone): one row version instead of two.
          entryUnitCode: first.unitCode,
          entryProvinceCode: d.provinceCode,
          entryAt: first.at,
        },
      ]),
    ],
    [
      'a',
      insertValues(
        'dossier_actions',
        input.actions.map((a) => actionRow(d, a)),
      ),
    ],
  ];
  if (d.components.length > 0) ctes.push(['k', insertValues('dossier_components', componentRows(d, d.components))]);
  // The fee collected at the counter as its fee record (issue 17; a trigger copies it onto the dossier's row).
  if (d.feeCollected) {
    ctes.push(['f', insertValues('dossier_fees', [dossierFeeRow(counterFeeOfReceipt(d, first, d.feeCollected))])]);
  }
  if (input.audit) {
    const { requestId, data, ...e } = input.audit;
    ctes.push([
      'au',
      insertValues('audit_events', [
        {
          actorUserId: e.actorUserId,
          action: e.action,
          entityType: e.entityType,
          entityId: e.entityId,
          provinceCode: e.provinceCode ?? null,
          unitCode: e.unitCode ?? null,
          requestId,
          data: JSON.stringify(data ?? {}),
        },
      ]),
    ]);
  }
  // The outbox rows in one insert, in this order (their ids follow it): the dossier's, then each notification
  // whose address has not opted out. Likewise the skipped notifications: no address, or opted out.
  const send: Row[] = input.outbox.map((m) => ({ ...outboxRow(m), optChannel: null, optAddress: null }));
  const skips: Row[] = [];
  pushNotificationRows(input.notifications, send, skips);
  ctes.push(
    ...notificationWrites(send, skips, {
      payload: sql`replace(v.payload, ${input.placeholder}::text, ${code})::jsonb`,
    }),
  );
  // Named on node-postgres: parsed once per connection and shape, then a generic plan (no planning per receipt).
  const r = await sql<{ code: string }>`${sql.raw(PREPARED)}with ${sql.join(
    ctes.map(([name, q]) => sql`${sql.raw(name)} as (${q})`),
  )} select code from c`.execute(db);
  return r.rows[0]!.code;
}
