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
  type UnitLevel,
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

/** A unit of the shipped files as a version: before the reform (ending the day before it) or from it on. */
function shippedVersion(
  u: { code: string; name: string; fullName: string; provinceCode?: string; districtCode?: string },
  level: UnitLevel,
  era: 'before' | 'after',
): UnitVersion {
  return {
    code: u.code,
    level,
    type: typeFromFullName(u.fullName, level),
    name: u.name,
    fullName: u.fullName,
    provinceCode: level === 'province' ? u.code : (u.provinceCode ?? u.code),
    districtCode: era === 'before' && level === 'commune' ? (u.districtCode ?? null) : null,
    validFrom: era === 'before' ? null : REFORM_DATE,
    validTo: era === 'before' ? PRE_REFORM_LAST_DAY : null,
  };
}

/** The 2025 reform's change event of each unit of a level in force after it, with its links from the old units. */
function reformEvents(
  level: 'province' | 'commune',
  units: ReadonlyArray<{ code: string; name: string; fullName: string }>,
  oldUnits: ReadonlyArray<{ code: string; name: string }>,
  mapping: ChangeLink[],
): ChangeEvent[] {
  const oldName = new Map(oldUnits.map((u) => [u.code, u.name]));
  const linksTo = new Map<string, ChangeLink[]>();
  for (const link of mapping) {
    const list = linksTo.get(link.toCode) ?? [];
    list.push(link);
    linksTo.set(link.toCode, list);
  }
  return units.map((u) => {
    const links = linksTo.get(u.code) ?? [];
    return {
      key: `reform-2025:${level}:${u.code}`,
      kind: reformKind(links, oldName.get(links[0]?.fromCode ?? ''), u.name, u.code),
      effectiveDate: REFORM_DATE,
      legalBasis: REFORM_LEGAL_BASIS,
      description: u.fullName,
      links,
    };
  });
}

/**
 * Turn the shipped files into versions, events and aliases (pure). Pre-reform units end on 2025-06-30, new units
 * start on 2025-07-01, one reorganisation event per new unit carries its predecessors (full or partial), and the
 * later changes (2026) are planned with the same planChangeEvent an administrator uses.
 */
export function buildMasterDataset(raw: RawAdminUnitsFile, changes: RawChangesFile): AdminUnitsDataset {
  const versions: UnitVersion[] = [
    ...raw.oldProvinces.map((p) => shippedVersion(p, 'province', 'before')),
    ...raw.oldDistricts.map((d) => shippedVersion(d, 'district', 'before')),
    ...raw.oldWards.map((w) => shippedVersion(w, 'commune', 'before')),
    ...raw.provinces.map((p) => shippedVersion(p, 'province', 'after')),
    ...raw.wards.map((w) => shippedVersion(w, 'commune', 'after')),
  ];

  const events: ChangeEvent[] = [
    ...reformEvents(
      'province',
      raw.provinces,
      raw.oldProvinces,
      raw.provinceMap.map((m) => ({ fromCode: m.oldProvinceCode, toCode: m.newProvinceCode, share: 'full' as const })),
    ),
    ...reformEvents(
      'commune',
      raw.wards,
      raw.oldWards,
      raw.wardMap.map((m) => ({ fromCode: m.oldCode, toCode: m.newWardCode, share: m.type })),
    ),
  ];

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
