import type { RoleGrant } from '@mot-cua/contracts';
import type { StoredGrant, UserRecord, UsersRepository } from '@mot-cua/core';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../schema/index.js';
import { grantInForceOn, grantOpenOn } from './in-force.js';

export type NewUser = {
  username: string;
  fullName: string;
  passwordHash: string | null;
  email?: string | null;
  phone?: string | null;
  mustChangePassword?: boolean;
  passwordExpiresAt?: Date | null;
};

export type NewGrant = RoleGrant & { validFrom?: string; validTo?: string | null };

const userColumns = [
  'id',
  'username',
  'fullName',
  'passwordHash',
  'isActive',
  'mustChangePassword',
  'passwordExpiresAt',
  'totpSecret',
  'totpLastStep',
] as const;

const grantColumns = sql<boolean>`exists (select 1 from assignment_grants ag where ag.grant_id = role_grants.id)`;

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
        .where(grantInForceOn(onDate))
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
          mustChangePassword: user.mustChangePassword ?? false,
          passwordExpiresAt: user.passwordExpiresAt ?? null,
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

    /** A password the official chose: a one-time password's "change it first" and expiry end. */
    async setPasswordHash(userId: string, passwordHash: string): Promise<void> {
      await db
        .updateTable('users')
        .set({ passwordHash, mustChangePassword: false, passwordExpiresAt: null, updatedAt: new Date() })
        .where('id', '=', userId)
        .execute();
    },

    async setOneTimePassword(userId: string, passwordHash: string, expiresAt: Date): Promise<void> {
      await db
        .updateTable('users')
        .set({ passwordHash, mustChangePassword: true, passwordExpiresAt: expiresAt, updatedAt: new Date() })
        .where('id', '=', userId)
        .execute();
    },

    async advanceTotpStep(userId: string, step: number): Promise<boolean> {
      const r = await db
        .updateTable('users')
        .set({ totpLastStep: step })
        .where('id', '=', userId)
        .where((eb) => eb.or([eb('totpLastStep', 'is', null), eb('totpLastStep', '<', step)]))
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },

    async useRecoveryCode(userId: string, codeHash: string): Promise<boolean> {
      const r = await db
        .updateTable('userRecoveryCodes')
        .set({ usedAt: new Date() })
        .where('userId', '=', userId)
        .where('codeHash', '=', codeHash)
        .where('usedAt', 'is', null)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },

    async findPendingTotpSecret(userId: string): Promise<string | null> {
      const r = await db.selectFrom('users').select('totpPendingSecret').where('id', '=', userId).executeTakeFirst();
      return r?.totpPendingSecret ?? null;
    },

    async setPendingTotpSecret(userId: string, secret: string | null): Promise<void> {
      await db.updateTable('users').set({ totpPendingSecret: secret }).where('id', '=', userId).execute();
    },

    async enableTotp(userId: string, secret: string, step: number): Promise<void> {
      await db
        .updateTable('users')
        .set({ totpSecret: secret, totpPendingSecret: null, totpEnabledAt: new Date(), totpLastStep: step })
        .where('id', '=', userId)
        .execute();
    },

    async clearSecondFactor(userId: string): Promise<void> {
      await db
        .updateTable('users')
        .set({ totpSecret: null, totpPendingSecret: null, totpEnabledAt: null, totpLastStep: null })
        .where('id', '=', userId)
        .execute();
      await db.deleteFrom('userRecoveryCodes').where('userId', '=', userId).execute();
    },

    async replaceRecoveryCodes(userId: string, codeHashes: string[]): Promise<void> {
      await db.deleteFrom('userRecoveryCodes').where('userId', '=', userId).execute();
      if (codeHashes.length === 0) return;
      await db
        .insertInto('userRecoveryCodes')
        .values(codeHashes.map((codeHash) => ({ userId, codeHash })))
        .execute();
    },

    async countUnusedRecoveryCodes(userId: string): Promise<number> {
      const r = await db
        .selectFrom('userRecoveryCodes')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('userId', '=', userId)
        .where('usedAt', 'is', null)
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },

    async listOpenGrants(userId: string, onDate: string): Promise<StoredGrant[]> {
      const rows = await db
        .selectFrom('roleGrants')
        .select(['id', 'userId', 'role', 'unitCode', 'validFrom', 'validTo', grantColumns.as('fromAssignment')])
        .where('userId', '=', userId)
        .where(grantOpenOn(onDate))
        .orderBy('validFrom')
        .orderBy('role')
        .execute();
      return rows as StoredGrant[];
    },

    async findGrant(grantId: string): Promise<StoredGrant | undefined> {
      const row = await db
        .selectFrom('roleGrants')
        .select(['id', 'userId', 'role', 'unitCode', 'validFrom', 'validTo', grantColumns.as('fromAssignment')])
        .where('id', '=', grantId)
        .executeTakeFirst();
      return row as StoredGrant | undefined;
    },

    async insertGrant(userId: string, g: { role: string; unitCode: string; validFrom: string }): Promise<string> {
      const row = await db
        .insertInto('roleGrants')
        .values({ userId, role: g.role, unitCode: g.unitCode, validFrom: g.validFrom, validTo: null })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },

    async endGrant(grantId: string, validTo: string): Promise<void> {
      await db.updateTable('roleGrants').set({ validTo }).where('id', '=', grantId).execute();
    },

    async deleteGrant(grantId: string): Promise<void> {
      await db.deleteFrom('roleGrants').where('id', '=', grantId).execute();
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
