import { describe, expect, it } from 'vitest';
import { type Answerer, createRetrievalAnswerer } from './assistant.js';
import { fixtureCatalog } from './search.fixtures.js';
import { buildSearchIndex } from './search-index.js';
import { warmUpAnswerer } from './warm-up.js';

describe('warmUpAnswerer', () => {
  it('asks each sampled name as written and shortened with a typo, half of them from a commune', () => {
    const asked: Array<{ q: string; level: string | undefined }> = [];
    const spy: Answerer = {
      name: 'spy',
      answer(q, o) {
        asked.push({ q, level: o?.level });
        return { status: 'not_sure', confidence: 0, cards: [], candidates: [] } as never;
      },
    };
    const n = warmUpAnswerer(spy, fixtureCatalog, 3);
    expect(n).toBe(asked.length);
    expect(n).toBeGreaterThanOrEqual(2);
    expect(n).toBeLessThanOrEqual(6);
    expect(asked[0]!.q).toBe(fixtureCatalog[0]!.name.toLowerCase());
    expect(asked[1]!.q.length).toBeLessThan(asked[0]!.q.length);
    expect(asked.filter((a) => a.level === 'commune').length).toBe(Math.floor(n / 2));
  });

  it('leaves the index answering exactly as before', () => {
    const index = buildSearchIndex(fixtureCatalog);
    const answerer = createRetrievalAnswerer(index);
    const before = answerer.answer('đăng ký khai sinh');
    warmUpAnswerer(answerer, fixtureCatalog);
    expect(answerer.answer('đăng ký khai sinh')).toEqual(before);
  });

  it('does nothing without records', () => {
    expect(warmUpAnswerer(createRetrievalAnswerer(buildSearchIndex([])), [])).toBe(0);
  });
});
