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
import { createDossierEformsRepository, type DB } from '@mot-cua/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { AppDeps } from '../../context.js';
import { requireActor } from '../../http/auth.js';
import { fastSerializerCompiler } from '../../http/fast-serializer.js';
import { pickLanguage } from '../../http/problem.js';
import { dossierDeps } from './dossier-deps.js';
import { presentLoaded, versionOf } from './dossier-view.js';

const tags = ['dossiers'];

/**
 * Reception: POST /api/dossiers. The unit, procedure and calendar from the process's caches (by master-data
 * version); one autocommitted statement writes the numbers, the dossier with its projection, checklist, log
 * and outbox rows, the audit row and the applicant's notifications (insertReceipt): one round trip, and the
 * day's number locked for that statement only. With an e-form filled in at the counter (checked exactly as
 * online), the receipt's statement and the e-form's record share one transaction.
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
      // The 201 through fast-json-stringify (same bytes as Zod's encode, about a quarter of its CPU).
      serializerCompiler: fastSerializerCompiler,
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const body = req.body;
      const version = versionOf(req);
      const eform = checkEform(body.procedureCode, body.eform, {
        today: vnDate(deps.clock.now()),
        lang: pickLanguage(req.headers['accept-language']),
        required: false,
      });
      const receive = async (db: Kysely<DB>) => {
        const d = dossierDeps(db, deps, version, String(req.id));
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
        });
        if (eform) {
          await recordDossierEform(
            { eforms: createDossierEformsRepository(db), audit: d.audit, now: deps.clock.now() },
            { dossier: r.dossier, actorUserId: actor.userId, eform },
          );
        }
        return r;
      };
      // No transaction without an e-form: every write of the receipt is one statement (insertReceipt), atomic by
      // itself, so BEGIN and COMMIT would be two more round trips. The e-form's record joins it in a transaction.
      const db = deps.database.db;
      const r = eform ? await db.transaction().execute((trx) => receive(trx)) : await receive(db);
      // Built from what was written (no read); the day's number was locked for the statement only.
      const view = await presentLoaded(db, deps, r, actor, version, { noAttachments: true });
      return reply.status(201).send(view);
    },
  );
};
