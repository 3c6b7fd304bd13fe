import type { QueuePorts } from '@mot-cua/core';
import type { Kysely } from 'kysely';
import type { DB } from '../schema/index.js';

/** A center's settings: priority rules, hours, groups and which counter serves which group. */
export function queueSettingsPorts(trx: Kysely<DB>) {
  return {
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
  } satisfies Partial<QueuePorts>;
}
