import type { AssignRequest, ProfileRequest } from '@mot-cua/contracts';
import type { AuditPort } from '../audit.js';
import { authorize } from '../authorization/index.js';
import { AppError } from '../errors.js';
import { type AssignmentPorts, assignOfficial } from './assign-official.js';
import { unitResource, type WriteContext } from './manage-organisation.js';

export interface OfficialsPorts extends AssignmentPorts {
  upsertProfile(userId: string, profile: ProfileRequest): Promise<void>;
  audit: AuditPort;
}

/**
 * The administrator's assignment of an official (place, transfer, second, concurrent role): authorized in the
 * target unit on the effective date, planned by `assignOfficial`, audited in the same transaction.
 */
export async function assignOfficialAs(
  userId: string,
  input: AssignRequest,
  ctx: WriteContext,
  ports: OfficialsPorts,
): Promise<{ created: string[]; ended: string[] }> {
  const target = await ports.findUnit(input.unitCode, input.effectiveDate);
  if (!target)
    throw new AppError('ADMIN_UNIT_NOT_FOUND', { details: { code: input.unitCode, onDate: input.effectiveDate } });
  authorize(ctx.actor, 'official.assign', unitResource(target));
  const r = await assignOfficial({ userId, ...input }, ports, ctx.actor.userId);
  await ports.audit.record({
    actorUserId: ctx.actor.userId,
    action: 'official.assigned',
    entityType: 'user',
    entityId: userId,
    unitCode: target.code,
    provinceCode: target.provinceCode,
    data: { ...input, ...r },
  });
  return r;
}

/** Record an official's digital signature certificate and trained fields. */
export async function updateOfficialProfile(
  userId: string,
  input: ProfileRequest,
  ctx: WriteContext,
  ports: Pick<OfficialsPorts, 'findOfficial' | 'upsertProfile' | 'audit'>,
): Promise<void> {
  authorize(ctx.actor, 'official.assign', { kind: 'global' });
  if (!(await ports.findOfficial(userId))) throw new AppError('OFFICIAL_NOT_FOUND');
  await ports.upsertProfile(userId, input);
  await ports.audit.record({
    actorUserId: ctx.actor.userId,
    action: 'official.profile_updated',
    entityType: 'user',
    entityId: userId,
    data: input,
  });
}

/** Move one record of a split unit, waiting for review, to the successor the administrator chose. */
export async function resolveRehomingReview(
  reviewId: number,
  unitCode: string,
  ctx: WriteContext,
  ports: { resolveReview(id: number, toCode: string, actorId: string): Promise<unknown>; audit: AuditPort },
): Promise<void> {
  authorize(ctx.actor, 'admin_unit.change', { kind: 'global' });
  await ports.resolveReview(reviewId, unitCode, ctx.actor.userId);
  await ports.audit.record({
    actorUserId: ctx.actor.userId,
    action: 'admin_unit.review_resolved',
    entityType: 'rehoming_review',
    entityId: String(reviewId),
    data: { unitCode },
  });
}
