import type { ComponentCondition } from '@mot-cua/contracts';
import type { Cutoff } from '../calendar/working-calendar.js';
import type { Channel, DossierDuration, DossierStep } from './dossier-actions.js';
import type { DossierPause } from './dossier-state.js';

/* What a receipt needs from the other features: the procedure, the unit and the deadlines of its calendar. */

/** The procedure as a receiving center needs it (catalog feature's data, adapted). */
export type ReceptionProcedure = {
  versionId: string | null;
  code: string;
  name: string;
  fieldCode: string | null;
  fieldName: string | null;
  /**
   * The components of the channel (a component of other channels only is left out), each with its
   * condition; `required` is false for one needed only in some cases.
   */
  components: Array<{
    key: string;
    name: string;
    copies: number;
    required: boolean;
    group?: string | null;
    condition?: ComponentCondition;
  }>;
  duration: DossierDuration;
  steps: DossierStep[];
  feeTotal: number;
  /** Whether the procedure has a financial-obligation step (land procedures). */
  hasFinancialObligation: boolean;
};

export interface ProcedurePort {
  findProcedureForReception(input: {
    procedureCode: string;
    competentUnitCode: string;
    channel: Channel;
    onDate: string;
  }): Promise<ReceptionProcedure | undefined>;
}

export type UnitInfo = {
  code: string;
  name: string;
  provinceCode: string;
  level: 'province' | 'commune' | 'district';
  /** Electronic identifier of the agency (QĐ 20/2020), when recorded. */
  agencyIdentifier: string | null;
};

export interface UnitsPort {
  findUnit(code: string, onDate: string): Promise<UnitInfo | undefined>;
}

/** Due dates from the working calendar of a unit (calendar feature, adapted). */
export interface DeadlinePort {
  computeDueDate(input: {
    unitCode: string;
    provinceCode: string;
    receivedAt: Date;
    duration: DossierDuration;
    pauses?: DossierPause[];
    /** Intake cut-off for this receipt; undefined: the calendar's (15:00 by default) for day-based limits. */
    cutoff?: Cutoff | undefined;
  }): Promise<{ clockStartsAt: Date; dueAt: Date | null }>;
  /** The instant `days` working days before `at` (same time of day), for the apology rule and due-soon lists. */
  workingDaysBefore(input: { unitCode: string; provinceCode: string; at: Date; days: number }): Promise<Date>;
  /** The due-soon mark of the unit's calendar now (dossier-stats.ts dueSoonBefore): due on or before it = due soon. */
  dueSoonBefore(input: { unitCode: string; provinceCode: string; now: Date }): Promise<Date>;
}
