import { AdminUnit, Lineage, OnDateQuery, UnitList, UnitSearchQuery, UnitSearchResult } from '@mot-cua/contracts';
import { createAdminUnitsRepository } from '@mot-cua/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../context.js';
import { CodeParams, tags, todayOf } from './shared.js';
import { unitIndexOf } from './unit-index-cache.js';

/** Units over time (public master data): provinces, one unit, children, lineage, search. */
export const unitsRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const today = todayOf(deps);
  const index = async () => (await unitIndexOf(deps.database)).index;

  app.get(
    '/units',
    {
      schema: { tags, summary: 'Provinces in force on a date', querystring: OnDateQuery, response: { 200: UnitList } },
    },
    async (req) => {
      const onDate = req.query.onDate ?? today();
      return { onDate, items: (await index()).listProvinces(onDate) };
    },
  );

  app.get(
    '/units/:code',
    {
      schema: {
        tags,
        summary: 'A unit as of a date',
        params: CodeParams,
        querystring: OnDateQuery,
        response: { 200: AdminUnit },
      },
    },
    async (req) => createAdminUnitsRepository(deps.database.db).getUnit(req.params.code, req.query.onDate ?? today()),
  );

  app.get(
    '/units/:code/children',
    {
      schema: {
        tags,
        summary: 'Children of a unit as of a date (districts before 2025-07-01, communes after)',
        params: CodeParams,
        querystring: OnDateQuery,
        response: { 200: UnitList },
      },
    },
    async (req) => {
      const onDate = req.query.onDate ?? today();
      return { onDate, items: (await index()).listChildren(req.params.code, onDate) };
    },
  );

  app.get(
    '/units/:code/lineage',
    {
      schema: {
        tags,
        summary: 'Predecessors and successors of a unit, transitively',
        params: CodeParams,
        querystring: OnDateQuery,
        response: { 200: Lineage },
      },
    },
    async (req) => (await index()).lineage(req.params.code, req.query.onDate ?? today()),
  );

  app.get(
    '/search',
    {
      schema: {
        tags,
        summary: 'Accent-insensitive, typo-tolerant search of units by name, or by code or old code alias',
        querystring: UnitSearchQuery,
        response: { 200: UnitSearchResult },
      },
    },
    async (req) => {
      const hits = (await index()).search(req.query.q, {
        onDate: req.query.onDate ?? today(),
        level: req.query.level,
        provinceCode: req.query.provinceCode,
        limit: req.query.limit,
      });
      return {
        items: hits.map((h) => ({
          unit: h.unit,
          provinceName: h.province?.fullName ?? null,
          score: h.score,
          alias: h.alias ?? null,
        })),
      };
    },
  );
};
