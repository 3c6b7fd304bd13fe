import { type RoutingRuleInput, vnDate } from '@mot-cua/contracts';
import type { UnitVersion } from '../admin-units/unit-model.js';
import type { AuditPort } from '../audit.js';
import { authorize } from '../authorization/index.js';
import { AppError } from '../errors.js';
import type { FeedbackContext } from './feedback-context.js';

export interface RoutingRulesPorts {
  findUnit(code: string, onDate: string): Promise<UnitVersion | undefined>;
  findDepartment(id: string): Promise<{ id: string; unitCode: string } | undefined>;
  findRule(id: number): Promise<(RoutingRuleInput & { id: number }) | undefined>;
  insertRule(r: RoutingRuleInput & { createdBy: string }): Promise<number>;
  updateRule(id: number, r: RoutingRuleInput): Promise<void>;
  deleteRule(id: number): Promise<void>;
  audit: AuditPort;
}

/** A rule belongs to its commune when it names one (a commune's director edits it), else to the province. */
export const routingRuleResource = (r: { provinceCode: string; communeCode: string | null }) => ({
  kind: 'unit' as const,
  unitCode: r.communeCode ?? r.provinceCode,
  provinceCode: r.provinceCode,
});

/** The commune, the target unit and its department must be real and in the rule's province. */
async function checkRule(input: RoutingRuleInput, ctx: FeedbackContext, ports: RoutingRulesPorts) {
  const today = vnDate(ctx.now);
  for (const code of [input.communeCode, input.unitCode]) {
    if (!code) continue;
    const u = await ports.findUnit(code, today);
    if (!u || u.provinceCode !== input.provinceCode) throw new AppError('FEEDBACK_UNIT_UNKNOWN', { details: { code } });
  }
  if (input.departmentId) {
    const d = await ports.findDepartment(input.departmentId);
    if (!d || d.unitCode !== input.unitCode) throw new AppError('FEEDBACK_DEPARTMENT_MISMATCH');
  }
}

/** Add a routing rule of a province. */
export async function createRoutingRule(input: RoutingRuleInput, ctx: FeedbackContext, ports: RoutingRulesPorts) {
  authorize(ctx.actor, 'feedback.configure', routingRuleResource(input));
  await checkRule(input, ctx, ports);
  const id = await ports.insertRule({ ...input, createdBy: ctx.actor!.userId });
  await ports.audit.record({
    actorUserId: ctx.actor!.userId,
    action: 'feedback.routing_rule_created',
    entityType: 'feedback_routing_rule',
    entityId: String(id),
    unitCode: input.unitCode,
    provinceCode: input.provinceCode,
    data: { ...input },
  });
  return id;
}

/**
 * Change a routing rule (matters already routed keep their unit). The official must be allowed to edit the rule
 * where it is and where it goes; the audit row keeps both versions.
 */
export async function updateRoutingRule(
  id: number,
  input: RoutingRuleInput,
  ctx: FeedbackContext,
  ports: RoutingRulesPorts,
) {
  const rule = await ports.findRule(id);
  if (!rule) throw new AppError('FEEDBACK_ROUTING_RULE_NOT_FOUND');
  authorize(ctx.actor, 'feedback.configure', routingRuleResource(rule));
  authorize(ctx.actor, 'feedback.configure', routingRuleResource(input));
  await checkRule(input, ctx, ports);
  await ports.updateRule(id, input);
  const { id: _id, ...before } = rule;
  await ports.audit.record({
    actorUserId: ctx.actor!.userId,
    action: 'feedback.routing_rule_updated',
    entityType: 'feedback_routing_rule',
    entityId: String(id),
    unitCode: input.unitCode,
    provinceCode: input.provinceCode,
    data: { before, after: { ...input } },
  });
}

/** Remove a routing rule (matters already routed keep their unit). */
export async function deleteRoutingRule(id: number, ctx: FeedbackContext, ports: RoutingRulesPorts) {
  const rule = await ports.findRule(id);
  if (!rule) throw new AppError('FEEDBACK_ROUTING_RULE_NOT_FOUND');
  authorize(ctx.actor, 'feedback.configure', routingRuleResource(rule));
  await ports.deleteRule(id);
  await ports.audit.record({
    actorUserId: ctx.actor!.userId,
    action: 'feedback.routing_rule_deleted',
    entityType: 'feedback_routing_rule',
    entityId: String(id),
    provinceCode: rule.provinceCode,
    data: {},
  });
}
