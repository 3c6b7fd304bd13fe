import type { ConversionResult as ContractConversionResult } from '@mot-cua/contracts';
import { orderSegments, parseAddress } from './address-parse.js';
import { candidate, resolveCandidates } from './conversion-candidates.js';
import { ConversionTables, type Scored } from './conversion-tables.js';
import { matchNew, matchOld } from './old-address-match.js';
import { originalDetail } from './original-detail.js';
import type { AdminUnitIndex } from './unit-index.js';
import { PRE_REFORM_LAST_DAY, REFORM_DATE } from './unit-model.js';

export { orderSegments, parseAddress, type Segment } from './address-parse.js';
export { originalDetail } from './original-detail.js';

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

/**
 * Converts old (pre-2025-07-01) addresses to the units in force on a date. Built once from the index (about
 * 50 ms, the name tables of conversion-tables.ts); then each conversion is pure in-memory matching.
 */
export class AddressConverter {
  private readonly tables: ConversionTables;

  constructor(private readonly index: AdminUnitIndex) {
    this.tables = new ConversionTables(index);
  }

  /** Convert a free-text address to the units in force on `onDate`. */
  convert(text: string, onDate: string): ConversionResult {
    const parsed = orderSegments(parseAddress(text, this.tables.joined), (name) =>
      this.tables.matchProvince({ hint: undefined, name }).some((p) => p.sim === 1),
    );
    const segments = this.tables.splitTrailingProvince(parsed);
    if (segments.length === 0) return { status: 'not_found', confidence: 0, candidates: [], detail: '', warnings: [] };
    const { scored, used, segments: oldSegments, districts } = matchOld(this.tables, segments);
    const fresh = segments.some((s) => s.hint === 'district') ? undefined : matchNew(this.tables, segments);
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
      const candidates = unit.map((u) => candidate(this.tables, null, u.unit, u.share, fresh.score, onDate));
      // The same words also name an old unit that went elsewhere: say so rather than guess.
      const oldReading = best && best.score >= 0.9 ? resolveCandidates(this.tables, scored, onDate, detail) : undefined;
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
    return resolveCandidates(this.tables, scored, onDate, detail, districts);
  }

  /** Convert by old codes (commune code, or district code of a district without communes). */
  convertCode(oldCode: string, onDate: string): ConversionResult {
    const v = this.index.findUnit(oldCode, PRE_REFORM_LAST_DAY);
    if (!v || v.level === 'province')
      return { status: 'not_found', confidence: 0, candidates: [], detail: '', warnings: [] };
    const scored: Scored[] = [
      {
        commune: v.level === 'commune' ? v : null,
        district: v.level === 'district' ? v : this.tables.old(v.districtCode),
        province: this.tables.old(v.provinceCode),
        score: 1,
      },
    ];
    return resolveCandidates(this.tables, scored, onDate, '');
  }
}
