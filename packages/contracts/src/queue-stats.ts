import { z } from 'zod';
import { IsoDay } from './queue-appointments.js';

/** The numbers of the center director: waits and service times by group, counter and official, and the heatmap. */

const Timing = z.object({
  key: z.string(),
  label: z.string(),
  tickets: z.number().int(),
  served: z.number().int(),
  noShows: z.number().int(),
  avgWaitMinutes: z.number().nullable(),
  avgServiceMinutes: z.number().nullable(),
});
export const QueueStatsQuery = z.object({ from: IsoDay.optional(), to: IsoDay.optional() });
export const QueueStats = z
  .object({
    from: IsoDay,
    to: IsoDay,
    byGroup: z.array(Timing),
    byCounter: z.array(Timing),
    byOfficial: z.array(Timing),
    /** Tickets issued per weekday (0 = Sunday) and hour, Vietnam time. */
    heatmap: z.array(z.object({ weekday: z.number().int(), hour: z.number().int(), tickets: z.number().int() })),
    /** Bookings of the period by outcome (a booking not checked in after its slot and the grace is a no-show). */
    appointments: z.object({
      booked: z.number().int(),
      checkedIn: z.number().int(),
      noShows: z.number().int(),
      cancelled: z.number().int(),
    }),
    endToEnd: z.object({
      dossiers: z.number().int(),
      avgTicketToReceiptMinutes: z.number().nullable(),
      returned: z.number().int(),
      avgReceiptToReturnHours: z.number().nullable(),
    }),
  })
  .meta({ id: 'QueueStats' });
export type QueueStats = z.infer<typeof QueueStats>;
