import type { CitizensRepository, DossierRecord } from '@mot-cua/core';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../schema/index.js';
import { toRecord } from './dossier-rows.js';

/** Citizens' accounts (OpenID Connect), their sign-ins under way and the dossiers that are theirs. */
export function createCitizensRepository(db: Kysely<DB>): CitizensRepository & {
  findCitizenIdNumber(userId: string): Promise<string | null>;
  saveLoginRequest(r: {
    state: string;
    codeVerifier: string;
    nonce: string;
    returnTo: string;
    expiresAt: Date;
  }): Promise<void>;
  takeLoginRequest(
    state: string,
    now: Date,
  ): Promise<{ codeVerifier: string; nonce: string; returnTo: string } | undefined>;
  listOwnDossiers(
    idNumber: string,
    page: { limit: number; offset: number },
  ): Promise<{ items: DossierRecord[]; total: number }>;
} {
  const account = ['id', 'username', 'fullName', 'isActive'] as const;
  return {
    async findCitizenByOidc(issuer, subject) {
      return db
        .selectFrom('users')
        .select(account)
        .where('oidcIssuer', '=', issuer)
        .where('oidcSubject', '=', subject)
        .executeTakeFirst();
    },

    async findCitizenByIdNumber(idNumber) {
      const r = await db
        .selectFrom('users')
        .select([...account, 'passwordHash'])
        .where('personalIdNumber', '=', idNumber)
        .executeTakeFirst();
      if (!r) return undefined;
      const { passwordHash, ...rest } = r;
      return { ...rest, hasPassword: passwordHash !== null };
    },

    async createCitizen(c) {
      const row = await db
        .insertInto('users')
        .values({
          username: c.username.toLowerCase(),
          fullName: c.fullName,
          passwordHash: null,
          email: null,
          phone: c.phone,
          oidcIssuer: c.issuer,
          oidcSubject: c.subject,
          personalIdNumber: c.idNumber,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },

    async updateCitizen(id, c) {
      await db
        .updateTable('users')
        .set({
          fullName: c.fullName,
          phone: c.phone,
          oidcIssuer: c.issuer,
          oidcSubject: c.subject,
          personalIdNumber: c.idNumber,
          updatedAt: new Date(),
        })
        .where('id', '=', id)
        .execute();
    },

    async ensureCitizenGrant(userId) {
      await sql`insert into role_grants (user_id, role, unit_code)
        select ${userId}::uuid, 'citizen', 'VN'
        where not exists (select 1 from role_grants where user_id = ${userId}::uuid and role = 'citizen'
          and unit_code = 'VN' and valid_to is null)`.execute(db);
    },

    async findCitizenIdNumber(userId) {
      const r = await db.selectFrom('users').select('personalIdNumber').where('id', '=', userId).executeTakeFirst();
      return r?.personalIdNumber ?? null;
    },

    async saveLoginRequest(r) {
      await db.deleteFrom('oidcLoginRequests').where('expiresAt', '<', new Date()).execute();
      await db.insertInto('oidcLoginRequests').values(r).execute();
    },

    async takeLoginRequest(state, now) {
      const r = await db
        .deleteFrom('oidcLoginRequests')
        .where('state', '=', state)
        .returning(['codeVerifier', 'nonce', 'returnTo', 'expiresAt'])
        .executeTakeFirst();
      if (!r || r.expiresAt.getTime() <= now.getTime()) return undefined;
      return { codeVerifier: r.codeVerifier, nonce: r.nonce, returnTo: r.returnTo };
    },

    async listOwnDossiers(idNumber, page) {
      const q = db
        .selectFrom('dossiers')
        .where((eb) => eb.or([eb('applicantIdNumber', '=', idNumber), eb(sql`agent ->> 'idNumber'`, '=', idNumber)]));
      const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      const rows = await q
        .selectAll()
        .orderBy('submittedAt', 'desc')
        .orderBy('id')
        .limit(page.limit)
        .offset(page.offset)
        .execute();
      return { items: rows.map((r) => toRecord(r, [])), total: Number(total.n) };
    },
  };
}
