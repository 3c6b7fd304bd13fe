import { Role } from '@mot-cua/contracts';
import { describe, expect, it } from 'vitest';
import { decideGrant, decideManageUser, GRANTABLE_ROLES, secondFactorOffered } from './user-admin-policy.js';

const actor = (...grants: Array<{ role: Role; unitCode: string }>) => ({ userId: 'me', grants });
const nationalAdmin = actor({ role: 'system_admin', unitCode: 'VN' });
const provinceAdmin = actor({ role: 'system_admin', unitCode: '01' });
const director = actor({ role: 'center_director', unitCode: '00070' });
const officialRoles = Role.options.filter((r) => r !== 'citizen');

// Places a grant can be: the whole country, province 01, a commune of 01, province 79 and a commune of 79.
const places = {
  VN: { unitCode: 'VN', provinceCode: 'VN' },
  p01: { unitCode: '01', provinceCode: '01' },
  c01: { unitCode: '00070', provinceCode: '01' },
  c01b: { unitCode: '00004', provinceCode: '01' },
  p79: { unitCode: '79', provinceCode: '79' },
  c79: { unitCode: '26734', provinceCode: '79' },
} as const;
type Place = keyof typeof places;

/** Expected outcome for actor × role × place: allowed, or the reason. */
function expected(who: 'national' | 'province' | 'director', role: Role, place: Place): string {
  if (who === 'national') return 'allowed';
  if (who === 'province') {
    return place === 'p01' || place === 'c01' || place === 'c01b' ? 'allowed' : 'OUT_OF_JURISDICTION';
  }
  const below = ['reception', 'specialist', 'department_head'].includes(role);
  if (!below) return 'GRANT_ABOVE_OWN_ROLE';
  return place === 'c01' ? 'allowed' : 'OUT_OF_JURISDICTION';
}

describe('who may grant which role where (issue 16 authorization matrix)', () => {
  const actors = { national: nationalAdmin, province: provinceAdmin, director } as const;
  for (const [who, a] of Object.entries(actors) as Array<[keyof typeof actors, typeof nationalAdmin]>) {
    for (const role of officialRoles) {
      for (const place of Object.keys(places) as Place[]) {
        it(`${who} granting ${role} in ${place}: ${expected(who, role, place)}`, () => {
          const d = decideGrant(a, { role, ...places[place] });
          expect(d.allowed ? 'allowed' : d.reason).toBe(expected(who, role, place));
        });
      }
    }
  }

  it('officials without a managing role may grant nothing', () => {
    for (const role of Role.options.filter((r) => GRANTABLE_ROLES[r].length === 0)) {
      const d = decideGrant(actor({ role, unitCode: 'VN' }), { role: 'reception', ...places.c01 });
      expect(d).toEqual({ allowed: false, reason: 'FORBIDDEN' });
    }
  });

  it('nobody grants a role above their own: what each role may grant is at most itself', () => {
    const rank: Record<string, number> = {
      reception: 1,
      specialist: 1,
      department_head: 2,
      leader: 3,
      supervisor: 3,
      center_director: 3,
      system_admin: 4,
    };
    for (const role of Role.options) {
      for (const granted of GRANTABLE_ROLES[role]) expect(rank[granted]).toBeLessThanOrEqual(rank[role] ?? 0);
    }
    expect(GRANTABLE_ROLES.center_director).not.toContain('center_director');
  });

  it('a role held in a province and a managing role elsewhere do not combine', () => {
    // Director in 00070 and reception nationwide: reception is no managing role, so 79 stays out of reach.
    const a = actor({ role: 'center_director', unitCode: '00070' }, { role: 'reception', unitCode: 'VN' });
    expect(decideGrant(a, { role: 'reception', ...places.c79 })).toEqual({
      allowed: false,
      reason: 'OUT_OF_JURISDICTION',
    });
  });
});

describe('who may disable or reset an account', () => {
  const target = (...grants: Array<{ role: Role; place: Place }>) => ({
    userId: 'them',
    grants: grants.map((g) => ({ role: g.role, ...places[g.place] })),
  });

  it('only when every grant of the account is one the actor could give', () => {
    const clerk = target({ role: 'reception', place: 'c01' });
    expect(decideManageUser(provinceAdmin, clerk).allowed).toBe(true);
    expect(decideManageUser(director, clerk).allowed).toBe(true);
    // Also a specialist in province 79: the province 01 administrator may not lock them out there.
    const twoProvinces = target({ role: 'reception', place: 'c01' }, { role: 'specialist', place: 'c79' });
    expect(decideManageUser(provinceAdmin, twoProvinces)).toEqual({ allowed: false, reason: 'OUT_OF_JURISDICTION' });
    expect(decideManageUser(nationalAdmin, twoProvinces).allowed).toBe(true);
    // A nationwide administrator cannot be reset by a province one, a leader not by a director.
    expect(decideManageUser(provinceAdmin, target({ role: 'system_admin', place: 'VN' })).allowed).toBe(false);
    expect(decideManageUser(director, target({ role: 'leader', place: 'c01' }))).toEqual({
      allowed: false,
      reason: 'GRANT_ABOVE_OWN_ROLE',
    });
  });

  it('an account without grants belongs to the nationwide administrators; nobody manages their own', () => {
    expect(decideManageUser(nationalAdmin, target()).allowed).toBe(true);
    expect(decideManageUser(provinceAdmin, target()).allowed).toBe(false);
    expect(decideManageUser(nationalAdmin, { userId: 'me', grants: [] })).toEqual({
      allowed: false,
      reason: 'CANNOT_MANAGE_SELF',
    });
  });
});

it('the second factor is offered to administrators and supervisors only', () => {
  expect(secondFactorOffered([{ role: 'system_admin' }])).toBe(true);
  expect(secondFactorOffered([{ role: 'reception' }, { role: 'supervisor' }])).toBe(true);
  expect(secondFactorOffered([{ role: 'leader' }, { role: 'center_director' }])).toBe(false);
});
