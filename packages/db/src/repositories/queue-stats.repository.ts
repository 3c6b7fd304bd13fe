import type { QueueStats } from '@mot-cua/contracts';
import { appointmentStatusAt } from '@mot-cua/core';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DB } from '../schema/index.js';
import { atVnTime } from './vn-time-sql.js';

type TimingRow = {
  key: string | null;
  label: string | null;
  tickets: number;
  served: number;
  noShows: number;
  avgWaitMinutes: number | null;
  avgServiceMinutes: number | null;
};

const round1 = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);

/** The numbers of the center director's page: waiting and service time, no-shows, peak hours, end to end. */
export function createQueueStatsRepository(db: Kysely<DB>) {
  const timing = async (
    centerId: string,
    from: string,
    to: string,
    key: RawBuilder<unknown>,
    label: RawBuilder<unknown>,
    joins: RawBuilder<unknown>,
  ) => {
    const r = await sql<TimingRow>`
      select ${key}::text as key, ${label}::text as label, count(*)::int as tickets,
        count(*) filter (where t.status = 'done')::int as served,
        count(*) filter (where t.status = 'no_show')::int as no_shows,
        (avg(extract(epoch from (t.called_at - t.issued_at))) filter (where t.called_at is not null) / 60)::float8 as avg_wait_minutes,
        (avg(extract(epoch from (t.finished_at - t.serving_started_at))) filter (where t.status = 'done') / 60)::float8 as avg_service_minutes
      from queue_tickets t ${joins}
      where t.service_center_id = ${centerId} and t.day between ${from}::date and ${to}::date
      group by 1, 2 order by 2`.execute(db);
    return r.rows
      .filter((x) => x.key !== null)
      .map((x) => ({
        ...x,
        key: x.key!,
        label: x.label ?? '',
        avgWaitMinutes: round1(x.avgWaitMinutes),
        avgServiceMinutes: round1(x.avgServiceMinutes),
      }));
  };

  return {
    async stats(centerId: string, from: string, to: string, now: Date = new Date()): Promise<QueueStats> {
      const byGroup = await timing(
        centerId,
        from,
        to,
        sql`g.id`,
        sql`g.name`,
        sql`join queue_groups g on g.id = t.group_id`,
      );
      const byCounter = await timing(
        centerId,
        from,
        to,
        sql`c.id`,
        sql`'Quầy ' || c.number`,
        sql`left join counters c on c.id = t.counter_id`,
      );
      const byOfficial = await timing(
        centerId,
        from,
        to,
        sql`u.id`,
        sql`u.full_name`,
        sql`left join users u on u.id = t.official_user_id`,
      );
      const heat = await sql<{ weekday: number; hour: number; tickets: number }>`
        select extract(dow from ${atVnTime(sql.ref('t.issued_at'))})::int as weekday,
          extract(hour from ${atVnTime(sql.ref('t.issued_at'))})::int as hour, count(*)::int as tickets
        from queue_tickets t where t.service_center_id = ${centerId} and t.day between ${from}::date and ${to}::date
        group by 1, 2 order by 1, 2`.execute(db);
      const e2e = await sql<{
        dossiers: number;
        avgTicketToReceipt: number | null;
        returned: number;
        avgReceiptToReturn: number | null;
      }>`
        with l as (
          select distinct on (l.dossier_id) l.dossier_id, t.issued_at, d.received_at,
            (select min(a.at) from dossier_actions a where a.dossier_id = d.id and a.type = 'returned') as returned_at
          from queue_ticket_dossiers l join queue_tickets t on t.id = l.ticket_id join dossiers d on d.id = l.dossier_id
          where l.kind = 'received' and t.service_center_id = ${centerId} and t.day between ${from}::date and ${to}::date
          order by l.dossier_id, t.issued_at)
        select count(*)::int as dossiers,
          (avg(extract(epoch from (received_at - issued_at))) / 60)::float8 as avg_ticket_to_receipt,
          count(returned_at)::int as returned,
          (avg(extract(epoch from (returned_at - received_at))) / 3600)::float8 as avg_receipt_to_return
        from l`.execute(db);
      const e = e2e.rows[0]!;
      // Bookings by what became of them; one not checked in by its slot's end plus the grace is a no-show
      // (core's appointmentStatusAt, the same rule the booking's page shows).
      const bookings = await db
        .selectFrom('queueAppointments')
        .select(['status', 'day', 'endMinutes'])
        .where('serviceCenterId', '=', centerId)
        .where('day', '>=', from)
        .where('day', '<=', to)
        .execute();
      const appointments = { booked: 0, checkedIn: 0, noShows: 0, cancelled: 0 };
      for (const b of bookings) {
        const st = appointmentStatusAt(b, now);
        if (st === 'booked') appointments.booked++;
        else if (st === 'checked_in') appointments.checkedIn++;
        else if (st === 'no_show') appointments.noShows++;
        else appointments.cancelled++;
      }
      return {
        appointments,
        from,
        to,
        byGroup,
        byCounter,
        byOfficial,
        heatmap: heat.rows,
        endToEnd: {
          dossiers: e.dossiers,
          avgTicketToReceiptMinutes: round1(e.avgTicketToReceipt),
          returned: e.returned,
          avgReceiptToReturnHours: round1(e.avgReceiptToReturn),
        },
      };
    },
  };
}
