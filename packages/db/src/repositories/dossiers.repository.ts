import type { StatsBucket } from '@mot-cua/contracts';
import type {
  ComponentCheck,
  DossierAction,
  DossierProjection,
  DossierRecord,
  DossiersRepository,
  OutboxMessage,
  StatsCounts,
} from '@mot-cua/core';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DB } from '../schema/index.js';
import { commitAction, readForAction } from './action-statement.js';
import { type DossierListFilter, listDossierRows } from './dossier-list.js';
import {
  actionRow,
  componentRows,
  type DossierRow,
  outboxRow,
  projectionRow,
  reviveData,
  toRecord,
} from './dossier-rows.js';
import { grantInForceOn, inForceOn } from './in-force.js';
import { insertReceipt } from './receipt-statement.js';

export type { DossierListFilter } from './dossier-list.js';

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
function entriesIn(f: DossierStatsScope) {
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

type StatsRowSql = {
  code: string;
  provinceCode: string;
  received: number;
  online: number;
  inProgress: number;
  ipNoDeadline: number;
  overdue: number;
  dueSoon: number;
  finished: number;
  finNoDeadline: number;
  late: number;
  early: number;
  refused: number;
  withdrawn: number;
  stopped: number;
};

/** The figures of the aggregate a list can be opened for (the contract's list). */
export type StatsBucketName = StatsBucket;

/** One row per dossier that entered in the scope and period, with what the bucket predicates need. */
function bucketBase(f: DossierStatsFilter) {
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
function bucketPredicates(now: Date): Record<StatsBucketName, RawBuilder<unknown>> {
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

/** SQL of the dossiers feature. Call with the transaction of the use case. */
export function createDossiersRepository(db: Kysely<DB>) {
  async function componentsOf(dossierIds: string[]): Promise<Map<string, ComponentCheck[]>> {
    const map = new Map<string, ComponentCheck[]>();
    if (dossierIds.length === 0) return map;
    const rows = await db
      .selectFrom('dossierComponents')
      .selectAll()
      .where('dossierId', 'in', dossierIds)
      .orderBy('dossierId')
      .orderBy('position')
      .execute();
    for (const r of rows) {
      const list = map.get(r.dossierId) ?? [];
      list.push({
        key: r.key,
        name: r.name,
        state: r.state as ComponentCheck['state'],
        reason: r.reason,
        copies: r.copies,
        ...(r.reused ? { reused: true } : {}),
        ...(r.fromCitizenStore ? { fromCitizenStore: true } : {}),
      });
      map.set(r.dossierId, list);
    }
    return map;
  }

  async function insertComponents(dossier: Pick<DossierRecord, 'id' | 'provinceCode'>, checks: ComponentCheck[]) {
    if (checks.length === 0) return;
    await db.insertInto('dossierComponents').values(componentRows(dossier, checks)).execute();
  }

  async function withComponents(rows: DossierRow[]): Promise<DossierRecord[]> {
    const comps = await componentsOf(rows.map((r) => r.id));
    return rows.map((r) => toRecord(r, comps.get(r.id) ?? []));
  }

  /** One dossier with its checklist in one statement (optionally locking the dossier row). */
  async function oneWithComponents(id: string, lock: boolean): Promise<DossierRecord | undefined> {
    let q = db
      .selectFrom('dossiers')
      .selectAll('dossiers')
      .select(
        sql<ComponentCheck[]>`(select coalesce(jsonb_agg(jsonb_build_object('key', c.key, 'name', c.name,
          'state', c.state, 'reason', c.reason, 'copies', c.copies)
          || case when c.reused then '{"reused": true}'::jsonb else '{}'::jsonb end
          || case when c.from_citizen_store then '{"fromCitizenStore": true}'::jsonb else '{}'::jsonb end
          order by c.position), '[]'::jsonb)
          from dossier_components c where c.dossier_id = dossiers.id)`.as('checklist'),
      )
      .where('dossiers.id', '=', id);
    if (lock) q = q.forUpdate(['dossiers']);
    const row = await q.executeTakeFirst();
    if (!row) return undefined;
    const { checklist, ...rest } = row;
    return toRecord(rest as DossierRow, checklist);
  }

  const repo = {
    async findDossier(id: string): Promise<DossierRecord | undefined> {
      if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
      return oneWithComponents(id, false);
    },

    async findDossierByCode(code: string): Promise<DossierRecord | undefined> {
      const row = await db.selectFrom('dossiers').selectAll().where('code', '=', code).executeTakeFirst();
      return row ? (await withComponents([row]))[0] : undefined;
    },

    async lockDossier(id: string): Promise<DossierRecord | undefined> {
      if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
      return oneWithComponents(id, true);
    },

    async listActions(dossierId: string): Promise<DossierAction[]> {
      const rows = await db
        .selectFrom('dossierActions')
        .selectAll()
        .where('dossierId', '=', dossierId)
        .orderBy('seq')
        .execute();
      return rows.map(
        (r) =>
          ({
            ...reviveData(r.data),
            type: r.type,
            seq: r.seq,
            at: r.at,
            actorId: r.actorUserId,
            actorName: r.actorName,
            actorRole: r.actorRole,
            unitCode: r.unitCode,
            note: r.note,
          }) as DossierAction,
      );
    },

    async recordAction(input: {
      dossier: Pick<DossierRecord, 'id' | 'provinceCode'>;
      action: DossierAction;
      projection: DossierProjection;
      outbox: OutboxMessage | null;
    }): Promise<void> {
      // Data-modifying CTEs: the action, the projection and the outbox row in one round trip.
      const withAction = db
        .with('a', (q) => q.insertInto('dossierActions').values(actionRow(input.dossier, input.action)))
        .with('p', (q) =>
          q.updateTable('dossiers').set(projectionRow(input.projection)).where('id', '=', input.dossier.id),
        );
      const m = input.outbox;
      if (m) {
        await withAction.insertInto('outboxMessages').values(outboxRow(m)).execute();
      } else {
        await withAction.selectNoFrom((eb) => eb.lit(1).as('one')).execute();
      }
    },

    /** An action without a transaction: a versioned read and one conditional write (action-statement.ts). */
    readForAction: (id: string) => readForAction(db, id),
    commitAction: (input: Parameters<typeof commitAction>[1]) => commitAction(db, input),

    /** The receipt in one statement (receipt-statement.ts). */
    insertReceipt: (input: Parameters<DossiersRepository['insertReceipt']>[0]) => insertReceipt(db, input),

    async saveComponents(dossier: Pick<DossierRecord, 'id' | 'provinceCode'>, checks: ComponentCheck[]): Promise<void> {
      // Where a component came from (reused data, the citizen's store) is a fact of its submission: a checklist
      // re-saved without the flags (the counter's form) keeps them.
      const before = await db
        .deleteFrom('dossierComponents')
        .where('dossierId', '=', dossier.id)
        .returning(['key', 'reused', 'fromCitizenStore'])
        .execute();
      const origin = new Map(before.map((b) => [b.key, b]));
      await insertComponents(
        dossier,
        checks.map((c) => ({
          ...c,
          reused: c.reused ?? origin.get(c.key)?.reused ?? false,
          fromCitizenStore: c.fromCitizenStore ?? origin.get(c.key)?.fromCitizenStore ?? false,
        })),
      );
    },

    async saveDuration(dossier: Pick<DossierRecord, 'id'>, duration: DossierRecord['duration']): Promise<void> {
      await db
        .updateTable('dossiers')
        .set({ durationValue: duration.value, durationUnit: duration.unit })
        .where('id', '=', dossier.id)
        .execute();
    },

    async createConsultation(c: Parameters<DossiersRepository['createConsultation']>[0]): Promise<void> {
      await db.insertInto('dossierConsultations').values(c).execute();
    },

    async answerConsultation(c: { id: string; dossierId: string; answer: string; answeredAt: Date }): Promise<void> {
      await db
        .updateTable('dossierConsultations')
        .set({ answer: c.answer, answeredAt: c.answeredAt })
        .where('id', '=', c.id)
        .where('dossierId', '=', c.dossierId)
        .execute();
    },

    async listConsultations(dossierId: string) {
      return db
        .selectFrom('dossierConsultations')
        .selectAll()
        .where('dossierId', '=', dossierId)
        .orderBy('requestedAt')
        .execute();
    },

    async saveRating(r: Parameters<DossiersRepository['saveRating']>[0]): Promise<void> {
      await db
        .insertInto('dossierRatings')
        .values({ ...r, criteria: JSON.stringify(r.criteria) })
        .execute();
    },

    async findRating(dossierId: string) {
      return db.selectFrom('dossierRatings').selectAll().where('dossierId', '=', dossierId).executeTakeFirst();
    },

    async listOutbox(dossierId: string) {
      return db
        .selectFrom('outboxMessages')
        .selectAll()
        .where('aggregateType', '=', 'dossier')
        .where('aggregateId', '=', dossierId)
        .orderBy('id')
        .execute();
    },

    async listCandidates(input: { unitCode: string; provinceCode: string; roles: string[]; onDate: string }) {
      if (input.roles.length === 0) return [];
      const rows = await db
        .selectFrom('roleGrants as g')
        .innerJoin('users as u', 'u.id', 'g.userId')
        .select((eb) => [
          'u.id as userId',
          'u.fullName as fullName',
          eb.fn.min('g.role').as('role'),
          eb
            .selectFrom('dossiers as d')
            .select((e2) => e2.fn.countAll<number>().as('n'))
            .whereRef('d.currentAssigneeId', '=', 'u.id')
            .where('d.finishedAt', 'is', null)
            .as('openAssignments'),
        ])
        .where('g.role', 'in', input.roles)
        .where('g.unitCode', '=', input.unitCode)
        .where('u.isActive', '=', true)
        .where(grantInForceOn(input.onDate, 'g'))
        .groupBy(['u.id', 'u.fullName'])
        .execute();
      return rows.map((r) => ({
        userId: r.userId,
        fullName: r.fullName,
        role: String(r.role),
        openAssignments: Number(r.openAssignments ?? 0),
      }));
    },

    /** Dossiers visible in the given scopes (received at or handled by a unit, or in a province): dossier-list.ts. */
    async listDossiers(f: DossierListFilter): Promise<{ items: DossierRecord[]; total: number; totalCapped: boolean }> {
      const { rows, total, totalCapped } = await listDossierRows(db, f);
      return { items: await withComponents(rows), total, totalCapped };
    },

    /** Handling units (with province) of the open dossiers that entered in a scope and period: whose calendars the aggregate needs. */
    async statsOpenUnits(f: DossierStatsScope): Promise<Array<{ unitCode: string; provinceCode: string }>> {
      if (f.scopes.length === 0) return [];
      const r = await sql<{ unitCode: string; provinceCode: string }>`
        select distinct d.competent_unit_code as unit_code, d.province_code
        from (${entriesIn(f)}) x join dossiers d on d.id = x.dossier_id
        where d.status not in ('result_ready', 'returned', 'refused', 'withdrawn', 'stopped') and d.due_at is not null
        order by 1`.execute(db);
      return r.rows;
    },

    /**
     * Aggregates per unit at the time of entry (or per province) in one GROUP BY: received, online, in
     * progress by deadline (undue / due soon / overdue, paused clocks never late), finished (early / on
     * time / late: statsBucket in core is the same rule), refused, withdrawn, stopped.
     */
    async stats(f: DossierStatsFilter): Promise<Array<{ code: string; provinceCode: string } & StatsCounts>> {
      if (f.scopes.length === 0) return [];
      const p = bucketPredicates(f.now);
      const r = await sql<StatsRowSql>`
        with b as (${bucketBase(f)})
        select code, min(province_code) as province_code,
          count(*)::int as received,
          (count(*) filter (where ${p.online}))::int as online,
          (count(*) filter (where ${p.in_progress}))::int as in_progress,
          (count(*) filter (where ${p.in_progress_no_deadline}))::int as ip_no_deadline,
          (count(*) filter (where ${p.overdue}))::int as overdue,
          (count(*) filter (where ${p.due_soon}))::int as due_soon,
          (count(*) filter (where ${p.finished}))::int as finished,
          (count(*) filter (where ${p.finished_no_deadline}))::int as fin_no_deadline,
          (count(*) filter (where ${p.late}))::int as late,
          (count(*) filter (where ${p.early}))::int as early,
          (count(*) filter (where ${p.refused}))::int as refused,
          (count(*) filter (where ${p.withdrawn}))::int as withdrawn,
          (count(*) filter (where ${p.stopped}))::int as stopped
        from b group by code order by code`.execute(db);
      return r.rows.map((x) => {
        const n = (v: unknown) => Number(v ?? 0);
        const inProgress = n(x.inProgress);
        const ipNoDeadline = n(x.ipNoDeadline);
        const overdue = n(x.overdue);
        const dueSoon = n(x.dueSoon);
        const finished = n(x.finished);
        const finNoDeadline = n(x.finNoDeadline);
        const late = n(x.late);
        const early = n(x.early);
        return {
          code: x.code,
          provinceCode: x.provinceCode,
          received: n(x.received),
          online: n(x.online),
          inProgress: {
            total: inProgress,
            undue: inProgress - ipNoDeadline - overdue - dueSoon,
            dueSoon,
            overdue,
            noDeadline: ipNoDeadline,
          },
          finished: {
            total: finished,
            early,
            onTime: finished - finNoDeadline - late - early,
            late,
            noDeadline: finNoDeadline,
          },
          refused: n(x.refused),
          withdrawn: n(x.withdrawn),
          stopped: n(x.stopped),
        };
      });
    },

    /**
     * The dossiers behind one figure of the aggregate: the same entries, the same bucket predicate (one SQL
     * fragment for both), so a figure always equals the length of the list it opens.
     */
    async statsDossiers(
      f: DossierStatsFilter & { bucket: StatsBucketName; code?: string | null; limit?: number; offset?: number },
    ): Promise<{ items: DossierRecord[]; total: number }> {
      if (f.scopes.length === 0) return { items: [], total: 0 };
      const where = bucketPredicates(f.now)[f.bucket];
      const codeFilter = f.code ? sql`and b.code = ${f.code}` : sql``;
      const total = await sql<{ n: number }>`
        with b as (${bucketBase(f)}) select count(*)::int as n from b where ${where} ${codeFilter}`.execute(db);
      const ids = await sql<{ id: string }>`
        with b as (${bucketBase(f)}) select b.id from b where ${where} ${codeFilter}
        order by b.due_at asc nulls last, b.id limit ${f.limit ?? 50} offset ${f.offset ?? 0}`.execute(db);
      const order = ids.rows.map((r) => r.id);
      if (order.length === 0) return { items: [], total: Number(total.rows[0]?.n ?? 0) };
      const rows = await db.selectFrom('dossiers').selectAll().where('id', 'in', order).execute();
      const byId = new Map(rows.map((r) => [r.id, r]));
      const sorted = order.map((id) => byId.get(id)).filter((r) => r !== undefined);
      return { items: await withComponents(sorted), total: Number(total.rows[0]?.n ?? 0) };
    },

    /** Record a content of the file store once by its sha256 (same content → same row); no bytes here. */
    async storeFile(f: { sha256: string; sizeBytes: number; mediaType: string }): Promise<void> {
      await db
        .insertInto('storedFiles')
        .values({ sha256: f.sha256, sizeBytes: f.sizeBytes, mediaType: f.mediaType })
        .onConflict((oc) => oc.column('sha256').doNothing())
        .execute();
    },

    async addAttachment(a: {
      dossierId: string;
      provinceCode: string;
      kind: 'component' | 'result';
      componentKey: string | null;
      fileName: string;
      sha256: string;
      uploadedBy: string | null;
    }) {
      // One statement: the link, and a touch of the dossier's row so that its version moves. A list of files
      // read with the row (readForAction) is then as current as the row, and an action written at that version
      // presents it without reading the files again.
      return db
        .with('d', (q) =>
          q
            .updateTable('dossiers')
            .set({ lastActionSeq: sql`last_action_seq` })
            .where('id', '=', a.dossierId)
            .returning('id'),
        )
        .insertInto('dossierAttachments')
        .columns(['dossierId', 'provinceCode', 'kind', 'componentKey', 'fileName', 'sha256', 'uploadedBy'])
        .expression((eb) =>
          eb
            .selectFrom('d')
            .select([
              'd.id',
              sql<string>`${a.provinceCode}::text`.as('provinceCode'),
              sql<string>`${a.kind}::text`.as('kind'),
              sql<string | null>`${a.componentKey}::text`.as('componentKey'),
              sql<string>`${a.fileName}::text`.as('fileName'),
              sql<string>`${a.sha256}::text`.as('sha256'),
              sql<string | null>`${a.uploadedBy}::uuid`.as('uploadedBy'),
            ]),
        )
        .returningAll()
        .executeTakeFirstOrThrow();
    },

    async listAttachments(dossierId: string) {
      return db
        .selectFrom('dossierAttachments as a')
        .innerJoin('storedFiles as f', 'f.sha256', 'a.sha256')
        .select([
          'a.id',
          'a.kind',
          'a.componentKey',
          'a.fileName',
          'a.sha256',
          'a.uploadedAt',
          'f.sizeBytes',
          'f.mediaType',
        ])
        .where('a.dossierId', '=', dossierId)
        .orderBy('a.uploadedAt')
        .execute();
    },

    async readAttachment(dossierId: string, attachmentId: string) {
      if (!/^[0-9a-f-]{36}$/i.test(attachmentId)) return undefined;
      return db
        .selectFrom('dossierAttachments as a')
        .innerJoin('storedFiles as f', 'f.sha256', 'a.sha256')
        .select(['a.fileName', 'f.mediaType', 'f.sha256', 'f.sizeBytes'])
        .where('a.dossierId', '=', dossierId)
        .where('a.id', '=', attachmentId)
        .executeTakeFirst();
    },
  } satisfies DossiersRepository & Record<string, unknown>;
  return repo;
}
export type DossiersRepo = ReturnType<typeof createDossiersRepository>;
