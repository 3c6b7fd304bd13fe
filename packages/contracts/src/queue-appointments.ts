import { z } from 'zod';
import { personName } from './person-name.js';

/** Front-desk appointments: the day's slots of a group, booking, rescheduling, the booking's page and check-in. */

export const IsoDay = z.iso.date({ error: 'YYYY-MM-DD, a date that exists' });
export const TimeOfDay = z.string().regex(/^\d{2}:\d{2}$/);

export const SlotsQuery = z.object({ groupId: z.uuid(), date: IsoDay });
export const AppointmentSlot = z.object({
  start: TimeOfDay,
  end: TimeOfDay,
  capacity: z.number().int(),
  booked: z.number().int(),
  available: z.number().int(),
});
export type AppointmentSlot = z.infer<typeof AppointmentSlot>;
export const SlotList = z
  .object({ date: IsoDay, working: z.boolean(), slots: z.array(AppointmentSlot) })
  .meta({ id: 'SlotList' });
export type SlotList = z.infer<typeof SlotList>;

export const BookAppointmentRequest = z.object({
  groupId: z.uuid(),
  date: IsoDay,
  start: TimeOfDay,
  applicantName: personName(200, 2),
  phone: z.string().regex(/^0\d{9,10}$/),
});
export type BookAppointmentRequest = z.infer<typeof BookAppointmentRequest>;
export const RescheduleRequest = z.object({ date: IsoDay, start: TimeOfDay });
export type RescheduleRequest = z.infer<typeof RescheduleRequest>;

export const AppointmentStatus = z.enum(['booked', 'cancelled', 'checked_in', 'no_show']);
export const AppointmentView = z
  .object({
    id: z.uuid(),
    token: z.string(),
    centerId: z.uuid(),
    centerName: z.string(),
    groupId: z.uuid(),
    groupName: z.string(),
    date: IsoDay,
    start: TimeOfDay,
    end: TimeOfDay,
    status: AppointmentStatus,
    applicantName: z.string(),
    ticketToken: z.string().nullable(),
  })
  .meta({ id: 'AppointmentView' });
export type AppointmentView = z.infer<typeof AppointmentView>;
export const CheckInRequest = z.object({ token: z.string().min(8).max(64) });
