import { randomBytes } from 'node:crypto';
import type { DossierRef, NearTurnCandidate, QueuePorts } from '@mot-cua/core';
import type { Kysely } from 'kysely';
import type { DB } from '../schema/index.js';
import { loadWorkingCalendar } from './calendar.repository.js';
import { createDossierProcedurePort, createDossierUnitsPort } from './dossier-ports.repository.js';

/** What ties a visit to the rest: dossiers received or picked up, appointments, the calendar, the near-turn SMS. */
export function queueVisitPorts(trx: Kysely<DB>) {
  return {
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

    async openCounterHoldingResult(dossierId) {
      const r = await trx
        .selectFrom('queueResultHoldings as h')
        .innerJoin('queueCounterSessions as s', (j) =>
          j.onRef('s.counterId', '=', 'h.counterId').on('s.closedAt', 'is', null),
        )
        .select('h.counterId')
        .where('h.dossierId', '=', dossierId)
        .executeTakeFirst();
      return r?.counterId ?? null;
    },

    async recordResultHolding(dossierId, counterId, userId, at) {
      await trx
        .insertInto('queueResultHoldings')
        .values({ dossierId, counterId, heldBy: userId, heldAt: at })
        .onConflict((oc) => oc.column('dossierId').doUpdateSet({ counterId, heldBy: userId, heldAt: at }))
        .execute();
    },

    async findDeskProcedure(input) {
      const units = createDossierUnitsPort(trx);
      const p = await createDossierProcedurePort(trx, units).findProcedureForReception({
        procedureCode: input.procedureCode,
        competentUnitCode: input.unitCode,
        channel: 'in_person',
        onDate: input.onDate,
      });
      return p && { code: p.code, name: p.name, components: p.components };
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

    async phoneBookings(centerId, phone, day) {
      return trx
        .selectFrom('queueAppointments')
        .select(['id', 'groupId', 'startMinutes'])
        .where('serviceCenterId', '=', centerId)
        .where('day', '=', day)
        .where('phone', '=', phone)
        .where('status', 'in', ['booked', 'checked_in'])
        .execute();
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
  } satisfies Partial<QueuePorts>;
}
