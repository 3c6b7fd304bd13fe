import {
  FeedbackIndex,
  FeedbackIndexByUnit,
  FeedbackIndexByUnitQuery,
  FeedbackIndexQuery,
  NATIONAL_SCOPE,
  vnLocalToIso,
} from '@mot-cua/contracts';
import { AppError, authorize, feedbackIndex, jurisdictionFor, statsPeriod, vnDate } from '@mot-cua/core';
import { createAdminUnitsRepository, createFeedbackRepository, findUnitNames, locateUnit } from '@mot-cua/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../context.js';
import { requireActor } from '../../http/auth.js';

const tags = ['feedback'];
const DAY_MS = 86_400_000;
const vnInstantOfDate = (d: string) => new Date(vnLocalToIso(`${d}T00:00`));

type IndexRow = {
  status: string;
  stepsOnTime: boolean;
  dueAt: Date | string | null;
  rating: string | null;
  repeatOf: string | null;
};
const indexed = (now: Date) => (r: IndexRow) => ({
  status: r.status as never,
  stepsOnTime: r.stepsOnTime,
  overdueNow: r.dueAt !== null && new Date(r.dueAt).getTime() < now.getTime(),
  rating: r.rating as never,
  repeated: r.repeatOf !== null,
});

/** Indicators 5.2 (handled on time) and 5.3 (satisfaction) of Decision 766 for the service index. */
export const feedbackIndexRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const { db } = deps.database;

  app.get(
    '/index',
    {
      schema: {
        tags,
        summary: 'Service index indicators 5.2 (handled on time) and 5.3 (satisfaction) of a unit over a period',
        querystring: FeedbackIndexQuery,
        response: { 200: FeedbackIndex },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const { unit, from, to } = req.query;
      const scope = await locateUnit(db, unit);
      authorize(actor, 'feedback.read', { kind: 'unit', unitCode: unit, provinceCode: scope.provinceCode ?? unit });
      const rows = await createFeedbackRepository(db).indexRows(
        unit,
        vnInstantOfDate(from),
        new Date(vnInstantOfDate(to).getTime() + DAY_MS),
      );
      return { unitCode: unit, from, to, ...feedbackIndex(rows.map(indexed(deps.clock.now()))) };
    },
  );

  app.get(
    '/index/units',
    {
      schema: {
        tags,
        summary:
          'Indicators 5.2 and 5.3 per handling unit of the caller’s area (per province for a national supervisor), for the supervision page',
        querystring: FeedbackIndexByUnitQuery,
        response: { 200: FeedbackIndexByUnit },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const q = req.query;
      const mine = jurisdictionFor(actor, 'feedback.read');
      if (mine.length === 0) authorize(actor, 'feedback.read', { kind: 'global' });
      const now = deps.clock.now();
      const period = statsPeriod(now, q.from, q.to);
      if (q.unitCode) {
        const unit = await createAdminUnitsRepository(db).findUnit(q.unitCode, vnDate(now));
        if (!unit) throw new AppError('FEEDBACK_UNIT_UNKNOWN', { details: { unitCode: q.unitCode } });
        authorize(actor, 'feedback.read', { kind: 'unit', unitCode: unit.code, provinceCode: unit.provinceCode });
      } else if (q.provinceCode) {
        authorize(actor, 'feedback.read', { kind: 'unit', unitCode: q.provinceCode, provinceCode: q.provinceCode });
      }
      const rows = await createFeedbackRepository(db).indexRowsOfArea({
        scope: mine,
        provinceCode: q.provinceCode,
        unitCode: q.unitCode,
        from: period.fromAt,
        to: period.toAt,
      });
      const byProvince = mine.includes(NATIONAL_SCOPE) && !q.provinceCode && !q.unitCode;
      const groups = new Map<string, IndexRow[]>();
      for (const r of rows) {
        const key = byProvince ? r.provinceCode : r.unitCode;
        groups.set(key, [...(groups.get(key) ?? []), r]);
      }
      const names = await findUnitNames(db, [...groups.keys()], period.to);
      const of = indexed(now);
      return {
        from: period.from,
        to: period.to,
        rows: [...groups.entries()]
          .map(([code, items]) => ({
            unitCode: code,
            unitName: names.get(code) ?? null,
            ...feedbackIndex(items.map(of)),
          }))
          .sort((a, b) => (a.unitName ?? a.unitCode).localeCompare(b.unitName ?? b.unitCode, 'vi')),
        totals: feedbackIndex(rows.map(of)),
      };
    },
  );
};
