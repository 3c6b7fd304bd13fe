import { DueDateRequest, DueDateResponse } from '@mot-cua/contracts';
import {
  apologyWindowEnd,
  assertYear,
  classifyInProgress,
  computeDueDate,
  computeStepDeadlines,
  type Duration,
  HOUR_MS,
  type ProcessStep,
  toCutoff,
  vnDate,
  vnDateTime,
  vnDayNumber,
  yearOfDayNumber,
} from '@mot-cua/core';
import { createCalendarRepository, createProceduresRepository, getInternalProcess } from '@mot-cua/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../context.js';
import { loadScopeCalendar, resolveScope } from './scope.js';

/** The due-date calculator (public): a time limit or a procedure, from a receipt time, with pauses and steps. */
export const dueDateRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const { db } = deps.database;

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
      const scope = await resolveScope(deps.database, b, vnDate(deps.clock.now()));
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
      const calendar = await loadScopeCalendar(deps.database, scope, year, Math.min(year + 1, 2100));
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
};
