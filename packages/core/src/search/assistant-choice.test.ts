import { describe, expect, it } from 'vitest';
import type { AuditRecord } from '../audit.js';
import { isAppError } from '../errors.js';
import {
  type AssistantChoice,
  anonymiseQuestion,
  recordAssistantChoice,
  toAssistantChoice,
} from './assistant-choice.js';

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

describe('recording a choice', () => {
  const memoryPorts = () => {
    const saved: AssistantChoice[] = [];
    const audit: AuditRecord[] = [];
    return {
      saved,
      audit,
      ports: {
        choices: { recordChoice: async (c: AssistantChoice) => saved.push(c) + 40 },
        audit: { record: async (e: AuditRecord) => void audit.push(e) },
      },
    };
  };

  it('stores the anonymised choice and its audit row, with no actor', async () => {
    const m = memoryPorts();
    const req = {
      question: 'gọi 0912345678',
      status: 'suggest' as const,
      offered: ['1.1', '1.1', '1.2'],
      picked: '1.2',
    };
    expect(await recordAssistantChoice({ ...req, unit: '26743' }, m.ports)).toBe(41);
    expect(m.saved).toEqual([
      { question: 'goi #', status: 'suggest', offered: ['1.1', '1.2'], picked: '1.2', unitCode: '26743' },
    ]);
    expect(m.audit).toEqual([
      {
        actorUserId: null,
        action: 'search.assistant_choice',
        entityType: 'assistant_choice',
        entityId: '41',
        unitCode: '26743',
        data: { status: 'suggest', offered: ['1.1', '1.2'], picked: '1.2' },
      },
    ]);
  });

  it('writes nothing for a pick that was not offered', async () => {
    const m = memoryPorts();
    const req = { question: 'khai sinh', status: 'suggest' as const, offered: ['1.1'], picked: '9.9' };
    await expect(recordAssistantChoice(req, m.ports)).rejects.toMatchObject({ code: 'ASSISTANT_CHOICE_NOT_OFFERED' });
    expect([m.saved, m.audit]).toEqual([[], []]);
  });
});
