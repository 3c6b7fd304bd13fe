import {
  ServiceIndexSnapshotResult,
  ServiceIndexTrend,
  ServiceIndexTrendQuery,
  TakeServiceIndexSnapshot,
} from '@mot-cua/contracts';
import { AppError, addMonths, authorize, vnDate } from '@mot-cua/core';
import { createServiceIndexRepository, findUnitNames } from '@mot-cua/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../context.js';
import { sendTable } from '../../exports/index.js';
import { requireActor } from '../../http/auth.js';
import { snapshotProvince } from '../../supervision/service-index-snapshots.js';
import { supervisedProvinces } from './supervision-scope.js';

const tags = ['supervision'];

/** The monthly snapshots of the 766 index per province (the trend), and an administrator's recount of a month. */
export const serviceIndexTrendRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const { db } = deps.database;

  app.get(
    '/service-index/trend',
    {
      schema: {
        tags,
        summary:
          'Monthly snapshots of the 766 index of the provinces the caller supervises (or one), oldest first (format=xlsx|pdf for a file)',
        querystring: ServiceIndexTrendQuery,
        response: { 200: ServiceIndexTrend },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const q = req.query;
      const now = deps.clock.now();
      const today = vnDate(now);
      let scopes: string[];
      if (q.provinceCode) {
        authorize(actor, 'dossier.stats', { kind: 'unit', unitCode: q.provinceCode, provinceCode: q.provinceCode });
        scopes = [q.provinceCode];
      } else {
        const mine = await supervisedProvinces(db, actor, today);
        if (mine !== 'all' && mine.length === 0)
          throw new AppError('FORBIDDEN', { details: { action: 'dossier.stats' } });
        scopes = mine === 'all' ? ['VN'] : mine;
      }
      const fromMonth = `${addMonths(today.slice(0, 7), -q.months)}-01`;
      const rows = await createServiceIndexRepository(db).listSnapshots({ scopes, fromMonth });
      const names = await findUnitNames(db, [...new Set(rows.map((r) => r.provinceCode))], today);
      const snapshots = rows.map((r) => ({
        provinceCode: r.provinceCode,
        name: names.get(r.provinceCode) ?? r.provinceCode,
        month: r.month,
        points: r.points,
        maxPoints: r.maxPoints,
        received: r.received,
        computedAt: r.computedAt.toISOString(),
      }));
      if (q.format === 'json') return { fromMonth, snapshots };
      return sendTable(
        reply,
        q.format,
        {
          title: 'Bộ chỉ số 766 theo tháng',
          subtitle: `Từ tháng ${fromMonth.slice(5, 7)}/${fromMonth.slice(0, 4)}; điểm của các chỉ số tính được trên tổng điểm tối đa của chúng.`,
          columns: [
            { key: 'month', header: 'Tháng', width: 12, kind: 'date' },
            { key: 'provinceCode', header: 'Mã tỉnh', width: 8 },
            { key: 'name', header: 'Tỉnh, thành phố', width: 30 },
            { key: 'points', header: 'Điểm', width: 10, kind: 'decimal' },
            { key: 'maxPoints', header: 'Tối đa tính được', width: 14, kind: 'decimal' },
            { key: 'received', header: 'Hồ sơ tiếp nhận', width: 14, kind: 'int' },
          ],
          rows: snapshots,
        },
        `chi-so-766-theo-thang-${scopes.join('-')}`,
        now,
      );
    },
  );

  app.post(
    '/service-index/snapshots',
    {
      schema: {
        tags,
        summary:
          'Take (or take again) the snapshot of a month for one province or every province in force (system administrators; audited)',
        body: TakeServiceIndexSnapshot,
        response: { 200: ServiceIndexSnapshotResult },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      authorize(actor, 'supervision.manage', { kind: 'global' });
      const now = deps.clock.now();
      const provinces = req.body.provinceCode
        ? [req.body.provinceCode]
        : await createServiceIndexRepository(db).provincesInForce(vnDate(now));
      const out: Array<{ provinceCode: string; points: number }> = [];
      for (const provinceCode of provinces) {
        const r = await snapshotProvince(
          deps.database,
          actor,
          { provinceCode, month: req.body.month },
          now,
          String(req.id),
        );
        out.push({ provinceCode, points: r.points });
      }
      return { month: req.body.month, provinces: out };
    },
  );
};
