import type { ConversionResult } from '../admin-units/address-conversion.js';

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
