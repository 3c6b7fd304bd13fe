import { NATIONAL_SCOPE, type Role } from '@mot-cua/contracts';
import type { StoredGrant } from '@mot-cua/core';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../schema/index.js';
import { grantOpenOn } from './in-force.js';

export type OfficialRow = {
  id: string;
  username: string;
  fullName: string;
  email: string | null;
  phone: string | null;
  isActive: boolean;
  mustChangePassword: boolean;
  secondFactor: boolean;
  grants: StoredGrant[];
};

/**
 * Officials' accounts as administrators see them: only accounts with a grant (in force or to come) inside the
 * administrator's jurisdictions — a unit, a province (its communes included) or 'VN' for all. Citizens' accounts
 * (signed in through the identity provider) are never listed.
 */
export function createUserAdminRepository(db: Kysely<DB>) {
  /** A grant's unit lies in one of the scopes: the code itself, or a unit of that province. */
  const grantIn = (scopes: readonly string[]) =>
    sql<boolean>`(g.unit_code in (${sql.join(scopes)}) or exists (select 1 from admin_units au
      where au.code = g.unit_code and au.province_code in (${sql.join(scopes)})))`;

  async function grantsOf(userIds: string[], onDate: string): Promise<Map<string, StoredGrant[]>> {
    const map = new Map<string, StoredGrant[]>();
    if (userIds.length === 0) return map;
    const rows = await db
      .selectFrom('roleGrants')
      .select([
        'id',
        'userId',
        'role',
        'unitCode',
        'validFrom',
        'validTo',
        sql<boolean>`exists (select 1 from assignment_grants ag where ag.grant_id = role_grants.id)`.as(
          'fromAssignment',
        ),
      ])
      .where('userId', 'in', userIds)
      .where(grantOpenOn(onDate))
      .orderBy('validFrom')
      .orderBy('role')
      .orderBy('unitCode')
      .execute();
    for (const r of rows) {
      const list = map.get(r.userId) ?? [];
      list.push({ ...r, role: r.role as Role });
      map.set(r.userId, list);
    }
    return map;
  }

  return {
    /** The province of a unit code in any of its versions ('VN' for the country); undefined if unknown. */
    async provinceOf(unitCode: string): Promise<string | undefined> {
      if (unitCode === NATIONAL_SCOPE) return NATIONAL_SCOPE;
      const row = await sql<{ provinceCode: string }>`
        select province_code from admin_units where code = ${unitCode}
         order by valid_to desc nulls first limit 1`.execute(db);
      if (row.rows[0]) return row.rows[0].provinceCode;
      const alias = await sql<{ provinceCode: string }>`
        select u.province_code from admin_unit_aliases a join admin_units u on u.code = a.code
         where a.alias = ${unitCode} order by u.valid_to desc nulls first limit 1`.execute(db);
      return alias.rows[0]?.provinceCode;
    },

    async listOfficials(f: {
      scopes: readonly string[];
      /** Only this account (is it visible to the administrator?). */
      userId?: string | undefined;
      q?: string | undefined;
      unitCode?: string | undefined;
      status: 'active' | 'disabled' | 'all';
      onDate: string;
      limit: number;
      offset: number;
    }): Promise<{ items: OfficialRow[]; total: number }> {
      if (f.scopes.length === 0) return { items: [], total: 0 };
      const national = f.scopes.includes(NATIONAL_SCOPE);
      const open = grantOpenOn(f.onDate, 'g');
      const conditions = [sql`u.oidc_issuer is null`];
      if (f.userId) conditions.push(sql`u.id = ${f.userId}`);
      if (!national) {
        conditions.push(sql`exists (select 1 from role_grants g where g.user_id = u.id and ${open}
          and ${grantIn(f.scopes)})`);
      }
      if (f.unitCode) {
        conditions.push(sql`exists (select 1 from role_grants g where g.user_id = u.id and ${open}
          and ${grantIn([f.unitCode])})`);
      }
      // Every word typed appears in the username or the name, accents and case ignored.
      for (const word of (f.q ?? '').split(/\s+/).filter(Boolean).slice(0, 8)) {
        conditions.push(sql`strpos(f_unaccent_fold(u.username || ' ' || u.full_name), f_unaccent_fold(${word})) > 0`);
      }
      if (f.status !== 'all') conditions.push(sql`u.is_active = ${f.status === 'active'}`);
      const where = sql.join(conditions, sql` and `);
      const rows = await sql<Omit<OfficialRow, 'grants'> & { total: number }>`
        select u.id, u.username, u.full_name, u.email, u.phone, u.is_active, u.must_change_password,
               u.totp_secret is not null as second_factor, count(*) over () as total
          from users u
         where ${where}
         order by u.is_active desc, u.full_name, u.username
         limit ${f.limit} offset ${f.offset}`.execute(db);
      const grants = await grantsOf(
        rows.rows.map((r) => r.id),
        f.onDate,
      );
      return {
        items: rows.rows.map(({ total: _t, ...r }) => ({ ...r, grants: grants.get(r.id) ?? [] })),
        total: Number(rows.rows[0]?.total ?? 0),
      };
    },
  };
}
export type UserAdminRepo = ReturnType<typeof createUserAdminRepository>;
