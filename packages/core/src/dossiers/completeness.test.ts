import { describe, expect, it } from 'vitest';
import { checkCompleteness, previewChecklist } from './completeness.js';
import { initials, secondFactorMatches } from './lookup-dossier.js';

const components = [
  { key: 'to-khai', name: 'Tờ khai', copies: 1, required: true },
  { key: 'chung-sinh', name: 'Giấy chứng sinh', copies: 1, required: true },
  { key: 'uy-quyen', name: 'Văn bản ủy quyền', copies: 1, required: false },
];

describe('completeness check', () => {
  it('is complete when every required component is present', () => {
    const r = checkCompleteness(components, [
      { key: 'to-khai', state: 'present' },
      { key: 'chung-sinh', state: 'present' },
    ]);
    expect(r.complete).toBe(true);
    // The conditional component not mentioned starts "not applicable", not "missing".
    expect(r.checks.map((c) => c.state)).toEqual(['present', 'present', 'not_applicable']);
    expect(r.problems).toEqual([]);
  });

  it('a conditional component marked missing is a problem (its case applies); a required one cannot be "not applicable"', () => {
    const r = checkCompleteness(components, [
      { key: 'to-khai', state: 'not_applicable' },
      { key: 'chung-sinh', state: 'present' },
      { key: 'uy-quyen', state: 'missing' },
    ]);
    expect(r.complete).toBe(false);
    expect(r.problems.map((p) => [p.key, p.state])).toEqual([
      ['to-khai', 'missing'],
      ['uy-quyen', 'missing'],
    ]);
  });

  it('the preview gives each row its starting state and the verdict', () => {
    const p = previewChecklist(
      { code: 'X', name: 'X', components, duration: { value: 0, unit: 'none' }, feeTotal: 8000 },
      [{ key: 'to-khai', state: 'present' }],
    );
    expect(p.rows.map((r) => [r.key, r.initialState, r.state, r.problem])).toEqual([
      ['to-khai', 'missing', 'present', false],
      ['chung-sinh', 'missing', 'missing', true],
      ['uy-quyen', 'not_applicable', 'not_applicable', false],
    ]);
    expect(p.rows[2]?.condition.kind).toBe('if_applicable');
    expect(p).toMatchObject({ complete: false, problemCount: 1, needsTimeLimit: true, feeTotal: 8000 });
  });

  it('lists every missing or invalid required component at once, with reasons', () => {
    const r = checkCompleteness(components, [{ key: 'chung-sinh', state: 'invalid', reason: 'Bản photo mờ' }]);
    expect(r.complete).toBe(false);
    expect(r.problems.map((p) => [p.key, p.state, p.reason])).toEqual([
      ['to-khai', 'missing', null],
      ['chung-sinh', 'invalid', 'Bản photo mờ'],
    ]);
  });

  it('reports components that are not in the procedure', () => {
    expect(checkCompleteness(components, [{ key: 'la', state: 'present' }]).unknownKeys).toEqual(['la']);
  });
});

describe('public lookup second factor', () => {
  const d = {
    applicant: { phone: '0909 123 456', idNumber: '079190000001' },
    agent: { phone: '+84 912 000 111', idNumber: null },
  };
  it('matches phone (with +84), ID number or the agent’s phone; refuses short or wrong values', () => {
    expect(secondFactorMatches(d, '0909123456')).toBe(true);
    expect(secondFactorMatches(d, '84909123456')).toBe(true);
    expect(secondFactorMatches(d, '079190000001')).toBe(true);
    expect(secondFactorMatches(d, '0912000111')).toBe(true);
    expect(secondFactorMatches(d, '0909123457')).toBe(false);
    expect(secondFactorMatches(d, '123')).toBe(false);
    expect(secondFactorMatches({ applicant: { phone: null, idNumber: null }, agent: null }, '0909123456')).toBe(false);
  });
  it('a dossier with no phone or ID on record is found with the applicant’s name (accents, case, spaces ignored)', () => {
    const nameOnly = { applicant: { fullName: 'Nguyễn Thị Hoà', phone: null, idNumber: null }, agent: null };
    expect(secondFactorMatches(nameOnly, 'nguyen thi hoa')).toBe(true);
    expect(secondFactorMatches(nameOnly, '  NGUYỄN  THỊ HOÀ ')).toBe(true);
    expect(secondFactorMatches(nameOnly, 'Nguyễn Thị Hoa\u200B')).toBe(true);
    expect(secondFactorMatches(nameOnly, 'Nguyễn Thị')).toBe(false);
    expect(secondFactorMatches(nameOnly, '\u200B\u200B')).toBe(false);
    const withAgent = { ...nameOnly, agent: { fullName: 'Trần Văn Nam', phone: null, idNumber: null } };
    expect(secondFactorMatches(withAgent, 'tran van nam')).toBe(true);
    // A number on record is required: the name alone does not open a dossier that has one.
    expect(secondFactorMatches({ ...d, applicant: { ...d.applicant, fullName: 'Lê Văn An' } }, 'Le Van An')).toBe(
      false,
    );
  });
  it('shows only initials of the applicant', () => {
    expect(initials('Nguyễn Văn An')).toBe('N. V. An');
    expect(initials('Đỗ Thị Bé')).toBe('D. T. Bé');
  });
});
