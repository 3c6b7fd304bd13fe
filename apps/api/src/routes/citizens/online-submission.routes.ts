import { CitizenDossierDetail, CitizenSubmitRequest } from '@mot-cua/contracts';
import {
  AppError,
  attachComponentFiles,
  authorize,
  checkEform,
  type DossierActor,
  type DossierFile,
  type DossierRecord,
  type DossierState,
  deleteCitizenDraft,
  receiveDossier,
  recordDossierEform,
  supplementDossier,
  vnDate,
} from '@mot-cua/core';
import { createCitizenDraftsRepository, createDossierEformsRepository, createProceduresRepository } from '@mot-cua/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../context.js';
import { pickLanguage } from '../../http/problem.js';
import { dossierDeps, resourceFor } from '../dossiers/dossier-deps.js';
import { versionOf } from '../dossiers/dossier-view.js';
import { inTransaction } from '../write.js';
import { ownDossier, requireCitizen } from './citizen-context.js';
import { readCitizenDetail } from './citizen-detail.js';
import { readCitizenParts } from './uploads.js';

const tags = ['citizens'];
function parseData(raw: string | undefined): z.infer<typeof CitizenSubmitRequest> {
  let json: unknown;
  try {
    json = JSON.parse(raw ?? '');
  } catch {
    throw new AppError('VALIDATION_FAILED', { fieldErrors: [{ field: 'data', message: 'JSON expected' }] });
  }
  return CitizenSubmitRequest.parse(json);
}

/**
 * Online submission and the online answer to a supplement request. Both are multipart: uploads in parts named by
 * the component key (checked by their bytes), through the existing receive, attachment and supplement use cases,
 * in one transaction with their audit rows.
 */
export const onlineSubmissionRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  app.post(
    '/dossiers',
    {
      schema: {
        tags,
        summary:
          'Submit a dossier online (multipart: field `data` = CitizenSubmitRequest JSON; files in parts named by component key)',
        consumes: ['multipart/form-data'],
        response: { 201: CitizenDossierDetail },
      },
    },
    async (req, reply) => {
      const c = await requireCitizen(req, deps.database.db);
      const { files, fields } = await readCitizenParts(req, deps.files);
      const data = parseData(fields.data);
      const today = vnDate(deps.clock.now());
      const version = await createProceduresRepository(deps.database.db).findVersionAt(data.procedureCode, today);
      if (!version) throw new AppError('PROCEDURE_NOT_AVAILABLE');
      if (version.record.onlineServiceLevel === 'none') throw new AppError('ONLINE_SUBMISSION_NOT_OFFERED');
      const eform = checkEform(data.procedureCode, data.eform, {
        today,
        lang: pickLanguage(req.headers['accept-language']),
        required: true,
      });
      const forSomeoneElse = data.applicant && data.applicant.idNumber !== c.idNumber;
      const contact = { phone: data.phone ?? null, email: data.email ?? null, address: data.address ?? null };
      const applicant = forSomeoneElse
        ? {
            type: 'citizen' as const,
            fullName: data.applicant!.fullName,
            idNumber: data.applicant!.idNumber ?? null,
            ...contact,
          }
        : { type: 'citizen' as const, fullName: c.fullName, idNumber: c.idNumber, ...contact };
      const agent = forSomeoneElse
        ? {
            fullName: c.fullName,
            idNumber: c.idNumber,
            phone: data.phone ?? null,
            relation: data.agentRelation ?? null,
          }
        : null;

      const draftOnly = new Set<string>();
      const created = await inTransaction(
        deps,
        req,
        (trx, requestId) => ({ trx, d: dossierDeps(trx, deps, versionOf(req), requestId) }),
        async ({ trx, d }) => {
          const unit = await d.units.findUnit(data.receivingUnitCode, today);
          if (!unit) throw new AppError('DOSSIER_UNIT_NOT_FOUND');
          authorize(c.actor, 'dossier.submit', { kind: 'unit', unitCode: unit.code, provinceCode: unit.provinceCode });
          const procedure = await d.procedures.findProcedureForReception({
            procedureCode: data.procedureCode,
            competentUnitCode: unit.code,
            channel: 'online',
            onDate: today,
          });
          if (!procedure) throw new AppError('PROCEDURE_NOT_AVAILABLE');
          const unknown = [...files.keys()].filter((k) => !procedure.components.some((p) => p.key === k));
          if (unknown.length) throw new AppError('UNKNOWN_COMPONENT', { details: { keys: unknown } });
          // Uploads kept with the citizen's draft count for the components this request brings no file for.
          const drafts = createCitizenDraftsRepository(trx);
          const draft = await drafts.findDraft(c.userId, procedure.code, deps.clock.now());
          for (const f of draft?.files ?? []) {
            if (files.has(f.componentKey) && !draftOnly.has(f.componentKey)) continue;
            if (!procedure.components.some((p) => p.key === f.componentKey)) continue;
            const kept: DossierFile = {
              fileName: f.fileName,
              sha256: f.sha256,
              sizeBytes: f.sizeBytes,
              mediaType: f.mediaType,
            };
            files.set(f.componentKey, [...(files.get(f.componentKey) ?? []), kept]);
            draftOnly.add(f.componentKey);
          }
          const who: DossierActor = { userId: c.userId, name: c.fullName, role: 'citizen', unitCode: unit.code };
          const r = await receiveDossier(d, who, {
            mode: 'submit',
            channel: 'online',
            procedureCode: procedure.code,
            receivingUnitCode: unit.code,
            applicant,
            agent,
            components: procedure.components.map((p) => ({
              key: p.key,
              state: files.has(p.key) ? ('present' as const) : ('missing' as const),
            })),
            returnMethod: data.returnMethod,
            vneidVerified: true,
            eformGiven: eform !== null,
            note: data.note ?? null,
          });
          // After the receipt's statement, in this transaction (the day's number stays locked until its commit).
          if (eform) {
            await recordDossierEform(
              { eforms: createDossierEformsRepository(trx), audit: d.audit, now: deps.clock.now() },
              { dossier: r.dossier, actorUserId: c.userId, eform },
            );
          }
          if (draft) {
            await deleteCitizenDraft(
              { drafts, audit: d.audit, now: deps.clock.now(), newId: d.newId },
              { userId: c.userId, procedureCode: procedure.code, reason: 'submitted', dossierId: r.dossier.id },
            );
          }
          for (const [key, list] of files) {
            await attachComponentFiles(d, {
              dossierId: r.dossier.id,
              actor: who,
              componentKey: key,
              files: list,
            });
          }
          return readCitizenDetail(deps, trx, d, c, r);
        },
      );
      return reply.status(201).send(created);
    },
  );

  app.post(
    '/dossiers/:id/supplement',
    {
      schema: {
        tags,
        summary:
          'Answer the open supplement request online: a file for every component asked for (parts named by component key); `note` optional',
        params: z.object({ id: z.uuid() }),
        consumes: ['multipart/form-data'],
        response: { 200: CitizenDossierDetail },
      },
    },
    async (req) => {
      const c = await requireCitizen(req, deps.database.db);
      const { files, fields } = await readCitizenParts(req, deps.files);
      const note = fields.note?.trim().slice(0, 2000) || null;
      return inTransaction(
        deps,
        req,
        (trx, requestId) => ({ trx, d: dossierDeps(trx, deps, versionOf(req), requestId) }),
        async ({ trx, d }) => {
          // Decided on the locked dossier: it is the citizen's, a supplement is open, and every item is answered.
          const who = (dossier: DossierRecord, state: DossierState): DossierActor => {
            ownDossier(c, dossier);
            if (state.status !== 'supplement_requested') throw new AppError('NO_SUPPLEMENT_REQUESTED');
            const missing = state.pendingSupplement.filter((p) => !files.has(p.key)).map((p) => p.key);
            if (missing.length) throw new AppError('SUPPLEMENT_FILES_MISSING', { details: { keys: missing } });
            const extra = [...files.keys()].filter((k) => !state.pendingSupplement.some((p) => p.key === k));
            if (extra.length) throw new AppError('UNKNOWN_COMPONENT', { details: { keys: extra } });
            authorize(c.actor, 'dossier.supplement_online', resourceFor(dossier, 'dossier.submit'));
            return { userId: c.userId, name: c.fullName, role: 'citizen', unitCode: dossier.receivingUnitCode };
          };
          if (files.size === 0) {
            const dossier = ownDossier(c, await d.dossiers.findDossier(req.params.id));
            throw new AppError('SUPPLEMENT_FILES_MISSING', { details: { dossier: dossier.code } });
          }
          let actor: DossierActor | undefined;
          for (const [key, list] of files) {
            await attachComponentFiles(d, {
              dossierId: req.params.id,
              actor: (dossier, state) => {
                actor ??= who(dossier, state);
                return actor;
              },
              componentKey: key,
              files: list,
            });
          }
          const r = await supplementDossier(d, { dossierId: req.params.id, actor: actor!, note });
          return readCitizenDetail(deps, trx, d, c, r);
        },
      );
    },
  );
};
