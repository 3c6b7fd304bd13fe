import type { AuditRecord } from '../audit.js';
import type { NotificationPlanItem } from '../notifications/notify-applicant.js';
import type { ComponentCheck, DossierAction, DossierDuration } from './dossier-actions.js';
import type { DossierFile } from './dossier-files.js';
import type { DossierProjection, DossierRecord, OutboxMessage } from './dossier-record.js';

/** One action of a one-statement write, with what it writes besides itself. */
export type CommittedAction = {
  action: DossierAction;
  outbox: OutboxMessage | null;
  audit: (AuditRecord & { requestId: string | null }) | null;
  notifications: NotificationPlanItem[];
};

/**
 * The dossier's own records an action rewrites (accept): the checklist (a component's origin flags, when not
 * given, are kept from the row it replaces) and the time limit the dossier runs with; the result's files.
 */
export type DossierOwnRecords = {
  checklist?: ComponentCheck[];
  duration?: DossierDuration;
  /** The result's files (already in the file store), recorded and linked to the dossier. */
  resultFiles?: { files: readonly DossierFile[]; uploadedBy: string | null };
};

/**
 * A file linked to a dossier, as its view lists them. Every link written moves the dossier row's version
 * (addAttachment touches the row in the same statement), so a list read with the row is as current as the row.
 */
export type DossierAttachment = {
  id: string;
  kind: 'component' | 'result';
  componentKey: string | null;
  fileName: string;
  sha256: string;
  sizeBytes: number;
  mediaType: string;
};

/** Persistence of dossiers, their log and side records. Implemented in packages/db. */
export interface DossiersRepository {
  /**
   * A receipt in one statement (so one round trip, atomic even outside a transaction): the day's number of
   * the (scope, day) sequence and the dossier book's, the dossier (its projection and entry included) coded
   * `prefix` + the number (at least minDigits digits), its checklist, first actions and outbox rows, the audit
   * row and the applicant's notifications (each channel sent, or logged as skipped when its address opted out,
   * decided in the statement). `placeholder`, wherever it appears in the outbox payloads and notifications, is
   * replaced by the code. Returns the code. The sequence rows are locked from this statement to the commit.
   */
  insertReceipt(input: {
    dossier: DossierRecord;
    actions: DossierAction[];
    outbox: OutboxMessage[];
    placeholder: string;
    numbering: {
      scope: string;
      day: string;
      prefix: string;
      minDigits: number;
      /** The dossier book: the receiving unit, its province and the year (Vietnam) of the entry. */
      book: { unitCode: string; provinceCode: string; year: number };
    };
    audit: (AuditRecord & { requestId: string | null }) | null;
    notifications: NotificationPlanItem[];
  }): Promise<string>;
  findDossier(id: string): Promise<DossierRecord | undefined>;
  findDossierByCode(code: string): Promise<DossierRecord | undefined>;
  /** The dossier, locked for the rest of the transaction (SELECT … FOR UPDATE). */
  lockDossier(id: string): Promise<DossierRecord | undefined>;
  listActions(dossierId: string): Promise<DossierAction[]>;
  /** One action with its projection and, when the status changed, its outbox row: one statement. */
  recordAction(input: {
    dossier: Pick<DossierRecord, 'id' | 'provinceCode'>;
    action: DossierAction;
    projection: DossierProjection;
    outbox: OutboxMessage | null;
  }): Promise<void>;
  /**
   * For an action without a transaction (one-statement-action.ts): the dossier with its checklist and its whole
   * log, read in one statement (one snapshot), and the row's version (opaque; changes with every write of the row).
   */
  readForAction?(
    id: string,
  ): Promise<
    { dossier: DossierRecord; actions: DossierAction[]; version: string; attachments?: DossierAttachment[] } | undefined
  >;
  /**
   * Actions in one statement, applied only if the dossier's row is still at `version` and its log ends at the
   * first action's `seq - 1` (the actions' seqs are consecutive): the projection after the last action, each
   * action with its outbox row, audit row and the applicant's notifications (opt-outs decided in the statement,
   * as insertReceipt does), and the dossier's own records the first action sets (accept: its checklist and time
   * limit). False when the row moved: nothing was written.
   */
  commitAction?(input: {
    dossier: Pick<DossierRecord, 'id' | 'provinceCode'>;
    version: string;
    actions: CommittedAction[];
    projection: DossierProjection;
    records?: DossierOwnRecords;
  }): Promise<boolean>;
  saveComponents(dossier: Pick<DossierRecord, 'id' | 'provinceCode'>, checks: ComponentCheck[]): Promise<void>;
  /** Record the time limit the dossier runs with (set when it is accepted, see resolveTimeLimit). */
  saveDuration(dossier: Pick<DossierRecord, 'id'>, duration: DossierDuration): Promise<void>;
  createConsultation(c: {
    id: string;
    dossierId: string;
    provinceCode: string;
    agency: string;
    question: string;
    requestedAt: Date;
    dueAt: Date | null;
  }): Promise<void>;
  answerConsultation(c: { id: string; dossierId: string; answer: string; answeredAt: Date }): Promise<void>;
  saveRating(r: {
    dossierId: string;
    provinceCode: string;
    level: number;
    criteria: Record<string, number>;
    comment: string | null;
    ratedAt: Date;
  }): Promise<void>;
  /** Record a content already in the file store, once by its sha256. */
  storeFile(f: { sha256: string; sizeBytes: number; mediaType: string }): Promise<void>;
  addAttachment(a: {
    dossierId: string;
    provinceCode: string;
    kind: 'component' | 'result';
    componentKey: string | null;
    fileName: string;
    sha256: string;
    uploadedBy: string | null;
  }): Promise<unknown>;
  /**
   * Officials holding one of the roles in the unit (or its province) on a date, with the number of
   * open dossiers currently assigned to each: the candidates for assignment.
   */
  listCandidates(input: {
    unitCode: string;
    provinceCode: string;
    roles: string[];
    onDate: string;
  }): Promise<Array<{ userId: string; fullName: string; role: string; openAssignments: number }>>;
}
