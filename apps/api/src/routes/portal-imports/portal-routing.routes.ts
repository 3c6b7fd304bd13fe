import {
  NATIONAL_SCOPE,
  PortalCodeParams,
  PortalRouteCandidates,
  PortalRouteCandidatesQuery,
  RoutePortalDossierRequest,
  RoutePortalDossierResponse,
} from '@mot-cua/contracts';
import { type Actor, AppError, authorize, decide, jurisdictionFor, routePortalDossier, vnDate } from '@mot-cua/core';
import { createPortalImportsRepository } from '@mot-cua/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../context.js';
import { requireActor } from '../../http/auth.js';
import { storePortalFiles } from '../../portal-import/import-feed-dossier.js';
import { unitIndexOf } from '../admin-units/unit-index-cache.js';
import { dossierDeps } from '../dossiers/dossier-deps.js';

const tags = ['portal-imports'];

/** The review record, 404 when unknown, 409 when already imported. */
async function reviewRecord(deps: AppDeps, portalCode: string) {
  const r = await createPortalImportsRepository(deps.database.db).getImport(portalCode);
  if (!r) throw new AppError('PORTAL_IMPORT_NOT_FOUND', { details: { portalCode } });
  if (r.state !== 'needs_review') throw new AppError('PORTAL_IMPORT_ALREADY_IMPORTED', { details: { portalCode } });
  return r;
}

const mayRouteTo = (actor: Actor, u: { code: string; provinceCode: string }) =>
  decide(actor, 'portal_import.route', { kind: 'unit', unitCode: u.code, provinceCode: u.provinceCode }).allowed;

/**
 * Routing an online dossier of the review list by hand: the units an official may choose (the successors of a
 * split old commune first, then the communes of the province), and the routing itself — the dossier is looked up
 * again on the portal by its code (with its files; the review record keeps none) and imported into the chosen
 * unit through the importer's rules.
 */
export const portalRoutingRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  app.get(
    '/:portalCode/candidates',
    {
      schema: {
        tags,
        summary: 'Units an official may route a reviewed online dossier to (successors first)',
        params: PortalCodeParams,
        querystring: PortalRouteCandidatesQuery,
        response: { 200: PortalRouteCandidates },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const scopes = jurisdictionFor(actor, 'portal_import.route');
      if (scopes.length === 0) throw new AppError('FORBIDDEN', { details: { action: 'portal_import.route' } });
      const record = await reviewRecord(deps, req.params.portalCode);
      const { index } = await unitIndexOf(deps.database);
      const today = vnDate(deps.clock.now());
      const p = record.payload as { successorUnitCodes?: unknown };
      const successorCodes = Array.isArray(p.successorUnitCodes)
        ? p.successorUnitCodes.filter((c): c is string => typeof c === 'string')
        : [];
      const successors = successorCodes.flatMap((c) => index.findUnit(c, today) ?? []);
      // The province to offer: asked for, else the record's, the successors', or the official's own.
      const own = scopes.filter((s) => s !== NATIONAL_SCOPE).map((s) => index.findUnit(s, today)?.provinceCode);
      const provinceCode =
        req.query.provinceCode ??
        record.provinceCode ??
        successors[0]?.provinceCode ??
        own.find((c): c is string => Boolean(c)) ??
        null;
      const taken = new Set(successors.map((u) => u.code));
      const others = provinceCode
        ? index.listChildren(provinceCode, today).filter((u) => !taken.has(u.code) && u.code !== provinceCode)
        : [];
      const view = (u: { code: string; fullName: string; provinceCode: string }) => ({
        code: u.code,
        fullName: u.fullName,
        provinceCode: u.provinceCode,
      });
      return {
        portalCode: record.portalCode,
        reason: record.reason,
        provinceCode,
        successors: successors.filter((u) => mayRouteTo(actor, u)).map(view),
        others: others
          .filter((u) => mayRouteTo(actor, u))
          .sort((a, b) => a.fullName.localeCompare(b.fullName, 'vi'))
          .map(view),
      };
    },
  );

  app.post(
    '/:portalCode/route',
    {
      schema: {
        tags,
        summary: 'Route a reviewed online dossier to a unit: looked up again on the portal and imported there',
        params: PortalCodeParams,
        body: RoutePortalDossierRequest,
        response: { 200: RoutePortalDossierResponse },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const { portalCode } = req.params;
      const today = vnDate(deps.clock.now());
      const unit = (await unitIndexOf(deps.database)).index.findUnit(req.body.unitCode, today);
      if (!unit) {
        throw new AppError('DOSSIER_UNIT_NOT_FOUND', { details: { unitCode: req.body.unitCode } });
      }
      const grant = authorize(actor, 'portal_import.route', {
        kind: 'unit',
        unitCode: unit.code,
        provinceCode: unit.provinceCode,
      });
      await reviewRecord(deps, portalCode);
      if (!deps.portalLookup) throw new AppError('PORTAL_UNAVAILABLE');
      const found = await deps.portalLookup.fetchByCode(portalCode);
      if (found.kind === 'not_found') throw new AppError('PORTAL_DOSSIER_GONE', { details: { portalCode } });
      if (found.kind !== 'found') {
        req.log.warn({ outcome: found.kind }, 'portal lookup by code failed');
        throw new AppError('PORTAL_UNAVAILABLE');
      }
      const files = await storePortalFiles(deps.files, found.item);
      const r = await deps.database.db.transaction().execute(async (trx) => {
        const d = dossierDeps(trx, deps, undefined, String(req.id));
        return routePortalDossier(
          { ...d, imports: createPortalImportsRepository(trx), audit: d.audit! },
          {
            official: { userId: actor.userId, role: grant.role, unitCode: grant.unitCode },
            portalCode,
            unitCode: unit.code,
            item: found.item,
            files,
          },
        );
      });
      return { portalCode, unitCode: unit.code, ...r };
    },
  );
};
