import type { Role } from '@mot-cua/contracts';
import { type Assignment, type AssignmentKind, dayBefore, type NewAssignment } from '@mot-cua/core';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../schema/index.js';
import { inForceOn } from './in-force.js';
import { createOfficialProfilesRepository } from './official-profiles.repository.js';

export type { OfficialSummary } from './official-profiles.repository.js';

const assignmentColumns = [
  'id',
  'userId',
  'unitCode',
  'departmentId',
  'kind',
  'roles',
  'title',
  'decisionNumber',
  'validFrom',
  'validTo',
] as const;

type AssignmentRow = Omit<Assignment, 'kind' | 'roles'> & { kind: string; roles: string[] };
const toAssignment = (r: AssignmentRow): Assignment => ({
  ...r,
  kind: r.kind as AssignmentKind,
  roles: r.roles as Role[],
});

/**
 * Officials' assignments and the role grants they keep in step, and officials' readiness. Grants created here
 * are linked in assignment_grants, so ending or moving an assignment ends or moves exactly its grants.
 */
export function createOfficialsRepository(db: Kysely<DB>) {
  const repo = {
    ...createOfficialProfilesRepository(db),
    async listAssignments(userId: string): Promise<Assignment[]> {
      const rows = await db
        .selectFrom('assignments')
        .select(assignmentColumns)
        .where('userId', '=', userId)
        .orderBy('validFrom')
        .execute();
      return rows.map(toAssignment);
    },

    async findAssignment(id: string): Promise<Assignment | undefined> {
      const r = await db.selectFrom('assignments').select(assignmentColumns).where('id', '=', id).executeTakeFirst();
      return r ? toAssignment(r) : undefined;
    },

    /** Create an assignment and one role grant per role over the same period. */
    async createAssignment(a: NewAssignment, createdBy: string | null): Promise<string> {
      const row = await db
        .insertInto('assignments')
        .values({
          userId: a.userId,
          unitCode: a.unitCode,
          departmentId: a.departmentId,
          kind: a.kind,
          roles: JSON.stringify(a.roles),
          title: a.title,
          decisionNumber: a.decisionNumber,
          validFrom: a.validFrom,
          validTo: a.validTo,
          previousId: a.previousId,
          createdBy,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (a.roles.length) {
        const grants = await db
          .insertInto('roleGrants')
          .values(
            a.roles.map((role) => ({
              userId: a.userId,
              role,
              unitCode: a.unitCode,
              validFrom: a.validFrom,
              validTo: a.validTo,
            })),
          )
          .returning('id')
          .execute();
        await db
          .insertInto('assignmentGrants')
          .values(grants.map((g) => ({ assignmentId: row.id, grantId: g.id })))
          .execute();
      }
      return row.id;
    },

    /** Link grants that already exist (e.g. demo officials) to an assignment. */
    async linkGrants(assignmentId: string, grantIds: string[]): Promise<void> {
      if (grantIds.length) {
        await db
          .insertInto('assignmentGrants')
          .values(grantIds.map((grantId) => ({ assignmentId, grantId })))
          .onConflict((oc) => oc.doNothing())
          .execute();
      }
    },

    /**
     * Give an official who only holds role grants (created before assignments existed, e.g. demo officials) one
     * permanent assignment per unit that owns those grants, linking them. Returns the assignments created.
     */
    async adoptUnassignedGrants(userId: string): Promise<number> {
      const grants = await db
        .selectFrom('roleGrants as g')
        .select(['g.id', 'g.role', 'g.unitCode', 'g.validFrom', 'g.validTo'])
        .where('g.userId', '=', userId)
        .where('g.unitCode', '!=', 'VN')
        .where(({ not, exists, selectFrom }) =>
          not(exists(selectFrom('assignmentGrants as ag').select('ag.grantId').whereRef('ag.grantId', '=', 'g.id'))),
        )
        .orderBy('g.unitCode')
        .execute();
      const byUnit = new Map<string, typeof grants>();
      for (const g of grants) byUnit.set(g.unitCode, [...(byUnit.get(g.unitCode) ?? []), g]);
      for (const [unitCode, list] of byUnit) {
        const validFrom = list.map((g) => g.validFrom).sort()[0]!;
        const row = await db
          .insertInto('assignments')
          .values({
            userId,
            unitCode,
            departmentId: null,
            kind: 'permanent',
            roles: JSON.stringify([...new Set(list.map((g) => g.role))]),
            validFrom,
            validTo: list.some((g) => g.validTo === null)
              ? null
              : list
                  .map((g) => g.validTo!)
                  .sort()
                  .at(-1)!,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await repo.linkGrants(
          row.id,
          list.map((g) => g.id),
        );
      }
      return byUnit.size;
    },

    /** Officials by user name or full name (accent-insensitive), for choosing whom to assign. */
    async searchOfficials(q: string, limit: number) {
      const needle = `%${q.replace(/[%_\\]/g, '')}%`;
      return db
        .selectFrom('users as u')
        .select(['u.id', 'u.username', 'u.fullName', 'u.isActive'])
        .where((eb) =>
          eb.or([
            eb(sql`f_unaccent_fold(u.full_name)`, 'like', sql`f_unaccent_fold(${needle})`),
            eb(sql`lower(u.username)`, 'like', sql`lower(${needle})`),
          ]),
        )
        .orderBy('u.fullName')
        .limit(limit)
        .execute();
    },

    /** End an assignment and its grants on a day (its last day). */
    async endAssignment(id: string, validTo: string): Promise<void> {
      await db.updateTable('assignments').set({ validTo }).where('id', '=', id).execute();
      await db
        .updateTable('roleGrants')
        .set({ validTo })
        .where('id', 'in', db.selectFrom('assignmentGrants').select('grantId').where('assignmentId', '=', id))
        .where((eb) => eb.or([eb('validTo', 'is', null), eb('validTo', '>', validTo)]))
        .execute();
    },

    /** Move an assignment that has not started yet to another unit (and its grants). */
    async moveAssignmentUnit(id: string, unitCode: string, departmentId: string | null): Promise<void> {
      await db.updateTable('assignments').set({ unitCode, departmentId }).where('id', '=', id).execute();
      await db
        .updateTable('roleGrants')
        .set({ unitCode })
        .where('id', 'in', db.selectFrom('assignmentGrants').select('grantId').where('assignmentId', '=', id))
        .execute();
    },

    /**
     * Re-home an assignment to the successor of its unit from a date (a change event): one that starts on or after
     * the date moves with its grants; an older one ends the day before and a successor assignment, in the
     * successor's department of the same kind when it has one, takes over with new grants. The one place where an
     * official is reassigned outside `assignOfficial`.
     */
    async rehomeAssignment(id: string, toCode: string, effectiveDate: string): Promise<void> {
      const a = await db
        .selectFrom('assignments as a')
        .leftJoin('departments as d', 'd.id', 'a.departmentId')
        .select(['a.id', 'a.userId', 'a.kind', 'a.roles', 'a.title', 'a.decisionNumber', 'a.validFrom', 'a.validTo'])
        .select('d.kind as departmentKind')
        .where(sql<boolean>`a.id::text = ${id}`)
        .executeTakeFirstOrThrow();
      const dept = a.departmentKind
        ? await db
            .selectFrom('departments')
            .select('id')
            .where('unitCode', '=', toCode)
            .where('kind', '=', a.departmentKind)
            .where('validTo', 'is', null)
            .executeTakeFirst()
        : undefined;
      if (a.validFrom >= effectiveDate) {
        await repo.moveAssignmentUnit(a.id, toCode, dept?.id ?? null);
        return;
      }
      await repo.endAssignment(a.id, dayBefore(effectiveDate));
      await repo.createAssignment(
        {
          userId: a.userId,
          unitCode: toCode,
          departmentId: dept?.id ?? null,
          kind: a.kind as AssignmentKind,
          roles: a.roles as Role[],
          title: a.title,
          decisionNumber: a.decisionNumber,
          validFrom: effectiveDate,
          validTo: a.validTo,
          previousId: a.id,
        },
        null,
      );
    },

    async listAssignmentsOfUnit(unitCode: string, onDate: string) {
      return db
        .selectFrom('assignments as a')
        .innerJoin('users as u', 'u.id', 'a.userId')
        .leftJoin('departments as d', 'd.id', 'a.departmentId')
        .select([
          'a.id',
          'a.userId',
          'a.unitCode',
          'a.departmentId',
          'a.kind',
          'a.roles',
          'a.title',
          'a.decisionNumber',
          'a.validFrom',
          'a.validTo',
          'u.username',
          'u.fullName',
          'd.name as departmentName',
        ])
        .where('a.unitCode', '=', unitCode)
        .where(inForceOn(onDate, 'a'))
        .orderBy('u.fullName')
        .execute();
    },
  };
  return repo;
}
export type OfficialsRepo = ReturnType<typeof createOfficialsRepository>;
