/**
 * A dossier action in one round trip each way (DossiersRepository.readForAction / commitAction; see core's
 * one-statement-action.ts for why the guarantees hold):
 * - read: the dossier row with its version (`xmin`: changes with every write of the row), its checklist and its
 *   whole log, in one statement, so in one snapshot;
 * - write: one statement whose first CTE updates the projection (and accept's time limit) only `where id = … and
 *   xmin = version and last_action_seq = seq - 1` (seq of the first action); every other row (the actions — the
 *   approval and its hand-on are two —, their outbox rows, audit rows, the applicant's notifications or their
 *   skip rows, accept's checklist) is selected from that update, so it is written only if the update was.
 *   Returns whether it was. Atomic by itself (no BEGIN/COMMIT); the aggregates' triggers fire on the update and
 *   the action's insert inside it, as in the locked path.
 */
import type {
  ComponentCheck,
  DossierAction,
  DossierAttachment,
  DossierDuration,
  DossiersRepository,
} from '@mot-cua/core';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DB } from '../schema/index.js';
import { checklistOfDossier } from './dossier-components.js';
import { actionRow, type DossierRow, outboxRow, projectionRow, reviveData, toRecord } from './dossier-rows.js';
import { notificationWrites, pushNotificationRows, type Row, snake } from './statement-sql.js';

type CommitInput = Parameters<NonNullable<DossiersRepository['commitAction']>>[0];

type ActionJson = {
  seq: number;
  type: string;
  at: string;
  actorId: string | null;
  actorName: string | null;
  actorRole: string;
  unitCode: string;
  note: string | null;
  data: Record<string, unknown>;
};

export async function readForAction(db: Kysely<DB>, id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  const row = await db
    .selectFrom('dossiers')
    .selectAll('dossiers')
    .select([
      sql<string>`dossiers.xmin::text`.as('rowVersion'),
      checklistOfDossier().as('checklist'),
      sql<ActionJson[]>`(select coalesce(jsonb_agg(jsonb_build_object('seq', a.seq, 'type', a.type, 'at', a.at,
          'actorId', a.actor_user_id, 'actorName', a.actor_name, 'actorRole', a.actor_role,
          'unitCode', a.unit_code, 'note', a.note, 'data', a.data) order by a.seq), '[]'::jsonb)
          from dossier_actions a where a.dossier_id = dossiers.id)`.as('log'),
      // The files, as listAttachments lists them: every link moves this row's version (addAttachment), so
      // they are as current as the row, and a write conditioned on the version finds them unchanged.
      sql<DossierAttachment[]>`(select coalesce(jsonb_agg(jsonb_build_object('id', a.id, 'kind', a.kind,
          'componentKey', a.component_key, 'fileName', a.file_name, 'sha256', a.sha256,
          'sizeBytes', f.size_bytes, 'mediaType', f.media_type) order by a.uploaded_at), '[]'::jsonb)
          from dossier_attachments a join stored_files f on f.sha256 = a.sha256
          where a.dossier_id = dossiers.id)`.as('files'),
    ])
    .where('dossiers.id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  const { checklist, log, rowVersion, files, ...rest } = row;
  const actions = log.map(
    (a) =>
      ({
        ...reviveData(a.data),
        type: a.type,
        seq: a.seq,
        at: new Date(a.at),
        actorId: a.actorId,
        actorName: a.actorName,
        actorRole: a.actorRole,
        unitCode: a.unitCode,
        note: a.note,
      }) as DossierAction,
  );
  return { dossier: toRecord(rest as DossierRow, checklist), actions, version: rowVersion, attachments: files };
}

export async function commitAction(db: Kysely<DB>, input: CommitInput): Promise<boolean> {
  const { dossier, actions, records } = input;
  const projection: Row = projectionRow(input.projection);
  if (records?.duration) Object.assign(projection, durationColumns(records.duration));
  const set = Object.entries(projection).map(([k, v]) => sql`${sql.raw(snake(k))} = ${v}`);
  const ctes: Array<[string, RawBuilder<unknown>]> = [
    [
      'p',
      sql`update dossiers set ${sql.join(set)}
        where id = ${dossier.id}::uuid and xmin = ${input.version}::xid
          and last_action_seq = ${actions[0]!.action.seq - 1}::int
        returning id`,
    ],
  ];
  actions.forEach(({ action, audit }, i) => {
    ctes.push([`a${i}`, actionInsert(actionRow(dossier, action))]);
    if (audit) ctes.push([`au${i}`, auditInsert(audit)]);
  });
  if (records?.checklist) ctes.push(...checklistWrites(dossier, records.checklist));
  if (records?.resultFiles?.files.length) ctes.push(...resultFileWrites(dossier, records.resultFiles));
  // The outbox rows in one insert, in the locked path's order (their ids follow it): for each action, the
  // dossier's status message, then each notification whose address has not opted out; likewise the skips.
  const send: Row[] = [];
  const skips: Row[] = [];
  for (const { outbox, notifications } of actions) {
    if (outbox) send.push({ ...outboxRow(outbox), optChannel: null, optAddress: null });
    pushNotificationRows(notifications, send, skips);
  }
  ctes.push(
    ...notificationWrites(send, skips, {
      applied: sql`exists (select 1 from p)`,
      payload: sql.raw('v.payload::jsonb'),
    }),
  );
  const r = await sql<{ applied: number }>`with ${sql.join(
    ctes.map(([name, q]) => sql`${sql.raw(name)} as (${q})`),
  )} select count(*)::int as applied from p`.execute(db);
  return r.rows[0]!.applied === 1;
}

/**
 * The result's files, as storeDossierFiles writes them, only if the projection's update applied: each content
 * once by its sha256 (content-addressed, a no-op when stored), and its link to the dossier.
 */
function resultFileWrites(
  dossier: CommitInput['dossier'],
  r: NonNullable<NonNullable<CommitInput['records']>['resultFiles']>,
): Array<[string, RawBuilder<unknown>]> {
  const rows = r.files.map((f) => sql`(${f.sha256}, ${f.sizeBytes}, ${f.mediaType}, ${f.fileName})`);
  const v = sql`(values ${sql.join(rows)}) as v (sha256, size_bytes, media_type, file_name)`;
  return [
    [
      'fs',
      sql`insert into stored_files (sha256, size_bytes, media_type)
        select distinct v.sha256, v.size_bytes::int, v.media_type from ${v} where exists (select 1 from p)
        on conflict (sha256) do nothing`,
    ],
    [
      'fa',
      sql`insert into dossier_attachments (dossier_id, province_code, kind, component_key, file_name, sha256,
          uploaded_by)
        select p.id, ${dossier.provinceCode}::text, 'result', null, v.file_name, v.sha256, ${r.uploadedBy}::uuid
        from p cross join ${v}`,
    ],
  ];
}

/** The columns of the time limit the dossier runs with (as saveDuration writes them). */
const durationColumns = (d: DossierDuration): Row => ({ durationValue: d.value, durationUnit: d.unit });

function actionInsert(a: ReturnType<typeof actionRow>) {
  return sql`insert into dossier_actions (dossier_id, seq, province_code, type, at, actor_user_id, actor_name,
      actor_role, unit_code, note, data)
    select p.id, ${a.seq}::int, ${a.provinceCode}::text, ${a.type}::text, ${a.at}::timestamptz,
      ${a.actorUserId}::uuid, ${a.actorName}::text, ${a.actorRole}::text, ${a.unitCode}::text, ${a.note}::text,
      ${a.data}::jsonb
    from p`;
}

function auditInsert(audit: NonNullable<CommitInput['actions'][number]['audit']>) {
  const { requestId, data, ...e } = audit;
  return sql`insert into audit_events (actor_user_id, action, entity_type, entity_id, province_code, unit_code,
      request_id, data)
    select ${e.actorUserId}::uuid, ${e.action}::text, ${e.entityType}::text, ${e.entityId}::text,
      ${e.provinceCode ?? null}::text, ${e.unitCode ?? null}::text, ${requestId}::text,
      ${JSON.stringify(data ?? {})}::jsonb
    from p`;
}

/**
 * The checklist rewritten as saveComponents does (same rows, positions in the given order; a component's origin
 * flags, when not given, kept from the row it replaces), only if the projection's update applied: the
 * components no longer listed are deleted, the listed ones upserted (disjoint keys, so the two writes of one
 * statement never meet on a row).
 */
function checklistWrites(
  dossier: CommitInput['dossier'],
  checks: ComponentCheck[],
): Array<[string, RawBuilder<unknown>]> {
  const keys = checks.map((c) => c.key);
  const gone = sql`delete from dossier_components where dossier_id = ${dossier.id}::uuid and exists (select 1 from p)
    ${keys.length > 0 ? sql`and key not in (${sql.join(keys)})` : sql``}`;
  if (checks.length === 0) return [['kd', gone]];
  const rows = checks.map(
    (c, i) =>
      sql`(${c.key}, ${i + 1}, ${c.name}, ${c.state}, ${c.reason ?? null}, ${c.copies ?? 1},
        ${c.reused ?? null}, ${c.fromCitizenStore ?? null})`,
  );
  const put = sql`insert into dossier_components (dossier_id, key, province_code, position, name, state, reason,
      copies, reused, from_citizen_store)
    select p.id, v.key, ${dossier.provinceCode}::text, v.position::int, v.name, v.state, v.reason, v.copies::int,
      coalesce(v.reused::boolean, o.reused, false), coalesce(v.from_store::boolean, o.from_citizen_store, false)
    from p cross join (values ${sql.join(rows)}) as v (key, position, name, state, reason, copies, reused, from_store)
      left join dossier_components o on o.dossier_id = p.id and o.key = v.key
    on conflict (dossier_id, key) do update set province_code = excluded.province_code,
      position = excluded.position, name = excluded.name, state = excluded.state, reason = excluded.reason,
      copies = excluded.copies, reused = excluded.reused, from_citizen_store = excluded.from_citizen_store,
      updated_at = now()`;
  return [
    ['kd', gone],
    ['ku', put],
  ];
}
