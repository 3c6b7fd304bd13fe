import { AppError, type DefaultOrganisation, type DepartmentKind, type UnitVersion } from '@mot-cua/core';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../schema/index.js';
import { inForceOn } from './in-force.js';

export type DepartmentRow = {
  id: string;
  unitCode: string;
  kind: DepartmentKind;
  name: string;
  validFrom: string;
  validTo: string | null;
};
export type ServiceCenterRow = {
  id: string;
  unitCode: string;
  name: string;
  isMain: boolean;
  address: string | null;
  directorUserId: string | null;
  validFrom: string;
  validTo: string | null;
};
/** A center with where it is: what "where to go" shows. */
export type ServiceCenterPlace = ServiceCenterRow & {
  latitude: number | null;
  longitude: number | null;
  demoData: boolean;
};
export type CounterRow = {
  id: string;
  serviceCenterId: string;
  unitCode: string;
  number: number;
  name: string;
  fields: string[];
  isActive: boolean;
};

const isUniqueViolation = (e: unknown) => (e as { code?: string })?.code === '23505';

/** Departments, service centers and counters of units. */
export function createOrganisationRepository(db: Kysely<DB>) {
  const openOn = (onDate: string) => inForceOn(onDate);
  const repo = {
    async listDepartments(unitCode: string, onDate: string): Promise<DepartmentRow[]> {
      const rows = await db
        .selectFrom('departments')
        .select(['id', 'unitCode', 'kind', 'name', 'validFrom', 'validTo'])
        .where('unitCode', '=', unitCode)
        .where(openOn(onDate))
        .orderBy(
          sql`CASE kind WHEN 'office' THEN 0 WHEN 'economic' THEN 1 WHEN 'economic_infrastructure_urban' THEN 1
            WHEN 'culture_social' THEN 2 WHEN 'planning_finance' THEN 3 ELSE 4 END`,
        )
        .orderBy('createdAt')
        .orderBy('name')
        .execute();
      return rows as DepartmentRow[];
    },

    async findDepartment(id: string): Promise<DepartmentRow | undefined> {
      const r = await db
        .selectFrom('departments')
        .select(['id', 'unitCode', 'kind', 'name', 'validFrom', 'validTo'])
        .where('id', '=', id)
        .executeTakeFirst();
      return r as DepartmentRow | undefined;
    },

    async createDepartment(d: { unitCode: string; kind: DepartmentKind; name: string; validFrom: string }) {
      try {
        const r = await db.insertInto('departments').values(d).returning('id').executeTakeFirstOrThrow();
        return r.id;
      } catch (e) {
        if (isUniqueViolation(e)) throw new AppError('DEPARTMENT_NAME_TAKEN');
        throw e;
      }
    },

    async updateDepartment(id: string, patch: { name?: string; kind?: DepartmentKind }) {
      try {
        await db.updateTable('departments').set(patch).where('id', '=', id).execute();
      } catch (e) {
        if (isUniqueViolation(e)) throw new AppError('DEPARTMENT_NAME_TAKEN');
        throw e;
      }
    },

    /** End a department (history kept); the day it ends is its last day. */
    async endDepartment(id: string, validTo: string) {
      await db
        .updateTable('departments')
        .set({ validTo })
        .where('id', '=', id)
        .where('validTo', 'is', null)
        .where('validFrom', '<=', validTo)
        .execute();
    },

    async listServiceCenters(unitCode: string, onDate: string): Promise<ServiceCenterPlace[]> {
      return db
        .selectFrom('serviceCenters')
        .select([
          'id',
          'unitCode',
          'name',
          'isMain',
          'address',
          'directorUserId',
          'validFrom',
          'validTo',
          'latitude',
          'longitude',
          'demoData',
        ])
        .where('unitCode', '=', unitCode)
        .where(openOn(onDate))
        .orderBy('isMain', 'desc')
        .orderBy('name')
        .execute();
    },

    async findServiceCenter(id: string): Promise<ServiceCenterRow | undefined> {
      return db
        .selectFrom('serviceCenters')
        .select(['id', 'unitCode', 'name', 'isMain', 'address', 'directorUserId', 'validFrom', 'validTo'])
        .where('id', '=', id)
        .executeTakeFirst();
    },

    async createServiceCenter(c: {
      unitCode: string;
      name: string;
      isMain: boolean;
      address?: string | null;
      validFrom: string;
    }) {
      try {
        const r = await db
          .insertInto('serviceCenters')
          .values({ ...c, address: c.address ?? null, directorUserId: null })
          .returning('id')
          .executeTakeFirstOrThrow();
        return r.id;
      } catch (e) {
        if (isUniqueViolation(e)) throw new AppError('SERVICE_CENTER_EXISTS');
        throw e;
      }
    },

    async updateServiceCenter(
      id: string,
      patch: { name?: string; address?: string | null; directorUserId?: string | null },
    ) {
      // An address recorded by an administrator is the center's own: demonstration data (and its approximate
      // position) no longer apply.
      const own =
        patch.address !== undefined
          ? {
              demoData: false,
              latitude: sql<number | null>`case when demo_data then null else latitude end`,
              longitude: sql<number | null>`case when demo_data then null else longitude end`,
            }
          : {};
      await db
        .updateTable('serviceCenters')
        .set({ ...patch, ...own })
        .where('id', '=', id)
        .execute();
    },

    async listCounters(serviceCenterId: string): Promise<CounterRow[]> {
      return db
        .selectFrom('counters')
        .select(['id', 'serviceCenterId', 'unitCode', 'number', 'name', 'fields', 'isActive'])
        .where('serviceCenterId', '=', serviceCenterId)
        .orderBy('number')
        .execute();
    },

    async listCountersOfUnit(unitCode: string): Promise<CounterRow[]> {
      return db
        .selectFrom('counters')
        .select(['id', 'serviceCenterId', 'unitCode', 'number', 'name', 'fields', 'isActive'])
        .where('unitCode', '=', unitCode)
        .orderBy('number')
        .execute();
    },

    async findCounter(id: string): Promise<CounterRow | undefined> {
      return db
        .selectFrom('counters')
        .select(['id', 'serviceCenterId', 'unitCode', 'number', 'name', 'fields', 'isActive'])
        .where('id', '=', id)
        .executeTakeFirst();
    },

    async createCounter(c: {
      serviceCenterId: string;
      unitCode: string;
      number: number;
      name: string;
      fields: string[];
    }) {
      try {
        const r = await db
          .insertInto('counters')
          .values({ ...c, fields: JSON.stringify(c.fields) })
          .returning('id')
          .executeTakeFirstOrThrow();
        return r.id;
      } catch (e) {
        if (isUniqueViolation(e)) throw new AppError('COUNTER_NUMBER_TAKEN');
        throw e;
      }
    },

    async updateCounter(id: string, patch: { name?: string; fields?: string[]; isActive?: boolean; number?: number }) {
      const { fields, ...rest } = patch;
      try {
        await db
          .updateTable('counters')
          .set({ ...rest, ...(fields ? { fields: JSON.stringify(fields) } : {}) })
          .where('id', '=', id)
          .execute();
      } catch (e) {
        if (isUniqueViolation(e)) throw new AppError('COUNTER_NUMBER_TAKEN');
        throw e;
      }
    },

    /**
     * Create a unit's default organisation unless it already has departments or a main center. Returns whether
     * anything was created.
     */
    async ensureDefaultOrganisation(unit: UnitVersion, def: DefaultOrganisation, validFrom: string): Promise<boolean> {
      const hasDepartments = await db
        .selectFrom('departments')
        .select('id')
        .where('unitCode', '=', unit.code)
        .executeTakeFirst();
      const hasCenter = await db
        .selectFrom('serviceCenters')
        .select('id')
        .where('unitCode', '=', unit.code)
        .executeTakeFirst();
      if (hasDepartments && hasCenter) return false;
      const from = unit.validFrom && unit.validFrom > validFrom ? unit.validFrom : validFrom;
      if (!hasDepartments) {
        await db
          .insertInto('departments')
          .values(def.departments.map((d) => ({ unitCode: unit.code, kind: d.kind, name: d.name, validFrom: from })))
          .execute();
      }
      if (!hasCenter) {
        const center = await db
          .insertInto('serviceCenters')
          .values({ unitCode: unit.code, name: def.serviceCenter.name, isMain: true, address: null, validFrom: from })
          .returning('id')
          .executeTakeFirstOrThrow();
        await db
          .insertInto('counters')
          .values(
            def.counters.map((c) => ({
              serviceCenterId: center.id,
              unitCode: unit.code,
              number: c.number,
              name: c.name,
              fields: JSON.stringify(c.fields),
            })),
          )
          .execute();
      }
      return true;
    },
  };
  return repo;
}
export type OrganisationRepo = ReturnType<typeof createOrganisationRepository>;
