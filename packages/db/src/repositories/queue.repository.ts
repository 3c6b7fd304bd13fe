import type {
  AppointmentView,
  CounterState,
  DisplayCall,
  DisplayState,
  PriorityRule,
  QueueCenterView,
  QueueSettingsView,
} from '@mot-cua/contracts';
import { appointmentStatusAt, formatTimeOfDay } from '@mot-cua/core';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../schema/index.js';
import { createQueueCenterViews, iso } from './queue-center-views.js';

/** Reads of the front desk: what kiosks, counters, displays, phones and the director's page show. */
export function createQueueRepository(db: Kysely<DB>) {
  const { groupsOf, countersOf, ticketView, waitingByGroup } = createQueueCenterViews(db);

  return {
    async listCenters() {
      return db
        .selectFrom('queueSettings as s')
        .innerJoin('serviceCenters as c', 'c.id', 's.serviceCenterId')
        .select(['c.id', 'c.name', 's.unitCode'])
        .orderBy('c.name')
        .execute();
    },

    /** The administration page of a front desk: settings, every group (inactive too), counters with their tiers. */
    async settingsView(centerId: string): Promise<QueueSettingsView | undefined> {
      const c = await db
        .selectFrom('queueSettings as s')
        .innerJoin('serviceCenters as c', 'c.id', 's.serviceCenterId')
        .select([
          'c.id as centerId',
          'c.name as centerName',
          's.unitCode',
          's.priorityRules',
          's.notices',
          's.slotMinutes',
          's.nearTurnAhead',
          's.openBeforeMinutes',
          's.closeBeforeMinutes',
        ])
        .where('s.serviceCenterId', '=', centerId)
        .executeTakeFirst();
      if (!c) return undefined;
      const groups = await db
        .selectFrom('queueGroups')
        .select(['id', 'code', 'name', 'kind', 'fieldCodes', 'numberBase', 'position', 'isActive'])
        .where('serviceCenterId', '=', centerId)
        .orderBy('position')
        .orderBy('code')
        .execute();
      const counters = await db
        .selectFrom('counters')
        .select(['id', 'number', 'name'])
        .where('serviceCenterId', '=', centerId)
        .where('isActive', '=', true)
        .orderBy('number')
        .execute();
      const tiers = counters.length
        ? await db
            .selectFrom('queueCounterGroups')
            .select(['counterId', 'groupId', 'tier'])
            .where(
              'counterId',
              'in',
              counters.map((x) => x.id),
            )
            .orderBy('tier')
            .execute()
        : [];
      const fields = await db
        .selectFrom('procedures')
        .select('field')
        .distinct()
        .where('withdrawnOn', 'is', null)
        .orderBy('field')
        .execute();
      return {
        ...c,
        priorityRules: c.priorityRules as PriorityRule[],
        groups,
        counters: counters.map((x) => ({
          ...x,
          groups: tiers.filter((t) => t.counterId === x.id).map((t) => ({ groupId: t.groupId, tier: t.tier })),
        })),
        fields: fields.map((f) => f.field),
      };
    },

    async centerView(centerId: string, day: string): Promise<Omit<QueueCenterView, 'hours'> | undefined> {
      const c = await db
        .selectFrom('queueSettings as s')
        .innerJoin('serviceCenters as c', 'c.id', 's.serviceCenterId')
        .select(['c.id', 'c.name', 's.unitCode', 'c.address', 's.priorityRules', 's.notices', 's.slotMinutes'])
        .where('s.serviceCenterId', '=', centerId)
        .executeTakeFirst();
      if (!c) return undefined;
      return {
        ...c,
        priorityRules: c.priorityRules as PriorityRule[],
        groups: await groupsOf(centerId, day),
        counters: await countersOf(centerId),
      };
    },

    ticketView,

    async version(centerId: string): Promise<number | undefined> {
      const r = await db
        .selectFrom('queueSettings')
        .select('version')
        .where('serviceCenterId', '=', centerId)
        .executeTakeFirst();
      return r === undefined ? undefined : Number(r.version);
    },

    async displayState(centerId: string, day: string, now: Date): Promise<DisplayState | undefined> {
      const s = await db
        .selectFrom('queueSettings as s')
        .innerJoin('serviceCenters as c', 'c.id', 's.serviceCenterId')
        .select(['c.name', 's.version', 's.notices'])
        .where('s.serviceCenterId', '=', centerId)
        .executeTakeFirst();
      if (!s) return undefined;
      const calls = await sql<{
        ticketId: string;
        number: number;
        counterNumber: number;
        groupName: string;
        status: DisplayCall['status'];
        calledAt: Date;
        callCount: number;
      }>`
        select t.id as ticket_id, t.number, c.number as counter_number, g.name as group_name, t.status, t.called_at, t.call_count
        from queue_tickets t join counters c on c.id = t.counter_id join queue_groups g on g.id = t.group_id
        where t.service_center_id = ${centerId} and t.day = ${day}::date and t.called_at is not null
        order by t.called_at desc limit 40`.execute(db);
      const all = calls.rows.map((c) => ({ ...c, calledAt: iso(c.calledAt)! }));
      return {
        centerId,
        centerName: s.name,
        version: Number(s.version),
        calling: all
          .filter((c) => c.status === 'called' || c.status === 'serving')
          .sort((a, b) => a.counterNumber - b.counterNumber),
        recent: all.slice(0, 8),
        waiting: await waitingByGroup(centerId, day),
        notices: s.notices,
        at: now.toISOString(),
      };
    },

    async counterState(counterId: string, day: string, publicUrl: string): Promise<CounterState | undefined> {
      const c = await db
        .selectFrom('counters')
        .select(['id', 'serviceCenterId'])
        .where('id', '=', counterId)
        .executeTakeFirst();
      if (!c) return undefined;
      const counter = (await countersOf(c.serviceCenterId)).find((x) => x.id === counterId);
      if (!counter) return undefined;
      const cur = await db
        .selectFrom('queueTickets')
        .select('id')
        .where('counterId', '=', counterId)
        .where('status', 'in', ['called', 'serving'])
        .executeTakeFirst();
      const served = await db
        .selectFrom('queueTickets')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('counterId', '=', counterId)
        .where('day', '=', day)
        .where('status', '=', 'done')
        .executeTakeFirstOrThrow();
      return {
        counter,
        centerId: c.serviceCenterId,
        current: cur ? ((await ticketView({ id: cur.id }, publicUrl)) ?? null) : null,
        waiting: await waitingByGroup(c.serviceCenterId, day),
        servedToday: Number(served.n),
      };
    },

    async appointmentView(token: string, now: Date): Promise<AppointmentView | undefined> {
      const a = await db
        .selectFrom('queueAppointments as a')
        .innerJoin('queueGroups as g', 'g.id', 'a.groupId')
        .innerJoin('serviceCenters as c', 'c.id', 'a.serviceCenterId')
        .leftJoin('queueTickets as t', 't.appointmentId', 'a.id')
        .select([
          'a.id',
          'a.token',
          'a.serviceCenterId as centerId',
          'c.name as centerName',
          'a.groupId',
          'g.name as groupName',
          'a.day',
          'a.startMinutes',
          'a.endMinutes',
          'a.status',
          'a.applicantName',
          't.publicToken as ticketToken',
        ])
        .where('a.token', '=', token)
        .executeTakeFirst();
      if (!a) return undefined;
      const { startMinutes, endMinutes, day, ...rest } = a;
      return {
        ...rest,
        date: day,
        start: formatTimeOfDay(startMinutes),
        end: formatTimeOfDay(endMinutes),
        status: appointmentStatusAt({ status: a.status, day, endMinutes }, now),
      };
    },

    /** The unit and province of a center's front desk (its working calendar). */
    async groupCenter(groupId: string) {
      const r = await db
        .selectFrom('queueGroups')
        .select('serviceCenterId')
        .where('id', '=', groupId)
        .executeTakeFirst();
      return r?.serviceCenterId;
    },

    async counterCenter(counterId: string) {
      const r = await db
        .selectFrom('counters')
        .select('serviceCenterId')
        .where('id', '=', counterId)
        .executeTakeFirst();
      return r?.serviceCenterId;
    },

    async centerScope(centerId: string) {
      return db
        .selectFrom('queueSettings')
        .select(['unitCode', 'provinceCode'])
        .where('serviceCenterId', '=', centerId)
        .executeTakeFirst();
    },

    /** Open sessions of an official (the counter page opens on the counter they hold). */
    async counterHeldBy(userId: string) {
      return db
        .selectFrom('queueCounterSessions')
        .select('counterId')
        .where('userId', '=', userId)
        .where('closedAt', 'is', null)
        .executeTakeFirst();
    },
  };
}
export type QueueRepository = ReturnType<typeof createQueueRepository>;
