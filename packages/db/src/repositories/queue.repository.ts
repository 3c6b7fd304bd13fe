import type {
  AppointmentView,
  CounterState,
  DisplayCall,
  DisplayState,
  PriorityRule,
  QueueCenterView,
  QueueGroupView,
  QueueSettingsView,
  TicketView,
} from '@mot-cua/contracts';
import { TicketPrecheck } from '@mot-cua/contracts';
import { appointmentStatusAt, expectedWaitMinutes, formatTimeOfDay } from '@mot-cua/core';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../schema/index.js';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** Reads of the front desk: what kiosks, counters, displays, phones and the director's page show. */
export function createQueueRepository(db: Kysely<DB>) {
  async function groupsOf(centerId: string, day: string): Promise<QueueGroupView[]> {
    const r = await sql<{
      id: string;
      code: string;
      name: string;
      kind: QueueGroupView['kind'];
      fieldCodes: string[];
      numberBase: number;
      waiting: number;
      openCounters: number;
      avgServiceMinutes: number | null;
    }>`
      select g.id, g.code, g.name, g.kind, g.field_codes, g.number_base,
        (select count(*) from queue_tickets t where t.group_id = g.id and t.day = ${day}::date and t.status = 'waiting')::int as waiting,
        (select count(*) from queue_counter_groups cg join queue_counter_sessions s on s.counter_id = cg.counter_id and s.closed_at is null
          where cg.group_id = g.id)::int as open_counters,
        (select avg(extract(epoch from (t.finished_at - t.serving_started_at)) / 60) from queue_tickets t
          where t.group_id = g.id and t.status = 'done' and t.day > ${day}::date - 7)::float8 as avg_service_minutes
      from queue_groups g where g.service_center_id = ${centerId} and g.is_active order by g.position, g.code`.execute(
      db,
    );
    return r.rows.map((g) => ({
      id: g.id,
      code: g.code,
      name: g.name,
      kind: g.kind,
      fieldCodes: g.fieldCodes,
      numberBase: g.numberBase,
      waiting: g.waiting,
      expectedWaitMinutes: expectedWaitMinutes({
        ahead: g.waiting,
        openCounters: g.openCounters,
        avgServiceMinutes: g.avgServiceMinutes,
      }),
    }));
  }

  async function countersOf(centerId: string) {
    const r = await sql<{
      id: string;
      number: number;
      name: string;
      groupIds: string[] | null;
      officialUserId: string | null;
      officialName: string | null;
    }>`
      select c.id, c.number, c.name,
        (select json_agg(cg.group_id order by cg.tier) from queue_counter_groups cg where cg.counter_id = c.id) as group_ids,
        s.user_id as official_user_id, u.full_name as official_name
      from counters c
      left join queue_counter_sessions s on s.counter_id = c.id and s.closed_at is null
      left join users u on u.id = s.user_id
      where c.service_center_id = ${centerId} and c.is_active order by c.number`.execute(db);
    return r.rows.map((c) => ({ ...c, groupIds: c.groupIds ?? [] }));
  }

  async function ticketView(
    where: { id?: string; token?: string },
    publicUrl: string,
  ): Promise<TicketView | undefined> {
    const cond = where.id ? sql`t.id = ${where.id}` : sql`t.public_token = ${where.token ?? ''}`;
    const r = await sql<{
      id: string;
      publicToken: string;
      centerId: string;
      centerName: string;
      number: number;
      groupId: string;
      groupName: string;
      status: TicketView['status'];
      priorityKind: TicketView['priorityKind'];
      source: TicketView['source'];
      issuedAt: Date;
      calledAt: Date | null;
      servingStartedAt: Date | null;
      finishedAt: Date | null;
      counterNumber: number | null;
      dossierCode: string | null;
      precheck: unknown;
      day: string;
    }>`
      select t.id, t.public_token, t.service_center_id as center_id, sc.name as center_name, t.number, t.group_id,
        g.name as group_name, t.status, t.priority_kind, t.source, t.issued_at, t.called_at, t.serving_started_at,
        t.finished_at, c.number as counter_number, t.dossier_code, t.precheck, t.day
      from queue_tickets t join queue_groups g on g.id = t.group_id join service_centers sc on sc.id = t.service_center_id
      left join counters c on c.id = t.counter_id where ${cond}`.execute(db);
    const t = r.rows[0];
    if (!t) return undefined;
    const group = (await groupsOf(t.centerId, t.day)).find((g) => g.id === t.groupId);
    const ahead =
      t.status === 'waiting'
        ? Number(
            (
              await sql<{ n: number }>`select count(*)::int as n from queue_tickets where group_id = ${t.groupId}
                and day = ${t.day}::date and status = 'waiting' and (issued_at, number) < (${t.issuedAt}::timestamptz, ${t.number}::int)`.execute(
                db,
              )
            ).rows[0]!.n,
          )
        : 0;
    const perHead = group && group.waiting > 0 ? group.expectedWaitMinutes / group.waiting : 0;
    const links = await sql<{ dossierId: string; code: string; kind: 'received' | 'pickup'; linkedAt: Date }>`
      select l.dossier_id, d.code, l.kind, l.linked_at from queue_ticket_dossiers l join dossiers d on d.id = l.dossier_id
      where l.ticket_id = ${t.id} order by l.linked_at, d.code`.execute(db);
    return {
      id: t.id,
      publicToken: t.publicToken,
      centerId: t.centerId,
      centerName: t.centerName,
      number: t.number,
      groupId: t.groupId,
      groupName: t.groupName,
      status: t.status,
      priorityKind: t.priorityKind,
      source: t.source,
      issuedAt: iso(t.issuedAt)!,
      calledAt: iso(t.calledAt),
      servingStartedAt: iso(t.servingStartedAt),
      finishedAt: iso(t.finishedAt),
      counterNumber: t.counterNumber,
      ahead,
      expectedWaitMinutes: t.status === 'waiting' ? Math.ceil(ahead * perHead) : 0,
      dossierCode: t.dossierCode,
      dossiers: links.rows.map((l) => ({ ...l, linkedAt: iso(l.linkedAt)! })),
      // A pre-check recorded before the server computed it (procedure code and free-text list) is not shown.
      precheck:
        TicketPrecheck.safeParse(typeof t.precheck === 'string' ? JSON.parse(t.precheck) : t.precheck).data ?? null,
      followUrl: `${publicUrl.replace(/\/$/, '')}/so-thu-tu/${t.publicToken}`,
    };
  }

  async function waitingByGroup(centerId: string, day: string) {
    return (await groupsOf(centerId, day)).map((g) => ({ groupId: g.id, name: g.name, count: g.waiting }));
  }

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
