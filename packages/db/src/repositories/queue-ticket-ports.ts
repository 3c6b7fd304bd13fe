import { randomBytes } from 'node:crypto';
import type { PriorityRule } from '@mot-cua/contracts';
import type { QueueCandidate, QueuePorts, TicketRecord } from '@mot-cua/core';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../schema/index.js';

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

/** Centers, groups, counters, tickets, their events and counter sessions. */
export function queueTicketPorts(trx: Kysely<DB>) {
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
  } satisfies Partial<QueuePorts>;
}
