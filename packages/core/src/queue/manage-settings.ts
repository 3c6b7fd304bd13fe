import type { CounterGroupsRequest, QueueGroupInput, QueueSettingsFields } from '@mot-cua/contracts';
import { authorize } from '../authorization/policy.js';
import { AppError } from '../errors.js';
import { requireCenter } from './issue-ticket.js';
import type { QueueCenterRecord, QueueContext, QueuePorts } from './queue-ports.js';

/**
 * A front desk's administration (queue.manage: the center director or a system administrator of its unit): the
 * rules and hours, the service groups, the groups each counter serves. Each write is audited and moves the center's
 * version, so displays and kiosks show the change at once.
 */

async function managedCenter(ports: QueuePorts, centerId: string, ctx: QueueContext) {
  const center = await requireCenter(ports, centerId);
  authorize(ctx.actor ?? undefined, 'queue.manage', {
    kind: 'unit',
    unitCode: center.unitCode,
    provinceCode: center.provinceCode,
  });
  return center;
}

async function done(
  ports: QueuePorts,
  ctx: QueueContext,
  center: QueueCenterRecord,
  action: string,
  entity: { type: string; id: string },
  data: Record<string, unknown>,
) {
  await ports.audit.record({
    actorUserId: ctx.actor?.userId ?? null,
    action: `queue.${action}`,
    entityType: entity.type,
    entityId: entity.id,
    unitCode: center.unitCode,
    provinceCode: center.provinceCode,
    data,
  });
  await ports.bumpVersion(center.id);
}

/** Priority rules (one per kind), notices, slot length, the near-turn SMS threshold and the ticketing margins. */
export async function updateQueueSettings(
  centerId: string,
  input: QueueSettingsFields,
  ctx: QueueContext,
  ports: QueuePorts,
): Promise<void> {
  const center = await managedCenter(ports, centerId, ctx);
  const kinds = input.priorityRules.map((r) => r.kind);
  if (new Set(kinds).size !== kinds.length) throw new AppError('QUEUE_PRIORITY_RULE_DUPLICATE');
  await ports.updateSettings(center.id, input);
  await done(
    ports,
    ctx,
    center,
    'settings_updated',
    { type: 'service_center', id: center.id },
    {
      before: {
        priorityRules: center.priorityRules,
        slotMinutes: center.slotMinutes,
        nearTurnAhead: center.nearTurnAhead,
        openBeforeMinutes: center.openBeforeMinutes,
        closeBeforeMinutes: center.closeBeforeMinutes,
      },
      after: input,
    },
  );
}

/** Codes are unique at a center, and two active groups never number from the same base (1001 would be ambiguous). */
async function checkGroup(ports: QueuePorts, centerId: string, input: QueueGroupInput, groupId: string | null) {
  const others = (await ports.listGroupsOfCenter(centerId)).filter((g) => g.id !== groupId);
  if (others.some((g) => g.code === input.code)) {
    throw new AppError('QUEUE_GROUP_CODE_TAKEN', { details: { code: input.code } });
  }
  if (input.isActive && others.some((g) => g.isActive && g.numberBase === input.numberBase)) {
    throw new AppError('QUEUE_NUMBER_BASE_TAKEN', { details: { numberBase: input.numberBase } });
  }
}

export async function createQueueGroup(
  centerId: string,
  input: QueueGroupInput,
  ctx: QueueContext,
  ports: QueuePorts,
): Promise<string> {
  const center = await managedCenter(ports, centerId, ctx);
  await checkGroup(ports, center.id, input, null);
  const id = await ports.insertGroup(center, input);
  await done(ports, ctx, center, 'group_created', { type: 'queue_group', id }, { ...input });
  return id;
}

/** Rename, re-field, renumber or (de)activate a group; not deactivated while visitors still wait in it. */
export async function updateQueueGroup(
  groupId: string,
  input: QueueGroupInput,
  ctx: QueueContext,
  ports: QueuePorts,
): Promise<void> {
  const centerId = await ports.centerOfGroup(groupId);
  if (!centerId) throw new AppError('QUEUE_GROUP_NOT_FOUND', { details: { groupId } });
  const center = await managedCenter(ports, centerId, ctx);
  const before = (await ports.listGroupsOfCenter(center.id)).find((g) => g.id === groupId)!;
  await checkGroup(ports, center.id, input, groupId);
  if (before.isActive && !input.isActive && (await ports.waitingInGroup(groupId)) > 0) {
    throw new AppError('QUEUE_GROUP_IN_USE', { details: { groupId } });
  }
  await ports.updateGroup(groupId, input);
  await done(ports, ctx, center, 'group_updated', { type: 'queue_group', id: groupId }, { before, after: input });
}

/** The groups a counter serves and its tier for each (1 = main group); every group must be the center's. */
export async function setCounterGroups(
  counterId: string,
  input: CounterGroupsRequest,
  ctx: QueueContext,
  ports: QueuePorts,
): Promise<void> {
  const counter = await ports.findCounter(counterId);
  if (!counter) throw new AppError('QUEUE_COUNTER_NOT_FOUND', { details: { counterId } });
  const center = await managedCenter(ports, counter.centerId, ctx);
  const groups = new Set((await ports.listGroupsOfCenter(center.id)).map((g) => g.id));
  const unique = new Map(input.groups.map((g) => [g.groupId, g.tier]));
  for (const groupId of unique.keys()) {
    if (!groups.has(groupId)) throw new AppError('QUEUE_GROUP_NOT_FOUND', { details: { groupId } });
  }
  const next = [...unique].map(([groupId, tier]) => ({ groupId, tier }));
  await ports.setCounterGroups(counter.id, next);
  await done(
    ports,
    ctx,
    center,
    'counter_groups_set',
    { type: 'counter', id: counter.id },
    {
      number: counter.number,
      before: counter.groups,
      after: next,
    },
  );
}
