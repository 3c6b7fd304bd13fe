import { randomBytes } from 'node:crypto';
import type { PriorityRule } from '@mot-cua/contracts';
import type { DossierRef, NearTurnCandidate, QueueCandidate, QueuePorts, TicketRecord } from '@mot-cua/core';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../schema/index.js';
import { createAuditPort } from './audit.repository.js';
import { loadWorkingCalendar } from './calendar.repository.js';
import { createNotificationsRepository } from './notifications.repository.js';

const ticketColumns = [
  'id',
  'serviceCenterId as centerId',
  'groupId',
  'number',
  'status',
  'source',
  'priorityKind',
  'issuedAt',
  'counterId',
  'officialUserId',
  'callCount',
  'servingStartedAt',
  'dossierCode',
  'preferredCounterId',
] as const;

const groupColumns = ['id', 'serviceCenterId as centerId', 'code', 'name', 'kind', 'numberBase'] as const;

/**
 * The front-desk use cases' ports over one transaction (packages/core/src/queue/queue-ports.ts). `publicUrl` is the
 * site's address, printed in the near-turn SMS's link to the ticket's phone page.
 */
export function createQueuePorts(
  trx: Kysely<DB>,
  requestId: string | null = null,
  opts: { publicUrl?: string } = {},
): QueuePorts {
  const site = (opts.publicUrl ?? '').replace(/\/$/, '');
  return {
    async findCenter(centerId) {
      const r = await trx
        .selectFrom('queueSettings as s')
        .innerJoin('serviceCenters as c', 'c.id', 's.serviceCenterId')
        .select([
          'c.id',
          'c.name',
          's.unitCode',
          's.provinceCode',
          's.priorityRules',
          's.slotMinutes',
          's.nearTurnAhead',
          's.openBeforeMinutes',
          's.closeBeforeMinutes',
        ])
        .where('s.serviceCenterId', '=', centerId)
        .executeTakeFirst();
      return r && { ...r, priorityRules: r.priorityRules as PriorityRule[] };
    },

    async findGroup(groupId) {
      return trx
        .selectFrom('queueGroups')
        .select(groupColumns)
        .where('id', '=', groupId)
        .where('isActive', '=', true)
        .executeTakeFirst();
    },

    async findGroupOfKind(centerId, kind) {
      return trx
        .selectFrom('queueGroups')
        .select(groupColumns)
        .where('serviceCenterId', '=', centerId)
        .where('kind', '=', kind)
        .where('isActive', '=', true)
        .orderBy('position')
        .executeTakeFirst();
    },

    async findCounter(counterId) {
      const c = await trx
        .selectFrom('counters')
        .select(['id', 'serviceCenterId as centerId', 'number'])
        .where('id', '=', counterId)
        .where('isActive', '=', true)
        .executeTakeFirst();
      if (!c) return undefined;
      const groups = await trx
        .selectFrom('queueCounterGroups')
        .select(['groupId', 'tier'])
        .where('counterId', '=', counterId)
        .execute();
      const session = await trx
        .selectFrom('queueCounterSessions')
        .select('userId')
        .where('counterId', '=', counterId)
        .where('closedAt', 'is', null)
        .executeTakeFirst();
      return { ...c, groups, sessionUserId: session?.userId ?? null };
    },

    async lockTicket(ticketId) {
      return trx
        .selectFrom('queueTickets')
        .select(ticketColumns)
        .where('id', '=', ticketId)
        .forUpdate()
        .executeTakeFirst() as Promise<TicketRecord | undefined>;
    },

    async nextNumber(groupId, day) {
      const r = await sql<{ lastValue: number }>`
        insert into queue_sequences (group_id, day, last_value) values (${groupId}, ${day}::date, 1)
        on conflict (group_id, day) do update set last_value = queue_sequences.last_value + 1
        returning last_value`.execute(trx);
      return r.rows[0]!.lastValue;
    },

    async insertTicket(t) {
      const center = await trx
        .selectFrom('queueSettings')
        .select(['unitCode', 'provinceCode'])
        .where('serviceCenterId', '=', t.centerId)
        .executeTakeFirstOrThrow();
      return (await trx
        .insertInto('queueTickets')
        .values({
          publicToken: randomBytes(12).toString('base64url'),
          serviceCenterId: t.centerId,
          unitCode: center.unitCode,
          provinceCode: center.provinceCode,
          groupId: t.groupId,
          day: t.day,
          number: t.number,
          status: 'waiting',
          source: t.source,
          priorityKind: t.priorityKind,
          issuedAt: t.issuedAt,
          issuedBy: t.issuedBy,
          precheck: t.precheck ? JSON.stringify(t.precheck) : null,
          appointmentId: t.appointmentId,
          dossierCode: t.dossierCode,
          preferredCounterId: t.preferredCounterId,
          phone: t.phone,
        })
        .returning(ticketColumns)
        .executeTakeFirstOrThrow()) as TicketRecord;
    },

    async updateTicket(ticketId, patch) {
      await trx.updateTable('queueTickets').set(patch).where('id', '=', ticketId).execute();
    },

    async waitingCandidates(centerId, day) {
      return (await trx
        .selectFrom('queueTickets')
        .select(['id', 'groupId', 'number', 'issuedAt', 'priorityKind', 'preferredCounterId'])
        .where('serviceCenterId', '=', centerId)
        .where('day', '=', day)
        .where('status', '=', 'waiting')
        .execute()) as QueueCandidate[];
    },

    async claimTicket(ticketId, counterId, userId, at) {
      // Conditional update: on PostgreSQL a second transaction racing for the same row waits for the first, then
      // re-checks `status = 'waiting'` and updates nothing, so exactly one counter gets the ticket.
      const r = await trx
        .updateTable('queueTickets')
        .set({
          status: 'called',
          counterId,
          officialUserId: userId,
          calledAt: at,
          callCount: 1,
          preferredCounterId: null,
        })
        .where('id', '=', ticketId)
        .where('status', '=', 'waiting')
        .returning('id')
        .executeTakeFirst();
      return r !== undefined;
    },

    async currentTicketOfCounter(counterId) {
      return trx
        .selectFrom('queueTickets')
        .select(ticketColumns)
        .where('counterId', '=', counterId)
        .where('status', 'in', ['called', 'serving'])
        .executeTakeFirst() as Promise<TicketRecord | undefined>;
    },

    async appendEvent(e) {
      await trx
        .insertInto('queueTicketEvents')
        .values({
          ticketId: e.ticketId,
          serviceCenterId: e.centerId,
          type: e.type,
          at: e.at,
          counterId: e.counterId,
          userId: e.userId,
          data: JSON.stringify(e.data ?? {}),
        })
        .execute();
    },

    async bumpVersion(centerId) {
      await trx
        .updateTable('queueSettings')
        .set((eb) => ({ version: eb('version', '+', 1) }))
        .where('serviceCenterId', '=', centerId)
        .execute();
    },

    async openSession(counterId, userId, at) {
      await trx
        .insertInto('queueCounterSessions')
        .values({ counterId, userId, openedAt: at, closedAt: null })
        .execute();
    },

    async closeSession(counterId, at) {
      await trx
        .updateTable('queueCounterSessions')
        .set({ closedAt: at })
        .where('counterId', '=', counterId)
        .where('closedAt', 'is', null)
        .execute();
    },

    async findDossierByCode(code) {
      return trx
        .selectFrom('dossiers')
        .select(['id', 'code', 'provinceCode', 'status'])
        .where('code', '=', code)
        .executeTakeFirst();
    },

    async dossiersReceivedBy(userId, since) {
      return (await trx
        .selectFrom('dossierActions as a')
        .innerJoin('dossiers as d', 'd.id', 'a.dossierId')
        .select(['d.id', 'd.code', 'd.provinceCode', 'd.status'])
        .where('a.type', '=', 'received')
        .where('a.actorUserId', '=', userId)
        .where('a.at', '>=', since)
        // A dossier is received on one ticket: one already linked is not linked again.
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('queueTicketDossiers as l')
                .select('l.ticketId')
                .whereRef('l.dossierId', '=', 'd.id')
                .where('l.kind', '=', 'received'),
            ),
          ),
        )
        .orderBy('a.at')
        .execute()) as DossierRef[];
    },

    async linkDossier(ticketId, dossier, kind, at) {
      const r = await trx
        .insertInto('queueTicketDossiers')
        .values({ ticketId, dossierId: dossier.id, provinceCode: dossier.provinceCode, kind, linkedAt: at })
        .onConflict((oc) => oc.doNothing())
        .returning('ticketId')
        .executeTakeFirst();
      return r !== undefined;
    },

    async openCounterThatReceived(dossierId) {
      const r = await trx
        .selectFrom('queueTicketDossiers as l')
        .innerJoin('queueTickets as t', 't.id', 'l.ticketId')
        .innerJoin('queueCounterSessions as s', (j) =>
          j.onRef('s.counterId', '=', 't.counterId').on('s.closedAt', 'is', null),
        )
        .select('t.counterId')
        .where('l.dossierId', '=', dossierId)
        .where('l.kind', '=', 'received')
        .orderBy('l.linkedAt', 'desc')
        .executeTakeFirst();
      return r?.counterId ?? null;
    },

    async countersServing(groupId) {
      const r = await trx
        .selectFrom('queueCounterGroups as g')
        .innerJoin('counters as c', 'c.id', 'g.counterId')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('g.groupId', '=', groupId)
        .where('c.isActive', '=', true)
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },

    async findAppointment(token, lock = false) {
      let q = trx
        .selectFrom('queueAppointments')
        .select([
          'id',
          'token',
          'serviceCenterId as centerId',
          'groupId',
          'day',
          'startMinutes',
          'endMinutes',
          'status',
          'applicantName',
          'phone',
        ])
        .where('token', '=', token);
      if (lock) q = q.forUpdate();
      return q.executeTakeFirst();
    },

    async bookedSlots(groupId, day) {
      // The group's row lock serializes bookings of the group, so a slot's count cannot change before the insert.
      await trx.selectFrom('queueGroups').select('id').where('id', '=', groupId).forUpdate().execute();
      const rows = await trx
        .selectFrom('queueAppointments')
        .select(['startMinutes', (eb) => eb.fn.countAll<number>().as('n')])
        .where('groupId', '=', groupId)
        .where('day', '=', day)
        .where('status', '!=', 'cancelled')
        .groupBy('startMinutes')
        .execute();
      return new Map(rows.map((r) => [r.startMinutes, Number(r.n)]));
    },

    async insertAppointment(a) {
      const center = await trx
        .selectFrom('queueSettings')
        .select('unitCode')
        .where('serviceCenterId', '=', a.centerId)
        .executeTakeFirstOrThrow();
      const r = await trx
        .insertInto('queueAppointments')
        .values({
          token: a.token,
          serviceCenterId: a.centerId,
          unitCode: center.unitCode,
          provinceCode: a.provinceCode,
          groupId: a.groupId,
          day: a.day,
          startMinutes: a.startMinutes,
          endMinutes: a.endMinutes,
          status: 'booked',
          applicantName: a.applicantName,
          phone: a.phone,
          createdAt: a.at,
          updatedAt: a.at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return r.id;
    },

    async updateAppointment(id, { at, ...patch }) {
      await trx
        .updateTable('queueAppointments')
        .set({ ...patch, updatedAt: at })
        .where('id', '=', id)
        .execute();
    },

    newToken: () => randomBytes(12).toString('base64url'),

    async calendarOf(center, today) {
      const year = Number(today.slice(0, 4));
      return loadWorkingCalendar(trx, {
        unitCode: center.unitCode,
        provinceCode: center.provinceCode,
        fromYear: year,
        toYear: year + 1,
      });
    },

    async nearTurnCandidates(groupId, day) {
      return (await trx
        .selectFrom('queueTickets')
        .select([
          'id',
          'groupId',
          'number',
          'issuedAt',
          'priorityKind',
          'preferredCounterId',
          'publicToken',
          'phone',
          'nearTurnNotifiedAt',
        ])
        .where('groupId', '=', groupId)
        .where('day', '=', day)
        .where('status', '=', 'waiting')
        .execute()) as NearTurnCandidate[];
    },

    async markNearTurnNotified(ticketId, at) {
      await trx.updateTable('queueTickets').set({ nearTurnNotifiedAt: at }).where('id', '=', ticketId).execute();
    },

    followUrl: (token) => `${site}/so-thu-tu/${token}`,
    notifications: createNotificationsRepository(trx),

    async updateSettings(centerId, f) {
      await trx
        .updateTable('queueSettings')
        .set({
          priorityRules: JSON.stringify(f.priorityRules),
          notices: JSON.stringify(f.notices),
          slotMinutes: f.slotMinutes,
          nearTurnAhead: f.nearTurnAhead,
          openBeforeMinutes: f.openBeforeMinutes,
          closeBeforeMinutes: f.closeBeforeMinutes,
        })
        .where('serviceCenterId', '=', centerId)
        .execute();
    },

    async listGroupsOfCenter(centerId) {
      return trx
        .selectFrom('queueGroups')
        .select(['id', 'code', 'name', 'kind', 'fieldCodes', 'numberBase', 'position', 'isActive'])
        .where('serviceCenterId', '=', centerId)
        .orderBy('position')
        .orderBy('code')
        .execute();
    },

    async insertGroup(center, g) {
      const r = await trx
        .insertInto('queueGroups')
        .values({
          serviceCenterId: center.id,
          unitCode: center.unitCode,
          provinceCode: center.provinceCode,
          code: g.code,
          name: g.name,
          kind: g.kind,
          fieldCodes: JSON.stringify(g.fieldCodes),
          numberBase: g.numberBase,
          position: g.position,
          isActive: g.isActive,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return r.id;
    },

    async updateGroup(groupId, g) {
      await trx
        .updateTable('queueGroups')
        .set({
          code: g.code,
          name: g.name,
          kind: g.kind,
          fieldCodes: JSON.stringify(g.fieldCodes),
          numberBase: g.numberBase,
          position: g.position,
          isActive: g.isActive,
        })
        .where('id', '=', groupId)
        .execute();
    },

    async centerOfGroup(groupId) {
      const r = await trx
        .selectFrom('queueGroups')
        .select('serviceCenterId')
        .where('id', '=', groupId)
        .executeTakeFirst();
      return r?.serviceCenterId;
    },

    async waitingInGroup(groupId) {
      const r = await trx
        .selectFrom('queueTickets')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('groupId', '=', groupId)
        .where('status', 'in', ['waiting', 'called', 'serving'])
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },

    async setCounterGroups(counterId, groups) {
      await trx.deleteFrom('queueCounterGroups').where('counterId', '=', counterId).execute();
      if (groups.length) {
        await trx
          .insertInto('queueCounterGroups')
          .values(groups.map((g) => ({ counterId, groupId: g.groupId, tier: g.tier })))
          .execute();
      }
    },

    audit: createAuditPort(trx, requestId),
  };
}
