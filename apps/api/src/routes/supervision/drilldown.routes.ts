import { Drilldown, DrilldownDossiers, DrilldownDossiersQuery, DrilldownQuery } from '@mot-cua/contracts';
import { AppError, drillFromCounts, statsPeriod, vnDate } from '@mot-cua/core';
import { createAdminUnitsRepository, createSupervisionDrilldownRepository, findUnitNames } from '@mot-cua/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../context.js';
import { sendTable } from '../../exports/index.js';
import { dossierListTable, drilldownTable } from '../../exports/supervision-tables.js';
import { requireActor } from '../../http/auth.js';
import { supervisionScope } from './supervision-scope.js';

const tags = ['supervision'];

/**
 * /api/supervision/drilldown: below the commune of the dashboards, per department and per official who acted on
 * or holds each dossier, then the dossiers of one row. Authorized as every supervision read (dossier.stats on the
 * unit: a province supervisor only in their province, a commune's leader or centre director only their commune).
 */
export const drilldownRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const { db } = deps.database;

  async function load(actor: ReturnType<typeof requireActor>, q: { code: string; from?: string; to?: string }) {
    const now = deps.clock.now();
    const today = vnDate(now);
    const scope = await supervisionScope(db, actor, { unitCode: q.code }, today);
    // below a commune (or a provincial unit), never a whole province: that is the dashboard's province level
    const unit = await createAdminUnitsRepository(db).findUnit(scope.code, today);
    if (scope.level !== 'unit' || !unit || unit.level === 'province') throw new AppError('DOSSIER_UNIT_NOT_FOUND');
    const period = statsPeriod(now, q.from, q.to);
    const drill = createSupervisionDrilldownRepository(db);
    const f = {
      unitCode: scope.code,
      fromAt: period.fromAt,
      toAt: period.toAt,
      onDate: period.to < today ? period.to : today,
      now,
    };
    return { now, today, scope, period, drill, f };
  }

  app.get(
    '/drilldown',
    {
      schema: {
        tags,
        summary:
          'A commune’s dossiers of a period per department and per official who acted on or holds them: received, finished on time / late, in progress, overdue (format=xlsx|pdf with table=departments|officials for a file)',
        querystring: DrilldownQuery,
        response: { 200: Drilldown },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const q = req.query;
      const { now, today, scope, period, drill, f } = await load(actor, q);
      const names = await findUnitNames(db, [scope.code, scope.provinceCode], today);
      const body: Drilldown = {
        code: scope.code,
        name: names.get(scope.code) ?? scope.code,
        provinceCode: scope.provinceCode,
        provinceName: names.get(scope.provinceCode) ?? scope.provinceCode,
        from: period.from,
        to: period.to,
        ...drillFromCounts(await drill.breakdown(f)),
      };
      if (q.format === 'json') return body;
      const file = `chi-tiet-${q.table}-${scope.code}-${period.from}-${period.to}`;
      return sendTable(reply, q.format, drilldownTable(body, q.table), file, now);
    },
  );

  app.get(
    '/drilldown/dossiers',
    {
      schema: {
        tags,
        summary:
          'The dossiers of one row of the drill-down (a department or an official), optionally of one figure (format=xlsx|pdf: every dossier of the row in a file, not one page)',
        querystring: DrilldownDossiersQuery,
        response: { 200: DrilldownDossiers },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const q = req.query;
      const { now, scope, period, drill, f } = await load(actor, q);
      const pick = {
        ...(q.official ? { userId: q.official } : {}),
        ...(q.department ? { departmentId: q.department === 'none' ? null : q.department } : {}),
        ...(q.bucket ? { bucket: q.bucket } : {}),
      };
      const list = await drill.dossiers(
        f,
        pick,
        q.format === 'json' ? { limit: q.limit, offset: q.offset, after: q.after, total: q.total } : { limit: null },
      );
      const item = (d: (typeof list.items)[number]) => ({
        id: d.id,
        code: d.code,
        procedureCode: d.procedureCode,
        procedureName: d.procedureName,
        status: d.status,
        bucket: d.bucket,
        receivedAt: d.entryAt.toISOString(),
        dueAt: d.dueAt?.toISOString() ?? null,
        finishedAt: d.finishedAt?.toISOString() ?? null,
        holderName: d.holderName,
      });
      if (q.format === 'json') return { total: list.total, next: list.next, items: list.items.map(item) };
      // the file names the row: the officials of the breakdown carry names and departments
      const { officials } = await drill.breakdown(f);
      const official = officials.find((o) => o.userId === q.official);
      const department = officials.find((o) => o.departmentId === q.department)?.departmentName;
      const who = q.official
        ? `cán bộ ${official?.fullName ?? q.official}`
        : q.department
          ? `phòng ban ${q.department === 'none' ? 'Chưa xếp phòng ban' : (department ?? q.department)}`
          : 'mọi cán bộ';
      const table = dossierListTable(
        `Danh sách hồ sơ — ${scope.name}`,
        `${scope.name} (${scope.code}), ${who}${q.bucket ? `, nhóm ${q.bucket}` : ''}. Từ ${period.from} đến ${period.to}. Tổng số: ${list.total}.`,
        list.items.map(item),
      );
      return sendTable(reply, q.format, table, `ho-so-${scope.code}-${period.from}-${period.to}`, now);
    },
  );
};
