import { readFileSync } from 'node:fs';
import type { CatalogProcedure } from '@mot-cua/contracts';
import { describe, expect, it } from 'vitest';
import { componentCondition, conditionAppliesTo } from './component-condition.js';

const catalog = JSON.parse(
  readFileSync(new URL('../../../../data/procedures/catalog.json', import.meta.url), 'utf8'),
) as CatalogProcedure[] | { procedures: CatalogProcedure[] };
const records = Array.isArray(catalog) ? catalog : catalog.procedures;
const record = (code: string) => {
  const r = records.find((p) => p.code === code);
  if (!r) throw new Error(`no ${code} in the catalog`);
  return r;
};

describe('component conditions parsed from the catalog', () => {
  it('birth registration 1.001193: the cases are conditional, the e-form online only, the paper form not online', () => {
    const byKey = new Map(record('1.001193').components.map((c) => [c.key, componentCondition(c)]));
    expect(byKey.get('c01')).toEqual({
      kind: 'if_applicable',
      text: 'Trường hợp trẻ em bị bỏ rơi',
      channels: ['in_person', 'online', 'postal'],
    });
    expect(byKey.get('c02')?.kind).toBe('if_applicable');
    expect(byKey.get('c02')?.text).toBe('Trong trường hợp ủy quyền thực hiện việc đăng ký khai sinh');
    expect(byKey.get('c03')?.kind).toBe('if_applicable');
    expect(byKey.get('c03')?.text).toMatch(/^Trường hợp khai sinh cho trẻ em sinh ra do mang thai hộ$/);
    expect(byKey.get('c04')).toMatchObject({ kind: 'always' });
    expect(byKey.get('c07')).toEqual({ kind: 'channel', text: null, channels: ['in_person', 'postal'] });
    expect(byKey.get('c08')).toEqual({ kind: 'channel', text: null, channels: ['online'] });
    expect(conditionAppliesTo(byKey.get('c08')!, 'in_person')).toBe(false);
    expect(conditionAppliesTo(byKey.get('c07')!, 'in_person')).toBe(true);
  });

  it('a component mentioning both the counter and the portal is not channel-bound', () => {
    const c = componentCondition({
      name: 'Giấy tờ chứng minh nơi cư trú (xuất trình nếu nộp trực tiếp hoặc tải lên nếu nộp trực tuyến, nếu gửi qua bưu chính thì gửi bản sao)',
      group: null,
      conditional: false,
    });
    expect(c.kind).toBe('always');
  });

  it('"(nếu có)" gives an if-applicable condition with that text', () => {
    expect(componentCondition({ name: 'Bản sao giấy tờ chứng minh (nếu có)', group: null, conditional: true })).toEqual(
      { kind: 'if_applicable', text: 'Nếu có', channels: ['in_person', 'online', 'postal'] },
    );
  });

  it('counts over the catalog: channel-bound and conditional components exist, most stay "always"', () => {
    const all = records.flatMap((r) => r.components.filter((c) => !c.presentOnly).map(componentCondition));
    const kinds = { always: 0, if_applicable: 0, channel: 0 };
    for (const c of all) kinds[c.kind]++;
    expect(kinds.channel).toBeGreaterThan(0);
    expect(kinds.if_applicable).toBeGreaterThan(0);
    expect(kinds.always).toBeGreaterThan(kinds.channel);
  });
});
