import { DossierDetail, ReceiveDossierRequest } from '@mot-cua/contracts';
import {
  AppError,
  authorize,
  checkEform,
  type DossierActor,
  receiveDossier,
  recordDossierEform,
  vnDate,
} from '@mot-cua/core';
import { createDossierEformsRepository } from '@mot-cua/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../context.js';
import { requireActor } from '../../http/auth.js';
import { pickLanguage } from '../../http/problem.js';
import { dossierDeps } from './dossier-deps.js';
import { presentLoaded, versionOf } from './dossier-view.js';

const tags = ['dossiers'];

/**
 * Reception: POST /api/dossiers. One transaction: the unit, procedure and calendar from the process's
 * caches (by master-data version), the dossier with its projection, checklist, log and outbox rows, the audit
 * row, then its number (the last write, see assignDossierCode); the response is built from what was written.
 */
export const dossierReceptionRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  app.post(
    '/',
    {
      schema: {
        tags,
        summary: 'Receive a dossier (counter, online, postal, any center of the province)',
        body: ReceiveDossierRequest,
        response: { 201: DossierDetail },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const body = req.body;
      const version = versionOf(req);
      // The e-form filled in at the counter is checked exactly as online (the same schema, 422 per field).
      const eform = checkEform(body.procedureCode, body.eform, {
        today: vnDate(deps.clock.now()),
        lang: pickLanguage(req.headers['accept-language']),
        required: false,
      });
      let view: Awaited<ReturnType<typeof presentLoaded>> | undefined;
      const created = await deps.database.db.transaction().execute(async (trx) => {
        const d = dossierDeps(trx, deps, version, String(req.id));
        const unit = await d.units.findUnit(body.receivingUnitCode, vnDate(deps.clock.now()));
        if (!unit) throw new AppError('DOSSIER_UNIT_NOT_FOUND');
        const isCitizen = actor.grants.some((g) => g.role === 'citizen');
        const isOfficial = actor.grants.some((g) => g.role !== 'citizen');
        const action = isCitizen && !isOfficial ? 'dossier.submit' : 'dossier.receive';
        if (action === 'dossier.submit' && (body.mode !== 'submit' || body.channel !== 'online' || body.timeLimit)) {
          throw new AppError('FORBIDDEN');
        }
        const grant = authorize(actor, action, { kind: 'unit', unitCode: unit.code, provinceCode: unit.provinceCode });
        const who: DossierActor = {
          userId: actor.userId,
          name: req.session?.user.fullName ?? null,
          role: grant.role,
          unitCode: unit.code,
        };
        const r = await receiveDossier(d, who, {
          mode: body.mode,
          channel: body.channel,
          procedureCode: body.procedureCode,
          receivingUnitCode: unit.code,
          competentUnitCode: body.competentUnitCode ?? null,
          applicant: {
            type: body.applicant.type,
            fullName: body.applicant.fullName,
            idNumber: body.applicant.idNumber ?? null,
            phone: body.applicant.phone ?? null,
            email: body.applicant.email ?? null,
            address: body.applicant.address ?? null,
          },
          agent: body.agent
            ? {
                fullName: body.agent.fullName,
                idNumber: body.agent.idNumber ?? null,
                phone: body.agent.phone ?? null,
                relation: body.agent.relation ?? null,
              }
            : null,
          components: body.components.map((c) => ({
            key: c.key,
            state: c.state,
            reason: c.reason ?? null,
            ...(c.copies !== undefined ? { copies: c.copies } : {}),
          })),
          returnMethod: body.returnMethod,
          vneidVerified: body.vneidVerified ?? false,
          note: body.note ?? null,
          timeLimit: body.timeLimit ?? null,
          feeCollectedVnd: body.feeCollectedVnd ?? null,
          eformGiven: eform !== null,
          // The view is built before the number is taken (the code is filled in after).
          beforeNumbering: async (pending) => {
            if (eform) {
              await recordDossierEform(
                { eforms: createDossierEformsRepository(trx), audit: d.audit, now: deps.clock.now() },
                { dossier: pending.dossier, actorUserId: actor.userId, eform },
              );
            }
            view = await presentLoaded(trx, deps, pending, actor, version, { noAttachments: true });
          },
        });
        return { ...view!, code: r.dossier.code };
      });
      return reply.status(201).send(created);
    },
  );
};
