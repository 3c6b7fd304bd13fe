import type { AuditPort } from '../audit.js';
import type { DossierDeps } from '../dossiers/perform-dossier-action.js';
import type { ReceptionProcedure } from '../dossiers/ports.js';
import { receiveDossier } from '../dossiers/receive-dossier.js';
import { vnDate } from '../time/vn-time.js';
import { portalApplicant, portalChecklist, resolvePortalUnitCode } from './portal-dossier-mapping.js';
import type {
  OldUnitCodeConverter,
  PortalDossier,
  PortalFile,
  PortalImportOutcome,
  PortalImportsPort,
  PortalReviewReason,
} from './portal-import-ports.js';

/**
 * Register an online dossier of the portal in a unit's queue (inside the caller's transaction): submitted with
 * channel online through the receive use case (its audit row and the status update to the portal), then its
 * files (already in the file store) attached.
 */
export async function registerPortalDossier(
  deps: DossierDeps,
  input: {
    item: PortalDossier;
    unitCode: string;
    procedure: ReceptionProcedure;
    files: PortalFile[];
    note: string;
  },
) {
  const { item, procedure } = input;
  const applicant = portalApplicant(item);
  const r = await receiveDossier(
    deps,
    { userId: null, name: applicant.fullName, role: 'applicant', unitCode: input.unitCode },
    {
      mode: 'submit',
      channel: 'online',
      procedureCode: procedure.code,
      receivingUnitCode: input.unitCode,
      applicant,
      components: portalChecklist(procedure.components, input.files),
      returnMethod: 'online',
      vneidVerified: item.DaXacThucVNeID ?? false,
      paidOnline: item.DaThanhToanTrucTuyen ?? false,
      portalCode: item.MaHoSoQG,
      note: input.note,
    },
  );
  const known = new Set(procedure.components.map((c) => c.key));
  for (const f of input.files) {
    await deps.dossiers.storeFile({ sha256: f.sha256, sizeBytes: f.sizeBytes, mediaType: f.mediaType });
    await deps.dossiers.addAttachment({
      dossierId: r.dossier.id,
      provinceCode: r.dossier.provinceCode,
      kind: 'component',
      componentKey: f.componentKey && known.has(f.componentKey) ? f.componentKey : null,
      fileName: f.fileName,
      sha256: f.sha256,
      uploadedBy: null,
    });
  }
  return r;
}

/**
 * Import one online dossier from the national portal, inside the caller's transaction, with the cursor moved
 * to it in the same transaction: a portal code seen before is skipped (idempotent); the commune code is
 * resolved through the unit aliases (old codes follow their merger); the procedure must be enabled for online
 * intake at that unit. What cannot be mapped is recorded for review with its reason, never dropped. The
 * dossier is registered (submitted) through the receive use case with channel online, so the online rules
 * apply: it waits for a reception official to accept it, request a supplement or refuse it.
 */
export async function importPortalDossier(
  deps: DossierDeps & { imports: PortalImportsPort; audit: AuditPort; oldUnitCodes?: OldUnitCodeConverter },
  input: {
    /** The pull's cursor to move with the import; null for a dossier pushed to the webhook (the cursor stays). */
    source: string | null;
    item: PortalDossier;
    files: PortalFile[];
    /** Set when a file failed the caller's checks (type from its bytes, size). */
    fileProblem?: PortalReviewReason | null;
    /** The portal record to keep (without file contents). */
    record: Record<string, unknown>;
  },
): Promise<PortalImportOutcome> {
  const { item } = input;
  const now = deps.clock.now();
  const done = async (o: PortalImportOutcome) => {
    if (input.source) await deps.imports.saveCursor(input.source, String(item.seq), now);
    return o;
  };
  if (await deps.imports.findImport(item.MaHoSoQG)) return done({ kind: 'duplicate' });

  const base = {
    portalCode: item.MaHoSoQG,
    sourceSeq: item.seq,
    procedureCode: item.MaTTHC,
    payload: input.record,
    importedAt: now,
  };
  const review = async (
    reason: PortalReviewReason,
    unit?: { code: string; provinceCode: string },
    extra: Record<string, unknown> = {},
  ) => {
    await deps.imports.recordImport({
      ...base,
      payload: { ...input.record, ...extra },
      state: 'needs_review',
      reason,
      provinceCode: unit?.provinceCode ?? null,
      unitCode: unit?.code ?? null,
      dossierId: null,
    });
    await deps.audit.record({
      actorUserId: null,
      action: 'portal_import.needs_review',
      entityType: 'portal_dossier',
      entityId: item.MaHoSoQG,
      provinceCode: unit?.provinceCode ?? null,
      unitCode: unit?.code ?? null,
      data: { reason, procedureCode: item.MaTTHC, unitCode: item.MaDonVi, ...extra },
    });
    return done({ kind: 'needs_review', reason });
  };

  const givenCode = item.MaDonVi.trim();
  let unit = await deps.units.findUnit(givenCode, vnDate(now));
  let converted: string | null = null;
  if (!unit) {
    const r = resolvePortalUnitCode(givenCode, vnDate(now), deps.oldUnitCodes);
    if (r.kind === 'split') return review('OLD_UNIT_SPLIT', undefined, { successorUnitCodes: r.candidates });
    if (r.kind === 'old_code') {
      unit = await deps.units.findUnit(r.newCode, vnDate(now));
      converted = r.newCode;
    }
  }
  if (!unit) return review('UNIT_NOT_FOUND');
  const procedure = await deps.procedures.findProcedureForReception({
    procedureCode: item.MaTTHC.trim(),
    competentUnitCode: unit.code,
    channel: 'online',
    onDate: vnDate(now),
  });
  if (!procedure) return review('PROCEDURE_NOT_AVAILABLE', unit);
  if (input.fileProblem) return review(input.fileProblem, unit);

  const note = converted
    ? `Nộp trực tuyến trên Cổng DVCQG, mã ${item.MaHoSoQG}; mã đơn vị cũ ${givenCode} chuyển đổi thành ${unit.code}`
    : `Nộp trực tuyến trên Cổng DVCQG, mã ${item.MaHoSoQG}`;
  const r = await registerPortalDossier(deps, { item, unitCode: unit.code, procedure, files: input.files, note });
  await deps.imports.recordImport({
    ...base,
    state: 'imported',
    reason: null,
    provinceCode: unit.provinceCode,
    unitCode: unit.code,
    dossierId: r.dossier.id,
  });
  return done({ kind: 'imported', dossierId: r.dossier.id, dossierCode: r.dossier.code });
}
