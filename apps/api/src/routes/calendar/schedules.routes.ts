import {
  CalendarScopeQuery,
  DeleteYearScheduleQuery,
  PutYearScheduleRequest,
  YearScheduleView,
} from '@mot-cua/contracts';
import {
  assertYear,
  draftSchedule,
  NATIONAL_CALENDAR_SCOPE,
  removeYearSchedule,
  type StoredSchedule,
  saveYearSchedule,
  vnDate,
} from '@mot-cua/core';
import { createCalendarPorts, createCalendarRepository } from '@mot-cua/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../context.js';
import { requireActor } from '../../http/auth.js';
import { inTransaction } from '../write.js';
import { YearParam } from './params.js';
import { resolveScope } from './scope.js';

const presentStored = (s: StoredSchedule, year: number) => ({
  scopeCode: s.scopeCode,
  year,
  stored: true,
  source: s.source,
  version: s.version,
  updatedAt: s.updatedAt.toISOString(),
  entries: [...s.entries],
});

/** A year's stored schedule per scope: the announced national days off, or a province's or commune's own. */
export const schedulesRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const { db } = deps.database;

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
      const scope = await resolveScope(deps.database, req.query, vnDate(deps.clock.now()));
      const stored = await createCalendarRepository(db).findSchedule(scope.scopeCode, year);
      if (stored) return presentStored(stored, year);
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
      const scope = await resolveScope(deps.database, req.body, vnDate(deps.clock.now()));
      const { source, entries, expectedVersion } = req.body;
      const saved = await inTransaction(deps, req, createCalendarPorts, (ports) =>
        saveYearSchedule({ scope, year, source, entries, expectedVersion }, { actor, now: deps.clock.now() }, ports),
      );
      return presentStored(saved, year);
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
      const scope = await resolveScope(deps.database, req.query, vnDate(deps.clock.now()));
      await inTransaction(deps, req, createCalendarPorts, (ports) =>
        removeYearSchedule(
          { scope, year: req.params.year, expectedVersion: req.query.expectedVersion },
          { actor },
          ports,
        ),
      );
      return reply.status(204).send(null);
    },
  );
};
