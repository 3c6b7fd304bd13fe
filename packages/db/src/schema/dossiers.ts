import type { ColumnType, Generated, JSONColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Json<T extends object> = JSONColumnType<T, string, string>;

export interface DossiersTable {
  id: Generated<string>;
  code: string;
  provinceCode: string;
  receivingUnitCode: string;
  competentUnitCode: string;
  procedureVersionId: string | null;
  procedureCode: string;
  procedureName: string;
  fieldCode: string | null;
  fieldName: string | null;
  channel: string;
  applicantType: string;
  applicantName: string;
  applicantIdNumber: string | null;
  applicantPhone: string | null;
  applicantEmail: string | null;
  applicantAddress: string | null;
  agent: ColumnType<Record<string, unknown> | null, string | null, string | null>;
  returnMethod: string;
  durationValue: number;
  durationUnit: string;
  feeTotal: Generated<number>;
  paidOnline: Generated<boolean>;
  vneidVerified: Generated<boolean>;
  /** The national portal's dossier code, for dossiers imported from it (migration 0071). */
  portalCode: Generated<string | null>;
  status: string;
  nationalStatus: number;
  submittedAt: Timestamp;
  receivedAt: NullableTimestamp;
  dueAt: NullableTimestamp;
  finishedAt: NullableTimestamp;
  currentStepOrder: number | null;
  currentAssigneeId: string | null;
  lastActionSeq: Generated<number>;
  createdAt: Generated<Date>;
  bookYear: Generated<number | null>;
  bookNumber: Generated<number | null>;
  feeCollectedVnd: Generated<number | null>;
  feeCollectedAt: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface DossierActionsTable {
  dossierId: string;
  seq: number;
  provinceCode: string;
  type: string;
  at: Timestamp;
  actorUserId: string | null;
  actorName: string | null;
  actorRole: string;
  unitCode: string;
  note: string | null;
  data: Json<Record<string, unknown>>;
}

export interface DossierComponentsTable {
  dossierId: string;
  key: string;
  provinceCode: string;
  position: number;
  name: string;
  state: string;
  reason: string | null;
  copies: Generated<number>;
  /** Reused from data already held (DuocTaiSuDung). */
  reused: Generated<boolean>;
  /** Taken from the citizen's personal data store on the national portal (DuocLayTuKhoDMQG). */
  fromCitizenStore: Generated<boolean>;
  updatedAt: Generated<Date>;
}

export interface DossierCodeSequencesTable {
  scope: string;
  day: string;
  lastValue: number;
}

export interface DossierConsultationsTable {
  id: string;
  dossierId: string;
  provinceCode: string;
  agency: string;
  question: string;
  requestedAt: Timestamp;
  dueAt: NullableTimestamp;
  answer: string | null;
  answeredAt: NullableTimestamp;
}

export interface DossierRatingsTable {
  dossierId: string;
  provinceCode: string;
  level: number;
  criteria: Json<Record<string, number>>;
  comment: string | null;
  ratedAt: Timestamp;
}

export interface StoredFilesTable {
  sha256: string;
  sizeBytes: number;
  mediaType: string;
  /** Only until the start-up step moves it to the file store (migration 0145); null after. */
  content: Uint8Array | null;
  createdAt: Generated<Date>;
}

export interface DossierAttachmentsTable {
  id: Generated<string>;
  dossierId: string;
  provinceCode: string;
  kind: 'component' | 'result';
  componentKey: string | null;
  fileName: string;
  sha256: string;
  uploadedBy: string | null;
  uploadedAt: Generated<Date>;
}

/** Row types of the dossiers tables (migration 0040). */
export interface DossiersTables {
  dossiers: DossiersTable;
  dossierActions: DossierActionsTable;
  dossierComponents: DossierComponentsTable;
  dossierCodeSequences: DossierCodeSequencesTable;
  dossierConsultations: DossierConsultationsTable;
  dossierRatings: DossierRatingsTable;
  storedFiles: StoredFilesTable;
  dossierAttachments: DossierAttachmentsTable;
}
