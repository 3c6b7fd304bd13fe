import type { ConversionResult as ContractConversionResult } from '@mot-cua/contracts';
import { orderSegments, parseAddress, protectedNames, type Segment } from './address-parse.js';
import { NameTable } from './name-table.js';
import type { AdminUnitIndex } from './unit-index.js';
import { type LinkShare, PRE_REFORM_LAST_DAY, REFORM_DATE, type UnitVersion } from './unit-model.js';
import { foldName, PROVINCE_NICKNAMES } from './unit-text.js';

export { orderSegments, parseAddress, type Segment } from './address-parse.js';

/**
 * What the converter answers: the API contract's `ConversionResult` (one home, `@mot-cua/contracts`) without the
 * date asked for, which the route adds. Statuses: `converted` (one new commune: the whole old commune went there),
 * `needs_detail` (the old commune was split: every candidate is listed and a street or village is needed to
 * choose), `ambiguous` (several old communes fit the text equally well: ranked candidates, pick one),
 * `already_current` (the address already names a unit in force), `not_found`. `detail` is the text left of the
 * commune (house number, street, village), as the user wrote it (accents and case kept) when it can be found in
 * the input, otherwise folded. A `district_mismatch` warning: the address names a district that exists in the
 * province but has no commune of that name; the candidates come from other districts of the province.
 */
export type ConversionResult = Omit<ContractConversionResult, 'onDate'>;
export type ConversionStatus = ConversionResult['status'];
export type ConversionCandidate = ConversionResult['candidates'][number];
export type ConversionWarning = ConversionResult['warnings'][number];

const COMMUNE_TYPE_OF_WORD: Readonly<Record<string, UnitVersion['type']>> = {
  xa: 'commune',
  phuong: 'ward',
  'thi tran': 'township',
  'dac khu': 'special_zone',
};

type Scored = {
  commune: UnitVersion | null;
  district: UnitVersion | null;
  province: UnitVersion | null;
  score: number;
};

/**
 * Converts old (pre-2025-07-01) addresses to the units in force on a date. Built once from the index (about
 * 50 ms); then each conversion is pure in-memory matching.
 */
export class AddressConverter {
  private readonly oldProvinces: NameTable;
  private readonly newProvinces: NameTable;
  private readonly nicknames = new Map<string, string>();
  private readonly districtsOf = new Map<string, NameTable>();
  private readonly allDistricts: NameTable;
  private readonly allCommunes: NameTable;
  private readonly communesOfDistrict = new Map<string, NameTable>();
  private readonly communesOfProvince = new Map<string, NameTable>();
  private readonly newCommunesOfProvince = new Map<string, NameTable>();
  /** new province code → old province codes it was formed from. */
  private readonly oldProvincesOfNew = new Map<string, string[]>();

  constructor(private readonly index: AdminUnitIndex) {
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

  private readonly provinceNames: string[];
  private readonly joined: (folded: string) => string;

  /** Convert a free-text address to the units in force on `onDate`. */
  convert(text: string, onDate: string): ConversionResult {
    const parsed = orderSegments(parseAddress(text, this.joined), (name) =>
      this.matchProvince({ hint: undefined, name }).some((p) => p.sim === 1),
    );
    const segments = this.splitTrailingProvince(parsed);
    if (segments.length === 0) return { status: 'not_found', confidence: 0, candidates: [], detail: '', warnings: [] };
    const { scored, used, segments: oldSegments, districts } = this.matchOld(segments);
    const fresh = segments.some((s) => s.hint === 'district') ? undefined : this.matchNew(segments);
    const detail = originalDetail(
      text,
      oldSegments
        .slice(0, Math.max(0, oldSegments.length - used))
        .map((s) => s.name)
        .join(', '),
    );
    const best = scored[0];
    const oldIsFull = best !== undefined && used >= 3 && best.score >= 0.7;
    if (fresh && !oldIsFull && (!best || fresh.score > best.score + 0.001)) {
      const unit = this.index.successorsOn(fresh.commune.code, REFORM_DATE, onDate);
      const candidates = unit.map((u) => this.candidate(null, u.unit, u.share, fresh.score, onDate));
      // The same words also name an old unit that went elsewhere: say so rather than guess.
      const oldReading = best && best.score >= 0.9 ? this.resolve(scored, onDate, detail) : undefined;
      const elsewhere = oldReading?.candidates.filter(
        (c) => !candidates.some((n) => n.newUnit.code === c.newUnit.code),
      );
      if (oldReading && elsewhere && elsewhere.length > 0 && oldReading.candidates[0]?.score === best?.score) {
        return {
          status: 'ambiguous',
          confidence: Math.round((fresh.score / 2) * 1000) / 1000,
          candidates: [...candidates, ...elsewhere].slice(0, 10),
          detail,
          warnings: [],
        };
      }
      return {
        status: candidates.length ? 'already_current' : 'not_found',
        confidence: fresh.score,
        candidates,
        detail: originalDetail(
          text,
          segments
            .slice(0, segments.length - fresh.used)
            .map((s) => s.name)
            .join(', '),
        ),
        warnings: [],
      };
    }
    if (!best || best.score < 0.5) return { status: 'not_found', confidence: 0, candidates: [], detail, warnings: [] };
    return this.resolve(scored, onDate, detail, districts);
  }

  /** Convert by old codes (commune code, or district code of a district without communes). */
  convertCode(oldCode: string, onDate: string): ConversionResult {
    const v = this.index.findUnit(oldCode, PRE_REFORM_LAST_DAY);
    if (!v || v.level === 'province')
      return { status: 'not_found', confidence: 0, candidates: [], detail: '', warnings: [] };
    const scored: Scored[] = [
      {
        commune: v.level === 'commune' ? v : null,
        district: v.level === 'district' ? v : this.old(v.districtCode),
        province: this.old(v.provinceCode),
        score: 1,
      },
    ];
    return this.resolve(scored, onDate, '');
  }

  private old(code: string | null): UnitVersion | null {
    return code ? (this.index.findUnit(code, PRE_REFORM_LAST_DAY) ?? null) : null;
  }

  /**
   * `named`: the districts the address's district segment matched. When the best old commune lies in none of
   * them, the district does not match: the result is ambiguous, with a warning and half the confidence.
   */
  private resolve(scored: Scored[], onDate: string, detail: string, named: UnitVersion[] = []): ConversionResult {
    const best = scored[0]!;
    const candidates: ConversionCandidate[] = [];
    const seen = new Set<string>();
    let partial = false;
    const bestKeys = new Set<string>();
    for (const s of scored.slice(0, 8)) {
      const from = s.commune ?? s.district;
      if (!from) continue;
      for (const succ of this.index.successorsOn(from.code, PRE_REFORM_LAST_DAY, onDate)) {
        const key = `${from.code}>${succ.unit.code}`;
        if (seen.has(key)) continue;
        seen.add(key);
        if (s === best) {
          bestKeys.add(succ.unit.code);
          if (succ.share === 'partial') partial = true;
        }
        candidates.push(this.candidate(s, succ.unit, succ.share, s.score, onDate));
      }
    }
    if (candidates.length === 0) return { status: 'not_found', confidence: 0, candidates: [], detail, warnings: [] };
    // Another old unit scoring as well as the best but leading elsewhere makes the text ambiguous.
    const rival = scored.find(
      (s) =>
        s !== best &&
        best.score - s.score < 0.03 &&
        (s.commune?.code ?? s.district?.code) !== (best.commune?.code ?? best.district?.code),
    );
    const rivalLeadsElsewhere =
      rival && candidates.some((c) => c.oldCommune?.code === rival.commune?.code && !bestKeys.has(c.newUnit.code));
    const warnings: ConversionWarning[] = [];
    const namedDistrict = named[0];
    if (best.commune && namedDistrict && !named.some((d) => d.code === best.commune!.districtCode)) {
      const province = this.old(namedDistrict.provinceCode);
      warnings.push({
        code: 'district_mismatch',
        district: { code: namedDistrict.code, fullName: namedDistrict.fullName },
        province: province ? { code: province.code, fullName: province.fullName } : null,
        communeName: best.commune.name,
      });
    }
    // A split commune always needs a street or village, even when another old commune fits as well (then with
    // half the confidence, its candidates listed after).
    const unsure = rivalLeadsElsewhere || warnings.length > 0;
    const status: ConversionStatus = partial ? 'needs_detail' : unsure ? 'ambiguous' : 'converted';
    const confidence = (status === 'needs_detail' ? best.score / bestKeys.size : best.score) * (unsure ? 0.5 : 1);
    return {
      status,
      confidence: Math.round(confidence * 1000) / 1000,
      candidates: candidates.slice(0, 10),
      detail,
      warnings,
    };
  }

  private candidate(
    s: Scored | null,
    unit: UnitVersion,
    share: LinkShare,
    score: number,
    onDate: string,
  ): ConversionCandidate {
    const province = this.index.findUnit(unit.provinceCode, onDate);
    const ref = (v: UnitVersion | null | undefined) => (v ? { code: v.code, fullName: v.fullName } : null);
    return {
      oldCommune: ref(s?.commune),
      oldDistrict: ref(s?.district),
      oldProvince: ref(s?.province),
      newUnit: { code: unit.code, fullName: unit.fullName, type: unit.type },
      newProvince: { code: unit.provinceCode, fullName: province?.fullName ?? unit.provinceCode },
      share,
      score: Math.round(score * 1000) / 1000,
    };
  }

  /** "huyen hau loc thanh hoa" (no comma before the province) → district "hau loc" + province "thanh hoa". */
  private splitTrailingProvince(segments: Segment[]): Segment[] {
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

  private provinceName(name: string): string {
    return this.nicknames.get(name) ?? name;
  }

  /** Old provinces a segment names (an old province, or a new one standing for the old ones it absorbed). */
  private matchProvince(seg: Segment): Array<{ codes: string[]; sim: number; v: UnitVersion }> {
    const name = this.provinceName(seg.name);
    const out: Array<{ codes: string[]; sim: number; v: UnitVersion }> = [];
    for (const m of this.oldProvinces.match(name, 0.8)) out.push({ codes: [m.e.v.code], sim: m.sim, v: m.e.v });
    if (out.length === 0 || out[0]!.sim < 1) {
      for (const m of this.newProvinces.match(name, 0.8)) {
        out.push({ codes: this.oldProvincesOfNew.get(m.e.v.code) ?? [], sim: m.sim * 0.98, v: m.e.v });
      }
    }
    return out.sort((a, b) => b.sim - a.sim).slice(0, 3);
  }

  private matchOld(input: Segment[]): {
    scored: Scored[];
    used: number;
    segments: Segment[];
    districts: UnitVersion[];
  } {
    let segments = input;
    let i = segments.length - 1;
    let provinces: Array<{ codes: string[]; sim: number; v: UnitVersion }> = [];
    const last = segments[i]!;
    if (last.hint !== 'district' && last.hint !== 'commune' && last.hint !== 'detail') {
      provinces = this.matchProvince(last);
      if (provinces.length || last.hint === 'province') i--;
    }
    let districts: Array<{ v: UnitVersion; sim: number }> = [];
    const glued = segments[i];
    if (glued && glued.hint === 'commune' && provinces.length) {
      // "xa nghia yen nghia dan": a district name written after the commune without a comma or type word.
      const words = glued.name.split(' ');
      for (let k = 1; k < words.length; k++) {
        const right = words.slice(k).join(' ');
        const hit = provinces.some((p) => p.codes.some((c) => this.districtsOf.get(c)?.match(right, 2).length));
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
            p.codes.map((c) => ({ t: this.districtsOf.get(c), w: p.sim })).filter((x) => x.t !== undefined),
          )
        : [{ t: this.allDistricts, w: 0.92 }];
      for (const { t, w } of tables)
        for (const m of t!.match(dSeg.name, 0.75)) found.push({ v: m.e.v, sim: m.sim * w });
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
        scored.push({ commune: v, district: this.old(v.districtCode), province: this.old(v.provinceCode), score });
      };
      const inDistricts = new Set<string>();
      let bestSim = 0;
      for (const d of districts) {
        inDistricts.add(d.v.code);
        for (const m of this.communesOfDistrict.get(d.v.code)?.match(cSeg.name, 0.7) ?? []) {
          add(m.e.v, m.sim, d.sim);
          bestSim = Math.max(bestSim, m.sim);
        }
      }
      if (bestSim < 0.95) {
        // No good match in the named district: the district may be wrong or missing; look in the province.
        const ds = dSeg && districts.length ? 0.2 : 0.7;
        for (const p of provinces) {
          for (const c of p.codes) {
            for (const m of this.communesOfProvince.get(c)?.match(cSeg.name, 0.7) ?? []) {
              if (!inDistricts.has(m.e.v.districtCode ?? '')) add(m.e.v, m.sim, ds);
            }
          }
        }
        if (provinces.length === 0 && districts.length === 0) {
          for (const m of this.allCommunes.match(cSeg.name, 2)) add(m.e.v, m.sim, 0.7);
        }
      }
      if (scored.length) i--;
    }
    if (scored.length === 0 && districts.length) {
      // A district that had no communes (island districts) maps as a whole.
      for (const d of districts) {
        if (this.index.successorsOn(d.v.code, PRE_REFORM_LAST_DAY, '9999-12-31').length) {
          scored.push({ commune: null, district: d.v, province: this.old(d.v.provinceCode), score: d.sim });
        }
      }
    }
    scored.sort((a, b) => b.score - a.score);
    return { scored, used: segments.length - 1 - i, segments, districts: districts.map((d) => d.v) };
  }

  /** The address read as already new: commune (no district) and a province in force since 2025-07-01. */
  private matchNew(segments: Segment[]): { commune: UnitVersion; score: number; used: number } | undefined {
    if (segments.length < 2) return undefined;
    const pSeg = segments.at(-1)!;
    const cSeg = segments.at(-2)!;
    if (pSeg.hint === 'commune' || pSeg.hint === 'district' || pSeg.hint === 'detail') return undefined;
    if (cSeg.hint === 'province' || cSeg.hint === 'detail') return undefined;
    const provinces = this.newProvinces.match(this.provinceName(pSeg.name), 0.8);
    let best: { commune: UnitVersion; score: number; used: number } | undefined;
    for (const p of provinces) {
      for (const m of this.newCommunesOfProvince.get(p.e.v.code)?.match(cSeg.name, 0.75) ?? []) {
        const score = 0.6 * m.sim * m.sim + 0.25 + 0.15 * p.sim;
        if (!best || score > best.score) best = { commune: m.e.v, score, used: 2 };
      }
    }
    return best;
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

/**
 * The user's own text for a detail computed on folded segments: the shortest prefix of `text` whose words fold to
 * the detail's words (accents, case and punctuation kept). Falls back to the folded detail when the words do not
 * line up (an abbreviation expanded inside the detail, for instance).
 */
export function originalDetail(text: string, folded: string): string {
  const want = foldName(folded).split(' ').filter(Boolean);
  if (want.length === 0) return folded;
  let got = 0;
  for (const m of text.matchAll(/\S+/g)) {
    const words = foldName(m[0]).split(' ').filter(Boolean);
    for (const w of words) {
      if (got >= want.length) return folded;
      if (w !== want[got]) return folded;
      got++;
    }
    if (got === want.length) {
      return text
        .slice(0, m.index + m[0].length)
        .replace(/[\s,;:|.\-–—]+$/u, '')
        .replace(/\s+/g, ' ')
        .trim();
    }
  }
  return folded;
}
