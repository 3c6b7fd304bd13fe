import { describe, expect, it } from 'vitest';
import { decisionNumberOf, parseDecisionDate } from './catalog-legal-basis.js';
import { levelsByAgency } from './catalog-levels.js';
import { parseSteps } from './catalog-steps-results.js';

/* Issue 11: how the crawl's quirks are read: steps broken across its line breaks, the level of a procedure by the
   agency that implements it, the publishing decision's date. (The records as a whole: catalog-parser.test.ts.) */

describe('issue 11: steps joined across the crawl’s line breaks, levels by the implementing agency', () => {
  it('1.001193: a sentence broken by the crawl ("…tại Trung ⏎ nộp hồ sơ.") is one paragraph; items stay apart', () => {
    // As data/shared raw bo-tu-phap/1.001193.json has it (trinh_tu_thuc_hien, excerpt).
    const raw =
      '- Nếu lựa chọn hình thức nộp hồ sơ trực tuyến, người yêu cầu đăng ký khai sinh truy cập Cổng dịch vụ công quốc gia.  \n' +
      'Người yêu cầu đăng ký khai sinh trực tuyến cung cấp thông tin theo mẫu hộ tịch điện tử tương tác, hoàn tất việc sinh tại Trung \n' +
      'nộp hồ sơ.\n' +
      '- Cán bộ tiếp nhận hồ sơ tại Trung tâm Phục vụ hành chính công có trách nhiệm kiểm tra hồ sơ. \n' +
      '(i) Trường hợp hồ sơ đầy đủ, hợp lệ thì tiếp nhận hồ sơ;\n' +
      '(ii) Trường hợp hồ sơ chưa đầy đủ   thì thông báo\n' +
      'cho người yêu cầu bổ sung.';
    expect(parseSteps(raw)).toEqual([
      '- Nếu lựa chọn hình thức nộp hồ sơ trực tuyến, người yêu cầu đăng ký khai sinh truy cập Cổng dịch vụ công quốc gia.',
      'Người yêu cầu đăng ký khai sinh trực tuyến cung cấp thông tin theo mẫu hộ tịch điện tử tương tác, hoàn tất việc sinh tại Trung nộp hồ sơ.',
      '- Cán bộ tiếp nhận hồ sơ tại Trung tâm Phục vụ hành chính công có trách nhiệm kiểm tra hồ sơ.',
      '(i) Trường hợp hồ sơ đầy đủ, hợp lệ thì tiếp nhận hồ sơ;',
      '(ii) Trường hợp hồ sơ chưa đầy đủ thì thông báo cho người yêu cầu bổ sung.',
    ]);
  });

  it('customs procedures tagged "Cấp xã" but implemented by a customs branch are not commune procedures', () => {
    const customs = {
      implementing: 'Chi cục Hải quan khu vực',
      competent: 'Chi cục Hải quan khu vực',
      authorized: null,
    };
    expect(levelsByAgency(['commune'], customs)).toEqual(['other']);
    expect(levelsByAgency(['province', 'commune'], customs)).toEqual(['province']);
    // A commune body named, or nothing named (1.001193): the tag stands.
    expect(
      levelsByAgency(['commune'], { implementing: 'Ủy ban nhân dân cấp xã', competent: null, authorized: null }),
    ).toEqual(['commune']);
    expect(levelsByAgency(['commune'], { implementing: null, competent: null, authorized: null })).toEqual(['commune']);
  });

  it('tax procedures implemented by tax offices ("Thuế cơ sở" included) are not commune procedures', () => {
    const taxOffices = (implementing: string) => ({ implementing, competent: null, authorized: null });
    expect(levelsByAgency(['province', 'commune'], taxOffices('Thuế tỉnh, thành phố, Thuế cơ sở'))).toEqual([
      'province',
    ]);
    expect(levelsByAgency(['province', 'commune'], taxOffices('Thuế cơ sở'))).toEqual(['province']);
    expect(
      levelsByAgency(
        ['ministry', 'province', 'commune'],
        taxOffices('Cục Thuế - Bộ tài chính, Thuế tỉnh, thành phố, Thuế cơ sở'),
      ),
    ).toEqual(['ministry', 'province']);
    expect(
      levelsByAgency(['province', 'commune'], taxOffices('Thuế tỉnh, thành phố, Cơ quan thuế, Thuế cơ sở')),
    ).toEqual(['province']);
    // A commune body named beside the tax office (a land procedure): the commune still receives it.
    expect(levelsByAgency(['commune'], taxOffices('Ủy ban nhân dân cấp xã, Thuế cơ sở'))).toEqual(['commune']);
  });

  it('with no agency named, a tax or customs field decides; another field keeps the tag', () => {
    const none = { implementing: null, competent: null, authorized: null };
    // 1.007277 "Khai lệ phí trước bạ nhà, đất" names no agency
    expect(levelsByAgency(['province', 'commune'], none, 'Thuế')).toEqual(['province']);
    expect(levelsByAgency(['commune'], none, 'Hải quan')).toEqual(['other']);
    expect(levelsByAgency(['commune'], none, 'Hộ tịch')).toEqual(['commune']);
    expect(levelsByAgency(['province', 'commune'], none, 'Thuế thu nhập')).toEqual(['province', 'commune']);
  });

  it('waterway and maritime procedures are never at commune level by default, even beside a commune body', () => {
    const field = 'Hàng hải và đường thủy nội địa';
    const none = { implementing: null, competent: null, authorized: null };
    // 2.001215 "Đăng ký phương tiện hoạt động vui chơi, giải trí dưới nước lần đầu": tagged "Cấp xã" only
    expect(levelsByAgency(['commune'], none, field)).toEqual(['other']);
    // 1.004047 vessel registration: the Department of Construction or the commune's People's Committee
    const both = {
      implementing: 'Sở Xây dựng, Uỷ ban Nhân dân cấp xã, phường, thị trấn',
      competent: null,
      authorized: null,
    };
    expect(levelsByAgency(['province', 'commune'], both, field)).toEqual(['province']);
    expect(levelsByAgency(['province', 'commune'], both, 'Đường bộ')).toEqual(['province', 'commune']);
  });
});

describe('issue 11: the publishing decision’s date', () => {
  it('is read where the crawl states it, with the decision’s own number', () => {
    expect(parseDecisionDate('163/QĐ-BTP ngày 20/01/2026', [])).toBe('2026-01-20');
    expect(
      parseDecisionDate('1404/QĐ-UBND', ['Quyết định số 1404/QĐ-UBND ngày 05 tháng 8 năm 2025 của Chủ tịch UBND tỉnh']),
    ).toBe('2025-08-05');
    expect(decisionNumberOf('163/QĐ-BTP, ngày 20/01/2026')).toBe('163/QĐ-BTP');
  });

  it('is null when not stated, for another decision’s date, or an impossible date (never the load date)', () => {
    // 1.001193: the portal's cell has the number only; the legal basis dates other documents.
    expect(parseDecisionDate('163/QĐ-BTP', ['Nghị định số 123/2015/NĐ-CP ngày 15/11/2015 của Chính phủ'])).toBeNull();
    expect(parseDecisionDate('163/QĐ-BTP', ['163/QĐ-BTP ngày 31/02/2026'])).toBeNull();
    expect(parseDecisionDate(null, ['ngày 01/01/2026'])).toBeNull();
    // "1163/QĐ-BTP" is another decision
    expect(parseDecisionDate('163/QĐ-BTP', ['Quyết định 1163/QĐ-BTP ngày 01/02/2026'])).toBeNull();
  });
});

describe('issue 11: "Cấp bộ" beside "Cấp xã" when only commune bodies implement', () => {
  it('drops the ministry tag when every agency named is a commune body; keeps it when a central one is named', () => {
    const commune = { implementing: 'Uỷ ban Nhân dân cấp xã, phường, thị trấn', competent: null, authorized: null };
    expect(levelsByAgency(['ministry', 'commune'], commune)).toEqual(['commune']);
    const police = {
      implementing: 'Cục cảnh sát giao thông, Công an tỉnh, Công an cấp xã',
      competent: null,
      authorized: null,
    };
    expect(levelsByAgency(['ministry', 'province', 'commune'], police)).toEqual(['ministry', 'province', 'commune']);
    // nothing named (household business registration): the tag stands; overrides.json corrects those records
    expect(levelsByAgency(['ministry', 'commune'], { implementing: null, competent: null, authorized: null })).toEqual([
      'ministry',
      'commune',
    ]);
  });
});
