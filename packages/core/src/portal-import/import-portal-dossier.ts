import type { ComponentCondition } from '@mot-cua/contracts';
import type { ConversionResult } from '../admin-units/address-conversion.js';
import type { AuditPort } from '../audit.js';
import type { ComponentCheck } from '../dossiers/dossier-actions.js';
import type { DossierDeps } from '../dossiers/perform-dossier-action.js';
import type { Applicant, ReceptionProcedure } from '../dossiers/ports.js';
import { receiveDossier } from '../dossiers/receive-dossier.js';
import { AppError } from '../errors.js';
import { conditionAppliesTo } from '../procedures/component-condition.js';
import { vnDate } from '../time/vn-time.js';

/** An online dossier as the national portal offers it (the fields the importer reads). */
export type PortalDossier = {
  seq: number;
  /** The portal's dossier code. */
  MaHoSoQG: string;
  MaTTHC: string;
  /** Commune (or province) code where it was submitted; may be a code from before the 2025 mergers. */
  MaDonVi: string;
  ChuHoSo: { HoTen: string; SoDinhDanh?: string; SoDienThoai?: string; Email?: string; DiaChi?: string };
  DaXacThucVNeID?: boolean;
  DaThanhToanTrucTuyen?: boolean;
  NgayNop?: string;
};

/** A file of the portal dossier, already checked (type from its bytes, size) by the caller. */
export type PortalFile = {
  fileName: string;
  componentKey: string | null;
  sha256: string;
  sizeBytes: number;
  mediaType: string;
  /** The portal's DuocTaiSuDung: the citizen reused data the administration already holds. */
  reused?: boolean;
  /** The portal's DuocLayTuKhoDMQG: taken from the citizen's personal data store on the portal. */
  fromCitizenStore?: boolean;
};

export type PortalImportOutcome =
  | { kind: 'imported'; dossierId: string; dossierCode: string }
  | { kind: 'needs_review'; reason: string }
  | { kind: 'duplicate' };

/** The importer's records (packages/db portal-imports repository, bound to the transaction). */
export interface PortalImportsPort {
  findImport(portalCode: string): Promise<{ state: string; dossierId: string | null } | undefined>;
  recordImport(r: {
    portalCode: string;
    sourceSeq: number;
    state: 'imported' | 'needs_review';
    reason: string | null;
    provinceCode: string | null;
    unitCode: string | null;
    procedureCode: string;
    dossierId: string | null;
    payload: Record<string, unknown>;
    importedAt: Date;
  }): Promise<void>;
  /** The durable cursor: advanced in the same transaction as the import it follows. */
  saveCursor(source: string, cursor: string, now: Date): Promise<void>;
  /** The import record locked for the rest of the transaction (routing by hand: one official at a time). */
  lockImport(
    portalCode: string,
  ): Promise<
    { state: string; reason: string | null; dossierId: string | null; payload: Record<string, unknown> } | undefined
  >;
  /** A reviewed dossier imported after all: state imported, its unit and dossier, resolved now. */
  resolveImport(r: {
    portalCode: string;
    provinceCode: string;
    unitCode: string;
    dossierId: string;
    resolvedAt: Date;
  }): Promise<void>;
}

/** Reasons an online dossier goes to the review list instead of a unit's queue. */
export type PortalReviewReason =
  | 'UNIT_NOT_FOUND'
  /** An old (pre-2025) commune code whose commune was split: the address conversion lists several successors. */
  | 'OLD_UNIT_SPLIT'
  | 'PROCEDURE_NOT_AVAILABLE'
  | 'ATTACHMENT_TYPE_NOT_ALLOWED';

/** The address conversion by old code (core's AddressConverter.convertCode over the unit index). */
export type OldUnitCodeConverter = { convertCode(oldCode: string, onDate: string): ConversionResult };

/**
 * The unit in force for a commune code a portal dossier names: the code itself (or its alias) when in force,
 * otherwise an old (pre-2025) code through the address conversion: one successor (the whole commune went
 * there) → that unit; several (a split commune) → review with the candidates; none → not found.
 */
export function resolvePortalUnitCode(
  code: string,
  onDate: string,
  converter: OldUnitCodeConverter | undefined,
): { kind: 'old_code'; newCode: string } | { kind: 'split'; candidates: string[] } | { kind: 'not_found' } {
  if (!converter) return { kind: 'not_found' };
  const r = converter.convertCode(code, onDate);
  const codes = [...new Set(r.candidates.map((c) => c.newUnit.code))];
  if (r.status === 'converted' && codes.length === 1) return { kind: 'old_code', newCode: codes[0]! };
  if (codes.length > 1) return { kind: 'split', candidates: codes };
  if (codes.length === 1) return { kind: 'old_code', newCode: codes[0]! };
  return { kind: 'not_found' };
}

/** The applicant as the portal sent them (empty strings become absent). */
export function portalApplicant(d: PortalDossier): Applicant {
  const or = (s: string | undefined) => (s?.trim() ? s.trim() : null);
  return {
    type: 'citizen',
    fullName: d.ChuHoSo.HoTen.trim(),
    idNumber: or(d.ChuHoSo.SoDinhDanh),
    phone: or(d.ChuHoSo.SoDienThoai),
    email: or(d.ChuHoSo.Email),
    address: or(d.ChuHoSo.DiaChi),
  };
}

/**
 * The checklist of an online dossier, as the counter's model has it for the online channel: a component with a
 * file is present; without one, a component needed in every case is missing (to be asked for) and one needed only
 * in some cases is not applicable; components of other channels (the counter's paper form) are left out.
 */
export function portalChecklist(
  components: ReadonlyArray<{ key: string; required: boolean; condition?: ComponentCondition | undefined }>,
  files: ReadonlyArray<{ componentKey: string | null; reused?: boolean; fromCitizenStore?: boolean }>,
): Array<{ key: string; state: ComponentCheck['state'] }> {
  const given = new Set(files.map((f) => f.componentKey).filter(Boolean));
  const rows: Array<{ key: string; state: ComponentCheck['state']; reused?: boolean; fromCitizenStore?: boolean }> = [];
  for (const c of components) {
    if (c.condition && !conditionAppliesTo(c.condition, 'online')) continue;
    const conditional = c.condition ? c.condition.kind === 'if_applicable' : !c.required;
    const mine = files.filter((f) => f.componentKey === c.key);
    rows.push({
      key: c.key,
      state: given.has(c.key) ? 'present' : conditional ? 'not_applicable' : 'missing',
      ...(mine.some((f) => f.reused) ? { reused: true } : {}),
      ...(mine.some((f) => f.fromCitizenStore) ? { fromCitizenStore: true } : {}),
    });
  }
  return rows;
}

/**
 * Register an online dossier of the portal in a unit's queue (inside the caller's transaction): submitted with
 * channel online through the receive use case (its audit row and the status update to the portal), then its
 * files (already in the file store) attached.
 */
async function registerPortalDossier(
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
