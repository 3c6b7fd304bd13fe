/**
 * The immutable action log of a dossier. Every change to a dossier is one appended action; the
 * status, current step, pauses and counters are derived from the log by `deriveDossierState`.
 */
import { DossierActionKind } from '@mot-cua/contracts';

/** Submission channel with the national portal's codes: 1 in person, 2 online, 3 postal. */
export type Channel = 'in_person' | 'online' | 'postal';
export const channelCode: Record<Channel, 1 | 2 | 3> = { in_person: 1, online: 2, postal: 3 };

/** How a result is handed back: at the counter of the receiving center, by post, or online. */
export type ReturnMethod = 'counter' | 'post' | 'online';

/** A processing time as the calendar feature counts it (structurally the calendar's Duration). */
export type DossierDuration = {
  value: number;
  unit: 'working_days' | 'working_hours' | 'calendar_days' | 'none';
};

/** One step of the internal process, snapshotted into the log when the dossier is received. */
export type DossierStep = {
  order: number;
  name: string;
  /** Role expected to act on the step (reception, specialist, department_head, leader, ...). */
  role: string;
  departmentKind?: string | null;
  duration: DossierDuration;
};

/** Completeness check result for one component of the procedure version. */
export type ComponentCheck = {
  key: string;
  name: string;
  state: 'present' | 'missing' | 'invalid' | 'not_applicable';
  reason?: string | null;
  copies?: number;
  /** Reused from data the administration already holds (the portal's DuocTaiSuDung); kept when a checklist is re-saved without it. */
  reused?: boolean;
  /** Taken from the citizen's personal data store on the national portal (DuocLayTuKhoDMQG); kept likewise. */
  fromCitizenStore?: boolean;
};

/** Who performed an action. 'applicant' and 'system' have no role grant. */
export type ActorRole =
  | 'reception'
  | 'specialist'
  | 'department_head'
  | 'leader'
  | 'center_director'
  | 'supervisor'
  | 'system_admin'
  | 'citizen'
  | 'applicant'
  | 'system';

type Base = {
  /** 1-based position in the log; also the idempotency suffix of outbox rows. */
  seq: number;
  at: Date;
  actorId: string | null;
  actorName?: string | null;
  actorRole: ActorRole;
  /** Unit in which the action happened. */
  unitCode: string;
  note?: string | null;
};

export type ActionPayload =
  /** Registered but not yet accepted: online or postal submission, or an incomplete counter submission. */
  | { type: 'submitted'; channel: Channel; intakeDueAt?: Date | null }
  /** Accepted as complete and valid: the clock starts (form 01). */
  | {
      type: 'received';
      channel: Channel;
      clockStartsAt: Date;
      dueAt: Date | null;
      steps: DossierStep[];
      stepDueAt?: Date | null;
    }
  /** One consolidated request listing every missing or invalid component (form 02). */
  | { type: 'supplement_requested'; items: ComponentCheck[]; deadlineAt?: Date | null }
  /** The applicant supplied what was asked; in processing the time limit restarts. */
  | { type: 'supplemented'; clockStartsAt?: Date | null; dueAt?: Date | null }
  /** Refusal with reasons (form 03), at reception or by the competent body. */
  | { type: 'refused'; reasons: string[] }
  /** The current step is given to an official by a head (assign or reassign). */
  | { type: 'assigned'; stepOrder: number; assigneeId: string; assigneeName?: string | null }
  /** An official takes the current step for themselves. */
  | { type: 'claimed'; stepOrder: number }
  /** Hand-over of the work to the next step of the internal process. */
  | {
      type: 'step_completed';
      fromStep: number;
      toStep: number;
      toAssigneeId?: string | null;
      toAssigneeName?: string | null;
      stepDueAt?: Date | null;
    }
  /** The dossier is routed to another competent unit (commune ↔ province). */
  | { type: 'forwarded'; toUnitCode: string; toUnitName?: string | null }
  /** Opinion requested from another agency, with its own deadline. */
  | { type: 'consultation_requested'; consultationId: string; agency: string; dueAt: Date | null }
  | { type: 'consultation_answered'; consultationId: string; answer?: string | null }
  /** Applicant must pay a financial obligation (tax, fee): the clock pauses. */
  | { type: 'financial_obligation_requested'; amount?: number | null; description?: string | null }
  | { type: 'financial_obligation_paid'; dueAt?: Date | null }
  /** The competent leader approved (signed) the decision. */
  | { type: 'approved' }
  /** The result is registered, stamped, digitized and sent back to the receiving center. */
  | { type: 'result_issued'; documents: Array<{ name: string; sha256?: string | null }> }
  /** Late dossier: apology with a new due date (form 04); allowed once. */
  | { type: 'apology_issued'; reason: string; newDueAt: Date; previousDueAt: Date | null }
  /** The applicant withdrew the dossier (stop notice is issued). */
  | { type: 'withdrawn'; reason: string }
  /** Processing stopped for another cause (stop notice). */
  | { type: 'stopped'; reason: string }
  /** The result was handed back to the applicant. */
  | { type: 'returned'; method: ReturnMethod }
  /** The applicant rated the service (5 levels plus per-dossier criteria). */
  | { type: 'rated'; level: 1 | 2 | 3 | 4 | 5; criteria?: Record<string, number> };

export type DossierAction = Base & ActionPayload;
export type DossierActionType = ActionPayload['type'];
export type ActionOf<T extends DossierActionType> = Base & Extract<ActionPayload, { type: T }>;

/** The action kinds, as the API contract lists them; the two checks keep the contract and this union equal. */
export const dossierActionTypes: readonly DossierActionType[] =
  DossierActionKind.options satisfies readonly DossierActionType[];
type MissingFromContract = Exclude<DossierActionType, DossierActionKind>;
const contractCoversEveryAction: MissingFromContract extends never ? true : never = true;
void contractCoversEveryAction;
