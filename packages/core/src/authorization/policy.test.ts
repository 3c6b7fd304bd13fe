import { Role, type RoleGrant } from '@mot-cua/contracts';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { type Action, actionRoles, allActions } from './actions.js';
import { type Actor, authorize, decide, jurisdictionFor, type Resource } from './policy.js';

// Two communes in one province (Hồ Chí Minh, 79) and one in another (Hà Nội, 01).
const BEN_THANH: Resource = { kind: 'unit', unitCode: '26734', provinceCode: '79' };
const SAI_GON: Resource = { kind: 'unit', unitCode: '26740', provinceCode: '79' };
const HOAN_KIEM: Resource = { kind: 'unit', unitCode: '00070', provinceCode: '01' };
const HCM_PROVINCE: Resource = { kind: 'unit', unitCode: '79', provinceCode: '79' };

const actor = (...grants: RoleGrant[]): Actor => ({ userId: 'u1', grants });

type Scope = 'own_commune' | 'province' | 'national';
const grantAt = (role: Role, scope: Scope): RoleGrant => ({
  role,
  unitCode: scope === 'own_commune' ? '26734' : scope === 'province' ? '79' : 'VN',
});

/**
 * The matrix: role × jurisdiction × action × target. Expected outcome is computed from the
 * declared role table and a hand-written jurisdiction rule, so that a change to either side
 * shows up as a failing cell.
 */
describe('authorization matrix', () => {
  const targets: Array<[string, Resource]> = [
    ['own commune', BEN_THANH],
    ['neighbour commune, same province', SAI_GON],
    ['commune of another province', HOAN_KIEM],
    ['own province', HCM_PROVINCE],
    ['global', { kind: 'global' }],
  ];
  const reach: Record<Scope, string[]> = {
    own_commune: ['own commune'],
    province: ['own commune', 'neighbour commune, same province', 'own province'],
    national: targets.map(([n]) => n),
  };

  for (const role of Role.options) {
    for (const scope of ['own_commune', 'province', 'national'] as Scope[]) {
      for (const action of allActions) {
        for (const [targetName, resource] of targets) {
          const hasRole = (actionRoles[action] as readonly Role[]).includes(role);
          const inReach = reach[scope].includes(targetName);
          const expected = !hasRole ? 'FORBIDDEN' : inReach ? 'allowed' : 'OUT_OF_JURISDICTION';
          it(`${role}@${scope} ${action} on ${targetName} → ${expected}`, () => {
            const d = decide(actor(grantAt(role, scope)), action, resource);
            expect(d.allowed ? 'allowed' : d.reason).toBe(expected);
          });
        }
      }
    }
  }
});

describe('authorize', () => {
  it('refuses an anonymous caller with UNAUTHENTICATED', () => {
    expect(() => authorize(undefined, 'dossier.read', BEN_THANH)).toThrowError(
      expect.objectContaining({ code: 'UNAUTHENTICATED' }),
    );
  });

  it('a commune reception official cannot reach into another commune of the same province', () => {
    const a = actor({ role: 'reception', unitCode: '26734' });
    expect(authorize(a, 'dossier.receive', BEN_THANH)).toEqual({ role: 'reception', unitCode: '26734' });
    try {
      authorize(a, 'dossier.read', SAI_GON);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).code).toBe('OUT_OF_JURISDICTION');
    }
  });

  it('uses whichever grant covers the resource when an official holds several', () => {
    const a = actor({ role: 'specialist', unitCode: '00070' }, { role: 'reception', unitCode: '26734' });
    expect(authorize(a, 'dossier.read', HOAN_KIEM).role).toBe('specialist');
    expect(authorize(a, 'dossier.receive', BEN_THANH).role).toBe('reception');
    expect(() => authorize(a, 'dossier.receive', HOAN_KIEM)).toThrowError(
      expect.objectContaining({ code: 'OUT_OF_JURISDICTION' }),
    );
  });

  it('a list resource is covered when any of its units is', () => {
    const a = actor({ role: 'supervisor', unitCode: '01' });
    expect(
      decide(a, 'report.read', { kind: 'units', units: [{ unitCode: '00070', provinceCode: '01' }] }).allowed,
    ).toBe(true);
    expect(
      decide(a, 'report.read', { kind: 'units', units: [{ unitCode: '26734', provinceCode: '79' }] }).allowed,
    ).toBe(false);
  });

  it('dossier.stats: a supervisor for their area, the director and the leader for their unit, no one else', () => {
    const province = actor({ role: 'supervisor', unitCode: '79' });
    expect(decide(province, 'dossier.stats', SAI_GON).allowed).toBe(true);
    expect(decide(province, 'dossier.stats', HCM_PROVINCE).allowed).toBe(true);
    expect(decide(province, 'dossier.stats', HOAN_KIEM)).toEqual({ allowed: false, reason: 'OUT_OF_JURISDICTION' });
    for (const role of ['center_director', 'leader'] as const) {
      const a = actor({ role, unitCode: '26734' });
      expect(decide(a, 'dossier.stats', BEN_THANH).allowed).toBe(true);
      expect(decide(a, 'dossier.stats', HCM_PROVINCE)).toEqual({ allowed: false, reason: 'OUT_OF_JURISDICTION' });
    }
    for (const role of ['reception', 'specialist', 'department_head', 'citizen', 'system_admin'] as const) {
      expect(decide(actor({ role, unitCode: 'VN' }), 'dossier.stats', BEN_THANH)).toEqual({
        allowed: false,
        reason: 'FORBIDDEN',
      });
    }
  });

  it('the supervision drill-down (dashboard → commune → department → official → dossiers) is dossier.stats at each level', () => {
    // rows: who × level of the drill-down; every level below the province is a commune resource
    const levels: Array<[string, Resource]> = [
      ['nation', { kind: 'global' }],
      ['own province', HCM_PROVINCE],
      ['commune of own province (and its departments, officials, dossiers)', SAI_GON],
      ['own commune (and its departments, officials, dossiers)', BEN_THANH],
      ['commune of another province', HOAN_KIEM],
    ];
    const rows: Array<[string, RoleGrant, string[]]> = [
      ['national supervisor', { role: 'supervisor', unitCode: 'VN' }, levels.map(([l]) => l)],
      [
        'province supervisor',
        { role: 'supervisor', unitCode: '79' },
        [
          'own province',
          'commune of own province (and its departments, officials, dossiers)',
          'own commune (and its departments, officials, dossiers)',
        ],
      ],
      [
        'commune leader',
        { role: 'leader', unitCode: '26734' },
        ['own commune (and its departments, officials, dossiers)'],
      ],
      [
        'commune centre director',
        { role: 'center_director', unitCode: '26734' },
        ['own commune (and its departments, officials, dossiers)'],
      ],
      ['commune specialist', { role: 'specialist', unitCode: '26734' }, []],
      ['department head', { role: 'department_head', unitCode: '26734' }, []],
    ];
    for (const [who, grant, allowed] of rows) {
      for (const [level, resource] of levels) {
        expect(decide(actor(grant), 'dossier.stats', resource).allowed, `${who} → ${level}`).toBe(
          allowed.includes(level),
        );
      }
    }
  });

  it('outbox.manage: only a national system administrator handles the dead letters of the portal sync', () => {
    const global: Resource = { kind: 'global' };
    expect(decide(actor({ role: 'system_admin', unitCode: 'VN' }), 'outbox.manage', global).allowed).toBe(true);
    expect(decide(actor({ role: 'system_admin', unitCode: '79' }), 'outbox.manage', global)).toEqual({
      allowed: false,
      reason: 'OUT_OF_JURISDICTION',
    });
    for (const role of Role.options.filter((r) => r !== 'system_admin')) {
      expect(decide(actor({ role, unitCode: 'VN' }), 'outbox.manage', global)).toEqual({
        allowed: false,
        reason: 'FORBIDDEN',
      });
    }
  });

  it('open311.manage: only a national system administrator issues and revokes Open311 API keys', () => {
    const global: Resource = { kind: 'global' };
    expect(decide(actor({ role: 'system_admin', unitCode: 'VN' }), 'open311.manage', global).allowed).toBe(true);
    expect(decide(actor({ role: 'system_admin', unitCode: '79' }), 'open311.manage', global)).toEqual({
      allowed: false,
      reason: 'OUT_OF_JURISDICTION',
    });
    for (const role of Role.options.filter((r) => r !== 'system_admin')) {
      expect(decide(actor({ role, unitCode: 'VN' }), 'open311.manage', global)).toEqual({
        allowed: false,
        reason: 'FORBIDDEN',
      });
    }
  });

  it('jurisdictionFor lists the scopes of the roles that may act', () => {
    const a = actor({ role: 'specialist', unitCode: '00070' }, { role: 'reception', unitCode: '26734' });
    expect(jurisdictionFor(a, 'dossier.receive' as Action)).toEqual(['26734']);
    expect(jurisdictionFor(a, 'dossier.read').sort()).toEqual(['00070', '26734']);
    expect(jurisdictionFor(a, 'user.manage')).toEqual([]);
  });
});
