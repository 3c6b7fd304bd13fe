import type { AppointmentSlot } from '@mot-cua/contracts';
import { dayNumberOf, formatTimeOfDay, parseTimeOfDay, toLocalMs } from '../calendar/civil-date.js';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import { AppError } from '../errors.js';

/** How far ahead a citizen may book. */
export const BOOKING_HORIZON_DAYS = 30;

/**
 * Appointment slots of a group on a date: the office sessions of the working calendar (so the lunch break, weekends,
 * holidays and compensatory days have none, and a make-up Saturday or a reception day has the usual ones) cut into
 * `slotMinutes` pieces; each slot takes as many bookings as counters serve the group. Slots already started (today)
 * and dates outside the booking horizon have nothing available.
 */
export function appointmentSlots(input: {
  calendar: WorkingCalendar;
  date: string;
  slotMinutes: number;
  counters: number;
  /** Bookings already held, by slot start ("HH:MM"). */
  booked: ReadonlyMap<string, number>;
  now: Date;
}): { working: boolean; slots: AppointmentSlot[] } {
  const day = dayNumberOf(input.date);
  const working = input.calendar.isReceptionDay(day);
  if (!working) return { working, slots: [] };
  const nowLocal = toLocalMs(input.now);
  const today = Math.floor(nowLocal / 86_400_000);
  const nowMinutes = Math.floor((nowLocal - today * 86_400_000) / 60_000);
  const tooFar = day - today > BOOKING_HORIZON_DAYS || day < today;
  const slots: AppointmentSlot[] = [];
  for (const session of input.calendar.officeHours) {
    for (let start = session.start; start + input.slotMinutes <= session.end; start += input.slotMinutes) {
      const key = formatTimeOfDay(start);
      const booked = input.booked.get(key) ?? 0;
      const started = day === today && start <= nowMinutes;
      const capacity = Math.max(0, input.counters);
      slots.push({
        start: key,
        end: formatTimeOfDay(start + input.slotMinutes),
        capacity,
        booked,
        available: tooFar || started ? 0 : Math.max(0, capacity - booked),
      });
    }
  }
  return { working, slots };
}

/** The slot a booking asks for, or QUEUE_SLOT_UNAVAILABLE when it does not exist or is full. */
/** Bookings one phone number may hold at one center on one day (several procedures, never several places of a slot). */
export const MAX_BOOKINGS_PER_PHONE_PER_DAY = 2;

/** A booking a phone number already holds, as the limit below reads it. */
export type HeldBooking = Readonly<{ id: string; groupId: string; startMinutes: number }>;

/**
 * One phone number takes one place of a slot, and at most MAX_BOOKINGS_PER_PHONE_PER_DAY bookings of a center a day,
 * so a single person (or a script) cannot take every place. `movingId`: the booking being rescheduled, not counted.
 */
export function requirePhoneMayBook(
  held: ReadonlyArray<HeldBooking>,
  want: { groupId: string; startMinutes: number },
  movingId?: string,
): void {
  const others = held.filter((b) => b.id !== movingId);
  if (others.some((b) => b.groupId === want.groupId && b.startMinutes === want.startMinutes)) {
    throw new AppError('QUEUE_APPOINTMENT_DUPLICATE', { details: { start: formatTimeOfDay(want.startMinutes) } });
  }
  if (others.length >= MAX_BOOKINGS_PER_PHONE_PER_DAY) {
    throw new AppError('QUEUE_APPOINTMENT_PHONE_LIMIT', { details: { limit: MAX_BOOKINGS_PER_PHONE_PER_DAY } });
  }
}

export function requireAvailableSlot(
  slots: ReadonlyArray<AppointmentSlot>,
  start: string,
): AppointmentSlot & { startMinutes: number } {
  const slot = slots.find((s) => s.start === start);
  if (!slot || slot.available <= 0) throw new AppError('QUEUE_SLOT_UNAVAILABLE', { details: { start } });
  return { ...slot, startMinutes: parseTimeOfDay(start) };
}
