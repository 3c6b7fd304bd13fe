import { readFileSync } from 'node:fs';
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
