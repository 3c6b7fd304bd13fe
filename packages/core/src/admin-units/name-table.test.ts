import { beforeAll, describe, expect, it } from 'vitest';
import { loadShippedIndex } from './master-data.fixture.js';
import { NameTable } from './name-table.js';
import { PRE_REFORM_LAST_DAY, type UnitVersion } from './unit-model.js';
import { foldName, nameSimilarity } from './unit-text.js';

let communes: UnitVersion[];
let table: NameTable;
beforeAll(async () => {
  const index = await loadShippedIndex();
  communes = index.dataset.versions.filter((v) => v.validTo === PRE_REFORM_LAST_DAY && v.level === 'commune');
  table = new NameTable(communes);
});

/** The old way: score every name with nameSimilarity. */
function scan(name: string, min: number) {
  return communes
    .map((v) => ({ v, sim: nameSimilarity(name, foldName(v.name)) }))
    .filter((m) => m.sim >= min)
    .sort((a, b) => b.sim - a.sim);
}

describe('NameTable', () => {
  it('finds exact names, and typo-ed names as the full scan does (best match and its score)', () => {
    let i = 0;
    for (const v of communes.filter((_, k) => k % 401 === 0)) {
      const name = foldName(v.name);
      expect(table.match(name, 0.7)[0]?.sim).toBe(1);
      if (name.length < 6 || /\d/.test(name)) continue;
      // One letter dropped, one doubled, two swapped: the shortlist must not lose the best match.
      const k = 1 + (i++ % (name.length - 2));
      for (const typo of [
        name.slice(0, k) + name.slice(k + 1),
        name.slice(0, k) + name[k] + name.slice(k),
        name.slice(0, k) + name[k + 1] + name[k] + name.slice(k + 2),
      ]) {
        if (typo.includes('  ') || typo.startsWith(' ') || typo.endsWith(' ')) continue;
        const full = scan(typo, 0.7)[0];
        const fast = table.match(typo, 0.7)[0];
        expect(fast?.sim, typo).toBeCloseTo(full?.sim ?? 0, 6);
      }
    }
  }, 120_000); // compares against the full scan over every name: seconds on a loaded machine

  it('indexes names stored abbreviated under their full form too', () => {
    expect(table.match('nong truong le ninh', 0.7)[0]?.e.v.code).toBe('19246');
    expect(table.match('nt le ninh', 0.7)[0]?.e.v.code).toBe('19246');
  });
});
