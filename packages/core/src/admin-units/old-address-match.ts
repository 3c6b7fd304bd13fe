import type { Segment } from './address-parse.js';
import type { ConversionTables, ProvinceMatch, Scored } from './conversion-tables.js';
import { PRE_REFORM_LAST_DAY, type UnitVersion } from './unit-model.js';

const COMMUNE_TYPE_OF_WORD: Readonly<Record<string, UnitVersion['type']>> = {
  xa: 'commune',
  phuong: 'ward',
  'thi tran': 'township',
  'dac khu': 'special_zone',
};

/**
 * The address read as old (before 2025-07-01): from the end, a province (old, or new standing for the old ones it
 * absorbed), a district, a commune; the old communes (or island districts) scored best first. `used`: how many
 * segments named units; `districts`: those the district segment matched.
 */
export function matchOld(
  t: ConversionTables,
  input: Segment[],
): {
  scored: Scored[];
  used: number;
  segments: Segment[];
  districts: UnitVersion[];
} {
  let segments = input;
  let i = segments.length - 1;
  let provinces: ProvinceMatch[] = [];
  const last = segments[i]!;
  if (last.hint !== 'district' && last.hint !== 'commune' && last.hint !== 'detail') {
    provinces = t.matchProvince(last);
    if (provinces.length || last.hint === 'province') i--;
  }
  let districts: Array<{ v: UnitVersion; sim: number }> = [];
  const glued = segments[i];
  if (glued && glued.hint === 'commune' && provinces.length) {
    // "xa nghia yen nghia dan": a district name written after the commune without a comma or type word.
    const words = glued.name.split(' ');
    for (let k = 1; k < words.length; k++) {
      const right = words.slice(k).join(' ');
      const hit = provinces.some((p) => p.codes.some((c) => t.districtsOf.get(c)?.match(right, 2).length));
      if (hit) {
        segments = [
          ...segments.slice(0, i),
          { ...glued, name: words.slice(0, k).join(' ') },
          { hint: 'district', name: right },
          ...segments.slice(i + 1),
        ];
        i++;
        break;
      }
    }
  }
  const dSeg = segments[i];
  if (dSeg && dSeg.hint !== 'commune' && dSeg.hint !== 'province' && dSeg.hint !== 'detail') {
    const found: Array<{ v: UnitVersion; sim: number }> = [];
    const tables = provinces.length
      ? provinces.flatMap((p) =>
          p.codes.map((c) => ({ t: t.districtsOf.get(c), w: p.sim })).filter((x) => x.t !== undefined),
        )
      : [{ t: t.allDistricts, w: 0.92 }];
    for (const { t, w } of tables) for (const m of t!.match(dSeg.name, 0.75)) found.push({ v: m.e.v, sim: m.sim * w });
    if (found.length || dSeg.hint === 'district') {
      districts = found.sort((a, b) => b.sim - a.sim).slice(0, 24);
      i--;
    }
  }
  const cSeg = segments[i];
  const scored: Scored[] = [];
  const pSim = (code: string) => (provinces.length ? (provinces.find((p) => p.codes.includes(code))?.sim ?? 0) : 0.7);
  if (cSeg && cSeg.hint !== 'province' && cSeg.hint !== 'district' && cSeg.hint !== 'detail') {
    const expected = cSeg.word ? COMMUNE_TYPE_OF_WORD[cSeg.word] : undefined;
    const add = (v: UnitVersion, sim: number, ds: number) => {
      const typeFactor = expected && expected !== v.type ? 0.93 : 1;
      const score = 0.6 * sim * sim * typeFactor + 0.25 * ds + 0.15 * pSim(v.provinceCode);
      scored.push({ commune: v, district: t.old(v.districtCode), province: t.old(v.provinceCode), score });
    };
    const inDistricts = new Set<string>();
    let bestSim = 0;
    for (const d of districts) {
      inDistricts.add(d.v.code);
      for (const m of t.communesOfDistrict.get(d.v.code)?.match(cSeg.name, 0.7) ?? []) {
        add(m.e.v, m.sim, d.sim);
        bestSim = Math.max(bestSim, m.sim);
      }
    }
    if (bestSim < 0.95) {
      // No good match in the named district: the district may be wrong or missing; look in the province.
      const ds = dSeg && districts.length ? 0.2 : 0.7;
      for (const p of provinces) {
        for (const c of p.codes) {
          for (const m of t.communesOfProvince.get(c)?.match(cSeg.name, 0.7) ?? []) {
            if (!inDistricts.has(m.e.v.districtCode ?? '')) add(m.e.v, m.sim, ds);
          }
        }
      }
      if (provinces.length === 0 && districts.length === 0) {
        for (const m of t.allCommunes.match(cSeg.name, 2)) add(m.e.v, m.sim, 0.7);
      }
    }
    if (scored.length) i--;
  }
  if (scored.length === 0 && districts.length) {
    // A district that had no communes (island districts) maps as a whole.
    for (const d of districts) {
      if (t.index.successorsOn(d.v.code, PRE_REFORM_LAST_DAY, '9999-12-31').length) {
        scored.push({ commune: null, district: d.v, province: t.old(d.v.provinceCode), score: d.sim });
      }
    }
  }
  scored.sort((a, b) => b.score - a.score);
  return { scored, used: segments.length - 1 - i, segments, districts: districts.map((d) => d.v) };
}

/** The address read as already new: commune (no district) and a province in force since 2025-07-01. */
export function matchNew(
  t: ConversionTables,
  segments: Segment[],
): { commune: UnitVersion; score: number; used: number } | undefined {
  if (segments.length < 2) return undefined;
  const pSeg = segments.at(-1)!;
  const cSeg = segments.at(-2)!;
  if (pSeg.hint === 'commune' || pSeg.hint === 'district' || pSeg.hint === 'detail') return undefined;
  if (cSeg.hint === 'province' || cSeg.hint === 'detail') return undefined;
  const provinces = t.newProvinces.match(t.provinceName(pSeg.name), 0.8);
  let best: { commune: UnitVersion; score: number; used: number } | undefined;
  for (const p of provinces) {
    for (const m of t.newCommunesOfProvince.get(p.e.v.code)?.match(cSeg.name, 0.75) ?? []) {
      const score = 0.6 * m.sim * m.sim + 0.25 + 0.15 * p.sim;
      if (!best || score > best.score) best = { commune: m.e.v, score, used: 2 };
    }
  }
  return best;
}
