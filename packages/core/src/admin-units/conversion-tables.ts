import { protectedNames, type Segment } from './address-parse.js';
import { NameTable } from './name-table.js';
import type { AdminUnitIndex } from './unit-index.js';
import { PRE_REFORM_LAST_DAY, REFORM_DATE, type UnitVersion } from './unit-model.js';
import { foldName, PROVINCE_NICKNAMES } from './unit-text.js';

/** An old unit (commune, or a district without communes) the address may name, with how well it fits. */
export type Scored = {
  commune: UnitVersion | null;
  district: UnitVersion | null;
  province: UnitVersion | null;
  score: number;
};

export type ProvinceMatch = { codes: string[]; sim: number; v: UnitVersion };

/**
 * The name tables the converter matches against, built once from the index (about 50 ms): old provinces,
 * districts and communes (before 2025-07-01) by parent, the new provinces and communes, the provinces' nicknames
 * and which old provinces formed each new one.
 */
export class ConversionTables {
  readonly oldProvinces: NameTable;
  readonly newProvinces: NameTable;
  readonly nicknames = new Map<string, string>();
  readonly districtsOf = new Map<string, NameTable>();
  readonly allDistricts: NameTable;
  readonly allCommunes: NameTable;
  readonly communesOfDistrict = new Map<string, NameTable>();
  readonly communesOfProvince = new Map<string, NameTable>();
  readonly newCommunesOfProvince = new Map<string, NameTable>();
  /** new province code → old province codes it was formed from. */
  readonly oldProvincesOfNew = new Map<string, string[]>();
  /** Province names and nicknames, longest first. */
  readonly provinceNames: string[];
  /** Folded text with the names written with a dash or containing a separator word kept whole. */
  readonly joined: (folded: string) => string;

  constructor(readonly index: AdminUnitIndex) {
    const old = index.dataset.versions.filter((v) => v.validTo === PRE_REFORM_LAST_DAY);
    const fresh = index.dataset.versions.filter((v) => v.validFrom === REFORM_DATE);
    this.oldProvinces = new NameTable(old.filter((v) => v.level === 'province'));
    this.newProvinces = new NameTable(fresh.filter((v) => v.level === 'province'));
    const districts = old.filter((v) => v.level === 'district');
    this.allDistricts = new NameTable(districts);
    group(districts, (v) => v.provinceCode, this.districtsOf);
    const communes = old.filter((v) => v.level === 'commune');
    this.allCommunes = new NameTable(communes);
    group(communes, (v) => v.districtCode ?? '', this.communesOfDistrict);
    group(communes, (v) => v.provinceCode, this.communesOfProvince);
    group(
      fresh.filter((v) => v.level === 'commune'),
      (v) => v.provinceCode,
      this.newCommunesOfProvince,
    );
    for (const e of index.dataset.events) {
      if (e.effectiveDate !== REFORM_DATE) continue;
      for (const l of e.links) {
        if (l.fromCode.length !== 2) continue;
        const list = this.oldProvincesOfNew.get(l.toCode) ?? [];
        list.push(l.fromCode);
        this.oldProvincesOfNew.set(l.toCode, list);
      }
    }
    for (const [nick, full] of Object.entries(PROVINCE_NICKNAMES)) this.nicknames.set(nick, full);
    const names = new Set([...this.nicknames.keys()]);
    for (const e of [...this.oldProvinces.entries, ...this.newProvinces.entries]) names.add(e.folded);
    this.provinceNames = [...names].sort((a, b) => b.length - a.length);
    // Names written with a dash ("Bà Rịa - Vũng Tàu", "Văn Miếu - Quốc Tử Giám"): the dash is not a separator.
    const dashed = [...old, ...fresh]
      .filter((v) => /\s[-–—]\s/.test(v.name))
      .map((v) => foldName(v.name).split(' ').join('\\s*[-–—]?\\s*'));
    const dashedRe = dashed.length ? new RegExp(`(${[...new Set(dashed)].join('|')})`, 'g') : undefined;
    const inner = protectedNames([...old, ...fresh].map((v) => foldName(v.name)));
    this.joined = (folded) => {
      const undashed = dashedRe ? folded.replace(dashedRe, (m) => m.replace(/\s*[-–—]\s*/g, ' ')) : folded;
      return inner(undashed);
    };
  }

  /** The unit version of an old code the day before the reform. */
  old(code: string | null): UnitVersion | null {
    return code ? (this.index.findUnit(code, PRE_REFORM_LAST_DAY) ?? null) : null;
  }

  /** "huyen hau loc thanh hoa" (no comma before the province) → district "hau loc" + province "thanh hoa". */
  splitTrailingProvince(segments: Segment[]): Segment[] {
    const last = segments.at(-1);
    if (!last || last.hint === 'province' || last.hint === 'detail') return segments;
    if (last.hint === undefined && this.matchProvince(last).some((p) => p.sim === 1)) return segments;
    for (const name of this.provinceNames) {
      if (last.name.length > name.length + 1 && last.name.endsWith(` ${name}`)) {
        const rest = last.name
          .slice(0, -name.length - 1)
          .replace(/ (tinh|thanh pho)$/, '')
          .trim();
        if (!rest) break;
        return [...segments.slice(0, -1), { ...last, name: rest }, { hint: 'province', name }];
      }
    }
    return segments;
  }

  provinceName(name: string): string {
    return this.nicknames.get(name) ?? name;
  }

  /** Old provinces a segment names (an old province, or a new one standing for the old ones it absorbed). */
  matchProvince(seg: Segment): ProvinceMatch[] {
    const name = this.provinceName(seg.name);
    const out: ProvinceMatch[] = [];
    for (const m of this.oldProvinces.match(name, 0.8)) out.push({ codes: [m.e.v.code], sim: m.sim, v: m.e.v });
    if (out.length === 0 || out[0]!.sim < 1) {
      for (const m of this.newProvinces.match(name, 0.8)) {
        out.push({ codes: this.oldProvincesOfNew.get(m.e.v.code) ?? [], sim: m.sim * 0.98, v: m.e.v });
      }
    }
    return out.sort((a, b) => b.sim - a.sim).slice(0, 3);
  }
}

function group(list: UnitVersion[], key: (v: UnitVersion) => string, into: Map<string, NameTable>) {
  const m = new Map<string, UnitVersion[]>();
  for (const v of list) {
    const k = key(v);
    const arr = m.get(k);
    if (arr) arr.push(v);
    else m.set(k, [v]);
  }
  for (const [k, versions] of m) into.set(k, new NameTable(versions));
}
