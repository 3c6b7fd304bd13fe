import { describe, expect, it } from 'vitest';
import { type ChangeEventInput, codesInvolved, planChangeEvent } from './change-plan.js';
import { applyPlanInMemory, versionsOf } from './master-data.js';
import { AdminUnitIndex } from './unit-index.js';
import type { AdminUnitsDataset, UnitVersion } from './unit-model.js';

const commune = (code: string, name: string, type: UnitVersion['type'] = 'commune'): UnitVersion => ({
  code,
  level: 'commune',
  type,
  name,
  fullName: `${type === 'ward' ? 'Phường' : 'Xã'} ${name}`,
  provinceCode: 'P1',
  districtCode: null,
  validFrom: '2025-07-01',
  validTo: null,
});

function world(): AdminUnitsDataset {
  return {
    versions: [
      {
        code: 'P1',
        level: 'province',
        type: 'province',
        name: 'Thử',
        fullName: 'Tỉnh Thử',
        provinceCode: 'P1',
        districtCode: null,
        validFrom: '2025-07-01',
        validTo: null,
      },
      commune('A0001', 'An Bình'),
      commune('A0002', 'Bình Minh'),
      commune('A0003', 'Cát Tiên'),
    ],
    events: [],
    aliases: [],
  };
}

const plan = (ds: AdminUnitsDataset, input: ChangeEventInput) =>
  planChangeEvent(input, versionsOf(ds, codesInvolved(input)), 'test');

describe('planChangeEvent', () => {
  it('merges two communes into one that keeps a code: versions end the day before, records move', () => {
    const ds = world();
    const p = plan(ds, {
      kind: 'merge',
      effectiveDate: '2027-01-01',
      sourceCodes: ['A0001', 'A0002'],
      target: { code: 'A0001', name: 'An Minh', type: 'ward' },
    });
    expect(p.closeVersions).toEqual([
      { code: 'A0001', validFrom: '2025-07-01', validTo: '2026-12-31' },
      { code: 'A0002', validFrom: '2025-07-01', validTo: '2026-12-31' },
    ]);
    expect(p.newVersions).toEqual([
      expect.objectContaining({
        code: 'A0001',
        fullName: 'Phường An Minh',
        validFrom: '2027-01-01',
        provinceCode: 'P1',
      }),
    ]);
    expect(p.moves).toEqual([{ fromCode: 'A0002', toCode: 'A0001' }]);
    expect(p.reviews).toEqual([]);
    applyPlanInMemory(ds, p);
    const idx = new AdminUnitIndex(ds);
    expect(idx.getUnit('A0001', '2026-12-31').name).toBe('An Bình');
    expect(idx.getUnit('A0001', '2027-01-01').name).toBe('An Minh');
    expect(idx.findUnit('A0002', '2027-01-01')).toBeUndefined();
    expect(
      idx
        .lineage('A0001', '2027-06-01')
        .predecessors.map((s) => s.fromName)
        .sort(),
    ).toEqual(['Xã An Bình', 'Xã Bình Minh']);
    expect(idx.successorsOn('A0002', '2026-01-01', '2027-06-01')).toEqual([
      { unit: expect.objectContaining({ code: 'A0001' }), share: 'full' },
    ]);
  });

  it('splits a commune into a new one and an existing one: records go to review', () => {
    const ds = world();
    const p = plan(ds, {
      kind: 'split',
      effectiveDate: '2027-01-01',
      sourceCode: 'A0003',
      targets: [
        { code: 'A0009', name: 'Cát Tiên Mới', type: 'commune' },
        { code: 'A0002', name: 'Bình Minh', type: 'commune' },
      ],
    });
    expect(p.newVersions.map((v) => v.code)).toEqual(['A0009']);
    expect(p.reviews).toEqual([{ fromCode: 'A0003', candidateCodes: ['A0009', 'A0002'] }]);
    expect(p.moves).toEqual([]);
    applyPlanInMemory(ds, p);
    const s = new AdminUnitIndex(ds).successorsOn('A0003', '2026-01-01', '2027-01-01');
    expect(s.map((x) => [x.unit.code, x.share]).sort()).toEqual([
      ['A0002', 'partial'],
      ['A0009', 'partial'],
    ]);
  });

  it('renames and changes type without moving anything', () => {
    const ds = world();
    const r = plan(ds, { kind: 'rename', effectiveDate: '2026-10-01', code: 'A0001', name: 'An Phú' });
    expect(r.newVersions[0]).toMatchObject({ fullName: 'Xã An Phú', validFrom: '2026-10-01' });
    expect(r.moves).toEqual([]);
    const t = plan(ds, { kind: 'type_change', effectiveDate: '2026-10-01', units: [{ code: 'A0002', type: 'ward' }] });
    expect(t.newVersions[0]).toMatchObject({ fullName: 'Phường Bình Minh', type: 'ward' });
  });

  it('records a code alias and moves records filed under it', () => {
    const ds = world();
    const p = plan(ds, { kind: 'code_alias', effectiveDate: '2025-07-01', alias: 'A9999', code: 'A0001' });
    expect(p.aliases).toEqual([{ alias: 'A9999', code: 'A0001', validFrom: '2025-07-01', note: '' }]);
    expect(p.moves).toEqual([{ fromCode: 'A9999', toCode: 'A0001' }]);
    applyPlanInMemory(ds, p);
    expect(new AdminUnitIndex(ds).findUnit('A9999', '2026-01-01')?.code).toBe('A0001');
  });

  it('refuses invalid events with stable codes', () => {
    const ds = world();
    const code = (input: ChangeEventInput) => {
      try {
        plan(ds, input);
        return 'ok';
      } catch (e) {
        return (e as { code: string }).code;
      }
    };
    const target = { code: 'A0001', name: 'X', type: 'commune' as const };
    expect(code({ kind: 'merge', effectiveDate: '2027-01-01', sourceCodes: ['A0001'], target })).toBe(
      'CHANGE_EVENT_INVALID',
    );
    expect(code({ kind: 'merge', effectiveDate: '2027-01-01', sourceCodes: ['A0001', 'ZZZZZ'], target })).toBe(
      'ADMIN_UNIT_NOT_FOUND',
    );
    expect(
      code({
        kind: 'merge',
        effectiveDate: '2027-01-01',
        sourceCodes: ['A0001', 'A0002'],
        target: { code: 'A0003', name: 'X', type: 'commune' },
      }),
    ).toBe('UNIT_CODE_TAKEN');
    expect(code({ kind: 'rename', effectiveDate: '2025-07-01', code: 'A0001', name: 'Mới' })).toBe(
      'UNIT_VERSION_CONFLICT',
    );
    expect(code({ kind: 'type_change', effectiveDate: '2027-01-01', units: [{ code: 'A0001', type: 'city' }] })).toBe(
      'CHANGE_EVENT_INVALID',
    );
    applyPlanInMemory(ds, plan(ds, { kind: 'rename', effectiveDate: '2027-01-01', code: 'A0001', name: 'Mới' }));
    // A change dated before an already recorded later change would rewrite history: refused.
    expect(code({ kind: 'rename', effectiveDate: '2026-06-01', code: 'A0001', name: 'Khác' })).toBe(
      'UNIT_VERSION_CONFLICT',
    );
  });
});
