import { describe, expect, it } from 'vitest';
import { buildFieldModel } from './field-model.js';
import { procedure } from './search.fixtures.js';
import { buildSearchIndex } from './search-index.js';

const doc = (field: string, words: string) => ({ record: { field }, unigrams: new Set(words.split(' ')) });

describe('field model (per-field vocabulary mined from the records)', () => {
  const docs = [
    doc('enterprise', 'dang ky hoat dong chi nhanh doanh nghiep'),
    doc('enterprise', 'cham dut hoat dong chi nhanh doanh nghiep'),
    doc('enterprise', 'tam ngung kinh doanh doanh nghiep chi nhanh'),
    doc('lawyers', 'dang ky hoat dong chi nhanh cong ty luat'),
    doc('lawyers', 'cap chung chi hanh nghe luat su'),
  ];
  const model = buildFieldModel(docs, { mu: 5, alpha: 0.2, floor: 0.5, bridgeWeight: 0.6 });
  const fitOf = (terms: Array<[string, number]>) => {
    const fit = model.fit(terms);
    return (field: number) => fit[model.fieldOf[field]!]!;
  };

  it('prefers the field whose records use the question words throughout, 0 for the best and below for the rest', () => {
    const fit = fitOf([
      ['cham', 1],
      ['dut', 1],
      ['chi', 1],
      ['nhanh', 1],
      ['doanh', 0.6],
      ['nghiep', 0.6],
    ]);
    expect(fit(0)).toBe(0);
    expect(fit(3)).toBeLessThan(-0.3);
  });

  it('gives every field 0 when no question word is in the catalog', () => {
    const fit = model.fit([['homestay', 1]]);
    expect([...fit]).toEqual([0, 0]);
  });

  it('breaks a tie between same-named procedures by the vocabulary of their fields', () => {
    const enterprise = 'Doanh nghiệp'; // as long as 'Luật sư', and as many records: only their vocabulary differs
    const catalog = [
      // first in the catalog: a tie would go to it
      procedure({ code: 'L1', name: 'Cấp lại giấy phép', field: 'Luật sư', levels: ['province'] }),
      ...['Đăng ký hành nghề luật sư', 'Tạm ngừng hành nghề luật sư', 'Chấm dứt hành nghề luật sư'].map((name, k) =>
        procedure({ code: `L${k + 2}`, name, field: 'Luật sư', levels: ['province'] }),
      ),
      procedure({ code: 'E1', name: 'Cấp lại giấy phép', field: enterprise, levels: ['province'] }),
      ...['Đăng ký hoạt động chi nhánh', 'Chấm dứt hoạt động chi nhánh', 'Tạm ngừng kinh doanh chi nhánh'].map(
        (name, k) => procedure({ code: `E${k + 2}`, name, field: enterprise, levels: ['province'] }),
      ),
    ];
    const codes = buildSearchIndex(catalog)
      .search('cấp lại giấy phép cho chi nhánh')
      .items.map((i) => i.record.code);
    expect(codes.indexOf('E1')).toBeLessThan(codes.indexOf('L1'));
  });
});
