import type { ProcedureLevel } from '@mot-cua/contracts';

/** The levels a procedure is received at: the portal's tags, corrected by who implements it. */

const LEVELS: Record<string, ProcedureLevel> = {
  'cấp bộ': 'ministry',
  'cấp tỉnh': 'province',
  'cấp xã': 'commune',
  'cơ quan khác': 'other',
};

export function parseLevels(s: string): { levels: ProcedureLevel[]; unknown: string[] } {
  const levels: ProcedureLevel[] = [];
  const unknown: string[] = [];
  for (const part of s.split(',')) {
    const p = part.trim();
    if (!p) continue;
    const l = LEVELS[p.toLowerCase()];
    if (l && !levels.includes(l)) levels.push(l);
    else if (!l) unknown.push(p);
  }
  return { levels, unknown };
}

/**
 * A commune-level body named in an agency cell; district bodies count too, since their tasks passed to the
 * communes when the district level was abolished (1 July 2025).
 */
const COMMUNE_BODY =
  /cấp xã|ủy ban nhân dân (?:xã|phường)|ubnd (?:cấp )?xã|xã, phường|đặc khu|công chức tư pháp|(?:ủy ban nhân dân|ubnd) (?:cấp )?huyện|phòng tư pháp|công an (?:cấp )?huyện/iu;

/**
 * Bodies that are not the commune's: customs, treasury, social insurance, the tax authority at every tier,
 * ministries and their departments, provincial departments, courts, port authorities, notaries, land registration
 * offices.
 *
 * The tax authority: "Thuế cơ sở" (the local tax office) is a unit of the tax authority under the Ministry of
 * Finance, like "Thuế tỉnh, thành phố" and "Cục Thuế" above it (the 2025 reorganisation replaced the "Chi cục
 * Thuế" by these tiers), not a body of the commune's People's Committee: the Law on Tax Administration
 * (38/2019/QH14, art. 2) names the tax authority and the customs as the tax administration bodies. A ward's one-stop
 * counter does not receive tax declarations, so a procedure implemented only by tax offices is not a commune
 * procedure, whatever the portal's "Cấp xã" tag says (95 records in the crawl of 2025).
 */
const CENTRAL_BODY =
  /hải quan|kho bạc|bảo hiểm xã hội|cục thuế|chi cục thuế|thuế tỉnh|thuế cơ sở|cơ quan thuế|cảng vụ|tòa án|viện kiểm sát|công chứng|cấp tỉnh|văn phòng đăng ký đất đai|ban quản lý|ngân hàng|quân đội|quốc phòng/iu;
/** "Sở …", "Bộ …", "Cục …" as names (capitalised: "cơ sở dữ liệu" is not a department). */
const CENTRAL_NAME = /(?:^|[\s,])(?:Sở|Bộ|Cục|Tổng cục) /u;

/**
 * Fields administered as a whole by a sector body outside the commune (the tax authority, the customs: Law on Tax
 * Administration 38/2019/QH14, art. 2): when a record of such a field names no agency (29 tax records do not), the
 * field says who implements it, and "Cấp xã" is dropped like for a named tax office.
 */
const SECTOR_FIELD = /^(?:thuế|hải quan|kho bạc nhà nước)$/iu;

/**
 * Fields whose subject exists only in some communes: inland waterway landings, ferry landings, water areas and the
 * vessels registered on them ("Hàng hải và đường thủy nội địa"). Even where a commune body implements one (the
 * People's Committee registers small inland vessels beside the provincial Department of Construction), most of
 * the 3,321 communes have no such waterway, so enabling these at every ward by default would fill each counter's
 * list with procedures it never receives. "Cấp xã" is dropped from the default levels; the province enables them
 * for the communes concerned (a unit's or its province's configuration wins over the catalog level,
 * `isProcedureEnabled`). When nothing else is left, the level is "other": no unit receives them by default.
 */
const TERRITORIAL_FIELD = /^hàng hải và đường thủy nội địa$/iu;

/**
 * The levels as the portal tags them, corrected by who implements the procedure: "Cấp xã" is dropped when every
 * agency named (implementing, competent, authorised) is a central or provincial body and none is a commune body
 * (124 customs procedures are tagged "Cấp xã" while a regional customs branch implements them; 95 tax procedures
 * while only tax offices implement them), so no commune receives them by default. With no agency named, the field
 * decides for fields a sector body administers (`SECTOR_FIELD`); fields whose subject only some communes have
 * (`TERRITORIAL_FIELD`) are never at commune level by default. A province can still enable one for a unit.
 */
export function levelsByAgency(
  levels: readonly ProcedureLevel[],
  agencies: { implementing: string | null; competent: string | null; authorized: string | null },
  field = '',
): ProcedureLevel[] {
  if (!levels.includes('commune')) return [...levels];
  const withoutCommune = (): ProcedureLevel[] => {
    const rest = levels.filter((l) => l !== 'commune');
    return rest.length > 0 ? rest : ['other'];
  };
  const f = field.trim();
  if (TERRITORIAL_FIELD.test(f)) return withoutCommune();
  const named = [agencies.implementing, agencies.competent, agencies.authorized].filter((a): a is string => !!a);
  // Every agency named is a commune body ("Ủy ban nhân dân cấp xã"): a "Cấp bộ" tag beside "Cấp xã" is the
  // ministry that published the procedure, not a level that receives it.
  if (
    levels.includes('ministry') &&
    named.length > 0 &&
    named.every((a) => COMMUNE_BODY.test(a) && !CENTRAL_BODY.test(a) && !CENTRAL_NAME.test(a))
  ) {
    return levels.filter((l) => l !== 'ministry');
  }
  if (named.length === 0) return SECTOR_FIELD.test(f) ? withoutCommune() : [...levels];
  if (named.some((a) => COMMUNE_BODY.test(a)) || !named.every((a) => CENTRAL_BODY.test(a) || CENTRAL_NAME.test(a))) {
    return [...levels];
  }
  return withoutCommune();
}
