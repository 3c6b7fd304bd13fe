import { AppError } from '../errors.js';
import { type Lineage, type LinkRef, lineageOf, successorsOf, type UnitLinks } from './unit-lineage.js';
import { type AdminUnitsDataset, isValidOn, type LinkShare, type UnitVersion } from './unit-model.js';
import { searchCode, searchName, type UnitNames, type UnitSearchHit, type UnitSearchOptions } from './unit-search.js';
import { foldName } from './unit-text.js';

export type { Lineage, LineageStep } from './unit-lineage.js';
export type { UnitSearchHit, UnitSearchOptions } from './unit-search.js';

/**
 * In-memory index over a dataset: units as of a date, children, lineage, successors, and accent-insensitive,
 * typo-tolerant search by name. Pure and fast (built once from 14,000 versions in a few milliseconds).
 */
export class AdminUnitIndex {
  private readonly byCode = new Map<string, UnitVersion[]>();
  private readonly byProvince = new Map<string, UnitVersion[]>();
  private readonly byDistrict = new Map<string, UnitVersion[]>();
  private readonly linksFrom = new Map<string, LinkRef[]>();
  private readonly linksTo = new Map<string, LinkRef[]>();
  private readonly aliases: AdminUnitsDataset['aliases'];
  private readonly nameTrigrams = new Map<UnitVersion, Set<string>>();
  private readonly foldedNames = new Map<UnitVersion, string>();
  private readonly links: UnitLinks = { from: this.linksFrom, to: this.linksTo };
  private readonly names: UnitNames;

  constructor(readonly dataset: AdminUnitsDataset) {
    for (const v of dataset.versions) {
      push(this.byCode, v.code, v);
      if (v.level !== 'province') push(this.byProvince, v.provinceCode, v);
      if (v.districtCode) push(this.byDistrict, v.districtCode, v);
      const f = foldName(v.name);
      this.foldedNames.set(v, f);
    }
    for (const list of this.byCode.values()) list.sort((a, b) => (a.validFrom ?? '').localeCompare(b.validFrom ?? ''));
    for (const event of dataset.events) {
      for (const link of event.links) {
        push(this.linksFrom, link.fromCode, { event, link });
        push(this.linksTo, link.toCode, { event, link });
      }
    }
    this.aliases = dataset.aliases;
    this.names = {
      versions: (code) => this.versions(code),
      aliases: this.aliases,
      byCode: this.byCode,
      foldedNames: this.foldedNames,
      nameTrigrams: this.nameTrigrams,
    };
  }

  /** Every version of a code, oldest first. */
  versions(code: string): readonly UnitVersion[] {
    return this.byCode.get(code) ?? [];
  }

  /** The unit in force on a date (following a code alias when the code itself is not), or undefined. */
  findUnit(code: string, onDate: string): UnitVersion | undefined {
    const v = this.versions(code).find((x) => isValidOn(x, onDate));
    if (v) return v;
    const alias = this.aliases.find((a) => a.alias === code && a.validFrom <= onDate);
    return alias ? this.versions(alias.code).find((x) => isValidOn(x, onDate)) : undefined;
  }

  getUnit(code: string, onDate: string): UnitVersion {
    const v = this.findUnit(code, onDate);
    if (!v) throw new AppError('ADMIN_UNIT_NOT_FOUND', { details: { code, onDate } });
    return v;
  }

  /** Provinces in force on a date, by code. */
  listProvinces(onDate: string): UnitVersion[] {
    const out: UnitVersion[] = [];
    for (const list of this.byCode.values()) {
      for (const v of list) if (v.level === 'province' && isValidOn(v, onDate)) out.push(v);
    }
    return out.sort((a, b) => a.code.localeCompare(b.code));
  }

  /** Children as of a date: a province's districts (before 2025-07-01) or communes; a district's communes. */
  listChildren(code: string, onDate: string): UnitVersion[] {
    const parent = this.getUnit(code, onDate);
    let list: UnitVersion[];
    if (parent.level === 'district')
      list = (this.byDistrict.get(parent.code) ?? []).filter((v) => isValidOn(v, onDate));
    else {
      const inProvince = (this.byProvince.get(parent.code) ?? []).filter((v) => isValidOn(v, onDate));
      const hasDistricts = inProvince.some((v) => v.level === 'district');
      list = inProvince.filter((v) => (hasDistricts ? v.level === 'district' : v.level === 'commune'));
    }
    return list.sort((a, b) => a.code.localeCompare(b.code));
  }

  /**
   * Predecessors (back to the units of 2025-06-30 and before) and successors (to today and scheduled changes) of a
   * unit, transitively. Codes are reused across eras, so the walk is in time: a link counts only when its event
   * is on the right side of the version being walked.
   */
  lineage(code: string, onDate: string): Lineage {
    return lineageOf(this, this.links, code, onDate);
  }

  /**
   * The units in force on `onDate` that a unit in force on `fromDate` became, following every change in between.
   * share is 'partial' as soon as one step of the path was partial (a split: the address needs more detail).
   */
  successorsOn(code: string, fromDate: string, onDate: string): Array<{ unit: UnitVersion; share: LinkShare }> {
    return successorsOf(this, this.links, code, fromDate, onDate);
  }

  /**
   * Search units in force on a date by name: accent-insensitive ("ben thanh"), typo-tolerant ("ben tnhanh"),
   * type words ignored ("phuong ben thanh") and a province named anywhere in the query narrows the result
   * ("ben thanh hcm").
   */
  search(query: string, opts: UnitSearchOptions): UnitSearchHit[] {
    const limit = opts.limit ?? 10;
    const provinces = this.listProvinces(opts.onDate);
    const byCode = searchCode(this.names, query, opts, provinces);
    if (byCode) {
      // A code query ("26743", "06970"): the unit first, then any unit whose name is that number ("Phường 12").
      const rest = searchName(this.names, query, opts, provinces, limit).filter((h) => h.unit !== byCode.unit);
      return [byCode, ...rest].slice(0, limit);
    }
    return searchName(this.names, query, opts, provinces, limit);
  }
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V) {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}
