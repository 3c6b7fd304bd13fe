import {
  CalendarScopeQuery,
  CalendarSettingsView,
  CalendarYearResponse,
  DeleteYearScheduleQuery,
  DueDateRequest,
  DueDateResponse,
  PutCalendarSettingsRequest,
  PutYearScheduleRequest,
  YearScheduleView,
} from '@mot-cua/contracts';
import {
  apologyWindowEnd,
  assertSettings,
  assertYear,
  authorize,
  classifyInProgress,
  computeDueDate,
  computeStepDeadlines,
  type Duration,
  draftSchedule,
  HOUR_MS,
  NATIONAL_CALENDAR_SCOPE,
  type ProcessStep,
  type Resource,
  removeYearSchedule,
  saveYearSchedule,
  vnDateTime,
  vnDayNumber,
  yearOfDayNumber,
} from '@mot-cua/core';
import {
  createAuditRepository,
  createCalendarRepository,
  createProceduresRepository,
  getInternalProcess,
  loadWorkingCalendar,
  locateUnit,
} from '@mot-cua/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../context.js';
import { requireActor } from '../../http/auth.js';
import { presentCutoff, presentSettings, toCutoff, toOfficeHours } from './calendar.presenter.js';

const YearParam = z.object({ year: z.coerce.number().int() });

type Scope = { scopeCode: string; unitCode?: string; provinceCode?: string; resource: Resource };

export const calendarRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const { db } = deps.database;

  /** A commune (its province from the admin-unit register when not given), a province, or the nation. */
  async function resolveScope(q: { unitCode?: string | undefined; provinceCode?: string | undefined }): Promise<Scope> {
    const unit = q.unitCode && q.unitCode !== q.provinceCode ? q.unitCode : undefined;
    if (unit && unit.length > 2) {
      const provinceCode = q.provinceCode ?? (await locateUnit(db, unit)).provinceCode ?? undefined;
      return {
        scopeCode: unit,
        unitCode: unit,
        ...(provinceCode ? { provinceCode } : {}),
        resource: { kind: 'unit', unitCode: unit, provinceCode: provinceCode ?? unit },
      };
    }
    const province = unit ?? q.provinceCode;
    if (province) {
      return {
        scopeCode: province,
        provinceCode: province,
        resource: { kind: 'unit', unitCode: province, provinceCode: province },
      };
    }
    return { scopeCode: NATIONAL_CALENDAR_SCOPE, resource: { kind: 'global' } };
  }

  const loadCalendar = (s: Scope, fromYear: number, toYear: number) =>
    loadWorkingCalendar(db, { unitCode: s.unitCode, provinceCode: s.provinceCode, fromYear, toYear });

  app.post(
    '/due-date',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Compute the due date of a time limit (or a procedure) from a receipt time, with pauses and steps',
        body: DueDateRequest,
        response: { 200: DueDateResponse },
      },
    },
    async (req) => {
      const b = req.body;
      const scope = await resolveScope(b);
      let duration: Duration | undefined = b.duration;
      let steps: ProcessStep[] = (b.steps ?? []).map((s) => ({ key: s.key, name: s.name, duration: s.duration }));
      if (b.procedureCode && !duration) {
        if (scope.unitCode) {
          const process = await getInternalProcess(db, b.procedureCode, scope.unitCode);
          duration = process.legalLimit ?? { value: 0, unit: 'none' };
          if (!b.steps && process.legalLimit && process.legalLimit.unit !== 'none') {
            steps = process.steps.map((s) => ({ key: String(s.order), name: s.name, duration: s.duration }));
          }
        } else {
          const { procedure } = await createProceduresRepository(db).getProcedure(b.procedureCode);
          duration = procedure.timeLimit ?? { value: 0, unit: 'none' };
        }
      }
      const receivedAt = new Date(b.receivedAt);
      const year = yearOfDayNumber(vnDayNumber(receivedAt));
      assertYear(year);
      const calendar = await loadCalendar(scope, year, Math.min(year + 1, 2100));
      const settings = await createCalendarRepository(db).effectiveSettings(scope);
      const r = computeDueDate({
        receivedAt,
        duration: duration!,
        calendar,
        pauses: (b.pauses ?? []).map((p) => ({
          startedAt: new Date(p.startedAt),
          endedAt: p.endedAt ? new Date(p.endedAt) : null,
          reason: p.reason,
        })),
        cutoff: b.cutoff ? toCutoff(b.cutoff) : undefined,
        pauseRule: b.pauseRule,
      });
      const stepDeadlines =
        steps.length > 0 && r.runStartsAt
          ? computeStepDeadlines({ clockStartsAt: r.runStartsAt, steps, calendar })
          : [];
      const iso = (d: Date | null) => (d ? d.toISOString() : null);
      return {
        duration: duration!,
        calendarScope: calendar.scopeCode,
        clockStartsAt: r.clockStartsAt.toISOString(),
        runStartsAt: iso(r.runStartsAt),
        dueAt: iso(r.dueAt),
        dueAtLocal: r.dueAt ? vnDateTime(r.dueAt) : null,
        paused: r.paused,
        pauses: r.pauses.map((p) => ({
          startedAt: p.startedAt.toISOString(),
          endedAt: iso(p.endedAt),
          reason: p.reason ?? null,
          workingHours: p.workingMs === null ? null : p.workingMs / HOUR_MS,
        })),
        apologyNoticeBy: r.dueAt && r.runStartsAt ? iso(apologyWindowEnd(r.dueAt, r.runStartsAt, calendar)) : null,
        status: classifyInProgress(deps.clock.now(), r.dueAt, calendar, settings.dueSoonWithin),
        steps: stepDeadlines.map((s) => ({
          key: s.key,
          name: s.name ?? null,
          duration: s.duration,
          startsAt: s.startsAt.toISOString(),
          dueAt: s.dueAt.toISOString(),
          plannedDueAt: s.plannedDueAt.toISOString(),
        })),
      };
    },
  );

  app.get(
    '/years/:year',
    {
      schema: {
        tags: ['calendar'],
        summary: 'The working calendar of a year for a scope (national, province or commune)',
        params: YearParam,
        querystring: CalendarScopeQuery,
        response: { 200: CalendarYearResponse },
      },
    },
    async (req) => {
      const { year } = req.params;
      assertYear(year);
      const scope = await resolveScope(req.query);
      const calendar = await loadCalendar(scope, year, year);
      const repo = createCalendarRepository(db);
      const [national, settings] = await Promise.all([
        repo.findSchedule(NATIONAL_CALENDAR_SCOPE, year),
        repo.effectiveSettings(scope),
      ]);
      const days = calendar.listYear(year);
      return {
        year,
        scopeCode: scope.scopeCode,
        announced: Boolean(national),
        source: national?.source ?? null,
        workingDays: days.filter((d) => d.working).length,
        settings: presentSettings(settings),
        days: days.map((d) => ({ ...d, entries: [...d.entries] })),
      };
    },
  );

  app.get(
    '/schedules/:year',
    {
      schema: {
        tags: ['calendar'],
        summary: "A year's stored schedule for a scope (or the rule-derived draft when none is stored)",
        params: YearParam,
        querystring: CalendarScopeQuery,
        response: { 200: YearScheduleView },
      },
    },
    async (req) => {
      const { year } = req.params;
      assertYear(year);
      const scope = await resolveScope(req.query);
      const stored = await createCalendarRepository(db).findSchedule(scope.scopeCode, year);
      if (stored) {
        return {
          scopeCode: stored.scopeCode,
          year,
          stored: true,
          source: stored.source,
          version: stored.version,
          updatedAt: stored.updatedAt.toISOString(),
          entries: [...stored.entries],
        };
      }
      const draft = scope.scopeCode === NATIONAL_CALENDAR_SCOPE ? draftSchedule(year).entries : [];
      return {
        scopeCode: scope.scopeCode,
        year,
        stored: false,
        source: null,
        version: 0,
        updatedAt: null,
        entries: [...draft],
      };
    },
  );

  app.put(
    '/schedules/:year',
    {
      schema: {
        tags: ['calendar'],
        summary: "Store a year's schedule for a scope (the announced national one wins over the rules)",
        params: YearParam,
        body: PutYearScheduleRequest,
        response: { 200: YearScheduleView },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const { year } = req.params;
      const scope = await resolveScope(req.body);
      authorize(actor, 'calendar.manage', scope.resource);
      const saved = await db.transaction().execute(async (trx) => {
        const s = await saveYearSchedule(
          {
            scopeCode: scope.scopeCode,
            year,
            source: req.body.source,
            entries: req.body.entries,
            expectedVersion: req.body.expectedVersion,
            actorUserId: actor.userId,
            now: deps.clock.now(),
          },
          { schedules: createCalendarRepository(trx) },
        );
        await createAuditRepository(trx).recordAudit({
          actorUserId: actor.userId,
          action: 'calendar.schedule_saved',
          entityType: 'calendar_schedule',
          entityId: `${scope.scopeCode}:${year}`,
          provinceCode: scope.provinceCode ?? null,
          unitCode: scope.unitCode ?? null,
          requestId: String(req.id),
          data: { version: s.version, entries: s.entries.length, source: s.source },
        });
        return s;
      });
      return {
        scopeCode: saved.scopeCode,
        year,
        stored: true,
        source: saved.source,
        version: saved.version,
        updatedAt: saved.updatedAt.toISOString(),
        entries: [...saved.entries],
      };
    },
  );

  app.delete(
    '/schedules/:year',
    {
      schema: {
        tags: ['calendar'],
        summary: "Remove a year's stored schedule for a scope (the year is counted by the rules again)",
        params: YearParam,
        querystring: DeleteYearScheduleQuery,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const { year } = req.params;
      const scope = await resolveScope(req.query);
      authorize(actor, 'calendar.manage', scope.resource);
      await db.transaction().execute(async (trx) => {
        await removeYearSchedule(
          { scopeCode: scope.scopeCode, year, expectedVersion: req.query.expectedVersion },
          { schedules: createCalendarRepository(trx) },
        );
        await createAuditRepository(trx).recordAudit({
          actorUserId: actor.userId,
          action: 'calendar.schedule_removed',
          entityType: 'calendar_schedule',
          entityId: `${scope.scopeCode}:${year}`,
          provinceCode: scope.provinceCode ?? null,
          unitCode: scope.unitCode ?? null,
          requestId: String(req.id),
          data: { version: req.query.expectedVersion },
        });
      });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/settings',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Office hours, intake cut-off and "due soon" threshold in force for a scope',
        querystring: CalendarScopeQuery,
        response: { 200: CalendarSettingsView },
      },
    },
    async (req) => presentSettings(await createCalendarRepository(db).effectiveSettings(await resolveScope(req.query))),
  );

  app.put(
    '/settings',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Set office hours, intake cut-off and "due soon" threshold of a scope',
        body: PutCalendarSettingsRequest,
        response: { 200: CalendarSettingsView },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const scope = await resolveScope(req.body);
      authorize(actor, 'calendar.manage', scope.resource);
      const settings = {
        scopeCode: scope.scopeCode,
        officeHours: toOfficeHours(req.body.officeHours),
        cutoff: toCutoff(req.body.cutoff),
        dueSoonWithin: req.body.dueSoonWithin,
      };
      assertSettings(settings);
      await db.transaction().execute(async (trx) => {
        await createCalendarRepository(trx).saveSettings(settings, actor.userId, deps.clock.now());
        await createAuditRepository(trx).recordAudit({
          actorUserId: actor.userId,
          action: 'calendar.settings_saved',
          entityType: 'calendar_settings',
          entityId: scope.scopeCode,
          provinceCode: scope.provinceCode ?? null,
          unitCode: scope.unitCode ?? null,
          requestId: String(req.id),
          data: { officeHours: req.body.officeHours, cutoff: presentCutoff(settings.cutoff) },
        });
      });
      return presentSettings(settings);
    },
  );
};
