import type { RoutingRuleFacts, RoutingRulesPorts } from '@mot-cua/core';
import type { Kysely } from 'kysely';
import type { DB } from '../schema/index.js';
import { createAdminUnitsRepository } from './admin-units.repository.js';
import { createAuditPort } from './audit.repository.js';
import { unitName } from './feedback-sql.js';
import { createOrganisationRepository } from './organisation.repository.js';

/** SQL of the feedback routing rules (which unit and department handle a topic in a commune). */
export function createFeedbackRulesRepository(db: Kysely<DB>) {
  return {
    async listRoutingRules(
      provinceCode?: string,
    ): Promise<Array<RoutingRuleFacts & { unitName: string | null; departmentName: string | null }>> {
      let q = db
        .selectFrom('feedbackRoutingRules as r')
        .leftJoin('departments as d', 'd.id', 'r.departmentId')
        .select([
          'r.id',
          'r.provinceCode',
          'r.communeCode',
          'r.field',
          'r.kind',
          'r.unitCode',
          'r.departmentId',
          'r.priority',
          'd.name as departmentName',
          unitName('r.unit_code').as('unitName'),
        ])
        .orderBy('r.provinceCode')
        .orderBy('r.id');
      if (provinceCode) q = q.where('r.provinceCode', '=', provinceCode);
      const rows = await q.execute();
      return rows.map((r) => ({ ...r, kind: r.kind as RoutingRuleFacts['kind'] }));
    },
    async findRule(id: number) {
      const r = await db
        .selectFrom('feedbackRoutingRules')
        .select(['id', 'provinceCode', 'communeCode', 'field', 'kind', 'unitCode', 'departmentId', 'priority'])
        .where('id', '=', id)
        .executeTakeFirst();
      return r ? { ...r, kind: r.kind as RoutingRuleFacts['kind'] } : undefined;
    },
    async updateRule(id: number, r: Omit<RoutingRuleFacts, 'id'>) {
      await db
        .updateTable('feedbackRoutingRules')
        .set({
          provinceCode: r.provinceCode,
          communeCode: r.communeCode,
          field: r.field,
          kind: r.kind,
          unitCode: r.unitCode,
          departmentId: r.departmentId,
          priority: r.priority,
        })
        .where('id', '=', id)
        .execute();
    },
    async insertRule(r: Omit<RoutingRuleFacts, 'id'> & { createdBy: string }) {
      const row = await db
        .insertInto('feedbackRoutingRules')
        .values({
          provinceCode: r.provinceCode,
          communeCode: r.communeCode,
          field: r.field,
          kind: r.kind,
          unitCode: r.unitCode,
          departmentId: r.departmentId,
          priority: r.priority,
          createdBy: r.createdBy,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },
    async deleteRule(id: number) {
      await db.deleteFrom('feedbackRoutingRules').where('id', '=', id).execute();
    },
  };
}

/** The unit and department look-ups feedback's use cases share (routing, rules). */
export function unitAndDepartmentLookups(trx: Kysely<DB>): Pick<RoutingRulesPorts, 'findUnit' | 'findDepartment'> {
  const units = createAdminUnitsRepository(trx);
  const org = createOrganisationRepository(trx);
  return {
    findUnit: units.findUnit,
    findDepartment: async (id) => {
      const d = await org.findDepartment(id);
      return d ? { id: d.id, unitCode: d.unitCode } : undefined;
    },
  };
}

/** Ports of the routing-rule use cases over one transaction. */
export function createRoutingRulesPorts(trx: Kysely<DB>, requestId: string | null = null): RoutingRulesPorts {
  const repo = createFeedbackRulesRepository(trx);
  return {
    ...unitAndDepartmentLookups(trx),
    findRule: repo.findRule,
    insertRule: repo.insertRule,
    updateRule: repo.updateRule,
    deleteRule: repo.deleteRule,
    audit: createAuditPort(trx, requestId),
  };
}
