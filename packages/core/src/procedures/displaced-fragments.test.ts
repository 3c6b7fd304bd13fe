import { describe, expect, it } from 'vitest';
import { parseSteps } from './catalog-steps-results.js';
import { crawlPairCounts, repairDisplacedFragments, repairRawRecord, wordPairCounts } from './displaced-fragments.js';

// 1.001193 as the crawl has it (trinh_tu_thuc_hien, excerpt): "sinh tại Trung" was lifted out of the first
// sentence ("…đăng ký khai ^ tâm Phục vụ…") and dropped at the end of a later line ("…hoàn tất việc ⏎ nộp hồ sơ.").
const garbled =
  '- Nếu lựa chọn hình thức nộp hồ sơ trực tiếp, người yêu cầu đăng ký khai sinh nộp hồ sơ đăng ký khai tâm Phục vụ hành chính công có thẩm quyền; nộp lệ phí nếu có.  \n' +
  '- Nếu lựa chọn hình thức nộp hồ sơ trực tuyến, người yêu cầu đăng ký khai sinh truy cập Cổng dịch vụ công quốc gia.\n' +
  'Người yêu cầu cung cấp thông tin theo mẫu, nộp phí, lệ phí, hoàn tất việc sinh tại Trung \n' +
  'nộp hồ sơ.\n' +
  '- Cán bộ tiếp nhận hồ sơ tại Trung tâm Phục vụ hành chính công có trách nhiệm kiểm tra hồ sơ.';

// What the rest of a crawl says often enough: "khai sinh", "Trung tâm", "việc nộp".
const corpus = [
  garbled,
  ...Array.from({ length: 6 }, () => 'Người yêu cầu đăng ký khai sinh nộp hồ sơ tại Trung tâm Phục vụ.'),
  ...Array.from({ length: 6 }, () => 'Hướng dẫn việc nộp hồ sơ trực tuyến.'),
];

describe('displaced fragments of the crawl (issue 11)', () => {
  it('1.001193: "sinh tại Trung" goes back between "khai" and "tâm"; both sentences read correctly', () => {
    const { text, repairs } = repairDisplacedFragments(garbled, wordPairCounts(corpus));
    expect(repairs).toEqual([{ fragment: 'sinh tại Trung', into: 'khai ^ tâm' }]);
    const steps = parseSteps(text);
    expect(steps[0]).toBe(
      '- Nếu lựa chọn hình thức nộp hồ sơ trực tiếp, người yêu cầu đăng ký khai sinh nộp hồ sơ đăng ký khai sinh tại Trung tâm Phục vụ hành chính công có thẩm quyền; nộp lệ phí nếu có.',
    );
    expect(steps[2]).toBe('Người yêu cầu cung cấp thông tin theo mẫu, nộp phí, lệ phí, hoàn tất việc nộp hồ sơ.');
    expect(steps).toHaveLength(4);
  });

  it('leaves text alone when the evidence is weak: a pair seen fewer than 5 times elsewhere', () => {
    const thin = [garbled, ...corpus.slice(1, 4), ...corpus.slice(7, 10)];
    expect(repairDisplacedFragments(garbled, wordPairCounts(thin))).toEqual({ text: garbled, repairs: [] });
  });

  it('leaves ordinary line breaks alone (a line ending mid-sentence whose words belong there)', () => {
    const text = 'Cơ quan giải quyết thủ tục hành chính xem xét, nếu hồ sơ chưa đầy đủ theo \nquy định thì hướng dẫn.';
    const pairs = wordPairCounts([...corpus, ...Array.from({ length: 6 }, () => 'theo quy định thì')]);
    expect(repairDisplacedFragments(text, pairs).repairs).toEqual([]);
  });

  it('repairRawRecord reports the cell it changed and keeps the others', () => {
    const raw = { trinh_tu_thuc_hien: garbled, yeu_cau_dieu_kien: 'Không có thông tin', ma_thu_tuc: '1.001193' };
    const out = repairRawRecord(
      raw,
      crawlPairCounts([raw, ...corpus.slice(1).map((c) => ({ trinh_tu_thuc_hien: c }))]),
    );
    expect(out.repairs.map((r) => r.field)).toEqual(['trinh_tu_thuc_hien']);
    expect(out.raw.yeu_cau_dieu_kien).toBe('Không có thông tin');
    expect(out.raw.ma_thu_tuc).toBe('1.001193');
    expect(out.raw.trinh_tu_thuc_hien).toContain('đăng ký khai sinh tại Trung tâm Phục vụ');
  });
});
