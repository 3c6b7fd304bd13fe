import { NATIONAL_SCOPE, PortalImportList, PortalImportListQuery } from '@mot-cua/contracts';
import { AppError, decide, jurisdictionFor } from '@mot-cua/core';
import { createPortalImportsRepository } from '@mot-cua/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../context.js';
import { requireActor } from '../../http/auth.js';

type Payload = {
  successorUnitCodes?: unknown;
  ChuHoSo?: { HoTen?: string };
  DaXacThucVNeID?: boolean;
  DaThanhToanTrucTuyen?: boolean;
  TepDinhKem?: unknown[];
};

/**
 * /api/portal-imports: online dossiers that came from the national portal, for the reception officials of the
 * units they were routed to (accepted, supplemented or refused with the dossier's usual actions), and those that
 * could not be mapped to a unit or procedure, with the reason (a unit's own; the unit-less ones for national
 * administrators).
 */
export const portalImportRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  app.get(
    '/',
    {
      schema: {
        tags: ['portal-imports'],
        summary: 'Online dossiers from the national portal waiting for reception, and those to review',
        querystring: PortalImportListQuery,
        response: { 200: PortalImportList },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const scopes = [
        ...new Set([...jurisdictionFor(actor, 'dossier.receive'), ...jurisdictionFor(actor, 'portal_import.route')]),
      ];
      const admin = decide(actor, 'outbox.manage', { kind: 'global' }).allowed;
      if (scopes.length === 0 && !admin) throw new AppError('FORBIDDEN', { details: { action: 'dossier.receive' } });
      const rows = await createPortalImportsRepository(deps.database.db).listForReview({
        scopes: scopes.includes(NATIONAL_SCOPE) || admin ? 'all' : scopes,
        // A unit that cannot be found has no province: every administrator (national or provincial) sees it.
        includeUnmapped: admin || actor.grants.some((g) => g.role === 'system_admin'),
        pendingOnly: req.query.view === 'pending',
        limit: req.query.limit,
      });
      return {
        items: rows.map((r) => {
          const p = r.payload as Payload;
          return {
            portalCode: r.portalCode,
            state: r.state,
            reason: r.reason,
            unitCode: r.unitCode,
            procedureCode: r.procedureCode,
            procedureName: r.procedureName,
            applicantName: p.ChuHoSo?.HoTen ?? '',
            vneidVerified: p.DaXacThucVNeID === true,
            paidOnline: p.DaThanhToanTrucTuyen === true,
            fileCount: Array.isArray(p.TepDinhKem) ? p.TepDinhKem.length : 0,
            importedAt: new Date(r.importedAt).toISOString(),
            dossierId: r.dossierId,
            dossierCode: r.dossierCode,
            status: r.status,
            successorUnitCodes: Array.isArray(p.successorUnitCodes)
              ? p.successorUnitCodes.filter((c): c is string => typeof c === 'string')
              : [],
          };
        }),
      };
    },
  );
};
