import { ChecklistPreview, ChecklistPreviewRequest } from '@mot-cua/contracts';
import { AppError, authorize, previewChecklist, vnDate, withEformComponentTicked } from '@mot-cua/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../context.js';
import { requireActor } from '../../http/auth.js';
import { dossierDeps } from './dossier-deps.js';
import { versionOf } from './dossier-view.js';

const tags = ['dossiers'];

/**
 * The counter's checklist: POST /api/dossiers/checklist answers the procedure's components for the unit and
 * channel (each with its condition and starting state) and whether the rows ticked so far make a complete
 * dossier. Reception decides with the same function, so the page shows the server's verdict and never its own.
 */
export const dossierChecklistRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  app.post(
    '/checklist',
    {
      schema: {
        tags,
        summary: 'Checklist of a procedure at a unit for a channel, with the completeness of the rows ticked so far',
        body: ChecklistPreviewRequest,
        response: { 200: ChecklistPreview },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const body = req.body;
      const today = vnDate(deps.clock.now());
      const d = dossierDeps(deps.database.db, deps, versionOf(req));
      const receiving = await d.units.findUnit(body.receivingUnitCode, today);
      if (!receiving) throw new AppError('DOSSIER_UNIT_NOT_FOUND');
      authorize(actor, 'dossier.receive', {
        kind: 'unit',
        unitCode: receiving.code,
        provinceCode: receiving.provinceCode,
      });
      const competent = body.competentUnitCode ? await d.units.findUnit(body.competentUnitCode, today) : receiving;
      if (!competent) throw new AppError('DOSSIER_UNIT_NOT_FOUND');
      if (competent.provinceCode !== receiving.provinceCode) throw new AppError('UNIT_NOT_IN_PROVINCE');
      const procedure = await d.procedures.findProcedureForReception({
        procedureCode: body.procedureCode,
        competentUnitCode: competent.code,
        channel: body.channel,
        onDate: today,
      });
      if (!procedure) throw new AppError('PROCEDURE_NOT_AVAILABLE');
      const { unknownKeys, ...preview } = previewChecklist(
        procedure,
        withEformComponentTicked(procedure.components, body.components, body.eformGiven === true),
      );
      if (unknownKeys.length) throw new AppError('UNKNOWN_COMPONENT', { details: { keys: unknownKeys } });
      return { ...preview, channel: body.channel };
    },
  );
};
