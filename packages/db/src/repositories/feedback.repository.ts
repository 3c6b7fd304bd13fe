import { randomBytes } from 'node:crypto';
import { vnDate } from '@mot-cua/contracts';
import type {
  EarlierFeedback,
  FeedbackAlertPorts,
  FeedbackPatch,
  FeedbackPorts,
  FeedbackRecord,
  RoutingRuleFacts,
  RoutingRulesPorts,
} from '@mot-cua/core';
import { type Kysely, type SelectQueryBuilder, sql } from 'kysely';
import type { DB } from '../schema/index.js';
import { createAdminUnitsRepository } from './admin-units.repository.js';
import { createAuditPort } from './audit.repository.js';
import { loadWorkingCalendar } from './calendar.repository.js';
import { createNotificationsRepository } from './notifications.repository.js';
import { createOrganisationRepository } from './organisation.repository.js';

type Row = DB['feedbackItems'];

/** The latest name of a unit code (display only). */
const unitName = (column: string) =>
  sql<
    string | null
  >`(SELECT u.name FROM admin_units u WHERE u.code = ${sql.ref(column)} ORDER BY u.valid_from DESC NULLS LAST LIMIT 1)`;

const toRecord = (r: Record<string, unknown>): FeedbackRecord => ({
  id: r.id as string,
  code: r.code as string,
  token: r.token as string,
  status: r.status as FeedbackRecord['status'],
  kind: r.kind as FeedbackRecord['kind'],
  title: r.title as string,
  content: r.content as string,
  unitCode: r.unitCode as string,
  provinceCode: r.provinceCode as string,
  departmentId: (r.departmentId as string | null) ?? null,
  receivedAt: new Date(r.receivedAt as Date),
  pauses: (r.pauses as Array<{ startedAt: string; endedAt: string | null }>).map((p) => ({
    startedAt: new Date(p.startedAt),
    endedAt: p.endedAt ? new Date(p.endedAt) : null,
  })),
  answerDraft: (r.answerDraft as string | null) ?? null,
  answeredAt: r.answeredAt ? new Date(r.answeredAt as Date) : null,
  publishIntended: r.publishIntended as boolean,
  stepsOnTime: r.stepsOnTime as boolean,
  submitterName: (r.submitterName as string | null) ?? null,
  submitterPhone: (r.submitterPhone as string | null) ?? null,
  submitterEmail: (r.submitterEmail as string | null) ?? null,
  rating: (r.rating as FeedbackRecord['rating']) ?? null,
});

/** Where an official may read: unit codes, province codes, or the whole country ('VN'). */
export type FeedbackScope = ReadonlyArray<string>;

function inScope<O>(q: SelectQueryBuilder<DB, 'feedbackItems', O>, scope: FeedbackScope) {
  if (scope.includes('VN')) return q;
  if (scope.length === 0) return q.where(sql<boolean>`false`);
  return q.where((eb) =>
    eb.or([eb('feedbackItems.unitCode', 'in', [...scope]), eb('feedbackItems.provinceCode', 'in', [...scope])]),
  );
}

/** SQL of feedback and the hotline (PAKN): the only place with it. */
export function createFeedbackRepository(db: Kysely<DB>) {
  return {
    async lockFeedback(id: string) {
      const r = await db.selectFrom('feedbackItems').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
      return r ? toRecord(r) : undefined;
    },
    async lockFeedbackByToken(token: string) {
      const r = await db
        .selectFrom('feedbackItems')
        .selectAll()
        .where('token', '=', token)
        .forUpdate()
        .executeTakeFirst();
      return r ? toRecord(r) : undefined;
    },
    async findDossierUnit(code: string) {
      return db
        .selectFrom('dossiers')
        .select(['competentUnitCode as unitCode', 'provinceCode'])
        .where('code', '=', code)
        .executeTakeFirst();
    },
    async listRoutingRules(
      provinceCode?: string,
    ): Promise<Array<RoutingRuleFacts & { unitName: string | null; departmentName: string | null }>> {
      let q = db
        .selectFrom('feedbackRoutingRules as r')
        .leftJoin('departments as d', 'd.id', 'r.departmentId')
        .select([
          'r.id',
          'r.provinceCode',
          'r.communeCode',
          'r.field',
          'r.kind',
          'r.unitCode',
          'r.departmentId',
          'r.priority',
          'd.name as departmentName',
          unitName('r.unit_code').as('unitName'),
        ])
        .orderBy('r.provinceCode')
        .orderBy('r.id');
      if (provinceCode) q = q.where('r.provinceCode', '=', provinceCode);
      const rows = await q.execute();
      return rows.map((r) => ({ ...r, kind: r.kind as RoutingRuleFacts['kind'] }));
    },
    async findRule(id: number) {
      const r = await db
        .selectFrom('feedbackRoutingRules')
        .select(['id', 'provinceCode', 'communeCode', 'field', 'kind', 'unitCode', 'departmentId', 'priority'])
        .where('id', '=', id)
        .executeTakeFirst();
      return r ? { ...r, kind: r.kind as RoutingRuleFacts['kind'] } : undefined;
    },
    async updateRule(id: number, r: Omit<RoutingRuleFacts, 'id'>) {
      await db
        .updateTable('feedbackRoutingRules')
        .set({
          provinceCode: r.provinceCode,
          communeCode: r.communeCode,
          field: r.field,
          kind: r.kind,
          unitCode: r.unitCode,
          departmentId: r.departmentId,
          priority: r.priority,
        })
        .where('id', '=', id)
        .execute();
    },
    async insertRule(r: Omit<RoutingRuleFacts, 'id'> & { createdBy: string }) {
      const row = await db
        .insertInto('feedbackRoutingRules')
        .values({
          provinceCode: r.provinceCode,
          communeCode: r.communeCode,
          field: r.field,
          kind: r.kind,
          unitCode: r.unitCode,
          departmentId: r.departmentId,
          priority: r.priority,
          createdBy: r.createdBy,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },
    async deleteRule(id: number) {
      await db.deleteFrom('feedbackRoutingRules').where('id', '=', id).execute();
    },
    async earlierFeedback(
      keys: ReadonlyArray<string>,
      dossierCode: string | null,
      since: Date,
    ): Promise<EarlierFeedback[]> {
      const rows = await db
        .selectFrom('feedbackItems')
        .select(['id', 'contactKeys', 'dossierCode', 'title', 'content', 'receivedAt'])
        .where('receivedAt', '>=', since)
        .where((eb) =>
          eb.or([
            ...keys.map((k) => sql<boolean>`contact_keys @> ${JSON.stringify([k])}::jsonb`),
            ...(dossierCode ? [eb('dossierCode', '=', dossierCode)] : []),
          ]),
        )
        .orderBy('receivedAt', 'desc')
        .limit(200)
        .execute();
      return rows.map((r) => ({
        id: r.id,
        contactKeys: r.contactKeys,
        dossierCode: r.dossierCode,
        text: `${r.title}\n${r.content}`,
        receivedAt: new Date(r.receivedAt),
      }));
    },
    async nextCode(provinceCode: string, receivedAt: Date) {
      const { n } = await sql<{ n: number }>`SELECT nextval('feedback_code_seq')::int AS n`
        .execute(db)
        .then((r) => r.rows[0]!);
      const day = vnDate(receivedAt).slice(2).replaceAll('-', '');
      return `PA-${provinceCode}-${day}-${String(n).padStart(6, '0')}`;
    },
    async insertFeedback(r: Parameters<FeedbackPorts['insertFeedback']>[0]) {
      const row = await db
        .insertInto('feedbackItems')
        .values({
          ...r,
          contactKeys: JSON.stringify(r.contactKeys),
          pauses: '[]',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },
    async insertPhoto(
      feedbackId: string,
      p: { fileName: string; contentType: string; sha256: string; sizeBytes: number },
    ) {
      // The content is in the file store; its row in stored_files (shared with attachments) keeps it referenced.
      await db
        .insertInto('storedFiles')
        .values({ sha256: p.sha256, sizeBytes: p.sizeBytes, mediaType: p.contentType })
        .onConflict((oc) => oc.column('sha256').doNothing())
        .execute();
      await db
        .insertInto('feedbackPhotos')
        .values({ feedbackId, fileName: p.fileName, contentType: p.contentType, sha256: p.sha256 })
        .execute();
    },
    async updateFeedback(id: string, patch: FeedbackPatch) {
      const { pauses, ...rest } = patch;
      await db
        .updateTable('feedbackItems')
        .set({
          ...(rest as Partial<Record<keyof Row, never>>),
          ...(pauses
            ? {
                pauses: JSON.stringify(
                  pauses.map((p) => ({
                    startedAt: p.startedAt.toISOString(),
                    endedAt: p.endedAt?.toISOString() ?? null,
                  })),
                ),
              }
            : {}),
          updatedAt: sql`now()`,
        })
        .where('id', '=', id)
        .execute();
    },
    async appendEvent(e: Parameters<FeedbackPorts['appendEvent']>[0]) {
      const r = await db.insertInto('feedbackEvents').values(e).returning('id').executeTakeFirstOrThrow();
      return String(r.id);
    },

    // ---- reads ----
    async list(opts: {
      scope: FeedbackScope;
      status?: string | undefined;
      unit?: string | undefined;
      overdueAt?: Date | undefined;
      dueBefore?: Date | undefined;
      q?: string | undefined;
      limit: number;
      offset: number;
    }) {
      let q = inScope(db.selectFrom('feedbackItems'), opts.scope);
      if (opts.status) q = q.where('feedbackItems.status', '=', opts.status);
      if (opts.unit)
        q = q.where((eb) =>
          eb.or([eb('feedbackItems.unitCode', '=', opts.unit!), eb('feedbackItems.provinceCode', '=', opts.unit!)]),
        );
      if (opts.overdueAt) q = q.where('feedbackItems.dueAt', '<', opts.overdueAt);
      if (opts.dueBefore) q = q.where('feedbackItems.dueAt', '<', opts.dueBefore);
      if (opts.q) {
        const like = `%${opts.q}%`;
        q = q.where((eb) =>
          eb.or([
            eb('feedbackItems.code', 'ilike', like),
            sql<boolean>`f_unaccent_fold(feedback_items.title) LIKE '%' || f_unaccent_fold(${opts.q}) || '%'`,
          ]),
        );
      }
      const { total } = await q.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
      const rows = await q
        .leftJoin('departments as d', 'd.id', 'feedbackItems.departmentId')
        .selectAll('feedbackItems')
        .select(['d.name as departmentName', unitName('feedback_items.unit_code').as('unitName')])
        .orderBy(sql`feedback_items.due_at ASC NULLS LAST`)
        .orderBy('feedbackItems.receivedAt', 'desc')
        .limit(opts.limit)
        .offset(opts.offset)
        .execute();
      return { total: Number(total), rows };
    },
    async detail(id: string) {
      const row = await db
        .selectFrom('feedbackItems')
        .leftJoin('departments as d', 'd.id', 'feedbackItems.departmentId')
        .selectAll('feedbackItems')
        .select(['d.name as departmentName', unitName('feedback_items.unit_code').as('unitName')])
        .where('feedbackItems.id', '=', id)
        .executeTakeFirst();
      if (!row) return undefined;
      const [events, photos] = await Promise.all([
        db
          .selectFrom('feedbackEvents as e')
          .leftJoin('users as u', 'u.id', 'e.actorUserId')
          .select(['e.action', 'e.fromStatus', 'e.toStatus', 'e.note', 'e.at', 'e.onTime', 'u.fullName as actorName'])
          .where('e.feedbackId', '=', id)
          .orderBy('e.id')
          .execute(),
        db
          .selectFrom('feedbackPhotos')
          .select(['id', 'fileName'])
          .where('feedbackId', '=', id)
          .orderBy('createdAt')
          .execute(),
      ]);
      return { row, events, photos };
    },
    async byToken(token: string) {
      return db
        .selectFrom('feedbackItems')
        .selectAll()
        .select(unitName('feedback_items.unit_code').as('unitName'))
        .where('token', '=', token)
        .executeTakeFirst();
    },
    async photo(id: string) {
      return db
        .selectFrom('feedbackPhotos as p')
        .innerJoin('feedbackItems as f', 'f.id', 'p.feedbackId')
        .select(['p.contentType', 'p.sha256', 'p.fileName', 'f.unitCode', 'f.provinceCode', 'f.status', 'f.token'])
        .where('p.id', '=', id)
        .executeTakeFirst();
    },
    /** Every published answer (the public page and the assistant index them in memory). */
    async published() {
      return db
        .selectFrom('feedbackItems')
        .select([
          'code',
          'kind',
          'field',
          'publicQuestion',
          'answer',
          'publishedAt',
          unitName('feedback_items.unit_code').as('unitName'),
        ])
        .where('status', '=', 'published')
        .orderBy('publishedAt', 'desc')
        .execute();
    },
    /** Changes whenever an answer is published: the in-memory FAQ index is rebuilt when it differs. */
    async publishedVersion(): Promise<string> {
      const r = await db
        .selectFrom('feedbackItems')
        .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('publishedAt').as('last')])
        .where('status', '=', 'published')
        .executeTakeFirstOrThrow();
      return `${r.n}:${r.last ? new Date(r.last as Date).toISOString() : ''}`;
    },
    /** Open311 list: public fields only, newest first. */
    async open311List(opts: {
      ids?: string[] | undefined;
      provinceCode?: string | undefined;
      communeCode?: string | undefined;
      kinds?: string[] | undefined;
      from: Date;
      to: Date;
      limit: number;
    }) {
      let q = db
        .selectFrom('feedbackItems')
        .selectAll()
        .select(unitName('feedback_items.unit_code').as('unitName'))
        .select((eb) =>
          eb
            .selectFrom('feedbackPhotos as p')
            .select('p.id')
            .whereRef('p.feedbackId', '=', 'feedbackItems.id')
            .orderBy('p.createdAt')
            .limit(1)
            .as('firstPhotoId'),
        );
      if (opts.ids) q = q.where('code', 'in', opts.ids.length ? opts.ids : ['']);
      else q = q.where('receivedAt', '>=', opts.from).where('receivedAt', '<=', opts.to);
      if (opts.provinceCode) q = q.where('provinceCode', '=', opts.provinceCode);
      if (opts.communeCode) q = q.where('communeCode', '=', opts.communeCode);
      if (opts.kinds) q = q.where('kind', 'in', opts.kinds);
      return q.orderBy('receivedAt', 'desc').limit(opts.limit).execute();
    },
    async indexRows(unitCode: string, from: Date, to: Date) {
      return db
        .selectFrom('feedbackItems')
        .select(['status', 'stepsOnTime', 'dueAt', 'rating', 'repeatOf'])
        .where((eb) => eb.or([eb('unitCode', '=', unitCode), eb('provinceCode', '=', unitCode)]))
        .where('receivedAt', '>=', from)
        .where('receivedAt', '<', to)
        .execute();
    },
    /**
     * The feedback received in a period inside the official's scope (and the chosen province or unit), with the
     * unit that handles it: the supervision page's indicators 5.2 and 5.3 per unit.
     */
    async indexRowsOfArea(opts: {
      scope: FeedbackScope;
      provinceCode?: string | undefined;
      unitCode?: string | undefined;
      from: Date;
      to: Date;
    }) {
      let q = inScope(db.selectFrom('feedbackItems'), opts.scope)
        .select([
          'feedbackItems.unitCode',
          'feedbackItems.provinceCode',
          'feedbackItems.status',
          'feedbackItems.stepsOnTime',
          'feedbackItems.dueAt',
          'feedbackItems.rating',
          'feedbackItems.repeatOf',
        ])
        .where('feedbackItems.receivedAt', '>=', opts.from)
        .where('feedbackItems.receivedAt', '<', opts.to);
      if (opts.provinceCode) q = q.where('feedbackItems.provinceCode', '=', opts.provinceCode);
      if (opts.unitCode) q = q.where('feedbackItems.unitCode', '=', opts.unitCode);
      return q.execute();
    },
    // ---- reminders and escalations ----
    async openDueBefore(before: Date) {
      const rows = await db
        .selectFrom('feedbackItems')
        .select(['id', 'code', 'title', 'unitCode', 'provinceCode', 'dueAt'])
        .where('dueAt', 'is not', null)
        .where('dueAt', '<', before)
        .orderBy('dueAt')
        .limit(2000)
        .execute();
      return rows.map((r) => ({ ...r, dueAt: new Date(r.dueAt as Date) }));
    },
    async recordAlert(a: { feedbackId: string; kind: string; dueAt: Date; at: Date }) {
      const r = await db
        .insertInto('feedbackAlerts')
        .values({ feedbackId: a.feedbackId, kind: a.kind, dueAt: a.dueAt, sentAt: a.at })
        .onConflict((oc) => oc.columns(['feedbackId', 'kind', 'dueAt']).doNothing())
        .executeTakeFirst();
      return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
    },
    async setAlertRecipients(a: { feedbackId: string; kind: string; dueAt: Date }, n: number) {
      await db
        .updateTable('feedbackAlerts')
        .set({ recipients: n })
        .where('feedbackId', '=', a.feedbackId)
        .where('kind', '=', a.kind)
        .where('dueAt', '=', a.dueAt)
        .execute();
    },
    async officialsOf(unitCode: string, roles: ReadonlyArray<string>, onDate: string) {
      if (roles.length === 0) return [];
      return db
        .selectFrom('roleGrants as g')
        .innerJoin('users as u', 'u.id', 'g.userId')
        .select(['u.id as userId', 'u.email'])
        .distinct()
        .where('g.unitCode', '=', unitCode)
        .where('g.role', 'in', [...roles])
        .where('g.validFrom', '<=', onDate)
        .where((eb) => eb.or([eb('g.validTo', 'is', null), eb('g.validTo', '>=', onDate)]))
        .orderBy('u.id')
        .execute();
    },
    async apiKeyValid(keyHash: string) {
      const r = await db
        .selectFrom('open311ApiKeys')
        .select('name')
        .where('keyHash', '=', keyHash)
        .where('revokedAt', 'is', null)
        .executeTakeFirst();
      return r?.name;
    },
    async addApiKey(keyHash: string, name: string) {
      await db
        .insertInto('open311ApiKeys')
        .values({ keyHash, name })
        .onConflict((oc) => oc.column('keyHash').doNothing())
        .execute();
    },
  };
}
export type FeedbackRepo = ReturnType<typeof createFeedbackRepository>;

/** The submitter's tracking page (status, answer, rating), printed in their messages. */
export const feedbackTrackingUrl = (publicUrl: string, token: string) =>
  `${publicUrl.replace(/\/$/, '')}/phan-anh/${encodeURIComponent(token)}`;

/** Ports of the feedback use cases over one transaction (`publicUrl`: the site's address, for links). */
export function createFeedbackPorts(
  trx: Kysely<DB>,
  requestId: string | null = null,
  opts: { publicUrl?: string } = {},
): FeedbackPorts {
  const repo = createFeedbackRepository(trx);
  const base = (opts.publicUrl ?? '').replace(/\/$/, '');
  const units = createAdminUnitsRepository(trx);
  const org = createOrganisationRepository(trx);
  return {
    findUnit: units.findUnit,
    findDepartment: async (id) => {
      const d = await org.findDepartment(id);
      return d ? { id: d.id, unitCode: d.unitCode } : undefined;
    },
    findDossierUnit: repo.findDossierUnit,
    listRoutingRules: (p) => repo.listRoutingRules(p),
    calendarOf: (u, fromYear, toYear) => loadWorkingCalendar(trx, { ...u, fromYear, toYear }),
    earlierFeedback: repo.earlierFeedback,
    nextCode: repo.nextCode,
    newToken: () => randomBytes(18).toString('base64url'),
    insertFeedback: repo.insertFeedback,
    insertPhoto: repo.insertPhoto,
    lockFeedback: repo.lockFeedback,
    lockFeedbackByToken: repo.lockFeedbackByToken,
    updateFeedback: repo.updateFeedback,
    appendEvent: repo.appendEvent,
    notifications: {
      ...createNotificationsRepository(trx),
      trackingUrl: (token) => feedbackTrackingUrl(base, token),
    },
    audit: createAuditPort(trx, requestId),
  };
}

/** Ports of the reminder and escalation sweep over one transaction. */
export function createFeedbackAlertPorts(
  trx: Kysely<DB>,
  requestId: string | null = null,
  opts: { publicUrl?: string } = {},
): FeedbackAlertPorts {
  const repo = createFeedbackRepository(trx);
  const base = (opts.publicUrl ?? '').replace(/\/$/, '');
  return {
    openDueBefore: repo.openDueBefore,
    calendarOf: (u, fromYear, toYear) => loadWorkingCalendar(trx, { ...u, fromYear, toYear }),
    recordAlert: repo.recordAlert,
    setAlertRecipients: repo.setAlertRecipients,
    officialsOf: repo.officialsOf,
    appendEvent: repo.appendEvent,
    notifications: {
      ...createNotificationsRepository(trx),
      trackingUrl: (token) => feedbackTrackingUrl(base, token),
      workspaceUrl: (id) => `${base}/workspace/feedback/${encodeURIComponent(id)}`,
    },
    audit: createAuditPort(trx, requestId),
  };
}

/** Ports of the routing-rule use cases over one transaction. */
export function createRoutingRulesPorts(trx: Kysely<DB>, requestId: string | null = null): RoutingRulesPorts {
  const repo = createFeedbackRepository(trx);
  const units = createAdminUnitsRepository(trx);
  const org = createOrganisationRepository(trx);
  return {
    findUnit: units.findUnit,
    findDepartment: async (id) => {
      const d = await org.findDepartment(id);
      return d ? { id: d.id, unitCode: d.unitCode } : undefined;
    },
    findRule: repo.findRule,
    insertRule: repo.insertRule,
    updateRule: repo.updateRule,
    deleteRule: repo.deleteRule,
    audit: createAuditPort(trx, requestId),
  };
}
