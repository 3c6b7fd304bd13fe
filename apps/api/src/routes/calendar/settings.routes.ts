import { CalendarScopeQuery, CalendarSettingsView, PutCalendarSettingsRequest } from '@mot-cua/contracts';
import { saveCalendarSettings, vnDate } from '@mot-cua/core';
import { createCalendarPorts, createCalendarRepository } from '@mot-cua/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../context.js';
import { requireActor } from '../../http/auth.js';
import { inTransaction } from '../write.js';
import { presentSettings } from './calendar.presenter.js';
import { resolveScope } from './scope.js';

/** Office hours, intake cut-off and "due soon" threshold per scope. */
export const settingsRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const { db } = deps.database;

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
    async (req) =>
      presentSettings(
        await createCalendarRepository(db).effectiveSettings(
          await resolveScope(deps.database, req.query, vnDate(deps.clock.now())),
        ),
      ),
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
      const scope = await resolveScope(deps.database, req.body, vnDate(deps.clock.now()));
      const saved = await inTransaction(deps, req, createCalendarPorts, (ports) =>
        saveCalendarSettings(scope, req.body, { actor, now: deps.clock.now() }, ports),
      );
      return presentSettings(saved);
    },
  );
};
