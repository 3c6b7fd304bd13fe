import type { UserView } from '@mot-cua/contracts';
import {
  type Actor,
  decideGrant,
  decideManageUser,
  type LocatedGrant,
  type SecondFactorPorts,
  type UserAdminPorts,
} from '@mot-cua/core';
import {
  createAuditPort,
  createSessionsRepository,
  createUserAdminRepository,
  createUsersRepository,
  type Database,
  type OfficialRow,
} from '@mot-cua/db';
import type { AppDeps } from '../../context.js';
import { passwordHasher, secrets } from '../../http/auth.js';
import { randomCode, totp } from '../../http/second-factor.js';

/** The ports of the user-administration use cases, bound to one transaction. */
export function userAdminPorts(deps: AppDeps) {
  return (trx: Database['db'], requestId: string): UserAdminPorts => {
    const admin = createUserAdminRepository(trx);
    return {
      users: createUsersRepository(trx),
      units: { provinceOf: (code) => admin.provinceOf(code) },
      sessions: createSessionsRepository(trx),
      hasher: passwordHasher,
      generatePassword: randomCode,
      clock: deps.clock,
      audit: createAuditPort(trx, requestId),
    };
  };
}

export function secondFactorPorts(deps: AppDeps) {
  return (trx: Database['db'], requestId: string): SecondFactorPorts => ({
    users: createUsersRepository(trx),
    totp,
    hasher: passwordHasher,
    secrets,
    generateRecoveryCode: randomCode,
    clock: deps.clock,
    audit: createAuditPort(trx, requestId),
  });
}

/**
 * An account as the signed-in administrator sees it: which grants they may revoke and whether they may manage the
 * account as a whole, by the same pure rules the use cases apply.
 */
export async function presentOfficials(actor: Actor, rows: OfficialRow[], db: Database['db']): Promise<UserView[]> {
  const admin = createUserAdminRepository(db);
  const provinces = new Map<string, string | undefined>();
  for (const code of new Set(rows.flatMap((r) => r.grants.map((g) => g.unitCode)))) {
    provinces.set(code, await admin.provinceOf(code));
  }
  return rows.map((r) => {
    const located: LocatedGrant[] = r.grants.map((g) => ({
      role: g.role,
      unitCode: g.unitCode,
      provinceCode: provinces.get(g.unitCode) ?? g.unitCode,
    }));
    return {
      id: r.id,
      username: r.username,
      fullName: r.fullName,
      email: r.email,
      phone: r.phone,
      isActive: r.isActive,
      mustChangePassword: r.mustChangePassword,
      secondFactor: r.secondFactor,
      manageable: decideManageUser(actor, { userId: r.id, grants: located }).allowed,
      grants: r.grants.map((g, i) => ({
        id: g.id,
        role: g.role,
        unitCode: g.unitCode,
        validFrom: g.validFrom,
        validTo: g.validTo,
        fromAssignment: g.fromAssignment,
        revocable: !g.fromAssignment && r.id !== actor.userId && decideGrant(actor, located[i]!).allowed,
      })),
    };
  });
}
