import { Workload, WorkloadQuery, WorkloadSettings } from '@mot-cua/contracts';
import {
  authorize,
  backlogTrend,
  certificateGap,
  DEFAULT_WORKLOAD_THRESHOLD,
  dayNumberOf,
  setWorkloadThreshold,
  statsPeriod,
  vnDate,
  WORKLOAD_THRESHOLD_KEY,
  workloadOfUnits,
} from '@mot-cua/core';
import {
  createAuditPort,
  createOfficialsRepository,
  createWorkloadRepository,
  findUnitNames,
  loadWorkingCalendar,
} from '@mot-cua/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../context.js';
import { sendTable } from '../../exports/index.js';
import { workloadTable } from '../../exports/supervision-tables.js';
import { requireActor } from '../../http/auth.js';
import { supervisionScope } from './supervision-scope.js';

const tags = ['supervision'];
type Db = AppDeps['database']['db'];

async function threshold(db: Db): Promise<number> {
  const v = await createWorkloadRepository(db).readSetting(WORKLOAD_THRESHOLD_KEY);
  return typeof v === 'number' ? v : DEFAULT_WORKLOAD_THRESHOLD;
}

/** /api/supervision/workload: dossiers per official per working day, backlog, time per step, staffing. */
export const workloadRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const { db } = deps.database;

  app.get(
    '/workload',
    {
      schema: {
        tags,
        summary:
          'Workload and staffing of a commune, a province or the nation over a period (format=xlsx|pdf with table=units|backlog|steps|noOnlineApprover|moves for a file)',
        querystring: WorkloadQuery,
        response: { 200: Workload },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const now = deps.clock.now();
      const today = vnDate(now);
      const scope = await supervisionScope(db, actor, req.query, today);
      const period = statsPeriod(now, req.query.from, req.query.to);
      const f = { scope: scope.code, fromAt: period.fromAt, toAt: period.toAt, from: period.from, to: period.to };
      const repo = createWorkloadRepository(db);
      const calendar = await loadWorkingCalendar(db, {
        ...(scope.level === 'unit' ? { unitCode: scope.code, provinceCode: scope.provinceCode } : {}),
        ...(scope.level === 'province' ? { provinceCode: scope.code } : {}),
        fromYear: Number(period.from.slice(0, 4)),
        toYear: Number(period.to.slice(0, 4)),
      });
      let workingDays = 0;
      for (let d = dayNumberOf(period.from); d <= dayNumberOf(period.to); d++)
        if (calendar.isWorkingDay(d)) workingDays++;
      const limit = await threshold(db);
      const loads = await repo.unitsLoad(f);
      const names = await findUnitNames(
        db,
        loads.map((u) => u.unitCode),
        today,
      );
      const units = workloadOfUnits(loads, workingDays, limit).map((u) => ({
        ...u,
        name: names.get(u.unitCode) ?? u.unitCode,
        provinceCode: loads.find((l) => l.unitCode === u.unitCode)?.provinceCode ?? '',
      }));
      if (req.query.format !== 'json' && req.query.table === 'units') {
        return sendTable(
          reply,
          req.query.format,
          {
            title: `Khối lượng công việc và nhân lực — ${scope.name}`,
            subtitle: `Từ ${period.from} đến ${period.to}: ${workingDays} ngày làm việc; ngưỡng quá tải ${limit} hồ sơ/cán bộ/ngày.`,
            columns: [
              { key: 'unitCode', header: 'Mã', width: 8 },
              { key: 'name', header: 'Đơn vị', width: 30 },
              { key: 'received', header: 'Hồ sơ tiếp nhận', width: 12, kind: 'int' },
              { key: 'officials', header: 'Cán bộ', width: 9, kind: 'int' },
              { key: 'perOfficialPerDay', header: 'Hồ sơ/cán bộ/ngày', width: 12, kind: 'decimal' },
              { key: 'open', header: 'Đang tồn', width: 10, kind: 'int' },
              { key: 'overloadText', header: 'Cảnh báo', width: 24 },
            ],
            rows: units.map((u) => ({
              ...u,
              overloadText: u.overload === 'no_staff' ? 'Có hồ sơ, không có cán bộ' : u.overload ? 'Vượt ngưỡng' : '',
            })),
          },
          `khoi-luong-${scope.code}-${period.from}-${period.to}`,
          now,
        );
      }
      const points = await repo.backlogByDay(f);
      const gaps = await createOfficialsRepository(db).listCommunesWithoutOnlineApprover({
        onDate: today,
        ...(scope.level === 'nation' ? {} : { provinceCode: scope.provinceCode }),
        limit: 200,
        offset: 0,
      });
      const gapItems = scope.level === 'unit' ? gaps.items.filter((g) => g.code === scope.code) : gaps.items;
      const certificates = await createOfficialsRepository(db).listLeadersWithoutValidCertificate({
        onDate: today,
        ...(scope.level === 'province' ? { provinceCode: scope.code } : {}),
        ...(scope.level === 'unit' ? { unitCode: scope.code } : {}),
        limit: 500,
      });
      const body: Workload = {
        scope: { code: scope.code, name: scope.name, level: scope.level },
        from: period.from,
        to: period.to,
        workingDays,
        threshold: limit,
        units,
        backlog: { points, ...backlogTrend(points) },
        steps: await repo.stepDurations(f),
        noOnlineApprover: { total: scope.level === 'unit' ? gapItems.length : gaps.total, items: gapItems },
        certificateGaps: {
          total: certificates.total,
          // The SQL cut the rows; core says why each one does not serve.
          items: certificates.items.flatMap(({ certificateSerial, ...o }) => {
            const gap = certificateGap({ certificateSerial, certificateValidTo: o.certificateValidTo }, today);
            return gap ? [{ ...o, gap }] : [];
          }),
        },
        moves: (await repo.moves(f)).map((m) => ({ ...m, kind: m.kind as 'transfer' | 'secondment' })),
      };
      const { format, table } = req.query;
      if (format === 'json' || table === 'units') return body;
      const file = `khoi-luong-${table}-${scope.code}-${period.from}-${period.to}`;
      return sendTable(reply, format, workloadTable(body, table), file, now);
    },
  );

  app.get(
    '/workload/settings',
    {
      schema: {
        tags,
        summary: 'The workload threshold in force (system administrators; supervisors read it in GET /workload)',
        response: { 200: WorkloadSettings },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      authorize(actor, 'supervision.manage', { kind: 'global' });
      return { dossiersPerOfficialPerDay: await threshold(db) };
    },
  );

  app.put(
    '/workload/settings',
    {
      schema: {
        tags,
        summary: 'Set the workload threshold (system administrators; audited with the previous value)',
        body: WorkloadSettings,
        response: { 200: WorkloadSettings },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const now = deps.clock.now();
      return db.transaction().execute(async (trx) => {
        const repo = createWorkloadRepository(trx);
        return setWorkloadThreshold(
          actor,
          req.body,
          {
            readThreshold: async () => {
              const v = await repo.readSetting(WORKLOAD_THRESHOLD_KEY);
              return typeof v === 'number' ? v : null;
            },
            writeThreshold: (v, by, at) => repo.writeSetting(WORKLOAD_THRESHOLD_KEY, v, by, at),
            audit: createAuditPort(trx, String(req.id)),
          },
          now,
        );
      });
    },
  );
};
