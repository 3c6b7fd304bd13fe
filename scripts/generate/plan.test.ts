import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { clusteredIds } from './plan.js';

describe('clusteredIds', () => {
  it('gives distinct version-4 uuids that grow within each first byte, spread over the first bytes', () => {
    const next = clusteredIds(randomUUID);
    const ids = Array.from({ length: 5_000 }, () => next());
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    // within one first byte, later ids sort after earlier ones (the primary key grows at its end)
    const byByte = new Map<string, string[]>();
    for (const id of ids) byByte.set(id.slice(0, 2), [...(byByte.get(id.slice(0, 2)) ?? []), id]);
    for (const list of byByte.values()) expect([...list].sort()).toEqual(list);
    // the first byte stays random: the recount's 64 ranges (first 6 bits) all get some
    expect(new Set(ids.map((id) => Number.parseInt(id.slice(0, 2), 16) >> 2)).size).toBe(64);
    // two runs do not clash
    const other = clusteredIds(randomUUID);
    const again = Array.from({ length: 5_000 }, () => other());
    expect(again.filter((id) => ids.includes(id))).toEqual([]);
  });
});
