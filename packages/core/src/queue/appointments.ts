import type { BookAppointmentRequest, RescheduleRequest } from '@mot-cua/contracts';
import { dayNumberOf, formatTimeOfDay, parseTimeOfDay, toLocalMs } from '../calendar/civil-date.js';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import { AppError } from '../errors.js';
import { appointmentSlots, requireAvailableSlot, requirePhoneMayBook } from './appointment-slots.js';
import { issueForAppointment, requireCenter, requireGroup, requireOpenForTickets } from './issue-ticket.js';
import type { AppointmentRecord, QueueCenterRecord, QueueContext, QueuePorts, TicketRecord } from './queue-ports.js';

/** Minutes after the end of its slot during which a booking may still check in; later it is a no-show. */
export const CHECK_IN_GRACE_MINUTES = 30;

/** The slots of a group on a date, with the bookings already held. */
export async function slotsOf(
  ports: QueuePorts,
  center: QueueCenterRecord,
  groupId: string,
  date: string,
  calendar: WorkingCalendar,
  now: Date,
) {
  await requireGroup(ports, center, groupId);
  const booked = new Map([...(await ports.bookedSlots(groupId, date))].map(([m, n]) => [formatTimeOfDay(m), n]));
  const counters = await ports.countersServing(groupId);
  return appointmentSlots({ calendar, date, slotMinutes: center.slotMinutes, counters, booked, now });
}

/** The effective status of a booking: a booked slot whose grace has passed is a no-show. */
export function appointmentStatusAt(a: Pick<AppointmentRecord, 'status' | 'day' | 'endMinutes'>, now: Date) {
  if (a.status !== 'booked') return a.status;
  const nowLocalMinutes = Math.floor(toLocalMs(now) / 60_000);
  const endLocalMinutes = dayNumberOf(a.day) * 1440 + a.endMinutes + CHECK_IN_GRACE_MINUTES;
  return nowLocalMinutes > endLocalMinutes ? 'no_show' : 'booked';
}

async function audit(
  ports: QueuePorts,
  ctx: QueueContext,
  center: QueueCenterRecord,
  id: string,
  action: string,
  data: Record<string, unknown>,
) {
  await ports.audit.record({
    actorUserId: ctx.actor?.userId ?? null,
    action: `queue.appointment_${action}`,
    entityType: 'queue_appointment',
    entityId: id,
    unitCode: center.unitCode,
    provinceCode: center.provinceCode,
    data,
  });
}

/** A citizen books a slot (the count of bookings is read under the group's lock, so a slot is never overbooked). */
export async function bookAppointment(
  centerId: string,
  input: BookAppointmentRequest,
  calendar: WorkingCalendar,
  ctx: QueueContext,
  ports: QueuePorts,
): Promise<string> {
  const center = await requireCenter(ports, centerId);
  const { slots } = await slotsOf(ports, center, input.groupId, input.date, calendar, ctx.now);
  const slot = requireAvailableSlot(slots, input.start);
  requirePhoneMayBook(await ports.phoneBookings(center.id, input.phone, input.date), {
    groupId: input.groupId,
    startMinutes: slot.startMinutes,
  });
  const token = ports.newToken();
  const id = await ports.insertAppointment({
    token,
    centerId: center.id,
    provinceCode: center.provinceCode,
    groupId: input.groupId,
    day: input.date,
    startMinutes: slot.startMinutes,
    endMinutes: parseTimeOfDay(slot.end),
    applicantName: input.applicantName,
    phone: input.phone,
    at: ctx.now,
  });
  await audit(ports, ctx, center, id, 'booked', { date: input.date, start: input.start, groupId: input.groupId });
  return token;
}

async function activeAppointment(ports: QueuePorts, token: string, ctx: QueueContext) {
  const a = await ports.findAppointment(token, true);
  if (!a) throw new AppError('QUEUE_APPOINTMENT_NOT_FOUND');
  if (appointmentStatusAt(a, ctx.now) !== 'booked') {
    throw new AppError('QUEUE_APPOINTMENT_NOT_ACTIVE', { details: { status: appointmentStatusAt(a, ctx.now) } });
  }
  return { a, center: await requireCenter(ports, a.centerId) };
}

export async function cancelAppointment(token: string, ctx: QueueContext, ports: QueuePorts): Promise<void> {
  const { a, center } = await activeAppointment(ports, token, ctx);
  await ports.updateAppointment(a.id, { status: 'cancelled', at: ctx.now });
  await audit(ports, ctx, center, a.id, 'cancelled', { date: a.day, start: formatTimeOfDay(a.startMinutes) });
}

export async function rescheduleAppointment(
  token: string,
  input: RescheduleRequest,
  calendar: WorkingCalendar,
  ctx: QueueContext,
  ports: QueuePorts,
): Promise<void> {
  const { a, center } = await activeAppointment(ports, token, ctx);
  const { slots } = await slotsOf(ports, center, a.groupId, input.date, calendar, ctx.now);
  const slot = requireAvailableSlot(slots, input.start);
  requirePhoneMayBook(
    await ports.phoneBookings(center.id, a.phone, input.date),
    { groupId: a.groupId, startMinutes: slot.startMinutes },
    a.id,
  );
  await ports.updateAppointment(a.id, {
    day: input.date,
    startMinutes: slot.startMinutes,
    endMinutes: parseTimeOfDay(slot.end),
    at: ctx.now,
  });
  await audit(ports, ctx, center, a.id, 'rescheduled', {
    from: { date: a.day, start: formatTimeOfDay(a.startMinutes) },
    to: { date: input.date, start: input.start },
  });
}

/** QR check-in on arrival: on the booking's day, the booking becomes a priority ticket of its group. */
export async function checkInAppointment(token: string, ctx: QueueContext, ports: QueuePorts): Promise<TicketRecord> {
  const { a, center } = await activeAppointment(ports, token, ctx);
  if (a.day !== ctx.today) throw new AppError('QUEUE_CHECK_IN_WRONG_DAY', { details: { date: a.day } });
  await requireOpenForTickets(ports, center, ctx);
  const group = await requireGroup(ports, center, a.groupId);
  await ports.updateAppointment(a.id, { status: 'checked_in', at: ctx.now });
  await audit(ports, ctx, center, a.id, 'checked_in', {});
  return issueForAppointment(ports, ctx, center, group, a);
}
