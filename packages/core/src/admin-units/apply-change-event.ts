import {
  type ChangeEventInput,
  type ChangePlan,
  codesInvolved,
  planChangeEvent,
  type VersionsByCode,
} from './change-plan.js';

/** What applying an event would move: open records per registered table and old unit. */
export type ChangeImpact = {
  moves: Array<{ tableName: string; columnName: string; fromCode: string; toCode: string; count: number }>;
  reviews: Array<{ tableName: string; columnName: string; fromCode: string; candidateCodes: string[]; count: number }>;
};

export type OpenRecordCount = { tableName: string; columnName: string; unitCode: string; count: number };

/** Ports of the change-event use cases (implemented in packages/db). */
export interface ChangeEventPorts {
  listVersions(codes: string[]): Promise<VersionsByCode>;
  countOpenRecords(codes: string[], effectiveDate: string): Promise<OpenRecordCount[]>;
  /** Write versions, event and links; returns the event id. */
  writePlan(plan: ChangePlan, input: ChangeEventInput): Promise<number>;
  /** Move or queue the records of the plan; returns what was moved and queued. */
  rehome(plan: ChangePlan, eventId: number): Promise<{ moved: number; queued: number }>;
}

function impactOf(plan: ChangePlan, counts: OpenRecordCount[]): ChangeImpact {
  const impact: ChangeImpact = { moves: [], reviews: [] };
  for (const c of counts) {
    for (const m of plan.moves.filter((x) => x.fromCode === c.unitCode)) {
      impact.moves.push({
        tableName: c.tableName,
        columnName: c.columnName,
        fromCode: m.fromCode,
        toCode: m.toCode,
        count: c.count,
      });
    }
    for (const r of plan.reviews.filter((x) => x.fromCode === c.unitCode)) {
      impact.reviews.push({
        tableName: c.tableName,
        columnName: c.columnName,
        fromCode: r.fromCode,
        candidateCodes: r.candidateCodes,
        count: c.count,
      });
    }
  }
  return impact;
}

/** Plan an event and count what it would move, writing nothing. */
export async function previewChangeEvent(
  input: ChangeEventInput,
  ports: Pick<ChangeEventPorts, 'listVersions' | 'countOpenRecords'>,
  key: string,
): Promise<{ plan: ChangePlan; impact: ChangeImpact }> {
  const plan = planChangeEvent(input, await ports.listVersions(codesInvolved(input)), key);
  const codes = [...new Set([...plan.moves.map((m) => m.fromCode), ...plan.reviews.map((r) => r.fromCode)])];
  const impact = impactOf(plan, await ports.countOpenRecords(codes, input.effectiveDate));
  return { plan, impact };
}

/**
 * Apply a change event: the same plan as the preview, written with the re-homing of every open record, in the
 * caller's transaction (one audited transaction).
 */
export async function applyChangeEvent(
  input: ChangeEventInput,
  ports: ChangeEventPorts,
  key: string,
): Promise<{ eventId: number; plan: ChangePlan; impact: ChangeImpact; moved: number; queued: number }> {
  const { plan, impact } = await previewChangeEvent(input, ports, key);
  const eventId = await ports.writePlan(plan, input);
  const { moved, queued } = await ports.rehome(plan, eventId);
  return { eventId, plan, impact, moved, queued };
}
