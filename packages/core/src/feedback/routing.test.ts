import { describe, expect, it } from 'vitest';
import { contactKeys, findRepeatOf, textSimilarity } from './repeats.js';
import { type RoutingRuleFacts, routeFeedback } from './routing.js';

const rule = (over: Partial<RoutingRuleFacts> & { id: number }): RoutingRuleFacts => ({
  provinceCode: '79',
  communeCode: null,
  field: null,
  kind: null,
  unitCode: '79',
  departmentId: null,
  priority: 100,
  ...over,
});

const rules = [
  rule({ id: 1, unitCode: '79' }),
  rule({ id: 2, field: 'Đất đai', unitCode: '79', departmentId: 'so-nong-nghiep' }),
  rule({ id: 3, communeCode: '26743', unitCode: '26743', departmentId: 'van-phong' }),
  rule({ id: 4, communeCode: '26743', field: 'Đất đai', unitCode: '26743', departmentId: 'kinh-te' }),
  rule({ id: 5, communeCode: '26743', field: 'Đất đai', unitCode: '26743', departmentId: 'other', priority: 200 }),
  rule({ id: 6, provinceCode: '01', unitCode: '01' }),
];
const matter = {
  provinceCode: '79',
  communeCode: '26743',
  field: 'Hộ tịch',
  kind: 'question' as const,
  dossierUnitCode: null,
};

describe('routing rules', () => {
  it('takes the most specific matching rule, then the lower priority number', () => {
    expect(routeFeedback({ ...matter, field: 'Đất đai' }, rules)).toMatchObject({ ruleId: 4, departmentId: 'kinh-te' });
    expect(routeFeedback(matter, rules)).toMatchObject({ ruleId: 3, unitCode: '26743', by: 'rule' });
    expect(routeFeedback({ ...matter, communeCode: '26734', field: 'Đất đai' }, rules)).toMatchObject({ ruleId: 2 });
    expect(routeFeedback({ ...matter, communeCode: '26734' }, rules)).toMatchObject({ ruleId: 1 });
  });

  it('a linked dossier goes to the unit holding it, whatever the rules', () => {
    expect(routeFeedback({ ...matter, dossierUnitCode: '26734' }, rules)).toEqual({
      unitCode: '26734',
      departmentId: null,
      by: 'dossier',
      ruleId: null,
    });
  });

  it('without a rule, the commune itself, else the province', () => {
    expect(routeFeedback(matter, [])).toMatchObject({ unitCode: '26743', by: 'default' });
    expect(routeFeedback({ ...matter, communeCode: null }, [])).toMatchObject({ unitCode: '79', by: 'default' });
    expect(routeFeedback({ ...matter, provinceCode: '48' }, rules)).toMatchObject({ by: 'default' });
  });
});

describe('repeated complaints', () => {
  const t0 = new Date('2026-03-10T02:00:00Z');
  const earlier = [
    {
      id: 'a',
      contactKeys: contactKeys('+84 912 345 678', null),
      dossierCode: null,
      text: 'Hồ sơ đăng ký đất đai của tôi bị trễ hẹn nhiều lần',
      receivedAt: new Date('2026-02-01T02:00:00Z'),
    },
    {
      id: 'b',
      contactKeys: ['mail:x@y.vn'],
      dossierCode: 'X79.26743-261102-010001',
      text: 'Khác hoàn toàn',
      receivedAt: new Date('2026-03-01T02:00:00Z'),
    },
  ];

  it('reads phone numbers in either form as one person', () => {
    expect(contactKeys('0912.345.678', 'A@B.VN ')).toEqual(['tel:0912345678', 'mail:a@b.vn']);
    expect(contactKeys('+84912345678', null)).toEqual(['tel:0912345678']);
  });

  it('links a second complaint of the same person on the same matter', () => {
    const n = {
      contactKeys: ['tel:0912345678'],
      dossierCode: null,
      text: 'Lại trễ hẹn hồ sơ đăng ký đất đai',
      receivedAt: t0,
    };
    expect(textSimilarity(n.text, earlier[0]!.text)).toBeGreaterThan(0.35);
    expect(findRepeatOf(n, earlier)).toBe('a');
    expect(findRepeatOf({ ...n, text: 'Hỏi về thủ tục khai sinh cho con' }, earlier)).toBeNull();
    expect(findRepeatOf({ ...n, contactKeys: ['tel:0999999999'] }, earlier)).toBeNull();
    expect(findRepeatOf({ ...n, receivedAt: new Date('2026-06-30T02:00:00Z') }, earlier)).toBeNull();
  });

  it('the same person about the same dossier is a repeat whatever the words', () => {
    const n = {
      contactKeys: ['mail:x@y.vn'],
      dossierCode: 'X79.26743-261102-010001',
      text: 'Vẫn chưa có kết quả',
      receivedAt: t0,
    };
    expect(findRepeatOf(n, earlier)).toBe('b');
  });
});
