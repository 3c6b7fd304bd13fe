import { PublicDossierView, PublicLookupQuery, RateDossierRequest, SlipKindName } from '@mot-cua/contracts';
import {
  AppError,
  isAppError,
  lookupDossierPublicly,
  maskedForPublic,
  rateDossier,
  recordPublicLookupLockout,
  vnDate,
} from '@mot-cua/core';
import { createAuditPort, createDossiersRepository } from '@mot-cua/db';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../context.js';
import { optionalActor } from '../../http/auth.js';
import { TargetLockout } from '../../http/target-lockout.js';
import { inTransaction } from '../write.js';
import { accessLogFor } from './access-log.js';
import { dossierDeps, loadUnitNames } from './dossier-deps.js';
import { presentPublic, slipsOf } from './dossiers.presenter.js';
import { slipPdf } from './slips.routes.js';

const tags = ['dossiers'];
const publicRate = { config: { rateLimit: { max: 30, timeWindow: '1 minute' } } };

/** What an applicant does without signing in: look up by code plus phone or ID, download slips, rate. */
export const dossierPublicRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const { db } = deps.database;
  const limits = deps.config.lockout;
  const codeLockout = new TargetLockout(limits.lookupFailuresPerCode, limits.windowMs);

  /**
   * The lookup behind every public route, limited per dossier code whatever the address (guessing a phone number
   * from many IPs locks the code), and audited: each successful look (who opened the dossier) in the lookup's
   * transaction, and each lockout in one of its own (the refusal wrote nothing else).
   */
  async function guardedLookup(
    query: { code: string; secondFactor: string },
    req: FastifyRequest,
    reply: FastifyReply,
    purpose: string,
  ) {
    const target = query.code.trim().toUpperCase();
    const now = deps.clock.now().getTime();
    const state = codeLockout.check(target, now);
    if (state.locked) {
      reply.header('retry-after', String(state.retryAfterSeconds));
      throw new AppError('RATE_LIMITED');
    }
    try {
      return await inTransaction(
        deps,
        req,
        (trx, requestId) => ({ dossiers: createDossiersRepository(trx), audit: createAuditPort(trx, requestId) }),
        (ports) =>
          lookupDossierPublicly(ports, { code: query.code, secondFactor: query.secondFactor, ip: req.ip, purpose }),
      );
    } catch (e) {
      if (isAppError(e) && e.code === 'DOSSIER_LOOKUP_FAILED' && codeLockout.fail(target, now)) {
        const lockout = {
          code: target,
          ip: req.ip,
          failures: limits.lookupFailuresPerCode,
          minutes: limits.windowMs / 60_000,
        };
        await inTransaction(deps, req, createAuditPort, (audit) => recordPublicLookupLockout(audit, lockout));
      }
      throw e;
    }
  }

  app.get(
    '/public/lookup',
    {
      ...publicRate,
      schema: {
        tags,
        summary: 'Public lookup by dossier code plus phone or ID number (no login)',
        querystring: PublicLookupQuery,
        response: { 200: PublicDossierView },
      },
    },
    async (req, reply) => {
      optionalActor(req);
      const d = dossierDeps(db, deps);
      const r = await guardedLookup(req.query, req, reply, 'lookup');
      const unitName = await loadUnitNames(d.units, [r.dossier.receivingUnitCode], vnDate(deps.clock.now()));
      const accessLog = await accessLogFor(db, d.units, deps.clock.now(), r.dossier);
      return presentPublic({ ...r, unitName, accessLog });
    },
  );

  app.get(
    '/public/slips/:kind',
    {
      ...publicRate,
      schema: {
        tags,
        summary: 'Download one of the applicant’s slips (code plus phone or ID number)',
        params: z.object({ kind: SlipKindName }),
        querystring: PublicLookupQuery,
      },
    },
    async (req, reply) => {
      const d = dossierDeps(db, deps);
      const r = await guardedLookup(req.query, req, reply, `slip:${req.params.kind}`);
      if (!slipsOf(r.actions).includes(req.params.kind) || req.params.kind === 'control-sheet') {
        throw new AppError('SLIP_NOT_AVAILABLE');
      }
      // Without a session the slip shows initials and masked numbers (citizens' sign-in will unmask their own).
      const { pdf, code } = await slipPdf(
        deps,
        d,
        { ...r, dossier: maskedForPublic(r.dossier) },
        req.params.kind,
        'public',
      );
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${code}-${req.params.kind}.pdf"`)
        .send(pdf);
    },
  );

  app.post(
    '/public/rate',
    {
      ...publicRate,
      schema: {
        tags,
        summary: 'The applicant rates a returned dossier (code plus phone or ID number)',
        body: PublicLookupQuery.extend(RateDossierRequest.shape),
        response: { 200: PublicDossierView },
      },
    },
    async (req, reply) => {
      // The guarded lookup writes its own audit rows (the look, or a lockout that must survive the refusal), so it
      // runs before the rating's transaction, not inside it (PGlite has one connection: a write on the root handle
      // while a transaction holds it would wait for ever).
      const found = await guardedLookup(req.body, req, reply, 'rate');
      return db.transaction().execute(async (trx) => {
        const d = dossierDeps(trx, deps, undefined, String(req.id));
        const r = await rateDossier(d, {
          dossierId: found.dossier.id,
          actor: {
            userId: null,
            name: found.dossier.applicant.fullName,
            role: 'applicant',
            unitCode: found.dossier.receivingUnitCode,
          },
          level: req.body.level as 1 | 2 | 3 | 4 | 5,
          ...(req.body.criteria ? { criteria: req.body.criteria } : {}),
          comment: req.body.comment ?? null,
        });
        const unitName = await loadUnitNames(d.units, [r.dossier.receivingUnitCode], vnDate(deps.clock.now()));
        const accessLog = await accessLogFor(trx, d.units, deps.clock.now(), r.dossier);
        return presentPublic({ dossier: r.dossier, actions: r.actions, state: r.state, unitName, accessLog });
      });
    },
  );
};
