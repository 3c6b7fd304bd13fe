import type { ColumnType, JSONColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T extends object> = JSONColumnType<T, string, string>;

/** A dossier's structured e-form (migration 0180). */
export interface DossierEformsTable {
  dossierId: string;
  provinceCode: string;
  schemaId: string;
  schemaVersion: number;
  values: Json<Record<string, unknown>>;
  createdBy: string | null;
  createdAt: Timestamp;
}

/** Citizens' drafts of online submissions and the uploads attached to them (migration 0181). */
export interface CitizenDraftsTable {
  id: string;
  userId: string;
  procedureCode: string;
  data: Json<Record<string, unknown>>;
  createdAt: Timestamp;
  updatedAt: Timestamp;
  expiresAt: Timestamp;
}

export interface CitizenDraftFilesTable {
  id: string;
  draftId: string;
  componentKey: string;
  fileName: string;
  sha256: string;
  sizeBytes: ColumnType<number, number, number>;
  mediaType: string;
  createdAt: Timestamp;
}

/** Ids of drafts sent as dossiers: a later save of one is refused (migration 0231). */
export interface CitizenSubmittedDraftsTable {
  draftId: string;
  userId: string;
  procedureCode: string;
  dossierId: string;
  submittedAt: Timestamp;
}

export interface CitizenFormsTables {
  citizenSubmittedDrafts: CitizenSubmittedDraftsTable;
  dossierEforms: DossierEformsTable;
  citizenDrafts: CitizenDraftsTable;
  citizenDraftFiles: CitizenDraftFilesTable;
}
