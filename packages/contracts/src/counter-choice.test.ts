import { describe, expect, it } from 'vitest';
import { preselectedCounter } from './counter-choice.js';

const free = (id: string) => ({ id, officialUserId: null });

describe('the counter the counter page opens on', () => {
  it('is the counter the official holds', () => {
    expect(preselectedCounter([free('a'), free('b')], 'u1', 'b')).toBe('b');
    expect(preselectedCounter([free('a'), { id: 'b', officialUserId: 'u1' }], 'u1', null)).toBe('b');
  });
  it('is the only counter of the centre', () => {
    expect(preselectedCounter([free('a')], 'u1', null)).toBe('a');
  });
  it('is none when the official must choose among several counters', () => {
    expect(preselectedCounter([free('a'), { id: 'b', officialUserId: 'u2' }], 'u1', null)).toBeUndefined();
    expect(preselectedCounter([], 'u1', undefined)).toBeUndefined();
    expect(preselectedCounter([free('a'), free('b')], undefined, null)).toBeUndefined();
  });
});
