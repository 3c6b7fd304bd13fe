import { beforeAll, describe, expect, it } from 'vitest';
import { loadShippedFiles } from './master-data.fixture.js';
import { buildMasterDataset } from './master-data.js';
import { AdminUnitIndex } from './unit-index.js';
import { type AdminUnitsDataset, isValidOn } from './unit-model.js';

let dataset: AdminUnitsDataset;
let index: AdminUnitIndex;
beforeAll(async () => {
  const { raw, changes } = await loadShippedFiles();
  dataset = buildMasterDataset(structuredClone(raw), changes);
  index = new AdminUnitIndex(dataset);
});

const count = (onDate: string, pred: (v: AdminUnitsDataset['versions'][number]) => boolean) =>
  dataset.versions.filter((v) => isValidOn(v, onDate) && pred(v)).length;

describe('shipped master data', () => {
  it('has 34 provinces and 3,321 communes on 2025-07-01 (2,621 xã, 687 phường, 13 đặc khu)', () => {
    expect(count('2025-07-01', (v) => v.level === 'province')).toBe(34);
    expect(count('2025-07-01', (v) => v.level === 'commune')).toBe(3321);
    expect(count('2025-07-01', (v) => v.type === 'commune')).toBe(2621);
    expect(count('2025-07-01', (v) => v.type === 'ward')).toBe(687);
    expect(count('2025-07-01', (v) => v.type === 'special_zone')).toBe(13);
    expect(count('2025-07-01', (v) => v.level === 'district')).toBe(0);
  });

  it('has 63 provinces, 696 districts and 10,035 communes on 2025-06-30', () => {
    expect(count('2025-06-30', (v) => v.level === 'province')).toBe(63);
    expect(count('2025-06-30', (v) => v.level === 'district')).toBe(696);
    expect(count('2025-06-30', (v) => v.level === 'commune')).toBe(10035);
  });

  it('carries the 10,592 mapping rows and 63 province rows as reorganisation links', () => {
    const reform = dataset.events.filter((e) => e.key.startsWith('reform-2025:'));
    expect(reform).toHaveLength(34 + 3321);
    expect(reform.flatMap((e) => e.links).length).toBe(10592 + 63);
  });

  it('Đồng Nai becomes a city on 2026-04-30 and ten of its communes become wards', () => {
    expect(index.getUnit('75', '2026-04-29')).toMatchObject({ type: 'province', fullName: 'Tỉnh Đồng Nai' });
    expect(index.getUnit('75', '2026-04-30')).toMatchObject({ type: 'city', fullName: 'Thành phố Đồng Nai' });
    expect(index.getUnit('26368', '2026-04-29').fullName).toBe('Xã Long Thành');
    expect(index.getUnit('26368', '2026-04-30').fullName).toBe('Phường Long Thành');
    expect(count('2026-04-30', (v) => v.type === 'ward')).toBe(697);
    expect(count('2026-04-30', (v) => v.type === 'commune')).toBe(2611);
    expect(count('2026-04-30', (v) => v.level === 'commune')).toBe(3321);
  });

  it('Bắc Ninh becomes a city on 2026-09-20 (province change only)', () => {
    expect(index.getUnit('24', '2026-09-19').type).toBe('province');
    expect(index.getUnit('24', '2026-09-20')).toMatchObject({ type: 'city', fullName: 'Thành phố Bắc Ninh' });
  });

  it('codes are reused across eras: 24 was Bắc Giang, 27 was Bắc Ninh', () => {
    expect(index.getUnit('24', '2025-06-30').name).toBe('Bắc Giang');
    expect(index.getUnit('24', '2025-07-01').name).toBe('Bắc Ninh');
    expect(index.findUnit('27', '2025-07-01')).toBeUndefined();
  });

  it('accepts 06970 and 23737 as aliases of 06978 and 23938 after 2025-07-01 only', () => {
    expect(index.findUnit('06970', '2025-08-01')?.code).toBe('06978');
    expect(index.findUnit('23737', '2025-08-01')?.fullName).toBe('Xã Ia Mơ');
    expect(index.findUnit('06970', '2025-06-30')?.fullName).toBe('Thị trấn Ba Chẽ');
    expect(index.findUnit('23737', '2025-06-30')?.fullName).toBe('Xã Ia Mơ Nông');
  });

  it('throws ADMIN_UNIT_NOT_FOUND for an unknown code', () => {
    expect(() => index.getUnit('99999', '2026-01-01')).toThrowError(
      expect.objectContaining({ code: 'ADMIN_UNIT_NOT_FOUND' }),
    );
  });
});

describe('children as of a date', () => {
  it('lists 168 communes of Hồ Chí Minh City now, and its 22 districts before the reform', () => {
    expect(index.listChildren('79', '2025-07-01')).toHaveLength(168);
    const districts = index.listChildren('79', '2025-06-30');
    expect(districts).toHaveLength(22);
    expect(districts.every((d) => d.level === 'district')).toBe(true);
    const quan1 = districts.find((d) => d.fullName === 'Quận 1')!;
    expect(index.listChildren(quan1.code, '2025-06-30').map((c) => c.name)).toContain('Bến Thành');
  });
});

describe('lineage', () => {
  it('gives Phường Ba Đình its predecessors, full and partial', () => {
    const l = index.lineage('00004', '2026-01-01');
    const byCode = new Map(l.predecessors.map((p) => [p.fromCode, p]));
    expect(byCode.get('00013')).toMatchObject({ fromName: 'Phường Quán Thánh', share: 'full', depth: 1 });
    expect(byCode.get('00016')).toMatchObject({ fromName: 'Phường Ngọc Hà', share: 'partial' });
    expect(l.successors).toEqual([]);
  });

  it('walks forward from an old commune to today, and back through a later type change', () => {
    const old = index.lineage('00013', '2025-06-01');
    expect(old.successors.map((s) => [s.toCode, s.toName])).toEqual([['00004', 'Phường Ba Đình']]);
    const ward = index.lineage('26368', '2026-05-01');
    expect(ward.predecessors[0]).toMatchObject({ kind: 'type_change', fromName: 'Xã Long Thành', depth: 1 });
    expect(ward.predecessors.filter((p) => p.depth === 2).length).toBeGreaterThan(0);
    expect(ward.predecessors.every((p) => p.depth <= 2)).toBe(true);
  });

  it('successorsOn follows a split and marks it partial', () => {
    const s = index.successorsOn('00016', '2025-06-30', '2026-01-01');
    expect(s.map((x) => x.unit.code).sort()).toEqual(['00004', '00008']);
    expect(s.every((x) => x.share === 'partial')).toBe(true);
    expect(index.successorsOn('00013', '2025-06-30', '2026-01-01')).toEqual([
      { unit: expect.objectContaining({ code: '00004' }), share: 'full' },
    ]);
  });
});

describe('search', () => {
  it.each([['phuong ben thanh'], ['Bến Thành'], ['ben thanh hcm'], ['BEN THANH, TP.HCM'], ['ben tnahh']])(
    'finds Phường Bến Thành for %s',
    (q) => {
      const hits = index.search(q, { onDate: '2026-01-01' });
      expect(hits[0]?.unit.code).toBe('26743');
    },
  );

  it('narrows by a province named in the query', () => {
    const hits = index.search('tan phu dong nai', { onDate: '2026-01-01', limit: 5 });
    expect(hits[0]?.unit).toMatchObject({ code: '26116', provinceCode: '75' });
    expect(hits.every((h) => h.unit.provinceCode === '75')).toBe(true);
  });

  it('finds a unit by its code, and by an old code alias with a note of the alias', () => {
    const own = index.search('26743', { onDate: '2026-01-01' });
    expect(own[0]).toMatchObject({ unit: { code: '26743', fullName: 'Phường Bến Thành' }, score: 1 });
    expect(own[0]?.alias).toBeUndefined();
    const aliased = index.search(' 06970 ', { onDate: '2026-01-01' });
    expect(aliased[0]?.unit).toMatchObject({ code: '06978', fullName: 'Xã Ba Chẽ' });
    expect(aliased[0]?.alias).toMatchObject({ code: '06970', note: expect.stringContaining('06978') });
    expect(index.search('23737', { onDate: '2026-01-01' })[0]?.unit.code).toBe('23938');
    // Before the reform 06970 was its own unit, Thị trấn Ba Chẽ: no alias then.
    const before = index.search('06970', { onDate: '2025-06-30' });
    expect(before[0]).toMatchObject({ unit: { code: '06970', fullName: 'Thị trấn Ba Chẽ' } });
    expect(before[0]?.alias).toBeUndefined();
    // Filters still apply; an unknown code finds nothing.
    expect(index.search('26743', { onDate: '2026-01-01', level: 'province' })[0]?.unit.code).not.toBe('26743');
    expect(index.search('99999', { onDate: '2026-01-01' })).toEqual([]);
    // A province code too.
    const hcm = index.search('79', { onDate: '2026-01-01', limit: 3 });
    expect(hcm[0]?.unit).toMatchObject({ code: '79', fullName: 'Thành phố Hồ Chí Minh' });
  });

  it('searches the units of the chosen date', () => {
    const before = index.search('quan thanh ha noi', { onDate: '2025-06-30', level: 'commune' });
    expect(before[0]?.unit).toMatchObject({ code: '00013', fullName: 'Phường Quán Thánh' });
    const after = index.search('quan thanh ha noi', { onDate: '2025-07-01', level: 'commune' });
    expect(after.every((h) => h.unit.validFrom === '2025-07-01')).toBe(true);
    expect(after.some((h) => h.unit.name === 'Quán Thánh')).toBe(false);
  });
});
