import { DossierStats, DossierStatsExportQuery, type DossierStatsRow } from '@mot-cua/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
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
