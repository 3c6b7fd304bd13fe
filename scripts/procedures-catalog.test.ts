import { readFileSync } from 'node:fs';
import type { ProcedureLevel } from '@mot-cua/contracts';
import { isProcedureEnabled } from '@mot-cua/core';
import { describe, expect, it } from 'vitest';

// The shipped catalog, as scripts/procedures-import.ts builds it from the crawl (issue 11: texts a ward can trust).
describe('data/procedures/catalog.json', () => {
  it('the shipped catalog: 1.001193 reads correctly and no record has "tâm Phục vụ" torn from "Trung"', () => {
    const catalog = JSON.parse(
      readFileSync(new URL('../data/procedures/catalog.json', import.meta.url), 'utf8'),
    ) as Array<{ code: string; steps: string[] }>;
    const birth = catalog.find((p) => p.code === '1.001193')!;
    expect(birth.steps[0]).toContain('nộp hồ sơ đăng ký khai sinh tại Trung tâm Phục vụ hành chính công có thẩm quyền');
    expect(birth.steps.join('\n')).toContain('hoàn tất việc nộp hồ sơ.');
    const torn = catalog.filter((p) =>
      p.steps.some((s) => /(?<!Trung )tâm Phục vụ|Trung (?!tâm|ương|Quốc|Hoa|bộ|học)/u.test(s)),
    );
    expect(torn.map((p) => p.code)).toEqual([]);
  });
});

describe('levels a ward can trust (issue 11)', () => {
  const catalog = JSON.parse(
    readFileSync(new URL('../data/procedures/catalog.json', import.meta.url), 'utf8'),
  ) as Array<{
    code: string;
    name: string;
    field: string;
    levels: string[];
    implementingAgency: string | null;
  }>;
  it('household business registration is a commune procedure only (not "Cấp bộ")', () => {
    const household = catalog.filter((p) =>
      /đăng ký hộ kinh doanh|hoạt động hộ kinh doanh|thành lập hộ kinh doanh/iu.test(p.name),
    );
    expect(household.length).toBeGreaterThanOrEqual(5);
    for (const p of household) expect([p.code, p.levels]).toEqual([p.code, ['commune']]);
  });
  it('no customs procedure is at commune level', () => {
    const customs = catalog.filter(
      (p) => /hải quan/iu.test(p.implementingAgency ?? '') && p.levels.includes('commune'),
    );
    expect(customs.map((p) => p.code)).toEqual([]);
  });
  it('no tax-office, tax-field or waterway procedure is enabled at a ward by default', () => {
    const ward = '26743'; // Phường Bến Thành
    const wrong = catalog.filter(
      (p) =>
        (/thuế cơ sở|thuế tỉnh|cục thuế/iu.test(p.implementingAgency ?? '') ||
          p.field === 'Thuế' ||
          p.field === 'Hàng hải và đường thủy nội địa') &&
        isProcedureEnabled({ levels: p.levels as ProcedureLevel[], unitCode: ward }),
    );
    expect(wrong.map((p) => p.code)).toEqual([]);
    // the ward still receives its own procedures (1.001193 birth registration)
    const birth = catalog.find((p) => p.code === '1.001193');
    expect(isProcedureEnabled({ levels: birth!.levels as ProcedureLevel[], unitCode: ward })).toBe(true);
  });
});
