import type {
  ConversionCandidate,
  ConversionResult,
  ConversionStatus,
  ConversionWarning,
} from './address-conversion.js';
import type { ConversionTables, Scored } from './conversion-tables.js';
import { type LinkShare, PRE_REFORM_LAST_DAY, type UnitVersion } from './unit-model.js';

/**
 * `named`: the districts the address's district segment matched. When the best old commune lies in none of
 * them, the district does not match: the result is ambiguous, with a warning and half the confidence.
 */
export function resolveCandidates(
  t: ConversionTables,
  scored: Scored[],
  onDate: string,
  detail: string,
  named: UnitVersion[] = [],
): ConversionResult {
  const best = scored[0]!;
  const candidates: ConversionCandidate[] = [];
  const seen = new Set<string>();
  let partial = false;
  const bestKeys = new Set<string>();
  for (const s of scored.slice(0, 8)) {
    const from = s.commune ?? s.district;
    if (!from) continue;
    for (const succ of t.index.successorsOn(from.code, PRE_REFORM_LAST_DAY, onDate)) {
      const key = `${from.code}>${succ.unit.code}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (s === best) {
        bestKeys.add(succ.unit.code);
        if (succ.share === 'partial') partial = true;
      }
      candidates.push(candidate(t, s, succ.unit, succ.share, s.score, onDate));
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
    const province = t.old(namedDistrict.provinceCode);
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

/** One candidate: the old units read (when any) and the unit in force on the date they went to. */
export function candidate(
  t: ConversionTables,
  s: Scored | null,
  unit: UnitVersion,
  share: LinkShare,
  score: number,
  onDate: string,
): ConversionCandidate {
  const province = t.index.findUnit(unit.provinceCode, onDate);
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
