import type { RoleGrant } from '@mot-cua/contracts';
import type { UserRecord, UsersRepository } from '@mot-cua/core';
import type { Kysely } from 'kysely';
import type { DB } from '../schema/index.js';
import { inForceOn } from './in-force.js';

export type NewUser = {
  username: string;
  fullName: string;
  passwordHash: string | null;
  email?: string | null;
  phone?: string | null;
};

export type NewGrant = RoleGrant & { validFrom?: string; validTo?: string | null };

const userColumns = ['id', 'username', 'fullName', 'passwordHash', 'isActive'] as const;

export function createUsersRepository(db: Kysely<DB>) {
  return {
    async findUserByUsername(username: string): Promise<UserRecord | undefined> {
      return db
        .selectFrom('users')
        .select(userColumns)
        .where('username', '=', username.toLowerCase())
        .executeTakeFirst();
    },

    async findUser(id: string): Promise<UserRecord | undefined> {
      return db.selectFrom('users').select(userColumns).where('id', '=', id).executeTakeFirst();
    },

    async listEffectiveGrants(userId: string, onDate: string): Promise<RoleGrant[]> {
      const rows = await db
        .selectFrom('roleGrants')
        .select(['role', 'unitCode'])
        .where('userId', '=', userId)
        .where(inForceOn(onDate))
        .orderBy('role')
        .orderBy('unitCode')
        .execute();
      return rows as RoleGrant[];
    },

    async createUser(user: NewUser): Promise<string> {
      const row = await db
        .insertInto('users')
        .values({
          username: user.username.toLowerCase(),
          fullName: user.fullName,
          passwordHash: user.passwordHash,
          email: user.email ?? null,
          phone: user.phone ?? null,
          oidcIssuer: null,
          oidcSubject: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },

    async addGrant(userId: string, grant: NewGrant): Promise<void> {
      await db
        .insertInto('roleGrants')
        .values({
          userId,
          role: grant.role,
          unitCode: grant.unitCode,
          ...(grant.validFrom ? { validFrom: grant.validFrom } : {}),
          validTo: grant.validTo ?? null,
        })
        .execute();
    },

    async setActive(userId: string, isActive: boolean): Promise<void> {
      await db.updateTable('users').set({ isActive, updatedAt: new Date() }).where('id', '=', userId).execute();
    },

    async setPasswordHash(userId: string, passwordHash: string): Promise<void> {
      await db.updateTable('users').set({ passwordHash, updatedAt: new Date() }).where('id', '=', userId).execute();
    },

    /** Active users holding system_admin for the whole country (any validity period): the first-run check. */
    async countActiveNationalAdministrators(): Promise<number> {
      const r = await db
        .selectFrom('users')
        .innerJoin('roleGrants', 'roleGrants.userId', 'users.id')
        .where('users.isActive', '=', true)
        .where('roleGrants.role', '=', 'system_admin')
        .where('roleGrants.unitCode', '=', 'VN')
        .select((eb) => eb.fn.count<number>('users.id').distinct().as('n'))
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },

    async countUsers(): Promise<number> {
      const r = await db
        .selectFrom('users')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },
  } satisfies UsersRepository & Record<string, unknown>;
}
export type UsersRepo = ReturnType<typeof createUsersRepository>;
