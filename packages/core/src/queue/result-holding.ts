import type { Actor } from '../authorization/policy.js';
import { authorize } from '../authorization/policy.js';
import { AppError } from '../errors.js';
import { requireCenter } from './issue-ticket.js';
import type { QueueContext, QueuePorts } from './queue-ports.js';

/**
 * The official at a counter records that the counter holds a dossier's result (the result came back from the
 * competent office and is kept there for the visitor). A pickup ticket for that dossier then goes to this counter
 * while it is open (issue-ticket.ts, pickupCounter). Only a dossier of the center's province whose result is ready;
 * recording again moves the result to the new counter. Audited as `queue.result_held`.
 */
export async function holdResultAtCounter(
  counterId: string,
  dossierCode: string,
  ctx: QueueContext,
  ports: QueuePorts,
): Promise<{ dossierId: string; code: string; counterNumber: number }> {
  const counter = await ports.findCounter(counterId);
  if (!counter) throw new AppError('QUEUE_COUNTER_NOT_FOUND', { details: { counterId } });
  const center = await requireCenter(ports, counter.centerId);
  const actor = ctx.actor ?? undefined;
  authorize(actor, 'queue.serve', { kind: 'unit', unitCode: center.unitCode, provinceCode: center.provinceCode });
  if (counter.sessionUserId !== (actor as Actor).userId) {
    throw new AppError(counter.sessionUserId ? 'QUEUE_COUNTER_TAKEN' : 'QUEUE_COUNTER_NOT_OPEN', {
      details: { counter: counter.number },
    });
  }
  const dossier = await ports.findDossierByCode(dossierCode.trim());
  if (!dossier || dossier.provinceCode !== center.provinceCode) {
    throw new AppError('QUEUE_DOSSIER_NOT_FOUND', { details: { dossierCode } });
  }
  if (dossier.status !== 'result_ready') {
    throw new AppError('QUEUE_RESULT_NOT_READY', { details: { dossierCode, status: dossier.status } });
  }
  await ports.recordResultHolding(dossier.id, counter.id, (actor as Actor).userId, ctx.now);
  await ports.audit.record({
    actorUserId: (actor as Actor).userId,
    action: 'queue.result_held',
    entityType: 'dossier',
    entityId: dossier.id,
    unitCode: center.unitCode,
    provinceCode: center.provinceCode,
    data: { dossierCode: dossier.code, counterId: counter.id, counter: counter.number },
  });
  return { dossierId: dossier.id, code: dossier.code, counterNumber: counter.number };
}
