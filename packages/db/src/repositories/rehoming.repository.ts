import { AppError, dayBefore } from '@mot-cua/core';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../schema/index.js';
import { inForceOn } from './in-force.js';
import { createOfficialsRepository } from './officials.repository.js';

export type RehomingOwner = {
  tableName: string;
  columnName: string;
  keyColumn: string;
  openCondition: string;
  strategy: 'update' | 'assignment' | 'grant' | 'service_center';
  feature: string;
  description: string;
  /** A province column beside the unit column that follows the successor's province (e.g. dossiers.province_code). */
  provinceColumn?: string | null;
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The owner's open condition with :effective_date bound (the date is validated, then quoted). */
function condition(owner: RehomingOwner, effectiveDate: string) {
  if (!DATE.test(effectiveDate)) throw new AppError('CHANGE_EVENT_INVALID');
  return sql.raw(`(${owner.openCondition.replaceAll(':effective_date', `DATE '${effectiveDate}'`)})`);
}

/**
 * Re-homing: moves the open records of old units to their successors when a change event is applied, using the
 * registry of unit-owned columns (rehoming_owners) that every feature adds to. Each moved record is written to
 * rehoming_moves (so statistics stay reportable by the unit at the time); records of a split unit go to
 * rehoming_reviews instead of being guessed.
 */
export function createRehomingRepository(db: Kysely<DB>) {
  const repo = {
    async listOwners(): Promise<RehomingOwner[]> {
      const rows = await db.selectFrom('rehomingOwners').selectAll().orderBy('tableName').execute();
      return rows as RehomingOwner[];
    },

    /** Register a table column (idempotent). Features normally do this in a migration. */
    async registerOwner(o: Omit<RehomingOwner, 'keyColumn' | 'strategy' | 'description'> & Partial<RehomingOwner>) {
      await db
        .insertInto('rehomingOwners')
        .values({
          tableName: o.tableName,
          columnName: o.columnName,
          keyColumn: o.keyColumn ?? 'id',
          openCondition: o.openCondition,
          strategy: o.strategy ?? 'update',
          feature: o.feature,
          description: o.description ?? '',
        })
        .onConflict((oc) =>
          oc.columns(['tableName', 'columnName']).doUpdateSet({ openCondition: o.openCondition, feature: o.feature }),
        )
        .execute();
    },

    /** Open records per owner and unit code (for the preview). */
    async countOpen(codes: string[], effectiveDate: string) {
      const out: Array<{ tableName: string; columnName: string; unitCode: string; count: number }> = [];
      if (codes.length === 0) return out;
      for (const o of await repo.listOwners()) {
        const rows = await sql<{ code: string; n: number }>`
          SELECT ${sql.ref(o.columnName)} AS code, count(*)::int AS n FROM ${sql.table(o.tableName)}
          WHERE ${sql.ref(o.columnName)} IN (${sql.join(codes)}) AND ${condition(o, effectiveDate)}
          GROUP BY 1`.execute(db);
        for (const r of rows.rows) {
          out.push({ tableName: o.tableName, columnName: o.columnName, unitCode: r.code, count: Number(r.n) });
        }
      }
      return out;
    },

    async openKeys(o: RehomingOwner, code: string, effectiveDate: string): Promise<string[]> {
      const rows = await sql<{ k: string }>`
        SELECT ${sql.ref(o.keyColumn)}::text AS k FROM ${sql.table(o.tableName)}
        WHERE ${sql.ref(o.columnName)} = ${code} AND ${condition(o, effectiveDate)}
        ORDER BY 1`.execute(db);
      return rows.rows.map((r) => r.k);
    },

    /** Move the open records of fromCode (or one record) to toCode with the owner's strategy. Returns keys moved. */
    async move(
      o: RehomingOwner,
      fromCode: string,
      toCode: string,
      effectiveDate: string,
      eventId: number,
      onlyKey?: string,
    ): Promise<string[]> {
      const keys = onlyKey ? [onlyKey] : await repo.openKeys(o, fromCode, effectiveDate);
      if (keys.length === 0) return [];
      const before = dayBefore(effectiveDate);
      switch (o.strategy) {
        case 'update': {
          const province = o.provinceColumn
            ? sql`, ${sql.ref(o.provinceColumn)} = COALESCE((SELECT province_code FROM admin_units
                WHERE code = ${toCode} AND ${inForceOn(effectiveDate)}
                ORDER BY valid_from DESC NULLS LAST LIMIT 1), ${sql.ref(o.provinceColumn)})`
            : sql``;
          await sql`UPDATE ${sql.table(o.tableName)} SET ${sql.ref(o.columnName)} = ${toCode}${province}
            WHERE ${sql.ref(o.keyColumn)}::text IN (${sql.join(keys)}) AND ${sql.ref(o.columnName)} = ${fromCode}`.execute(
            db,
          );
          break;
        }
        case 'service_center': {
          for (const id of keys) {
            await sql`UPDATE service_centers SET unit_code = ${toCode},
                is_main = is_main AND NOT EXISTS (SELECT 1 FROM service_centers s2
                  WHERE s2.unit_code = ${toCode} AND s2.is_main AND s2.valid_to IS NULL)
              WHERE id::text = ${id}`.execute(db);
            await sql`UPDATE counters SET unit_code = ${toCode} WHERE service_center_id::text = ${id}`.execute(db);
          }
          break;
        }
        case 'grant': {
          // Grants that an assignment owns move with the assignment; the others end and are re-granted.
          const own = await sql<{ id: string }>`
            SELECT g.id::text AS id FROM role_grants g WHERE g.id::text IN (${sql.join(keys)})
              AND NOT EXISTS (SELECT 1 FROM assignment_grants ag WHERE ag.grant_id = g.id)`.execute(db);
          const ids = own.rows.map((r) => r.id);
          keys.splice(0, keys.length, ...ids);
          for (const id of ids) {
            const g = await db
              .selectFrom('roleGrants')
              .select(['userId', 'role', 'validFrom', 'validTo'])
              .where(sql<boolean>`id::text = ${id}`)
              .executeTakeFirstOrThrow();
            if (g.validFrom >= effectiveDate) {
              await db
                .updateTable('roleGrants')
                .set({ unitCode: toCode })
                .where(sql<boolean>`id::text = ${id}`)
                .execute();
            } else {
              await db
                .updateTable('roleGrants')
                .set({ validTo: before })
                .where(sql<boolean>`id::text = ${id}`)
                .execute();
              await db
                .insertInto('roleGrants')
                .values({
                  userId: g.userId,
                  role: g.role,
                  unitCode: toCode,
                  validFrom: effectiveDate,
                  validTo: g.validTo,
                })
                .execute();
            }
          }
          break;
        }
        case 'assignment': {
          const officials = createOfficialsRepository(db);
          for (const id of keys) await officials.rehomeAssignment(id, toCode, effectiveDate);
          break;
        }
      }
      if (keys.length) {
        await db
          .insertInto('rehomingMoves')
          .values(
            keys.map((rowKey) => ({
              eventId,
              tableName: o.tableName,
              columnName: o.columnName,
              rowKey,
              fromCode,
              toCode,
            })),
          )
          .execute();
      }
      return keys;
    },

    /** Put the open records of a split unit on the review list. */
    async queueReviews(
      o: RehomingOwner,
      fromCode: string,
      candidates: string[],
      effectiveDate: string,
      eventId: number,
    ) {
      const keys = await repo.openKeys(o, fromCode, effectiveDate);
      if (keys.length) {
        await db
          .insertInto('rehomingReviews')
          .values(
            keys.map((rowKey) => ({
              eventId,
              tableName: o.tableName,
              columnName: o.columnName,
              rowKey,
              fromCode,
              candidateCodes: JSON.stringify(candidates),
            })),
          )
          .execute();
      }
      return keys.length;
    },

    /**
     * Review items, oldest first, one page at a time: `limit` (default 50, at most 500) from `offset`, with the
     * total count matching the filters so a page can say "page 3 of 40".
     */
    async listReviews(opts: { status?: 'open' | 'resolved'; eventId?: number; limit?: number; offset?: number }) {
      const limit = Math.min(Math.max(opts.limit ?? 50, 1), 500);
      const offset = Math.max(opts.offset ?? 0, 0);
      let base = db.selectFrom('rehomingReviews as r').innerJoin('adminUnitEvents as e', 'e.id', 'r.eventId');
      if (opts.status) base = base.where('r.status', '=', opts.status);
      if (opts.eventId) base = base.where('r.eventId', '=', opts.eventId);
      const [items, count] = await Promise.all([
        base
          .select([
            'r.id',
            'r.eventId',
            'r.tableName',
            'r.columnName',
            'r.rowKey',
            'r.fromCode',
            'r.candidateCodes',
            'r.status',
            'r.resolvedCode',
            'r.resolvedAt',
            'e.effectiveDate',
          ])
          .orderBy('r.id')
          .limit(limit)
          .offset(offset)
          .execute(),
        base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { items, total: Number(count.n), limit, offset };
    },

    /** Resolve one review item by moving its record to the chosen candidate. */
    async resolveReview(id: number, toCode: string, actorId: string) {
      const r = await db
        .selectFrom('rehomingReviews as r')
        .innerJoin('adminUnitEvents as e', 'e.id', 'r.eventId')
        .select([
          'r.id',
          'r.eventId',
          'r.tableName',
          'r.columnName',
          'r.rowKey',
          'r.fromCode',
          'r.candidateCodes',
          'r.status',
          'e.effectiveDate',
        ])
        .where('r.id', '=', id)
        .forUpdate()
        .executeTakeFirst();
      if (!r) throw new AppError('REVIEW_ITEM_NOT_FOUND');
      if (r.status !== 'open') throw new AppError('REVIEW_ITEM_CLOSED');
      if (!r.candidateCodes.includes(toCode)) throw new AppError('REVIEW_TARGET_INVALID');
      const owner = (await repo.listOwners()).find((o) => o.tableName === r.tableName && o.columnName === r.columnName);
      if (!owner) throw new AppError('REVIEW_ITEM_NOT_FOUND');
      await repo.move(owner, r.fromCode, toCode, r.effectiveDate, r.eventId, r.rowKey);
      await db
        .updateTable('rehomingReviews')
        .set({ status: 'resolved', resolvedCode: toCode, resolvedBy: actorId, resolvedAt: new Date() })
        .where('id', '=', id)
        .execute();
      return r;
    },

    async listMoves(eventId: number) {
      return db.selectFrom('rehomingMoves').selectAll().where('eventId', '=', eventId).orderBy('id').execute();
    },
  };
  return repo;
}
export type RehomingRepo = ReturnType<typeof createRehomingRepository>;
