import type { AdminUnitsDataset, UnitLevel, UnitVersion } from './unit-model.js';
import { isValidOn } from './unit-model.js';
import { foldName, nameSimilarity, PROVINCE_NICKNAMES, trigramSimilarity, trigrams } from './unit-text.js';

export type UnitSearchHit = {
  unit: UnitVersion;
  province: UnitVersion | undefined;
  score: number;
  /** Set when the query was an old code alias that resolves to `unit` (06970 → 06978). */
  alias?: { code: string; note: string } | undefined;
};

export type UnitSearchOptions = {
  onDate: string;
  level?: UnitLevel | undefined;
  provinceCode?: string | undefined;
  limit?: number | undefined;
};

/** What search reads of the index: versions by code, the old code aliases, folded names and their trigrams. */
export type UnitNames = {
  versions(code: string): readonly UnitVersion[];
  readonly aliases: AdminUnitsDataset['aliases'];
  readonly byCode: ReadonlyMap<string, UnitVersion[]>;
  readonly foldedNames: ReadonlyMap<UnitVersion, string>;
  /** Filled lazily, on the first fuzzy comparison of a name. */
  readonly nameTrigrams: Map<UnitVersion, Set<string>>;
};

const TYPE_WORDS = [
  'thanh pho truc thuoc trung uong',
  'thanh pho',
  'thi tran',
  'thi xa',
  'dac khu',
  'phuong',
  'tinh',
  'quan',
  'huyen',
  'xa',
  'tp',
];

/** The unit a code (or an old code alias) names on the date, when the query is a code. */
export function searchCode(
  units: UnitNames,
  query: string,
  opts: UnitSearchOptions,
  provinces: UnitVersion[],
): UnitSearchHit | undefined {
  const code = query.trim().toUpperCase();
  if (!/^[0-9]{2,5}$|^(?=.*\d)[0-9A-Z]{2,10}$/.test(code)) return undefined;
  const own = units.versions(code).find((x) => isValidOn(x, opts.onDate));
  const alias = own ? undefined : units.aliases.find((a) => a.alias === code && a.validFrom <= opts.onDate);
  const unit = own ?? (alias ? units.versions(alias.code).find((x) => isValidOn(x, opts.onDate)) : undefined);
  if (!unit) return undefined;
  if (opts.level && unit.level !== opts.level) return undefined;
  if (opts.provinceCode && unit.provinceCode !== opts.provinceCode) return undefined;
  return {
    unit,
    province: provinces.find((p) => p.code === unit.provinceCode),
    score: 1,
    ...(alias ? { alias: { code: alias.alias, note: alias.note } } : {}),
  };
}

/**
 * By name: accent-insensitive, typo-tolerant, type words ignored; a province named at the end of the query narrows
 * the result.
 */
export function searchName(
  units: UnitNames,
  query: string,
  opts: UnitSearchOptions,
  provinces: UnitVersion[],
  limit: number,
): UnitSearchHit[] {
  let q = ` ${foldName(query)} `;
  if (!q.trim()) return [];
  let provinceCodes: Set<string> | undefined = opts.provinceCode ? new Set([opts.provinceCode]) : undefined;
  // A province named at the end of the query ("... hcm", "... ha noi") narrows the search.
  const provinceByName = new Map<string, string>();
  for (const p of provinces) provinceByName.set(foldName(p.name), p.code);
  for (const [nick, full] of Object.entries(PROVINCE_NICKNAMES)) {
    const c = provinceByName.get(full);
    if (c) provinceByName.set(nick, c);
  }
  const names = [...provinceByName.keys()].sort((a, b) => b.length - a.length);
  for (const n of names) {
    const at = q.lastIndexOf(` ${n} `);
    if (at > 0 && q.slice(0, at).trim()) {
      provinceCodes ??= new Set([provinceByName.get(n)!]);
      q = `${q.slice(0, at)} ${q.slice(at + n.length + 2)} `;
      break;
    }
  }
  for (const w of TYPE_WORDS) q = q.replaceAll(` ${w} `, ' ');
  const needle = q.trim().replace(/\s+/g, ' ');
  if (!needle) return [];
  const needleTri = trigrams(needle);
  const hits: UnitSearchHit[] = [];
  const provinceOf = new Map(provinces.map((p) => [p.code, p]));
  for (const list of units.byCode.values()) {
    for (const v of list) {
      if (!isValidOn(v, opts.onDate)) continue;
      if (opts.level && v.level !== opts.level) continue;
      if (provinceCodes && !provinceCodes.has(v.provinceCode)) continue;
      const f = units.foldedNames.get(v)!;
      let score: number;
      if (f === needle) score = 1;
      else if (f.startsWith(`${needle} `) || f.endsWith(` ${needle}`)) score = 0.85;
      else {
        let tri = units.nameTrigrams.get(v);
        if (!tri) {
          tri = trigrams(f);
          units.nameTrigrams.set(v, tri);
        }
        const quick = trigramSimilarity(needleTri, tri);
        if (quick < 0.2) continue;
        score = nameSimilarity(needle, f) * 0.9;
      }
      if (score < 0.45) continue;
      if (v.level === 'province') score += 0.01;
      hits.push({ unit: v, province: provinceOf.get(v.provinceCode), score: Math.round(score * 1000) / 1000 });
    }
  }
  return hits.sort((a, b) => b.score - a.score || a.unit.code.localeCompare(b.unit.code)).slice(0, limit);
}
