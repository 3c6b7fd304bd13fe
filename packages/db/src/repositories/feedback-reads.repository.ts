import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { DB } from '../schema/index.js';
import { communeAddress, type FeedbackScope, inScope, unitName } from './feedback-sql.js';

/** Reads of feedback: the officials' lists, the public pages, Open311, the service index, API keys. */
export function createFeedbackReadsRepository(db: Kysely<DB>) {
  return {
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
      /** Internal statuses (Open311's open/closed mapped by the caller), applied before the limit. */
      statuses?: string[] | undefined;
      from: Date;
      to: Date;
      limit: number;
    }) {
      let q = db
        .selectFrom('feedbackItems')
        .selectAll()
        .select(unitName('feedback_items.unit_code').as('unitName'))
        .select(communeAddress('feedback_items.commune_code').as('communeAddress'))
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
      if (opts.statuses) q = q.where('status', 'in', opts.statuses.length ? opts.statuses : ['']);
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
          'feedbackItems.id',
          'feedbackItems.code',
          'feedbackItems.kind',
          'feedbackItems.receivedAt',
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
