import { describe, expect, it } from 'vitest';
import { isAppError } from '../errors.js';
import { checkSearchText, createRetrievalAnswerer } from './assistant.js';
import { fixtureCatalog } from './search.fixtures.js';
import { buildSearchIndex } from './search-index.js';

const index = buildSearchIndex(fixtureCatalog);
const assistant = createRetrievalAnswerer(index);

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return isAppError(e) ? e.code : 'other';
  }
  return 'none';
};

describe('assistant', () => {
  it('answers an everyday question with cards copied from the catalog record', async () => {
    const a = await assistant.answer('con tôi mới sinh cần làm giấy tờ gì');
    expect(a.status).toBe('answered');
    expect(a.confidence).toBeGreaterThanOrEqual(0.55);
    const card = a.cards[0]!;
    const record = fixtureCatalog.find((r) => r.code === '1.001193')!;
    expect(card).toMatchObject({
      code: record.code,
      name: record.name,
      field: record.field,
      timeLimit: record.timeLimit,
      sourceUrl: record.sourceUrl,
      onlineServiceLevel: record.onlineServiceLevel,
      documentsTotal: 2,
    });
    expect(card.documents.map((d) => d.name)).toEqual(record.components.map((c) => c.name));
    expect(card.channels[0]?.fees).toEqual(record.channels[0]?.fees);
    // Follow-ups are real catalog procedures and never repeat a card.
    for (const f of card.followUps) {
      expect(fixtureCatalog.some((r) => r.code === f.code && r.name === f.name)).toBe(true);
      expect(a.cards.some((c) => c.code === f.code)).toBe(false);
    }
    expect(card.followUps.map((f) => f.code)).toContain('1.004222');
  });

  it('says it is not sure for nonsense, with no card', async () => {
    for (const q of ['thời tiết hôm nay thế nào', 'asdf qwerty', 'tôi cần gì', 'giá vàng hôm nay']) {
      const a = await assistant.answer(q);
      expect(a.status, q).toBe('not_sure');
      expect(a.cards).toEqual([]);
    }
  });

  it('answers only from the enabled procedures when given', async () => {
    const a = await assistant.answer('dang ky khai sinh', { codes: new Set(['1.000894']) });
    expect(a.status).toBe('not_sure');
    const b = await assistant.answer('dang ky ket hon', { codes: new Set(['1.000894']) });
    expect(b.cards.map((c) => c.code)).toEqual(['1.000894']);
  });

  it('is deterministic', async () => {
    const q = 'mo quan ca phe can dang ky gi';
    expect(await assistant.answer(q)).toEqual(await assistant.answer(q));
  });
});

describe('checkSearchText', () => {
  it('rejects empty, punctuation-only and too long text with stable codes', () => {
    expect(codeOf(() => checkSearchText('   ', 'query'))).toBe('SEARCH_QUERY_EMPTY');
    expect(codeOf(() => checkSearchText('?!…', 'question'))).toBe('SEARCH_QUERY_EMPTY');
    expect(codeOf(() => checkSearchText('a'.repeat(201), 'query'))).toBe('SEARCH_QUERY_TOO_LONG');
    expect(codeOf(() => checkSearchText('a'.repeat(201), 'question'))).toBe('none');
    expect(codeOf(() => checkSearchText('a'.repeat(501), 'question'))).toBe('SEARCH_QUERY_TOO_LONG');
    expect(checkSearchText('  khai sinh ', 'query')).toBe('khai sinh');
  });
});
