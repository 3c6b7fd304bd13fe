import type { RoleGrant } from '@mot-cua/contracts';
import type { ActiveSession, SessionRecord, SessionsRepository } from '@mot-cua/core';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../schema/index.js';
import { grantInForceOn } from './in-force.js';

export function createSessionsRepository(db: Kysely<DB>) {
  return {
    async createSession(s: SessionRecord & { userAgent?: string | null; ip?: string | null }): Promise<void> {
      await db
        .insertInto('sessions')
        .values({
          idHash: s.idHash,
          userId: s.userId,
          csrfToken: s.csrfToken,
          expiresAt: s.expiresAt,
          userAgent: s.userAgent ?? null,
          ip: s.ip ?? null,
        })
        .execute();
    },

    async findSession(idHash: string): Promise<SessionRecord | undefined> {
      return db
        .selectFrom('sessions')
        .select(['idHash', 'userId', 'csrfToken', 'expiresAt'])
        .where('idHash', '=', idHash)
        .executeTakeFirst();
    },

    /**
     * The session with its user, the user's grants in force on a date and the master-data version, in one
     * statement (the identity of a request costs one round trip).
     */
    async findActiveSession(idHash: string, onDate: string): Promise<ActiveSession | undefined> {
      const r = await sql<{
        idHash: string;
        userId: string;
        csrfToken: string;
        expiresAt: Date;
        username: string;
        fullName: string;
        isActive: boolean;
        mustChangePassword: boolean;
        secondFactor: boolean;
        grants: RoleGrant[] | null;
        masterDataVersion: number;
      }>`
        select s.id_hash, s.user_id, s.csrf_token, s.expires_at, u.username, u.full_name, u.is_active,
          u.must_change_password, u.totp_secret is not null as second_factor,
          (select json_agg(json_build_object('role', g.role, 'unitCode', g.unit_code) order by g.role, g.unit_code)
             from role_grants g
            where g.user_id = s.user_id and ${grantInForceOn(onDate, 'g')}) as grants,
          (select version from master_data_version) as master_data_version
        from sessions s join users u on u.id = s.user_id
        where s.id_hash = ${idHash}`.execute(db);
      const row = r.rows[0];
      if (!row) return undefined;
      return {
        session: { idHash: row.idHash, userId: row.userId, csrfToken: row.csrfToken, expiresAt: row.expiresAt },
        user: {
          id: row.userId,
          username: row.username,
          fullName: row.fullName,
          isActive: row.isActive,
          mustChangePassword: row.mustChangePassword,
          secondFactor: row.secondFactor,
        },
        grants: (row.grants ?? []).map((g) => ({ role: g.role, unitCode: g.unitCode })),
        masterDataVersion: Number(row.masterDataVersion),
      };
    },

    async touchSession(idHash: string, at: Date, expiresAt: Date): Promise<void> {
      await db.updateTable('sessions').set({ lastSeenAt: at, expiresAt }).where('idHash', '=', idHash).execute();
    },

    async deleteSession(idHash: string): Promise<void> {
      await db.deleteFrom('sessions').where('idHash', '=', idHash).execute();
    },

    async deleteSessionsOfUser(userId: string): Promise<number> {
      const r = await db.deleteFrom('sessions').where('userId', '=', userId).executeTakeFirst();
      return Number(r.numDeletedRows);
    },

    /** Every session of the user but the one kept (a password change ends the others). */
    async deleteOtherSessionsOfUser(userId: string, keepIdHash: string | null): Promise<number> {
      let q = db.deleteFrom('sessions').where('userId', '=', userId);
      if (keepIdHash) q = q.where('idHash', '<>', keepIdHash);
      const r = await q.executeTakeFirst();
      return Number(r.numDeletedRows);
    },

    /** The user's sessions not yet expired, the most recently used first. */
    async listSessionsOfUser(userId: string, now: Date) {
      return db
        .selectFrom('sessions')
        .select(['publicId', 'idHash', 'createdAt', 'lastSeenAt', 'expiresAt', 'userAgent', 'ip'])
        .where('userId', '=', userId)
        .where('expiresAt', '>', now)
        .orderBy('lastSeenAt', 'desc')
        .execute();
    },

    async findPublicIdOf(idHash: string): Promise<string | undefined> {
      const r = await db.selectFrom('sessions').select('publicId').where('idHash', '=', idHash).executeTakeFirst();
      return r?.publicId;
    },

    async deleteSessionOfUser(userId: string, publicId: string): Promise<boolean> {
      const r = await db
        .deleteFrom('sessions')
        .where('userId', '=', userId)
        .where('publicId', '=', publicId)
        .executeTakeFirst();
      return Number(r.numDeletedRows) === 1;
    },

    async deleteExpiredSessions(now: Date): Promise<number> {
      const r = await db.deleteFrom('sessions').where('expiresAt', '<=', now).executeTakeFirst();
      return Number(r.numDeletedRows);
    },
  } satisfies SessionsRepository & Record<string, unknown>;
}
export type SessionsRepo = ReturnType<typeof createSessionsRepository>;
