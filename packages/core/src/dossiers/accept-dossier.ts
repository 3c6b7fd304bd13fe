import { AppError } from '../errors.js';
import { vnDate } from '../time/vn-time.js';
import { checkCompleteness } from './completeness.js';
import type { ComponentCheck } from './dossier-actions.js';
import {
  type ActorResolver,
  type DossierActor,
  type DossierDeps,
  performDossierAction,
} from './perform-dossier-action.js';
import type { DossierOwnRecords } from './ports.js';
import { dueDatesAtReceipt } from './receive-dossier.js';
import { hasTimeLimit, resolveTimeLimit, type SuppliedTimeLimit } from './time-limit.js';

/**
 * Accept a registered dossier (online, postal, or supplemented at the counter) once its checklist
 * is complete: the legal clock starts and a receipt (form 01) can be printed.
 */
export async function acceptDossier(
  deps: DossierDeps,
  input: {
    dossierId: string;
    actor: DossierActor | ActorResolver;
    components?: Array<{ key: string; state: ComponentCheck['state']; reason?: string | null }>;
    note?: string | null;
    /** Time limit entered by the official when the procedure has none (see resolveTimeLimit). */
    timeLimit?: SuppliedTimeLimit | null;
  },
) {
  // The checklist and time limit as the last pass decided them: written with the action (performDossierAction).
  let records: DossierOwnRecords = {};
  return performDossierAction(deps, {
    dossierId: input.dossierId,
    actor: input.actor,
    note: input.note ?? null,
    records: () => records,
    build: async (_state, dossier) => {
      records = {};
      const now = deps.clock.now();
      const procedure = await deps.procedures.findProcedureForReception({
        procedureCode: dossier.procedureCode,
        competentUnitCode: dossier.competentUnitCode,
        channel: dossier.channel,
        onDate: vnDate(now),
      });
      if (!procedure) throw new AppError('PROCEDURE_NOT_AVAILABLE');
      const submitted = input.components ?? dossier.components;
      const check = checkCompleteness(procedure.components, submitted);
      if (check.unknownKeys.length) throw new AppError('UNKNOWN_COMPONENT', { details: { keys: check.unknownKeys } });
      if (!check.complete) {
        throw new AppError('COMPONENTS_INCOMPLETE', { details: { problems: check.problems.map((p) => p.key) } });
      }
      const duration = resolveTimeLimit({
        procedure: procedure.duration,
        supplied: input.timeLimit,
        recorded: dossier.duration,
        required: true,
      });
      if (input.components) records.checklist = check.checks;
      if (
        !hasTimeLimit(dossier.duration) ||
        dossier.duration.value !== duration.value ||
        dossier.duration.unit !== duration.unit
      ) {
        records.duration = duration;
      }
      const due = await dueDatesAtReceipt(
        deps,
        { unitCode: dossier.competentUnitCode, provinceCode: dossier.provinceCode },
        { ...procedure, duration },
        now,
        dossier.channel,
      );
      return { type: 'received', channel: dossier.channel, steps: procedure.steps, ...due };
    },
  });
}
