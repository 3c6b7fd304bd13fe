import type { SessionRecord, SessionsRepository } from '@mot-cua/core';
import type { Kysely } from 'kysely';
import type { DB } from '../schema/index.js';

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

    async deleteExpiredSessions(now: Date): Promise<number> {
      const r = await db.deleteFrom('sessions').where('expiresAt', '<=', now).executeTakeFirst();
      return Number(r.numDeletedRows);
    },
  } satisfies SessionsRepository & Record<string, unknown>;
}
export type SessionsRepo = ReturnType<typeof createSessionsRepository>;
