import type { ChangeEventInput, ChangeEventPorts, ChangePlan } from '@mot-cua/core';
import type { Kysely } from 'kysely';
import type { DB } from '../schema/index.js';
import { createAdminUnitsRepository } from './admin-units.repository.js';
import { createAuditRepository } from './audit.repository.js';
import { createRehomingRepository } from './rehoming.repository.js';

/** The change-event use cases' ports over one transaction; every write is audited with the actor. */
export function createChangeEventPorts(
  db: Kysely<DB>,
  actor: { userId: string | null; requestId?: string | null },
): ChangeEventPorts {
  const units = createAdminUnitsRepository(db);
  const rehoming = createRehomingRepository(db);
  return {
    listVersions: (codes) => units.listVersions(codes),
    countOpenRecords: (codes, date) => rehoming.countOpen(codes, date),
    async writePlan(plan: ChangePlan, input: ChangeEventInput) {
      return units.applyPlan(plan, { source: 'admin', appliedBy: actor.userId, data: { input } });
    },
    async rehome(plan: ChangePlan, eventId: number) {
      const owners = await rehoming.listOwners();
      // Assignments move before free-standing grants, so the grant strategy sees the assignments' new grants.
      owners.sort((a, b) => order(a.strategy) - order(b.strategy));
      let moved = 0;
      let queued = 0;
      const detail: Array<Record<string, unknown>> = [];
      for (const o of owners) {
        for (const m of plan.moves) {
          const keys = await rehoming.move(o, m.fromCode, m.toCode, plan.event.effectiveDate, eventId);
          moved += keys.length;
          if (keys.length) detail.push({ table: o.tableName, from: m.fromCode, to: m.toCode, count: keys.length });
        }
        for (const r of plan.reviews) {
          const n = await rehoming.queueReviews(o, r.fromCode, r.candidateCodes, plan.event.effectiveDate, eventId);
          queued += n;
          if (n) detail.push({ table: o.tableName, from: r.fromCode, review: r.candidateCodes, count: n });
        }
      }
      await createAuditRepository(db).recordAudit({
        actorUserId: actor.userId,
        action: 'admin_unit.change_applied',
        entityType: 'admin_unit_event',
        entityId: String(eventId),
        requestId: actor.requestId ?? null,
        data: {
          key: plan.event.key,
          kind: plan.event.kind,
          effectiveDate: plan.event.effectiveDate,
          closed: plan.closeVersions.map((c) => c.code),
          created: plan.newVersions.map((v) => v.code),
          moved,
          queued,
          detail,
        },
      });
      return { moved, queued };
    },
  };
}

const order = (s: string) => (s === 'assignment' ? 0 : s === 'grant' ? 1 : 2);
