import type { TransferRequest } from '@mot-cua/contracts';
import type { Actor } from '../authorization/policy.js';
import { authorize } from '../authorization/policy.js';
import type { ActorResolver, DossierDeps } from '../dossiers/perform-dossier-action.js';
import { returnResult } from '../dossiers/return-result.js';
import { AppError } from '../errors.js';
import { requireCenter } from './issue-ticket.js';
import { notifyNearTurn } from './near-turn.js';
import type { QueueContext, QueueCounterRecord, QueuePorts, TicketRecord } from './queue-ports.js';
import { callOrder, nextTicketStatus, type TicketEvent } from './queue-rules.js';

/** The counter, with the acting official authorized to serve at its center. */
async function counterFor(ports: QueuePorts, counterId: string, ctx: QueueContext) {
  const counter = await ports.findCounter(counterId);
  if (!counter) throw new AppError('QUEUE_COUNTER_NOT_FOUND', { details: { counterId } });
  const center = await requireCenter(ports, counter.centerId);
  const actor = ctx.actor ?? undefined;
  authorize(actor, 'queue.serve', { kind: 'unit', unitCode: center.unitCode, provinceCode: center.provinceCode });
  return { counter, center, actor: actor as Actor };
}

/** The official must hold the counter's open session to call or serve there. */
function requireHolder(counter: QueueCounterRecord, actor: Actor) {
  if (!counter.sessionUserId) throw new AppError('QUEUE_COUNTER_NOT_OPEN', { details: { counter: counter.number } });
  if (counter.sessionUserId !== actor.userId)
    throw new AppError('QUEUE_COUNTER_TAKEN', { details: { counter: counter.number } });
}

async function record(
  ports: QueuePorts,
  ctx: QueueContext,
  center: { id: string; unitCode: string; provinceCode: string },
  ticket: { id: string; number: number },
  type: string,
  counterId: string | null,
  data: Record<string, unknown> = {},
) {
  await ports.appendEvent({
    ticketId: ticket.id,
    centerId: center.id,
    type,
    at: ctx.now,
    counterId,
    userId: ctx.actor?.userId ?? null,
    data,
  });
  await ports.audit.record({
    actorUserId: ctx.actor?.userId ?? null,
    action: `queue.ticket_${type}`,
    entityType: 'queue_ticket',
    entityId: ticket.id,
    unitCode: center.unitCode,
    provinceCode: center.provinceCode,
    data: { number: ticket.number, ...data },
  });
  await ports.bumpVersion(center.id);
}

/** An official sits down at a counter for a session (or takes over from one who left it open). */
export async function openCounter(counterId: string, ctx: QueueContext, ports: QueuePorts): Promise<void> {
  const { counter, center, actor } = await counterFor(ports, counterId, ctx);
  if (counter.sessionUserId === actor.userId) return;
  if (counter.sessionUserId) await ports.closeSession(counter.id, ctx.now);
  await ports.openSession(counter.id, actor.userId, ctx.now);
  await ports.audit.record({
    actorUserId: actor.userId,
    action: 'queue.counter_opened',
    entityType: 'counter',
    entityId: counter.id,
    unitCode: center.unitCode,
    provinceCode: center.provinceCode,
    data: { number: counter.number, previousUserId: counter.sessionUserId },
  });
  await ports.bumpVersion(center.id);
}

export async function closeCounter(counterId: string, ctx: QueueContext, ports: QueuePorts): Promise<void> {
  const { counter, center, actor } = await counterFor(ports, counterId, ctx);
  requireHolder(counter, actor);
  if (await ports.currentTicketOfCounter(counter.id)) throw new AppError('QUEUE_COUNTER_BUSY');
  await ports.closeSession(counter.id, ctx.now);
  await ports.audit.record({
    actorUserId: actor.userId,
    action: 'queue.counter_closed',
    entityType: 'counter',
    entityId: counter.id,
    unitCode: center.unitCode,
    provinceCode: center.provinceCode,
    data: { number: counter.number },
  });
  await ports.bumpVersion(center.id);
}

/**
 * Call the next visitor to a counter: candidates in core's call order, each claimed with a conditional update
 * (waiting → called) until one succeeds, so two counters calling at the same instant never get the same ticket.
 */
export async function callNext(counterId: string, ctx: QueueContext, ports: QueuePorts): Promise<TicketRecord> {
  const { counter, center, actor } = await counterFor(ports, counterId, ctx);
  requireHolder(counter, actor);
  if (await ports.currentTicketOfCounter(counter.id)) throw new AppError('QUEUE_COUNTER_BUSY');
  const order = callOrder(await ports.waitingCandidates(center.id, ctx.today), counter, center.priorityRules, ctx.now);
  for (const candidate of order) {
    if (await ports.claimTicket(candidate.id, counter.id, actor.userId, ctx.now)) {
      await record(ports, ctx, center, candidate, 'called', counter.id, { counter: counter.number, callCount: 1 });
      // The group moved up by one: tell those who came near their turn (SMS through the notifications outbox).
      await notifyNearTurn(ports, ctx, center, candidate.groupId);
      return (await ports.lockTicket(candidate.id))!;
    }
  }
  throw new AppError('QUEUE_EMPTY');
}

/** A ticket at the actor's counter, locked, with the event it is about to take checked against the state machine. */
async function ticketAtCounter(ticketId: string, event: TicketEvent, ctx: QueueContext, ports: QueuePorts) {
  const ticket = await ports.lockTicket(ticketId);
  if (!ticket) throw new AppError('QUEUE_TICKET_NOT_FOUND', { details: { ticketId } });
  const to = nextTicketStatus(ticket.status, event);
  if (!ticket.counterId)
    throw new AppError('QUEUE_TRANSITION_NOT_ALLOWED', { details: { from: ticket.status, event } });
  const { counter, center, actor } = await counterFor(ports, ticket.counterId, ctx);
  requireHolder(counter, actor);
  return { ticket, to, counter, center, actor };
}

export async function recallTicket(ticketId: string, ctx: QueueContext, ports: QueuePorts): Promise<void> {
  const { ticket, counter, center } = await ticketAtCounter(ticketId, 'recall', ctx, ports);
  const callCount = ticket.callCount + 1;
  await ports.updateTicket(ticket.id, { calledAt: ctx.now, callCount });
  await record(ports, ctx, center, ticket, 'recalled', counter.id, { counter: counter.number, callCount });
}

export async function markNoShow(ticketId: string, ctx: QueueContext, ports: QueuePorts): Promise<void> {
  const { ticket, to, counter, center } = await ticketAtCounter(ticketId, 'no_show', ctx, ports);
  await ports.updateTicket(ticket.id, { status: to, finishedAt: ctx.now });
  await record(ports, ctx, center, ticket, 'no_show', counter.id, { counter: counter.number });
}

export async function startServing(ticketId: string, ctx: QueueContext, ports: QueuePorts): Promise<void> {
  const { ticket, to, counter, center } = await ticketAtCounter(ticketId, 'start', ctx, ports);
  await ports.updateTicket(ticket.id, { status: to, servingStartedAt: ctx.now });
  await record(ports, ctx, center, ticket, 'serving', counter.id, { counter: counter.number });
}

/**
 * Handing the result back when a pickup ticket is finished: the dossiers' own `returnResult` use case with the
 * request's actor resolver (authorized as `dossier.return` on the locked dossier), in the same transaction.
 */
export type PickupReturn = { deps: DossierDeps; actor: ActorResolver };

/**
 * Finish serving: the dossiers the official received since serving began are linked to the ticket ("received");
 * a pickup ticket is linked to the dossier whose result it came for ("pickup") and, with `pickupReturn`, the
 * result is recorded as returned at the counter (the dossier's `returned` action, its audit row and outbox row)
 * unless `resultReturned` is false (the visitor left without it). A dossier already returned is left as it is.
 */
export async function finishServing(
  ticketId: string,
  ctx: QueueContext,
  ports: QueuePorts,
  opts: { pickupReturn?: PickupReturn; resultReturned?: boolean } = {},
): Promise<{ linked: string[]; returned: string | null }> {
  const { ticket, to, counter, center, actor } = await ticketAtCounter(ticketId, 'finish', ctx, ports);
  const linked: string[] = [];
  let returned: string | null = null;
  for (const d of await ports.dossiersReceivedBy(actor.userId, ticket.servingStartedAt ?? ctx.now)) {
    if (await ports.linkDossier(ticket.id, d, 'received', ctx.now)) linked.push(d.code);
  }
  if (ticket.dossierCode) {
    const d = await ports.findDossierByCode(ticket.dossierCode);
    if (d && (await ports.linkDossier(ticket.id, d, 'pickup', ctx.now))) linked.push(d.code);
    if (d && d.status === 'result_ready' && opts.pickupReturn && opts.resultReturned !== false) {
      await returnResult(opts.pickupReturn.deps, {
        dossierId: d.id,
        actor: opts.pickupReturn.actor,
        method: 'counter',
        note: `Trả kết quả tại quầy ${counter.number}, số thứ tự ${ticket.number}`,
      });
      returned = d.code;
    }
  }
  await ports.updateTicket(ticket.id, { status: to, finishedAt: ctx.now });
  await record(ports, ctx, center, ticket, 'done', counter.id, {
    counter: counter.number,
    dossiers: linked,
    ...(returned ? { returned } : {}),
  });
  return { linked, returned };
}

/** Link a dossier by its code to a ticket being served (when it was received some other way than the counter). */
export async function linkDossierToTicket(ticketId: string, code: string, ctx: QueueContext, ports: QueuePorts) {
  const ticket = await ports.lockTicket(ticketId);
  if (!ticket) throw new AppError('QUEUE_TICKET_NOT_FOUND', { details: { ticketId } });
  if (ticket.status !== 'serving' && ticket.status !== 'done') {
    throw new AppError('QUEUE_TRANSITION_NOT_ALLOWED', { details: { from: ticket.status, event: 'link' } });
  }
  const center = await requireCenter(ports, ticket.centerId);
  authorize(ctx.actor ?? undefined, 'queue.serve', {
    kind: 'unit',
    unitCode: center.unitCode,
    provinceCode: center.provinceCode,
  });
  const dossier = await ports.findDossierByCode(code.trim());
  if (!dossier || dossier.provinceCode !== center.provinceCode)
    throw new AppError('QUEUE_DOSSIER_NOT_FOUND', { details: { code } });
  const kind = ticket.source === 'pickup' ? 'pickup' : 'received';
  if (await ports.linkDossier(ticket.id, dossier, kind, ctx.now)) {
    await record(ports, ctx, center, ticket, 'dossier_linked', ticket.counterId, { dossierCode: dossier.code, kind });
  }
}

/**
 * Send a ticket to another group and/or counter (the visitor keeps their place: the issue time is unchanged). From
 * the counter holding it, or by a director for a waiting ticket.
 */
export async function transferTicket(ticketId: string, input: TransferRequest, ctx: QueueContext, ports: QueuePorts) {
  const ticket = await ports.lockTicket(ticketId);
  if (!ticket) throw new AppError('QUEUE_TICKET_NOT_FOUND', { details: { ticketId } });
  const to = nextTicketStatus(ticket.status, 'transfer');
  const center = await requireCenter(ports, ticket.centerId);
  authorize(ctx.actor ?? undefined, 'queue.serve', {
    kind: 'unit',
    unitCode: center.unitCode,
    provinceCode: center.provinceCode,
  });
  if (ticket.counterId) requireHolder((await ports.findCounter(ticket.counterId))!, ctx.actor as Actor);
  const groupId = input.groupId ?? ticket.groupId;
  const group = await ports.findGroup(groupId);
  if (!group || group.centerId !== center.id) throw new AppError('QUEUE_GROUP_NOT_FOUND', { details: { groupId } });
  if (input.counterId) {
    const target = await ports.findCounter(input.counterId);
    if (!target || target.centerId !== center.id)
      throw new AppError('QUEUE_COUNTER_NOT_FOUND', { details: { counterId: input.counterId } });
  }
  await ports.updateTicket(ticket.id, {
    status: to,
    groupId,
    preferredCounterId: input.counterId ?? null,
    counterId: null,
    officialUserId: null,
    calledAt: null,
    servingStartedAt: null,
  });
  await record(ports, ctx, center, ticket, 'transferred', ticket.counterId, {
    fromGroupId: ticket.groupId,
    toGroupId: groupId,
    toCounterId: input.counterId ?? null,
    note: input.note ?? null,
  });
}
