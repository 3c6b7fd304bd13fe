import { CatalogProcedure } from '@mot-cua/contracts';
import { describe, expect, it } from 'vitest';
import { splitTopLevel } from './catalog-cells.js';
import { parseChannels } from './catalog-channels.js';
import { parseComponents, splitFormFile } from './catalog-components.js';
import { parseLegalBasis } from './catalog-legal-basis.js';
import { rawFixtures } from './catalog-parser.fixtures.js';
import { parseRawProcedure } from './catalog-parser.js';
import { parseResults } from './catalog-steps-results.js';

const parse = (code: string) => {
  const f = rawFixtures[code]!;
  return CatalogProcedure.parse(parseRawProcedure(f.raw, f.agency));
};

describe('parseRawProcedure on real records', () => {
  it('birth registration 1.001193: commune level, free on every channel, components by group, unit-less time flagged', () => {
    const p = parse('1.001193');
    expect(p).toMatchObject({
      code: '1.001193',
      name: 'Thủ tục đăng ký khai sinh',
      decisionNumber: '163/QĐ-BTP',
      agency: 'bo-tu-phap',
      agencyName: 'Bộ Tư pháp',
      field: 'Hộ tịch',
      levels: ['commune'],
      origin: 'crawl',
    });
    expect(p.sourceUrl).toMatch(/^https:\/\/dichvucong\.gov\.vn\//);
    expect(p.applicantTypes).toEqual(['Công dân Việt Nam', 'Người Việt Nam định cư ở nước ngoài']);
    expect(p.channels.map((c) => c.kind).sort()).toEqual(['in_person', 'online', 'postal']);
    for (const c of p.channels) {
      expect(c.fees).toEqual([{ kind: 'free', amount: 0, currency: 'VND', note: null, setByProvincialCouncil: false }]);
      // the portal shows "1" with no unit: kept as text, never guessed by the parser
      expect(c.duration).toBeNull();
      expect(c.durationText).toBe('1');
      expect(c.needsReview).toBe(true);
    }
    expect(p.timeLimit).toBeNull();
    expect(p.needsReview).toBe(true);
    const birthCert = p.components.find((c) => c.name.startsWith('Giấy chứng sinh'));
    expect(birthCert).toMatchObject({ group: 'Giấy tờ phải nộp', originals: 1, copies: 0, presentOnly: false });
    const id = p.components.find((c) => c.name.startsWith('Hộ chiếu/Thẻ căn cước công dân'));
    expect(id).toMatchObject({ group: 'Giấy tờ phải xuất trình', presentOnly: true });
    const abandoned = p.components.find((c) => c.name.includes('trẻ em bị bỏ rơi'));
    expect(abandoned?.conditional).toBe(true);
    // keys are stable and ordered
    expect(p.components.map((c) => c.key)).toEqual(p.components.map((_, i) => `c${String(i + 1).padStart(2, '0')}`));
    // remarks listed with "0 bản chính" are notes, not documents
    expect(p.componentNotes.some((n) => n.includes('không phải nộp bản giấy'))).toBe(true);
    expect(p.components.some((c) => c.name.includes('không phải nộp bản giấy'))).toBe(false);
    expect(p.legalBasis).toContainEqual({
      number: '123/2015/NĐ-CP',
      title: expect.stringContaining('Nghị định số 123/2015/NĐ-CP ngày 15/11/2015'),
    });
    expect(p.legalBasis.map((d) => d.number)).toEqual(
      expect.arrayContaining(['85/2019/TT-BTC', '04/2020/TT-BTP', '66.7/2025/NQ-CP', '01/2022/TT-BTP']),
    );
    expect(p.results).toEqual([{ name: 'Giấy khai sinh', code: 'KQ.G15.000031' }]);
    expect(p.steps.length).toBeGreaterThan(5);
    expect(p.steps[0]).toMatch(/^- Nếu lựa chọn hình thức nộp hồ sơ trực tiếp/);
    expect(p.onlineServiceLevel).toBe('partial');
  });

  it('household business registration 1.001612: several levels, fees set by the provincial council, forms and quantities', () => {
    const p = parse('1.001612');
    expect(p.levels).toEqual(['ministry', 'commune']);
    expect(p.applicantTypes).toEqual(['Tổ chức (không bao gồm doanh nghiệp, HTX)', 'Công dân Việt Nam']);
    const inPerson = p.channels.find((c) => c.kind === 'in_person')!;
    expect(inPerson.durationText).toBe('Không có thông tin');
    expect(inPerson.duration).toBeNull();
    expect(inPerson.fees).toHaveLength(1);
    expect(inPerson.fees[0]).toMatchObject({
      kind: 'amount',
      amount: 50_000,
      currency: 'VND',
      setByProvincialCouncil: true,
    });
    expect(inPerson.fees[0]!.note).toMatch(/^- Mức lệ phí cụ thể do Hội đồng nhân dân tỉnh quyết định/);
    const online = p.channels.find((c) => c.kind === 'online')!;
    expect(online.fees[0]).toMatchObject({ kind: 'amount', amount: 150_000 });
    const request = p.components.find((c) => c.name.startsWith('Giấy đề nghị đăng ký hộ kinh doanh'));
    expect(request).toMatchObject({ originals: 1, copies: 0 });
    const proxy = p.components.find((c) => c.name.startsWith('(i) Trường hợp ủy quyền cho cá nhân'));
    expect(proxy).toMatchObject({ originals: 0, copies: 1, conditional: true });
    expect(p.legalBasis).toContainEqual({ number: '59/2020/QH14', title: 'Luật Doanh nghiệp' });
    expect(p.legalBasis).toContainEqual({
      number: '168/2025/NĐ-CP',
      title: 'Nghị định số 168/2025/NĐ-CP ngày 30 tháng 6 năm 2025 của Chính phủ về đăng ký doanh nghiệp',
    });
    expect(p.results.map((r) => r.code)).toEqual(['KQ.G12.001009', 'KQ.G12.001041']);
    expect(p.results[1]!.name).toBe('Giấy chứng nhận đăng ký hộ kinh doanh');
  });

  it('permanent residence 1.004222: working days, online and in-person fees, case groups, conditions', () => {
    const p = parse('1.004222');
    expect(p.levels).toEqual(['commune']);
    expect(p.competentAgency).toBe('Công an cấp Xã');
    expect(p.channels.map((c) => [c.kind, c.duration, c.fees[0]?.amount])).toEqual([
      ['online', { value: 7, unit: 'working_days' }, 10_000],
      ['in_person', { value: 7, unit: 'working_days' }, 20_000],
    ]);
    expect(p.timeLimit).toEqual({ value: 7, unit: 'working_days' });
    expect(p.conditions).toMatch(/^Người thực hiện thủ tục đã được thu thập/);
    const groups = [...new Set(p.components.map((c) => c.group))];
    expect(groups).toContain('Đăng ký thường trú vào chỗ ở hợp pháp thuộc quyền sở hữu của mình');
    expect(groups.length).toBeGreaterThan(3);
    expect(p.legalBasis).toContainEqual({ number: '68/2020/QH14', title: 'Luật Cư trú 2020' });
    expect(p.results).toHaveLength(4);
    expect(p.results[0]).toEqual({
      name: 'Cập nhật thông tin trong Cơ sở dữ liệu quốc gia về dân cư',
      code: 'KQ.G01.000064',
    });
  });

  it('customs 1.000014: a unit-less time glued to the fee is split and flagged, not read as 120 VND', () => {
    const p = parse('1.000014');
    for (const c of p.channels) {
      expect(c.durationText).toBe('1');
      expect(c.fees[0]).toMatchObject({ kind: 'amount', amount: 20, currency: 'VND', note: '20.000 vnđ /tờ khai' });
      expect(c.needsReview).toBe(true); // 20 VND beside a note saying 20.000: implausible, a person must check
    }
  });

  it('tax 1.008312: "Không quy định" is a procedure without a time limit', () => {
    const p = parse('1.008312');
    expect(p.channels.every((c) => c.duration?.unit === 'none')).toBe(true);
    expect(p.channels.find((c) => c.kind === 'in_person')?.description).toBe('Tại TTPVHCC cấp tỉnh, xã');
  });

  it('border pass 1.003133: channel descriptions mentioning a channel name do not start a new row', () => {
    const p = parse('1.003133');
    expect(p.channels.map((c) => c.kind)).toEqual(['online', 'in_person']);
    expect(p.channels[0]!.description).toMatch(/^Trực tuyến: nộp hồ sơ trực tuyến/);
    expect(p.channels[0]!.fees[0]).toMatchObject({ amount: 5000, currency: 'VND' });
  });

  it('1.000931: fees in USD keep their currency', () => {
    const p = parse('1.000931');
    const fee = p.channels.find((c) => c.kind === 'in_person')!.fees[0]!;
    expect(fee).toMatchObject({ kind: 'amount', amount: 10, currency: 'USD' });
  });
});

describe('cell parsers', () => {
  it('splitTopLevel ignores commas inside brackets', () => {
    expect(splitTopLevel('A (b, c), D')).toEqual(['A (b, c)', 'D']);
  });

  it('parseChannels keeps text it cannot read and flags it', () => {
    const r = parseChannels('Hình thức nộpThời gianPhí, lệ phíMô tảTrực tiếpHệ thống tự động phản hồiMiễn phí');
    expect(r.channels).toHaveLength(0);
    expect(r.review).toContain('Hệ thống tự động phản hồi');
  });

  it('parseChannels maps units: Ngày = calendar days, Giờ = working hours, Tháng kept as text', () => {
    const r = parseChannels(
      'Hình thức nộpThời gianPhí, lệ phíMô tảTrực tiếp15 NgàyMiễn phíTrực tuyến8 GiờMiễn phíDịch vụ bưu chính6 Tháng100 USD(100 USD/thẻ.)',
    );
    expect(r.channels.map((c) => c.duration)).toEqual([
      { value: 15, unit: 'calendar_days' },
      { value: 8, unit: 'working_hours' },
      null,
    ]);
    expect(r.channels[2]).toMatchObject({ durationText: '6 Tháng', needsReview: true });
  });

  it('parseComponents: a year glued to the count is not a count', () => {
    const r = parseComponents(
      'Tên giấy tờMẫu đơn, tờ khaiSố lượngTờ khai theo Thông tư số 01/2025/TT-BTP ngày 12/6/20251 bản chính,2 bản sao',
    );
    expect(r.components[0]).toMatchObject({
      name: 'Tờ khai theo Thông tư số 01/2025/TT-BTP ngày 12/6/2025',
      originals: 1,
      copies: 2,
    });
  });

  it('splitFormFile separates a glued form file name', () => {
    expect(splitFormFile('Văn bản đề nghị điều chỉnh dự án đầu tư;Mẫu I.1.8.docx')).toEqual({
      name: 'Văn bản đề nghị điều chỉnh dự án đầu tư;',
      form: 'Mẫu I.1.8.docx',
    });
    expect(splitFormFile('Đơn đề nghị theo mẫuMunnghChpthunvnghotngtuln.docx').form).toBe(
      'MunnghChpthunvnghotngtuln.docx',
    );
    expect(splitFormFile('Không có tệp')).toEqual({ name: 'Không có tệp', form: null });
  });

  it('parseLegalBasis splits title and number glued together', () => {
    const r = parseLegalBasis('Tên văn bản pháp lýMã văn bảnLuật Hộ tịch60/2014/QH13Nghị định 123123/2015/NĐ-CP');
    expect(r.documents[0]).toEqual({ title: 'Luật Hộ tịch', number: '60/2014/QH13' });
    expect(r.documents).toHaveLength(2);
  });

  it('parseResults drops the portal chrome after "Từ khóa"', () => {
    expect(parseResults('Giấy khai sinhMã: KQ.G15.000031Từ khóaKhông có thông tinNộp hồ sơ').results).toEqual([
      { name: 'Giấy khai sinh', code: 'KQ.G15.000031' },
    ]);
  });
});
