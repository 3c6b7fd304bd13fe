import { type ChangeEventInput, planChangeEvent } from './change-plan.js';
import {
  type AdminUnitsDataset,
  type ChangeEvent,
  type ChangeKind,
  type ChangeLink,
  type CodeAlias,
  PRE_REFORM_LAST_DAY,
  REFORM_DATE,
  typeFromFullName,
  type UnitType,
  type UnitVersion,
} from './unit-model.js';

/** The shipped file data/admin-units/vn-admin-units-2025-07-01.json, as far as this feature reads it. */
export type RawAdminUnitsFile = {
  meta: { effectiveDate: string; sources: Record<string, string>; counts: Record<string, number> };
  provinces: Array<{ code: string; name: string; fullName: string; type: string }>;
  wards: Array<{ code: string; name: string; fullName: string; type: string; provinceCode: string }>;
  oldProvinces: Array<{ code: string; name: string; fullName: string }>;
  oldDistricts: Array<{ code: string; name: string; fullName: string; provinceCode: string }>;
  oldWards: Array<{ code: string; name: string; fullName: string; districtCode: string; provinceCode: string }>;
  provinceMap: Array<{ oldProvinceCode: string; newProvinceCode: string }>;
  wardMap: Array<{
    oldLevel: 'ward' | 'district';
    oldCode: string;
    oldName: string;
    oldDistrictCode: string;
    oldProvinceCode: string;
    newWardCode: string;
    type: 'full' | 'partial';
    corrected?: { from: string; reason: string };
  }>;
};

/** The shipped file data/admin-units/changes-after-2025-07-01.json. */
export type RawChangesFile = {
  aliases: Array<{ alias: string; code: string; validFrom: string; note: string }>;
  events: Array<{
    key: string;
    kind: 'type_change';
    effectiveDate: string;
    legalBasis: string;
    description: string;
    units: Array<{ code: string; type: UnitType; name?: string }>;
  }>;
};

export const REFORM_LEGAL_BASIS =
  'Nghị quyết 202/2025/QH15; Luật Tổ chức chính quyền địa phương 72/2025/QH15; các nghị quyết của UBTVQH về sắp xếp ĐVHC cấp xã năm 2025';

function reformKind(links: ChangeLink[], oldName: string | undefined, newName: string, code: string): ChangeKind {
  if (links.length >= 2) return 'merge';
  const only = links[0];
  if (!only) return 'reorganisation';
  if (only.share === 'partial') return 'split';
  return only.fromCode !== code || oldName !== newName ? 'rename' : 'reorganisation';
}

/**
 * Turn the shipped files into versions, events and aliases (pure). Pre-reform units end on 2025-06-30, new units
 * start on 2025-07-01, one reorganisation event per new unit carries its predecessors (full or partial), and the
 * later changes (2026) are planned with the same planChangeEvent an administrator uses.
 */
export function buildMasterDataset(raw: RawAdminUnitsFile, changes: RawChangesFile): AdminUnitsDataset {
  const versions: UnitVersion[] = [];
  for (const p of raw.oldProvinces) {
    versions.push({
      code: p.code,
      level: 'province',
      type: typeFromFullName(p.fullName, 'province'),
      name: p.name,
      fullName: p.fullName,
      provinceCode: p.code,
      districtCode: null,
      validFrom: null,
      validTo: PRE_REFORM_LAST_DAY,
    });
  }
  for (const d of raw.oldDistricts) {
    versions.push({
      code: d.code,
      level: 'district',
      type: typeFromFullName(d.fullName, 'district'),
      name: d.name,
      fullName: d.fullName,
      provinceCode: d.provinceCode,
      districtCode: null,
      validFrom: null,
      validTo: PRE_REFORM_LAST_DAY,
    });
  }
  for (const w of raw.oldWards) {
    versions.push({
      code: w.code,
      level: 'commune',
      type: typeFromFullName(w.fullName, 'commune'),
      name: w.name,
      fullName: w.fullName,
      provinceCode: w.provinceCode,
      districtCode: w.districtCode,
      validFrom: null,
      validTo: PRE_REFORM_LAST_DAY,
    });
  }
  for (const p of raw.provinces) {
    versions.push({
      code: p.code,
      level: 'province',
      type: typeFromFullName(p.fullName, 'province'),
      name: p.name,
      fullName: p.fullName,
      provinceCode: p.code,
      districtCode: null,
      validFrom: REFORM_DATE,
      validTo: null,
    });
  }
  for (const w of raw.wards) {
    versions.push({
      code: w.code,
      level: 'commune',
      type: typeFromFullName(w.fullName, 'commune'),
      name: w.name,
      fullName: w.fullName,
      provinceCode: w.provinceCode,
      districtCode: null,
      validFrom: REFORM_DATE,
      validTo: null,
    });
  }

  const events: ChangeEvent[] = [];
  const oldProvinceName = new Map(raw.oldProvinces.map((p) => [p.code, p.name]));
  const provinceLinks = new Map<string, ChangeLink[]>();
  for (const m of raw.provinceMap) {
    const list = provinceLinks.get(m.newProvinceCode) ?? [];
    list.push({ fromCode: m.oldProvinceCode, toCode: m.newProvinceCode, share: 'full' });
    provinceLinks.set(m.newProvinceCode, list);
  }
  for (const p of raw.provinces) {
    const links = provinceLinks.get(p.code) ?? [];
    events.push({
      key: `reform-2025:province:${p.code}`,
      kind: reformKind(links, oldProvinceName.get(links[0]?.fromCode ?? ''), p.name, p.code),
      effectiveDate: REFORM_DATE,
      legalBasis: REFORM_LEGAL_BASIS,
      description: p.fullName,
      links,
    });
  }
  const oldWardName = new Map(raw.oldWards.map((w) => [w.code, w.name]));
  const wardLinks = new Map<string, ChangeLink[]>();
  for (const m of raw.wardMap) {
    const list = wardLinks.get(m.newWardCode) ?? [];
    list.push({ fromCode: m.oldCode, toCode: m.newWardCode, share: m.type });
    wardLinks.set(m.newWardCode, list);
  }
  for (const w of raw.wards) {
    const links = wardLinks.get(w.code) ?? [];
    events.push({
      key: `reform-2025:commune:${w.code}`,
      kind: reformKind(links, oldWardName.get(links[0]?.fromCode ?? ''), w.name, w.code),
      effectiveDate: REFORM_DATE,
      legalBasis: REFORM_LEGAL_BASIS,
      description: w.fullName,
      links,
    });
  }

  const aliases: CodeAlias[] = changes.aliases.map((a) => ({ ...a }));
  const dataset: AdminUnitsDataset = { versions, events, aliases };
  for (const e of [...changes.events].sort((a, b) => a.effectiveDate.localeCompare(b.effectiveDate))) {
    const input: ChangeEventInput = {
      kind: 'type_change',
      effectiveDate: e.effectiveDate,
      legalBasis: e.legalBasis,
      description: e.description,
      units: e.units,
    };
    applyPlanInMemory(
      dataset,
      planChangeEvent(
        input,
        versionsOf(
          dataset,
          e.units.map((u) => u.code),
        ),
        e.key,
      ),
    );
  }
  return dataset;
}

/** Versions of some codes, for planChangeEvent. */
export function versionsOf(dataset: AdminUnitsDataset, codes: string[]): Map<string, UnitVersion[]> {
  const wanted = new Set(codes);
  const out = new Map<string, UnitVersion[]>(codes.map((c) => [c, []]));
  for (const v of dataset.versions) if (wanted.has(v.code)) out.get(v.code)!.push(v);
  return out;
}

/** Apply a plan to an in-memory dataset (the database applies the same plan with SQL). */
export function applyPlanInMemory(dataset: AdminUnitsDataset, plan: ReturnType<typeof planChangeEvent>): void {
  for (const c of plan.closeVersions) {
    const v = dataset.versions.find((x) => x.code === c.code && x.validFrom === c.validFrom);
    if (v) v.validTo = c.validTo;
  }
  dataset.versions.push(...plan.newVersions);
  dataset.aliases.push(...plan.aliases);
  dataset.events.push(plan.event);
}
