import type { Channel, ComponentCheck, DossierDuration, ReturnMethod } from './dossier-actions.js';
import type { DossierStatus } from './dossier-state.js';
import type { NationalStatusCode } from './national-status.js';

/* A dossier as core sees it: who applied, the stored facts, the status projection and the outbox message an
   action sends. The repository's port is dossiers-repository-port.ts. */

/** Applicant type with the national portal's LoaiDoiTuong codes (1–4). */
export type ApplicantType = 'citizen' | 'enterprise' | 'state_agency' | 'organisation';
export const applicantTypeCode: Record<ApplicantType, 1 | 2 | 3 | 4> = {
  citizen: 1,
  enterprise: 2,
  state_agency: 3,
  organisation: 4,
};

export type Applicant = {
  type: ApplicantType;
  fullName: string;
  idNumber: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
};

/** Person who submits on behalf of the applicant (relative, postal worker, volunteer). */
export type Agent = { fullName: string; idNumber: string | null; phone: string | null; relation: string | null };

/** The stored facts of a dossier that are not in its action log, plus the status projection. */
export type DossierRecord = {
  id: string;
  code: string;
  provinceCode: string;
  /** Center that received the dossier; the result is returned there. */
  receivingUnitCode: string;
  /** Unit that decides (commune, or province for provincial procedures); follows forwarding. */
  competentUnitCode: string;
  procedureVersionId: string | null;
  procedureCode: string;
  procedureName: string;
  fieldCode: string | null;
  fieldName: string | null;
  channel: Channel;
  applicant: Applicant;
  agent: Agent | null;
  returnMethod: ReturnMethod;
  duration: DossierDuration;
  components: ComponentCheck[];
  feeTotal: number;
  paidOnline: boolean;
  vneidVerified: boolean;
  /** The national portal's code of an online dossier imported from it (sent back in every status update). */
  portalCode?: string | null;
  // projection (derived from the log, stored for lists)
  status: DossierStatus;
  nationalStatus: NationalStatusCode;
  submittedAt: Date;
  receivedAt: Date | null;
  dueAt: Date | null;
  finishedAt: Date | null;
  currentStepOrder: number | null;
  currentAssigneeId: string | null;
  lastActionSeq: number;
  createdAt: Date;
  /** Line in the receiving unit's dossier book (sổ theo dõi hồ sơ) of the year: set with the code. */
  book?: { year: number; number: number } | null;
  /** Fees and charges collected at the counter (a fee receipt is printed), or null. */
  feeCollected?: { amountVnd: number; at: Date } | null;
};

export type NewDossier = Omit<
  DossierRecord,
  | 'id'
  | 'status'
  | 'nationalStatus'
  | 'receivedAt'
  | 'dueAt'
  | 'finishedAt'
  | 'currentStepOrder'
  | 'currentAssigneeId'
  | 'lastActionSeq'
  | 'createdAt'
>;

export type DossierProjection = Pick<
  DossierRecord,
  | 'status'
  | 'nationalStatus'
  | 'receivedAt'
  | 'dueAt'
  | 'finishedAt'
  | 'currentStepOrder'
  | 'currentAssigneeId'
  | 'competentUnitCode'
  | 'lastActionSeq'
>;

export type OutboxMessage = {
  provinceCode: string;
  topic: string;
  aggregateId: string;
  idempotencyKey: string;
  payload: Record<string, unknown>;
};
