import {
  SERVICE_INDICATOR_NAMES_VI,
  ServiceIndex,
  ServiceIndexDossierList,
  ServiceIndexDossiersQuery,
  ServiceIndexQuery,
} from '@mot-cua/contracts';
import { statsPeriod, vnDate } from '@mot-cua/core';
import { createServiceIndexRepository } from '@mot-cua/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../context.js';
import { sendTable } from '../../exports/index.js';
import { requireActor } from '../../http/auth.js';
import { computeServiceIndex } from './service-index-data.js';
import { supervisionScope } from './supervision-scope.js';

const tags = ['supervision'];

/** GET /api/supervision/service-index: the Decision 766 index of a unit, a province or the nation over a period. */
export const serviceIndexRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const { db } = deps.database;

  app.get(
    '/service-index',
    {
      schema: {
        tags,
        summary:
          'The Decision 766 service index from our own data: per indicator numerator, denominator, rate, threshold and points, or why it is not computable (format=xlsx|pdf for a file)',
        querystring: ServiceIndexQuery,
        response: { 200: ServiceIndex },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const now = deps.clock.now();
      const today = vnDate(now);
      const scope = await supervisionScope(db, actor, req.query, today);
      const period = statsPeriod(now, req.query.from, req.query.to);
      const r = await computeServiceIndex(db, { scope: scope.code, fromAt: period.fromAt, toAt: period.toAt, now });
      const body = {
        scope: { code: scope.code, name: scope.name, level: scope.level },
        from: period.from,
        to: period.to,
        generatedAt: now.toISOString(),
        indicators: r.indicators,
        total: r.total,
      };
      if (req.query.format === 'json') return body;
      return sendTable(
        reply,
        req.query.format,
        {
          title: `Bộ chỉ số 766 — ${scope.name}`,
          subtitle: `Từ ${period.from} đến ${period.to}. Tổng điểm tính được: ${r.total.points}/${r.total.max}.`,
          columns: [
            { key: 'id', header: 'Chỉ số', width: 7 },
            { key: 'name', header: 'Tên chỉ số', width: 36 },
            { key: 'numerator', header: 'Tử số', width: 10, kind: 'int' },
            { key: 'denominator', header: 'Mẫu số', width: 10, kind: 'int' },
            { key: 'rate', header: 'Tỷ lệ', width: 9, kind: 'percent' },
            { key: 'threshold', header: 'Ngưỡng', width: 9, kind: 'percent' },
            { key: 'points', header: 'Điểm', width: 8, kind: 'decimal' },
            { key: 'max', header: 'Tối đa', width: 8, kind: 'decimal' },
            { key: 'reason', header: 'Ghi chú', width: 50 },
          ],
          rows: r.indicators.map((i) => ({
            id: i.id,
            name: SERVICE_INDICATOR_NAMES_VI[i.id],
            numerator: i.numerator,
            denominator: i.denominator,
            rate: i.rate,
            threshold: i.computable ? i.threshold : null,
            points: i.points,
            max: i.max,
            reason: i.reason,
          })),
        },
        `chi-so-766-${scope.code}-${period.from}-${period.to}`,
        now,
      );
    },
  );

  app.get(
    '/service-index/dossiers',
    {
      schema: {
        tags,
        summary:
          'The dossiers behind one figure of the service index (an indicator’s numerator or denominator): the list’s total equals the figure',
        querystring: ServiceIndexDossiersQuery,
        response: { 200: ServiceIndexDossierList },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const now = deps.clock.now();
      const scope = await supervisionScope(db, actor, req.query, vnDate(now));
      const period = statsPeriod(now, req.query.from, req.query.to);
      const r = await createServiceIndexRepository(db).dossiers({
        scope: scope.code,
        fromAt: period.fromAt,
        toAt: period.toAt,
        indicator: req.query.indicator,
        part: req.query.part,
        limit: req.query.limit,
        offset: req.query.offset,
      });
      return {
        total: r.total,
        items: r.items.map((x) => ({
          ...x,
          enteredAt: x.enteredAt.toISOString(),
          dueAt: x.dueAt?.toISOString() ?? null,
          finishedAt: x.finishedAt?.toISOString() ?? null,
        })),
      };
    },
  );
};
