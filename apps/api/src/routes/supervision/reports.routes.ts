import {
  DossierStats,
  DossierStatsExportQuery,
  type DossierStatsRow,
  MonthlyReportList,
  SERVICE_INDICATOR_NAMES_VI,
  type ServiceIndicator,
} from '@mot-cua/contracts';
import { AppError, authorize, decide, jurisdictionFor, vnDate } from '@mot-cua/core';
import { createServiceIndexRepository, findUnitNames } from '@mot-cua/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../context.js';
import { type ExportColumn, sendTable } from '../../exports/index.js';
import { requireActor } from '../../http/auth.js';

const tags = ['supervision'];

/** The columns of the supervision aggregate (GET /api/dossiers/stats) as a table. */
export const DOSSIER_STATS_COLUMNS: ExportColumn[] = [
  { key: 'code', header: 'Mã', width: 8 },
  { key: 'name', header: 'Đơn vị', width: 28 },
  { key: 'received', header: 'Tiếp nhận', width: 10, kind: 'int' },
  { key: 'online', header: 'Trực tuyến', width: 10, kind: 'int' },
  { key: 'onlineShare', header: 'Tỷ lệ trực tuyến', width: 10, kind: 'percent' },
  { key: 'inProgress', header: 'Đang giải quyết', width: 10, kind: 'int' },
  { key: 'dueSoon', header: 'Sắp đến hạn', width: 9, kind: 'int' },
  { key: 'overdue', header: 'Quá hạn', width: 9, kind: 'int' },
  { key: 'finished', header: 'Đã giải quyết', width: 10, kind: 'int' },
  { key: 'early', header: 'Trước hạn', width: 9, kind: 'int' },
  { key: 'onTime', header: 'Đúng hạn', width: 9, kind: 'int' },
  { key: 'late', header: 'Trễ hạn', width: 9, kind: 'int' },
  { key: 'onTimeRate', header: 'Đúng hạn (766 – 2.1)', width: 11, kind: 'percent' },
  { key: 'refused', header: 'Từ chối', width: 8, kind: 'int' },
  { key: 'withdrawn', header: 'Rút', width: 7, kind: 'int' },
  { key: 'stopped', header: 'Dừng', width: 7, kind: 'int' },
];

type Counts = Omit<DossierStatsRow, 'code' | 'name' | 'provinceCode' | 'canReadDossiers'>;
const flat = (code: string, name: string, c: Counts) => ({
  code,
  name,
  received: c.received,
  online: c.online,
  onlineShare: c.onlineShare,
  inProgress: c.inProgress.total,
  dueSoon: c.inProgress.dueSoon,
  overdue: c.inProgress.overdue,
  finished: c.finished.total,
  early: c.finished.early,
  onTime: c.finished.onTime,
  late: c.finished.late,
  onTimeRate: c.onTimeRate,
  refused: c.refused,
  withdrawn: c.withdrawn,
  stopped: c.stopped,
});

/**
 * The supervision aggregate as XLSX or PDF. It asks GET /api/dossiers/stats in-process with the caller's own
 * session (app.inject), so the file holds exactly what that route answers the caller (its scope and its
 * authorization: a province supervisor's file holds only their province), whatever computes the aggregate.
 */
export const dossierStatsExportRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  app.get(
    '/exports/dossier-stats',
    {
      schema: {
        tags,
        summary: 'The supervision aggregate of GET /api/dossiers/stats (same query) as an XLSX or PDF file',
        querystring: DossierStatsExportQuery,
      },
    },
    async (req, reply) => {
      requireActor(req);
      const { format, ...query } = req.query;
      const qs = new URLSearchParams(
        Object.entries(query).filter((e): e is [string, string] => typeof e[1] === 'string'),
      );
      const res = await app.inject({
        method: 'GET',
        url: `/api/dossiers/stats?${qs}`,
        headers: {
          cookie: req.headers.cookie ?? '',
          'accept-language': req.headers['accept-language'] ?? 'vi',
        },
      });
      if (res.statusCode !== 200) {
        return reply
          .code(res.statusCode)
          .type(String(res.headers['content-type'] ?? 'application/problem+json'))
          .send(res.body);
      }
      const stats = DossierStats.parse(res.json());
      const by = stats.by === 'current_unit' ? 'theo đơn vị hiện nay' : 'theo đơn vị tiếp nhận';
      const level = stats.groupBy === 'province' ? 'theo tỉnh, thành phố' : 'theo đơn vị';
      return sendTable(
        reply,
        format,
        {
          title: 'Tình hình tiếp nhận và giải quyết hồ sơ',
          subtitle: `Từ ${stats.from} đến ${stats.to}, ${level}, ${by}.`,
          columns: DOSSIER_STATS_COLUMNS,
          rows: [...stats.rows.map((r) => flat(r.code, r.name, r)), flat('', 'Tổng cộng', stats.totals)],
        },
        `tinh-hinh-ho-so-${query.unitCode ?? query.provinceCode ?? 'pham-vi'}-${stats.from}-${stats.to}`,
        deps.clock.now(),
      );
    },
  );
};

const MonthlyParams = z.object({
  provinceCode: z.string().regex(/^[0-9A-Za-z]{2,12}$/),
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
});

/**
 * The monthly report per province: the 766 index as recorded by the month's snapshot (taken by the API process at
 * the start of the next month), listed for the provinces the caller may read (report.read) and downloaded as XLSX
 * or PDF rendered from that snapshot, so the file of a month never changes after it was recorded.
 */
export const monthlyReportRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const { db } = deps.database;

  app.get(
    '/reports/monthly',
    {
      schema: {
        tags,
        summary: 'Monthly reports (one per province and month recorded) of the provinces the caller may read',
        querystring: z.object({ provinceCode: MonthlyParams.shape.provinceCode.optional() }),
        response: { 200: MonthlyReportList },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const today = vnDate(deps.clock.now());
      const mine = jurisdictionFor(actor, 'report.read');
      if (mine.length === 0) throw new AppError('FORBIDDEN', { details: { action: 'report.read' } });
      const p = req.query.provinceCode;
      if (p) authorize(actor, 'report.read', { kind: 'unit', unitCode: p, provinceCode: p });
      const scopes = p ? [p] : mine;
      const rows = await createServiceIndexRepository(db).listSnapshots({ scopes, fromMonth: '2000-01-01' });
      const names = await findUnitNames(db, [...new Set(rows.map((r) => r.provinceCode))], today);
      return {
        items: rows
          .filter(
            (r) =>
              decide(actor, 'report.read', { kind: 'unit', unitCode: r.provinceCode, provinceCode: r.provinceCode })
                .allowed,
          )
          .reverse()
          .map((r) => ({
            provinceCode: r.provinceCode,
            name: names.get(r.provinceCode) ?? r.provinceCode,
            month: r.month.slice(0, 7),
            points: r.points,
            maxPoints: r.maxPoints,
            computedAt: r.computedAt.toISOString(),
          })),
      };
    },
  );

  app.get(
    '/reports/monthly/:provinceCode/:month',
    {
      schema: {
        tags,
        summary: 'The monthly report of a province as XLSX or PDF (404 until the month is recorded)',
        params: MonthlyParams,
        querystring: z.object({ format: z.enum(['xlsx', 'pdf']).default('xlsx') }),
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const { provinceCode, month } = req.params;
      authorize(actor, 'report.read', { kind: 'unit', unitCode: provinceCode, provinceCode });
      const snap = (
        await createServiceIndexRepository(db).listSnapshots({ scopes: [provinceCode], fromMonth: `${month}-01` })
      ).find((s) => s.month.startsWith(month));
      if (!snap) throw new AppError('ROUTE_NOT_FOUND', { details: { provinceCode, month } });
      const name =
        (await findUnitNames(db, [provinceCode], vnDate(deps.clock.now()))).get(provinceCode) ?? provinceCode;
      const indicators = snap.indicators as ServiceIndicator[];
      return sendTable(
        reply,
        req.query.format,
        {
          title: `Báo cáo tháng ${month.slice(5, 7)}/${month.slice(0, 4)} — ${name}`,
          subtitle: `Bộ chỉ số 766: ${snap.points}/${snap.maxPoints} điểm các chỉ số tính được; ${snap.received} hồ sơ tiếp nhận; số liệu chốt lúc ${snap.computedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC.`,
          columns: [
            { key: 'id', header: 'Chỉ số', width: 7 },
            { key: 'name', header: 'Tên chỉ số', width: 36 },
            { key: 'numerator', header: 'Tử số', width: 10, kind: 'int' },
            { key: 'denominator', header: 'Mẫu số', width: 10, kind: 'int' },
            { key: 'rate', header: 'Tỷ lệ', width: 9, kind: 'percent' },
            { key: 'points', header: 'Điểm', width: 8, kind: 'decimal' },
            { key: 'max', header: 'Tối đa', width: 8, kind: 'decimal' },
            { key: 'reason', header: 'Ghi chú', width: 50 },
          ],
          rows: indicators.map((i) => ({
            id: i.id,
            name: SERVICE_INDICATOR_NAMES_VI[i.id],
            numerator: i.numerator,
            denominator: i.denominator,
            rate: i.rate,
            points: i.points,
            max: i.max,
            reason: i.reason,
          })),
        },
        `bao-cao-thang-${provinceCode}-${month}`,
        deps.clock.now(),
      );
    },
  );
};
