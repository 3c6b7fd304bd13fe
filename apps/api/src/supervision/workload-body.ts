import type { Workload } from '@mot-cua/contracts';
import {
  backlogTrend,
  certificateGap,
  DEFAULT_WORKLOAD_THRESHOLD,
  dayNumberOf,
  type statsPeriod,
  vnDate,
  WORKLOAD_THRESHOLD_KEY,
  workloadOfUnits,
} from '@mot-cua/core';
import {
  createOfficialsRepository,
  createWorkloadProvincesRepository,
  createWorkloadRepository,
  findUnitNames,
  loadWorkingCalendar,
} from '@mot-cua/db';
import type { AppDeps } from '../context.js';
import type { SupervisionScope } from '../routes/supervision/supervision-scope.js';

type Db = AppDeps['database']['db'];

export async function workloadThreshold(db: Db): Promise<number> {
  const v = await createWorkloadRepository(db).readSetting(WORKLOAD_THRESHOLD_KEY);
  return typeof v === 'number' ? v : DEFAULT_WORKLOAD_THRESHOLD;
}

/**
 * Workload and staffing of a scope over a period (GET /api/supervision/workload after its authorization, and the
 * monthly report): dossiers per official per working day per commune, backlog, time per step, readiness gaps
 * (communes without an online approver, leaders without a valid certificate) as of `now`, moves. The nation's
 * rows are its provinces, and its approver and certificate gaps are counted per province (a supervisor drills into a province for
 * its communes and leaders): 34 rows, where one per commune was 3,321.
 */
export async function workloadBody(
  db: Db,
  scope: SupervisionScope,
  period: ReturnType<typeof statsPeriod>,
  now: Date,
): Promise<Workload> {
  const today = vnDate(now);
  const f = { scope: scope.code, fromAt: period.fromAt, toAt: period.toAt, from: period.from, to: period.to };
  const repo = createWorkloadRepository(db);
  const officials = createOfficialsRepository(db);
  const nation = scope.level === 'nation';
  // independent reads, at once (a pool of PostgreSQL connections serves them side by side; PGlite takes turns)
  const [calendar, limit, loads, points, gaps, certificates, steps, moves] = await Promise.all([
    loadWorkingCalendar(db, {
      ...(scope.level === 'unit' ? { unitCode: scope.code, provinceCode: scope.provinceCode } : {}),
      ...(scope.level === 'province' ? { provinceCode: scope.code } : {}),
      fromYear: Number(period.from.slice(0, 4)),
      toYear: Number(period.to.slice(0, 4)),
    }),
    workloadThreshold(db),
    nation ? createWorkloadProvincesRepository(db).provincesLoad(f) : repo.unitsLoad(f),
    repo.backlogByDay(f),
    nation
      ? officials.countCommunesWithoutOnlineApproverByProvince(today)
      : officials.listCommunesWithoutOnlineApprover({
          onDate: today,
          provinceCode: scope.provinceCode,
          limit: 200,
          offset: 0,
        }),
    nation
      ? officials.countLeadersWithoutValidCertificateByProvince(today)
      : officials.listLeadersWithoutValidCertificate({
          onDate: today,
          ...(scope.level === 'province' ? { provinceCode: scope.code } : {}),
          ...(scope.level === 'unit' ? { unitCode: scope.code } : {}),
          limit: 500,
        }),
    repo.stepDurations(f),
    repo.moves(f),
  ]);
  let workingDays = 0;
  for (let d = dayNumberOf(period.from); d <= dayNumberOf(period.to); d++) if (calendar.isWorkingDay(d)) workingDays++;
  const byProvince = Array.isArray(certificates) ? certificates : [];
  const approversByProvince = Array.isArray(gaps) ? gaps : [];
  const names = await findUnitNames(
    db,
    [
      ...new Set([
        ...loads.map((u) => u.unitCode),
        ...byProvince.map((p) => p.provinceCode),
        ...approversByProvince.map((p) => p.provinceCode),
      ]),
    ],
    today,
  );
  const provinceOf = new Map(loads.map((l) => [l.unitCode, l.provinceCode]));
  const units = workloadOfUnits(loads, workingDays, limit).map((u) => ({
    ...u,
    name: names.get(u.unitCode) ?? u.unitCode,
    provinceCode: provinceOf.get(u.unitCode) ?? '',
  }));
  const listed = Array.isArray(gaps) ? { items: [], total: gaps.reduce((n, p) => n + p.without, 0) } : gaps;
  const gapItems = scope.level === 'unit' ? listed.items.filter((g) => g.code === scope.code) : listed.items;
  return {
    scope: { code: scope.code, name: scope.name, level: scope.level },
    from: period.from,
    to: period.to,
    workingDays,
    threshold: limit,
    unitsLevel: nation ? 'province' : 'unit',
    units,
    backlog: { points, ...backlogTrend(points) },
    steps,
    noOnlineApprover: {
      total: scope.level === 'unit' ? gapItems.length : listed.total,
      items: gapItems,
      byProvince: approversByProvince.map((p) => ({ ...p, name: names.get(p.provinceCode) ?? p.provinceCode })),
    },
    certificateGaps: Array.isArray(certificates)
      ? {
          total: certificates.reduce((n, p) => n + p.missing + p.expired, 0),
          items: [],
          byProvince: certificates.map((p) => ({ ...p, name: names.get(p.provinceCode) ?? p.provinceCode })),
        }
      : {
          total: certificates.total,
          // The SQL cut the rows; core says why each one does not serve.
          items: certificates.items.flatMap(({ certificateSerial, ...o }) => {
            const gap = certificateGap({ certificateSerial, certificateValidTo: o.certificateValidTo }, today);
            return gap ? [{ ...o, gap }] : [];
          }),
          byProvince: [],
        },
    moves: moves.map((m) => ({ ...m, kind: m.kind as 'transfer' | 'secondment' })),
  };
}
