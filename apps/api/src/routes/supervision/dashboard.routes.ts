import { Dashboard, DashboardQuery, NATIONAL_SCOPE } from '@mot-cua/contracts';
import {
  type Actor,
  type AggregateCounts,
  AppError,
  aggregateRates,
  authorize,
  dashboardOnTimeRate,
  decide,
  emptyAggregateCounts,
  feedbackIndex,
  jurisdictionFor,
  type OpenEntryCounts,
  previousPeriod,
  statsPeriod,
  vnDate,
} from '@mot-cua/core';
import {
  type AggregateRow,
  type AggregateScope,
  createDossierAggregatesRepository,
  createDossierUnitsPort,
  createOpenDueRepository,
  createOpenEntriesRepository,
  createSupervisionFeedbackRepository,
  findUnitNames,
} from '@mot-cua/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../context.js';
import { sendTable } from '../../exports/index.js';
import { dashboardTable } from '../../exports/supervision-tables.js';
import { requireActor } from '../../http/auth.js';
import { dossierDeps } from '../dossiers/dossier-deps.js';
import { versionOf } from '../dossiers/dossier-view.js';
import { dueSoonMarks } from '../dossiers/due-soon-marks.js';

const tags = ['supervision'];

const noOpen: OpenEntryCounts = { overdue: 0, noDeadline: 0 };

/** Counts with their rates; the on-time rate is the 766 index's (indicator 2.1), from the open split. */
const withRates = (c: AggregateCounts & { online: number }, open: OpenEntryCounts) => ({
  ...c,
  ...aggregateRates(c),
  inProgressOverdue: open.overdue,
  inProgressNoDeadline: open.noDeadline,
  onTimeRate: dashboardOnTimeRate(c, open),
});

const sumOpen = (m: ReadonlyMap<string, OpenEntryCounts>): OpenEntryCounts => {
  const t = { ...noOpen };
  for (const o of m.values()) {
    t.overdue += o.overdue;
    t.noDeadline += o.noDeadline;
  }
  return t;
};

function sumRows(rows: readonly AggregateRow[]): AggregateCounts & { online: number } {
  const t = { ...emptyAggregateCounts(), online: 0 };
  for (const r of rows) {
    t.online += r.online;
    for (const k of Object.keys(t) as Array<keyof typeof t>) if (k !== 'online') t[k] += r[k];
  }
  return t;
}

/** Which level and unit the caller asks for, and whether they may see it (a province supervisor: only theirs). */
async function resolveScope(
  deps: AppDeps,
  actor: Actor,
  q: DashboardQuery,
  today: string,
): Promise<{ scope: AggregateScope; code: string }> {
  const mine = jurisdictionFor(actor, 'dossier.stats');
  if (mine.length === 0) throw new AppError('FORBIDDEN', { details: { action: 'dossier.stats' } });
  const units = createDossierUnitsPort(deps.database.db);
  const level = q.level ?? (mine.includes(NATIONAL_SCOPE) ? 'nation' : 'province');
  if (level === 'nation') {
    authorize(actor, 'dossier.stats', { kind: 'global' });
    return { scope: { level: 'nation' }, code: NATIONAL_SCOPE };
  }
  if (level === 'province') {
    let code = q.code;
    if (!code) {
      const own = mine.find((c) => c !== NATIONAL_SCOPE);
      if (!own) throw new AppError('VALIDATION_FAILED', { details: { code: 'required' } });
      code = (await units.findUnit(own, today))?.provinceCode ?? own;
    }
    const unit = await units.findUnit(code, today);
    if (unit?.level !== 'province') throw new AppError('DOSSIER_UNIT_NOT_FOUND');
    authorize(actor, 'dossier.stats', { kind: 'unit', unitCode: unit.code, provinceCode: unit.code });
    return { scope: { level: 'province', provinceCode: unit.code }, code: unit.code };
  }
  if (!q.code) throw new AppError('VALIDATION_FAILED', { details: { code: 'required' } });
  const unit = await units.findUnit(q.code, today);
  if (!unit || unit.level === 'province') throw new AppError('DOSSIER_UNIT_NOT_FOUND');
  authorize(actor, 'dossier.stats', { kind: 'unit', unitCode: unit.code, provinceCode: unit.provinceCode });
  return { scope: { level: 'commune', provinceCode: unit.provinceCode, unitCode: unit.code }, code: unit.code };
}

/** Dashboards of a commune, a province or the nation over any period, from the aggregates only. */
export const dashboardRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  app.get(
    '/',
    {
      schema: {
        tags,
        summary:
          'Received by channel, finished early / on time / late, in progress by deadline, per-procedure time against its limit, supplements, refusals, ratings, the previous period, and the rows of the level below (format=xlsx|pdf with table=rows|procedures|daily|openDue for a file)',
        querystring: DashboardQuery,
        response: { 200: Dashboard },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const q = req.query;
      const now = deps.clock.now();
      const today = vnDate(now);
      const period = statsPeriod(now, q.from, q.to);
      const { scope, code } = await resolveScope(deps, actor, q, today);
      const perspective = q.by === 'current_unit' ? 'current' : 'entry';
      const repo = createDossierAggregatesRepository(deps.database.db);
      const prev = previousPeriod(period.from, period.to);
      const prevPeriod = statsPeriod(now, prev.from, prev.to);
      const openEntries = createOpenEntriesRepository(deps.database.db);
      const feedback = createSupervisionFeedbackRepository(deps.database.db);
      // In progress by deadline, exact (the dossier's badge): each handling unit's due-soon mark on its calendar.
      const openDueRepo = createOpenDueRepository(deps.database.db);
      const { deadlines } = dossierDeps(deps.database.db, deps, versionOf(req));
      const marks = await dueSoonMarks(deadlines, await openDueRepo.handlingUnits(scope, now), now);
      const [rows, prevRows, daily, procedures, openDue, open, prevOpen, fb, prevFb] = await Promise.all([
        repo.breakdown(scope, period, perspective),
        repo.breakdown(scope, prev, perspective),
        repo.daily(scope, period, perspective),
        repo.procedures(scope, period),
        openDueRepo.split(scope, now, marks),
        openEntries.openSplit(scope, period, perspective, now),
        openEntries.openSplit(scope, prevPeriod, perspective, now),
        feedback.indexGroups(scope, period, now),
        feedback.indexGroups(scope, prevPeriod, now),
      ]);
      const parentCode = scope.level === 'commune' ? scope.provinceCode : null;
      const names = await findUnitNames(
        deps.database.db,
        [...rows.map((r) => r.code), code, ...(parentCode ? [parentCode] : [])],
        today,
      );
      const procNames = await repo.procedureNames(procedures.map((p) => p.procedureCode));
      const drill: 'province' | 'commune' | 'dossiers' =
        scope.level === 'nation' ? 'province' : scope.level === 'province' ? 'commune' : 'dossiers';
      const mayOpen = (rowCode: string) =>
        scope.level === 'nation'
          ? decide(actor, 'dossier.stats', { kind: 'unit', unitCode: rowCode, provinceCode: rowCode }).allowed
          : // the commune's row opens its drill-down (departments, officials, dossiers): a supervision read too
            decide(actor, 'dossier.stats', {
              kind: 'unit',
              unitCode: rowCode,
              provinceCode: scope.provinceCode,
            }).allowed;
      const parent =
        scope.level === 'province' && decide(actor, 'dossier.stats', { kind: 'global' }).allowed
          ? { level: 'nation' as const, code: NATIONAL_SCOPE, name: 'Toàn quốc' }
          : parentCode
            ? { level: 'province' as const, code: parentCode, name: names.get(parentCode) ?? parentCode }
            : null;
      const body: Dashboard = {
        level: scope.level,
        code,
        name: code === NATIONAL_SCOPE ? 'Toàn quốc' : (names.get(code) ?? code),
        parent,
        by: q.by,
        from: period.from,
        to: period.to,
        previous: prev,
        generatedAt: now.toISOString(),
        totals: withRates(sumRows(rows), sumOpen(open)),
        previousTotals: withRates(sumRows(prevRows), sumOpen(prevOpen)),
        feedback: feedbackIndex(fb),
        previousFeedback: feedbackIndex(prevFb),
        rows: rows.map((r) => ({
          ...withRates(r, open.get(r.code) ?? noOpen),
          code: r.code,
          name: names.get(r.code) ?? r.code,
          drill: mayOpen(r.code) ? drill : null,
        })),
        daily,
        procedures: procedures.map((p) => ({ ...p, procedureName: procNames.get(p.procedureCode) ?? p.procedureCode })),
        openDue,
      };
      if (q.format === 'json') return body;
      const file = `dieu-hanh-${q.table}-${code}-${period.from}-${period.to}`;
      return sendTable(reply, q.format, dashboardTable(body, q.table), file, now);
    },
  );
};
