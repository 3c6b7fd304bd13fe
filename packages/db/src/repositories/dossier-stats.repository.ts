import type { DossierRecord, StatsCounts } from '@mot-cua/core';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../schema/index.js';
import {
  bucketBase,
  bucketPredicates,
  type DossierStatsFilter,
  type DossierStatsScope,
  entriesIn,
  type StatsBucketName,
} from './dossier-buckets.js';
import { dossierComponents } from './dossier-components.js';

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

/** The supervision aggregate of the dossiers and the lists behind its figures (the dossiers repository's part). */
export function createDossierStatsRepository(db: Kysely<DB>) {
  const { withComponents } = dossierComponents(db);
  return {
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
  };
}
