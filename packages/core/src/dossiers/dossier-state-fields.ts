import { DossierStatusName } from '@mot-cua/contracts';
import type { Channel, ComponentCheck, DossierStep, ReturnMethod } from './dossier-actions.js';

/**
 * Status of a dossier, derived from its action log. Each maps to one national status code (1–10),
 * see national-status.ts. The list has one home: the API contract (DossierStatusName).
 */
export type DossierStatus = DossierStatusName;

export const dossierStatuses: readonly DossierStatus[] = DossierStatusName.options;

/** Statuses after which nothing but a rating (after return) can happen. */
export const terminalStatuses: ReadonlySet<DossierStatus> = new Set(['returned', 'refused', 'withdrawn', 'stopped']);

export type DossierPause = { kind: 'supplement' | 'financial_obligation'; from: Date; to: Date | null };

export type CurrentStep = {
  order: number;
  name: string;
  role: string;
  assigneeId: string | null;
  assigneeName: string | null;
  startedAt: Date;
  dueAt: Date | null;
};

export type DossierState = {
  status: DossierStatus;
  /** intake: before acceptance; processing: accepted and open; closed: terminal. */
  phase: 'intake' | 'processing' | 'closed';
  channel: Channel | null;
  submittedAt: Date | null;
  receivedAt: Date | null;
  /** When the legal clock (re)started: receipt, or the complete supplement during processing. */
  clockStartsAt: Date | null;
  /** Current due date (after restarts and an apology). */
  dueAt: Date | null;
  /** Due date before any apology (for the late/on-time test of the index). */
  originalDueAt: Date | null;
  /** Deadline for accepting an online dossier (8 working hours). */
  intakeDueAt: Date | null;
  steps: DossierStep[];
  currentStep: CurrentStep | null;
  /** Competent unit after forwarding; null while it is the one recorded at creation. */
  forwardedToUnitCode: string | null;
  pauses: DossierPause[];
  openConsultations: string[];
  /** Components asked for in the latest supplement request. */
  pendingSupplement: ComponentCheck[];
  counters: {
    intakeSupplementRequests: number;
    processingSupplementRequests: number;
    apologies: number;
    forwards: number;
    consultations: number;
    assignments: number;
  };
  approvedAt: Date | null;
  resultIssuedAt: Date | null;
  returnedAt: Date | null;
  returnMethod: ReturnMethod | null;
  /** First of result issued > returned > stopped/refused/withdrawn (the index's end timestamp). */
  finishedAt: Date | null;
  rating: { level: number; criteria: Record<string, number> } | null;
  refusalReasons: string[];
  stopReason: string | null;
  lastStatusChangeAt: Date | null;
  lastActionSeq: number;
};

export const initialDossierState = (): DossierState => ({
  status: 'new',
  phase: 'intake',
  channel: null,
  submittedAt: null,
  receivedAt: null,
  clockStartsAt: null,
  dueAt: null,
  originalDueAt: null,
  intakeDueAt: null,
  steps: [],
  currentStep: null,
  forwardedToUnitCode: null,
  pauses: [],
  openConsultations: [],
  pendingSupplement: [],
  counters: {
    intakeSupplementRequests: 0,
    processingSupplementRequests: 0,
    apologies: 0,
    forwards: 0,
    consultations: 0,
    assignments: 0,
  },
  approvedAt: null,
  resultIssuedAt: null,
  returnedAt: null,
  returnMethod: null,
  finishedAt: null,
  rating: null,
  refusalReasons: [],
  stopReason: null,
  lastStatusChangeAt: null,
  lastActionSeq: 0,
});
