import { describe, expect, it } from 'vitest';
import {
  componentCondition,
  conditionAppliesTo,
  isInteractiveEformComponent,
  withEformComponentTicked,
} from './component-condition.js';

/** The handed-in components of birth registration 1.001193 as data/procedures/catalog.json has them. */
const birthRegistration = [
  {
    key: 'c01',
    group: 'Giấy tờ phải nộp',
    name: 'Trường hợp trẻ em bị bỏ rơi thì phải có biên bản về việc trẻ bị bỏ rơi do cơ quan có thẩm quyền lập.',
    conditional: true,
  },
  {
    key: 'c02',
    group: 'Giấy tờ phải nộp',
    name: 'Văn bản ủy quyền (được chứng thực) theo quy định của pháp luật trong trường hợp ủy quyền thực hiện việc đăng ký khai sinh. Trường hợp người được ủy quyền là ông, bà, cha, mẹ, con, vợ, chồng, anh, chị, em ruột của người ủy quyền thì văn bản ủy quyền không phải chứng thực.',
    conditional: true,
  },
  {
    key: 'c03',
    group: 'Giấy tờ phải nộp',
    name: 'Trường hợp khai sinh cho trẻ em sinh ra do mang thai hộ phải có văn bản xác nhận của cơ sở y tế đã thực hiện kỹ thuật hỗ trợ sinh sản cho việc mang thai hộ.',
    conditional: true,
  },
  {
    key: 'c04',
    group: 'Giấy tờ phải nộp',
    name: 'Giấy chứng sinh; trường hợp không có Giấy chứng sinh thì nộp văn bản của người làm chứng xác nhận về việc sinh; nếu không có người làm chứng thì phải có giấy cam đoan về việc sinh.',
    conditional: false,
  },
  {
    key: 'c07',
    group: 'Lưu ý',
    name: 'Tờ khai đăng ký khai sinh theo mẫu (nếu người có yêu cầu lựa chọn nộp hồ sơ theo hình thức trực tiếp hoặc gửi hồ sơ qua hệ thống bưu chính)',
    conditional: false,
  },
  {
    key: 'c08',
    group: 'Lưu ý',
    name: 'Mẫu hộ tịch điện tử tương tác đăng ký khai sinh (do người yêu cầu cung cấp thông tin theo hướng dẫn trên Cổng dịch vụ công, nếu người có yêu cầu lựa chọn nộp hồ sơ theo hình thức trực tuyến)',
    conditional: false,
  },
];

describe('component conditions parsed from the catalog', () => {
  it('birth registration 1.001193: the cases are conditional, the e-form online only, the paper form not online', () => {
    const byKey = new Map(birthRegistration.map((c) => [c.key, componentCondition(c)]));
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
});

describe('the interactive e-form row, ticked when the e-form is given', () => {
  const components = [
    { key: 'c04', name: 'Giấy chứng sinh' },
    {
      key: 'c07',
      name: 'Tờ khai đăng ký khai sinh theo mẫu (nếu người có yêu cầu lựa chọn nộp hồ sơ theo hình thức trực tiếp)',
    },
    { key: 'c08', name: 'Mẫu hộ tịch điện tử tương tác đăng ký khai sinh (do người yêu cầu cung cấp thông tin …)' },
  ];
  it('recognises the civil-status and the other interactive forms, not the paper one', () => {
    expect(isInteractiveEformComponent(components[2]!.name)).toBe(true);
    expect(isInteractiveEformComponent('Mẫu điện tử tương tác cấp Giấy xác nhận tình trạng hôn nhân (…)')).toBe(true);
    expect(isInteractiveEformComponent(components[1]!.name)).toBe(false);
    expect(isInteractiveEformComponent('Giấy tờ nộp qua Cổng, xem mẫu hộ tịch điện tử tương tác')).toBe(false);
  });
  it('ticks it present (given or not), leaves the other rows as given; nothing without an e-form', () => {
    const given = [
      { key: 'c04', state: 'present' },
      { key: 'c08', state: 'missing', reason: 'x' },
    ];
    expect(withEformComponentTicked(components, given, true)).toEqual([
      { key: 'c04', state: 'present' },
      { key: 'c08', state: 'present', reason: 'x' },
    ]);
    expect(withEformComponentTicked(components, [{ key: 'c04', state: 'present' }], true)).toEqual([
      { key: 'c04', state: 'present' },
      { key: 'c08', state: 'present' },
    ]);
    expect(withEformComponentTicked(components, given, false)).toEqual(given);
    // A channel's checklist without the row (at the counter in person): nothing to tick.
    expect(withEformComponentTicked(components.slice(0, 2), [], true)).toEqual([]);
  });
});
