import type { AuditPort } from '../audit.js';
import type { DossierDeps } from '../dossiers/perform-dossier-action.js';
import { AppError } from '../errors.js';
import { vnDate } from '../time/vn-time.js';
import { registerPortalDossier } from './import-portal-dossier.js';
import type { PortalDossier, PortalFile, PortalImportsPort } from './portal-import-ports.js';

/** Who routes a reviewed dossier by hand (the route authorized them for the chosen unit). */
export type RoutingOfficial = { userId: string; role: string; unitCode: string };

/**
 * Route an online dossier of the review list (a unit that could not be found, an old commune split in several,
 * …) by hand to the unit an official chose, and import it there, inside the caller's transaction. `item` and
 * `files` are the dossier as the portal gives it now (looked up again by its code: the review record keeps no
 * file contents). The same rules as the importer's: the procedure must be offered online at that unit, the
 * files must have passed the checks, the portal code stays unique; the dossier is registered through the
 * receive use case (audit row, status update to the portal), the review record becomes the import and the
 * routing has its own audit row with the official.
 */
export async function routePortalDossier(
  deps: DossierDeps & { imports: PortalImportsPort; audit: AuditPort },
  input: { official: RoutingOfficial; portalCode: string; unitCode: string; item: PortalDossier; files: PortalFile[] },
): Promise<{ dossierId: string; dossierCode: string }> {
  const { item, official } = input;
  const now = deps.clock.now();
  const record = await deps.imports.lockImport(input.portalCode);
  if (!record) throw new AppError('PORTAL_IMPORT_NOT_FOUND', { details: { portalCode: input.portalCode } });
  if (record.state !== 'needs_review' || record.dossierId) {
    throw new AppError('PORTAL_IMPORT_ALREADY_IMPORTED', { details: { portalCode: input.portalCode } });
  }
  if (item.MaHoSoQG !== input.portalCode) throw new AppError('PORTAL_DOSSIER_GONE');
  const unit = await deps.units.findUnit(input.unitCode, vnDate(now));
  if (!unit) throw new AppError('DOSSIER_UNIT_NOT_FOUND', { details: { unitCode: input.unitCode } });
  const procedure = await deps.procedures.findProcedureForReception({
    procedureCode: item.MaTTHC.trim(),
    competentUnitCode: unit.code,
    channel: 'online',
    onDate: vnDate(now),
  });
  if (!procedure) {
    throw new AppError('ONLINE_SUBMISSION_NOT_OFFERED', {
      details: { procedureCode: item.MaTTHC, unitCode: unit.code },
    });
  }
  const r = await registerPortalDossier(deps, {
    item,
    unitCode: unit.code,
    procedure,
    files: input.files,
    note: `Nộp trực tuyến trên Cổng DVCQG, mã ${item.MaHoSoQG}; mã đơn vị ${item.MaDonVi.trim()} không tự chuyển được (${record.reason ?? '—'}), cán bộ chuyển đến ${unit.code}`,
  });
  await deps.imports.resolveImport({
    portalCode: input.portalCode,
    provinceCode: unit.provinceCode,
    unitCode: unit.code,
    dossierId: r.dossier.id,
    resolvedAt: now,
  });
  await deps.audit.record({
    actorUserId: official.userId,
    action: 'portal_import.routed',
    entityType: 'portal_dossier',
    entityId: input.portalCode,
    provinceCode: unit.provinceCode,
    unitCode: unit.code,
    data: {
      reason: record.reason,
      givenUnitCode: item.MaDonVi,
      unitCode: unit.code,
      dossierId: r.dossier.id,
      dossierCode: r.dossier.code,
      role: official.role,
      office: official.unitCode,
    },
  });
  return { dossierId: r.dossier.id, dossierCode: r.dossier.code };
}
