import {
  SERVICE_INDICATOR_NAMES_VI,
  ServiceIndex,
  ServiceIndexDossierList,
  ServiceIndexDossiersQuery,
  ServiceIndexFeedbackList,
  ServiceIndexFeedbackQuery,
  ServiceIndexQuery,
} from '@mot-cua/contracts';
import { statsPeriod, vnDate } from '@mot-cua/core';
import { createServiceIndexRepository } from '@mot-cua/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../context.js';
import { sendTable } from '../../exports/index.js';
import { dossierListTable, feedbackRows, serviceIndexTable } from '../../exports/supervision-tables.js';
import { requireActor } from '../../http/auth.js';
import { computeServiceIndex, feedbackOfFigure } from './service-index-data.js';
import { supervisionScope } from './supervision-scope.js';

const tags = ['supervision'];
/** At most this many dossiers in one file of a 766 figure. */
const FILE_ROWS = 50_000;

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
        serviceIndexTable(
          `Bộ chỉ số 766 — ${scope.name}`,
          `Từ ${period.from} đến ${period.to}. Tổng điểm tính được: ${r.total.points}/${r.total.max}.`,
          r.indicators,
          { withThreshold: true },
        ),
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
          'The dossiers behind one figure of the service index (an indicator’s numerator or denominator): the list’s total equals the figure (format=xlsx|pdf: every dossier of the figure, up to 50,000, in a file)',
        querystring: ServiceIndexDossiersQuery,
        response: { 200: ServiceIndexDossierList },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const now = deps.clock.now();
      const scope = await supervisionScope(db, actor, req.query, vnDate(now));
      const period = statsPeriod(now, req.query.from, req.query.to);
      const file = req.query.format !== 'json';
      const r = await createServiceIndexRepository(db).dossiers({
        scope: scope.code,
        fromAt: period.fromAt,
        toAt: period.toAt,
        indicator: req.query.indicator,
        part: req.query.part,
        limit: file ? FILE_ROWS : req.query.limit,
        offset: file || req.query.after ? 0 : req.query.offset,
        after: file ? undefined : parseAfter(req.query.after),
        now,
      });
      const items = r.items.map((x) => ({
        ...x,
        enteredAt: x.enteredAt.toISOString(),
        dueAt: x.dueAt?.toISOString() ?? null,
        finishedAt: x.finishedAt?.toISOString() ?? null,
      }));
      if (req.query.format === 'json') {
        const last = r.items.at(-1);
        const next = last && r.items.length === req.query.limit ? `${last.enteredAt.toISOString()}_${last.id}` : null;
        return { total: r.total, items, next };
      }
      const { indicator, part } = req.query;
      const table = dossierListTable(
        `Chỉ số 766 – ${indicator}: hồ sơ thuộc ${part === 'numerator' ? 'tử số' : 'mẫu số'} — ${scope.name}`,
        `${SERVICE_INDICATOR_NAMES_VI[indicator]}. ${scope.name} (${scope.code}). Từ ${period.from} đến ${period.to}. Tổng số: ${r.total}${r.total > FILE_ROWS ? ` (tệp ghi ${FILE_ROWS} hồ sơ đầu)` : ''}.`,
        items.map((x) => ({ ...x, receivedAt: x.enteredAt })),
      );
      const name = `chi-so-766-${indicator}-${part}-${scope.code}-${period.from}-${period.to}`;
      return sendTable(reply, req.query.format, table, name, now);
    },
  );

  app.get(
    '/service-index/feedback',
    {
      schema: {
        tags,
        summary:
          'The feedback (PAKN) items behind one figure of indicator 5.2 or 5.3: the list’s total equals the figure (format=xlsx|pdf for every item in a file)',
        querystring: ServiceIndexFeedbackQuery,
        response: { 200: ServiceIndexFeedbackList },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const now = deps.clock.now();
      const q = req.query;
      const scope = await supervisionScope(db, actor, q, vnDate(now));
      const period = statsPeriod(now, q.from, q.to);
      const all = await feedbackOfFigure(db, {
        scope: scope.code,
        fromAt: period.fromAt,
        toAt: period.toAt,
        now,
        ...q,
      });
      if (q.format === 'json') return { total: all.length, items: all.slice(q.offset, q.offset + q.limit) };
      const part = q.part === 'numerator' ? 'tử số' : 'mẫu số';
      return sendTable(
        reply,
        q.format,
        {
          title: `Chỉ số 766 – ${q.indicator}: phản ánh, kiến nghị thuộc ${part} — ${scope.name}`,
          subtitle: `${SERVICE_INDICATOR_NAMES_VI[q.indicator]}. ${scope.name} (${scope.code}). Từ ${period.from} đến ${period.to}. Tổng số: ${all.length}.`,
          columns: [
            { key: 'code', header: 'Mã phản ánh', width: 16 },
            { key: 'kind', header: 'Loại', width: 12 },
            { key: 'unitCode', header: 'Đơn vị', width: 10 },
            { key: 'status', header: 'Trạng thái', width: 14 },
            { key: 'receivedAt', header: 'Ngày tiếp nhận', width: 12, kind: 'date' },
            { key: 'dueAt', header: 'Hạn xử lý', width: 12, kind: 'date' },
            { key: 'rating', header: 'Đánh giá', width: 12 },
            { key: 'repeatedText', header: 'Phản ánh lặp lại', width: 10 },
          ],
          rows: feedbackRows(all),
        },
        `chi-so-766-${q.indicator}-${q.part}-${scope.code}-${period.from}-${period.to}`,
        now,
      );
    },
  );
};

/** The keyset cursor `<entered at ISO>_<dossier id>` (the contract checked its shape). */
function parseAfter(after: string | undefined): { enteredAt: Date; id: string } | undefined {
  if (!after) return undefined;
  const i = after.indexOf('_');
  return { enteredAt: new Date(after.slice(0, i)), id: after.slice(i + 1) };
}
