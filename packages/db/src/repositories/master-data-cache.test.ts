import { describe, expect, it } from 'vitest';
import { VersionedCache } from './master-data-cache.js';

// Issue 9, "never wait in a circle": an entry holds only for the master-data version it was loaded under, and a
// request never awaits another request's load (each miss loads on the caller's own connection).
describe('VersionedCache', () => {
  it('serves an entry only at its version; a newer version reloads; an older load never replaces a newer entry', async () => {
    const cache = new VersionedCache<string>();
    let loads = 0;
    const load = (v: string) => async () => {
      loads++;
      return v;
    };
    expect(await cache.get('unit', 1, load('a'))).toBe('a');
    expect(await cache.get('unit', 1, load('x'))).toBe('a');
    expect(loads).toBe(1);
    expect(await cache.get('unit', 2, load('b'))).toBe('b');
    expect(loads).toBe(2);
    // A request that began under version 1 loads for itself and does not displace version 2's entry.
    expect(await cache.get('unit', 1, load('old'))).toBe('old');
    expect(await cache.get('unit', 2, load('y'))).toBe('b');
    // Without a version (public callers) nothing is cached.
    expect(await cache.get('unit', undefined, load('p'))).toBe('p');
    expect(await cache.get('unit', 2, load('z'))).toBe('b');
  });

  it('two misses at once both load on their own: neither awaits the other', async () => {
    const cache = new VersionedCache<number>();
    let release!: () => void;
    const slow = new Promise<void>((r) => {
      release = r;
    });
    const first = cache.get('calendar', 7, async () => {
      await slow; // e.g. waiting for a pool connection
      return 1;
    });
    // The second request is not held behind the first's load: it completes while the first still waits.
    expect(await cache.get('calendar', 7, async () => 2)).toBe(2);
    release();
    expect(await first).toBe(1);
  });

  it('is bounded: past maxEntries the oldest key is dropped', async () => {
    const cache = new VersionedCache<number>(2);
    for (const k of ['a', 'b', 'c']) await cache.get(k, 1, async () => 1);
    expect(cache.size).toBe(2);
  });
});
