import { ConversionResult, ConvertRequest } from '@mot-cua/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../context.js';
import { tags, todayOf } from './shared.js';
import { unitIndexOf } from './unit-index-cache.js';

/** Old (pre-2025-07-01) address or code → the units in force on a date. Public. */
export const conversionRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const today = todayOf(deps);
  app.post(
    '/convert',
    {
      schema: {
        tags,
        summary: 'Convert an old (pre-2025-07-01) address or old code to the units in force on a date',
        body: ConvertRequest,
        response: { 200: ConversionResult },
      },
    },
    async (req) => {
      const onDate = req.body.onDate ?? today();
      const { converter } = await unitIndexOf(deps.database);
      const r = req.body.oldCode
        ? converter.convertCode(req.body.oldCode, onDate)
        : converter.convert(req.body.address!, onDate);
      return { ...r, onDate };
    },
  );
};
