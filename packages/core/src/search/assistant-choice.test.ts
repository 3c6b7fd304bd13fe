import { describe, expect, it } from 'vitest';
import { isAppError } from '../errors.js';
import { anonymiseQuestion, toAssistantChoice } from './assistant-choice.js';

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return isAppError(e) ? e.code : 'other';
  }
  return 'none';
};

describe('assistant choices', () => {
  it('keeps the question folded, without phone, ID or house numbers, nor e-mail addresses', () => {
    expect(anonymiseQuestion('Tôi là Lan, SĐT 0912 345 678, CCCD 079190001234, mail lan@x.vn: làm khai sinh')).toBe(
      'toi la lan, sdt #, cccd #, mail @ lam khai sinh',
    );
    expect(anonymiseQuestion('x'.repeat(400))).toHaveLength(300);
  });

  it('accepts a pick among the offered codes, or none of them', () => {
    const base = { question: 'sang tên sổ đỏ', status: 'suggest' as const, offered: ['1.013831', '1.012787'] };
    expect(toAssistantChoice({ ...base, picked: '1.013831' })).toEqual({
      question: 'sang ten so do',
      status: 'suggest',
      offered: ['1.013831', '1.012787'],
      picked: '1.013831',
      unitCode: null,
    });
    expect(toAssistantChoice({ ...base, picked: null }).picked).toBeNull();
  });

  it('refuses a pick that was not offered, and an empty question', () => {
    const base = { question: 'sang tên sổ đỏ', status: 'suggest' as const, offered: ['1.013831'] };
    expect(codeOf(() => toAssistantChoice({ ...base, picked: '1.000894' }))).toBe('ASSISTANT_CHOICE_NOT_OFFERED');
    expect(codeOf(() => toAssistantChoice({ ...base, question: ' ?! ', picked: null }))).toBe('SEARCH_QUERY_EMPTY');
  });
});
