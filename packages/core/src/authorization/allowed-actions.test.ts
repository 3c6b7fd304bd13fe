import { describe, expect, it } from 'vitest';
import type { actionRoles } from './actions.js';
import { allowedActions } from './allowed-actions.js';
import { authorize } from './policy.js';

describe('allowedActions', () => {
  it('lists each action a grant allows, in the unit of the grant, once', () => {
    const allowed = allowedActions([
      { role: 'center_director', unitCode: '26743' },
      { role: 'reception', unitCode: '26743' },
    ]);
    expect(allowed.filter((a) => a.action === 'dossier.receive')).toEqual([
      { action: 'dossier.receive', unitCode: '26743' },
    ]);
    expect(allowed).toContainEqual({ action: 'procedure.configure', unitCode: '26743' });
    expect(allowed.map((a) => a.action)).not.toContain('calendar.manage');
  });

  it('agrees with the policy: every listed action is authorized in its unit', () => {
    const grants = [
      { role: 'system_admin' as const, unitCode: 'VN' },
      { role: 'supervisor' as const, unitCode: '79' },
      { role: 'leader' as const, unitCode: '00070' },
    ];
    const actor = { userId: 'u', grants };
    const allowed = allowedActions(grants);
    expect(allowed.length).toBeGreaterThan(5);
    for (const a of allowed) {
      const resource =
        a.unitCode === 'VN'
          ? ({ kind: 'global' } as const)
          : ({ kind: 'unit', unitCode: a.unitCode, provinceCode: a.unitCode === '79' ? '79' : '01' } as const);
      expect(() => authorize(actor, a.action as keyof typeof actionRoles, resource)).not.toThrow();
    }
    expect(allowed).not.toContainEqual({ action: 'dossier.approve', unitCode: '79' });
  });
});
