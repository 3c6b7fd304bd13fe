import { CalendarScopeQuery, CalendarYearResponse } from '@mot-cua/contracts';
import { assertYear, NATIONAL_CALENDAR_SCOPE, vnDate } from '@mot-cua/core';
import { createCalendarRepository } from '@mot-cua/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../context.js';
import { presentSettings } from './calendar.presenter.js';
import { YearParam } from './params.js';
import { loadScopeCalendar, resolveScope } from './scope.js';

/** The working calendar of a year, day by day, for the nation, a province or a commune (public). */
export const yearsRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const { db } = deps.database;

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
      const scope = await resolveScope(deps.database, req.query, vnDate(deps.clock.now()));
      const calendar = await loadScopeCalendar(deps.database, scope, year, year);
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
};
