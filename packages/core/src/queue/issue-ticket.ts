import type { IssueTicketRequest, PriorityKind, TicketPrecheck, TicketSource } from '@mot-cua/contracts';
import { authorize } from '../authorization/policy.js';
import { checkCompleteness } from '../dossiers/completeness.js';
import { AppError } from '../errors.js';
import type { QueueCenterRecord, QueueContext, QueueGroupRecord, QueuePorts, TicketRecord } from './queue-ports.js';
import { requireTicketingOpen, ticketingWindow } from './ticketing-hours.js';

const unitOf = (c: QueueCenterRecord) =>
  ({ kind: 'unit', unitCode: c.unitCode, provinceCode: c.provinceCode }) as const;

export async function requireCenter(ports: QueuePorts, centerId: string): Promise<QueueCenterRecord> {
  const center = await ports.findCenter(centerId);
  if (!center) throw new AppError('QUEUE_CENTER_NOT_FOUND', { details: { centerId } });
  return center;
}

/** Tickets from the kiosk (a field, a receipt slip, a booking) only in the center's ticketing hours: QUEUE_CLOSED. */
export async function requireOpenForTickets(ports: QueuePorts, center: QueueCenterRecord, ctx: QueueContext) {
  requireTicketingOpen(ticketingWindow(await ports.calendarOf(center, ctx.today), ctx.now, center));
}

export async function requireGroup(ports: QueuePorts, center: QueueCenterRecord, groupId: string) {
  const group = await ports.findGroup(groupId);
  if (!group || group.centerId !== center.id) throw new AppError('QUEUE_GROUP_NOT_FOUND', { details: { groupId } });
  return group;
}

/** Number, insert, event, audit and version: the common end of every way a ticket is issued. */
async function issue(
  ports: QueuePorts,
  ctx: QueueContext,
  center: QueueCenterRecord,
  group: QueueGroupRecord,
  t: {
    source: TicketSource;
    priorityKind: PriorityKind | null;
    precheck?: TicketPrecheck | null;
    appointmentId?: string | null;
    dossierCode?: string | null;
    preferredCounterId?: string | null;
    phone?: string | null;
  },
): Promise<TicketRecord> {
  const seq = await ports.nextNumber(group.id, ctx.today);
  const ticket = await ports.insertTicket({
    centerId: center.id,
    groupId: group.id,
    day: ctx.today,
    number: group.numberBase + seq,
    source: t.source,
    priorityKind: t.priorityKind,
    issuedAt: ctx.now,
    issuedBy: ctx.actor?.userId ?? null,
    precheck: t.precheck ?? null,
    appointmentId: t.appointmentId ?? null,
    dossierCode: t.dossierCode ?? null,
    preferredCounterId: t.preferredCounterId ?? null,
    phone: t.phone ?? null,
  });
  await ports.appendEvent({
    ticketId: ticket.id,
    centerId: center.id,
    type: 'issued',
    at: ctx.now,
    counterId: null,
    userId: ctx.actor?.userId ?? null,
    data: { source: t.source, groupId: group.id, priorityKind: t.priorityKind },
  });
  await ports.audit.record({
    actorUserId: ctx.actor?.userId ?? null,
    action: 'queue.ticket_issued',
    entityType: 'queue_ticket',
    entityId: ticket.id,
    unitCode: center.unitCode,
    provinceCode: center.provinceCode,
    data: {
      number: ticket.number,
      group: group.code,
      source: t.source,
      priorityKind: t.priorityKind,
      dossierCode: t.dossierCode ?? null,
    },
  });
  await ports.bumpVersion(center.id);
  return ticket;
}

/**
 * A ticket from the kiosk (anyone) or from the information desk (a reception official of the center's unit, who may
 * record the procedure pre-checked with its checklist and what is still missing).
 */
export async function issueTicket(
  centerId: string,
  input: IssueTicketRequest,
  source: 'kiosk' | 'information_desk',
  ctx: QueueContext,
  ports: QueuePorts,
): Promise<TicketRecord> {
  const center = await requireCenter(ports, centerId);
  // The information desk's official decides when to issue; the kiosk keeps the center's hours.
  if (source === 'information_desk') authorize(ctx.actor ?? undefined, 'queue.issue', unitOf(center));
  else await requireOpenForTickets(ports, center, ctx);
  const group = await requireGroup(ports, center, input.groupId);
  const precheck =
    source === 'information_desk' && input.precheck ? await deskPrecheck(ports, center, input.precheck, ctx) : null;
  return issue(ports, ctx, center, group, {
    source,
    priorityKind: input.priorityKind ?? null,
    precheck,
    phone: input.phone ?? null,
  });
}

/**
 * The information desk's pre-check, decided here and not taken from the client: the procedure must be one the
 * center's unit receives at the counter today, the ticked rows must be its checklist's, and what is missing is
 * the same completeness rule reception applies (a required row left unticked is missing).
 */
export async function deskPrecheck(
  ports: QueuePorts,
  center: QueueCenterRecord,
  input: NonNullable<IssueTicketRequest['precheck']>,
  ctx: QueueContext,
): Promise<TicketPrecheck> {
  const procedure = await ports.findDeskProcedure({
    procedureCode: input.procedureCode.trim(),
    unitCode: center.unitCode,
    onDate: ctx.today,
  });
  if (!procedure) throw new AppError('PROCEDURE_NOT_AVAILABLE', { details: { procedureCode: input.procedureCode } });
  const result = checkCompleteness(procedure.components, input.components);
  if (result.unknownKeys.length) throw new AppError('UNKNOWN_COMPONENT', { details: { keys: result.unknownKeys } });
  return {
    procedureCode: procedure.code,
    procedureName: procedure.name,
    complete: result.complete,
    missing: result.problems.map((p) => ({
      key: p.key,
      name: p.name,
      state: p.state === 'invalid' ? 'invalid' : 'missing',
      reason: p.reason ?? null,
    })),
    presentCount: result.checks.filter((c) => c.state === 'present').length,
    checkedAt: ctx.now.toISOString(),
  };
}

/**
 * A returning visitor scans the QR of their receipt slip: a pickup ticket in the center's result-pickup group,
 * routed to the counter holding the result (pickupCounter). Only a dossier whose result is ready.
 */
export async function issuePickupTicket(
  centerId: string,
  dossierCode: string,
  ctx: QueueContext,
  ports: QueuePorts,
): Promise<TicketRecord> {
  const center = await requireCenter(ports, centerId);
  await requireOpenForTickets(ports, center, ctx);
  const dossier = await ports.findDossierByCode(dossierCode.trim());
  if (!dossier || dossier.provinceCode !== center.provinceCode) {
    throw new AppError('QUEUE_DOSSIER_NOT_FOUND', { details: { dossierCode } });
  }
  if (dossier.status !== 'result_ready') {
    throw new AppError('QUEUE_RESULT_NOT_READY', { details: { dossierCode, status: dossier.status } });
  }
  const group = await ports.findGroupOfKind(center.id, 'pickup');
  if (!group) throw new AppError('QUEUE_GROUP_NOT_FOUND', { details: { kind: 'pickup' } });
  return issue(ports, ctx, center, group, {
    source: 'pickup',
    priorityKind: null,
    dossierCode: dossier.code,
    preferredCounterId: await pickupCounter(ports, dossier.id),
  });
}

/**
 * Where a pickup ticket goes (docs/ARCHITECTURE.md, "Front desk"): the counter recorded as holding the result
 * when it is open; else the counter that received the dossier when it is open; else none, and any counter serving
 * the result-pickup group calls it in the usual order.
 */
export async function pickupCounter(ports: QueuePorts, dossierId: string): Promise<string | null> {
  return (await ports.openCounterHoldingResult(dossierId)) ?? (await ports.openCounterThatReceived(dossierId));
}

/** Used by the appointment check-in (appointments.ts). */
export const issueForAppointment = (
  ports: QueuePorts,
  ctx: QueueContext,
  center: QueueCenterRecord,
  group: QueueGroupRecord,
  appointment: { id: string; phone: string },
) =>
  issue(ports, ctx, center, group, {
    source: 'appointment',
    priorityKind: 'appointment',
    appointmentId: appointment.id,
    phone: appointment.phone,
  });
