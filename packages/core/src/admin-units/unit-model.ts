import {
  type UnitLevel,
  UnitLevel as UnitLevelSchema,
  type UnitType,
  UnitType as UnitTypeSchema,
} from '@mot-cua/contracts';
import { foldText } from '../text/fold.js';

/** Tier of an admin unit (the API contract's list). `district` exists only in history (abolished on 2025-07-01). */
export type { UnitLevel, UnitType } from '@mot-cua/contracts';

/**
 * Kinds of unit, from the API contract. Province tier: province (tỉnh), city (thành phố trực thuộc trung ương).
 * District tier (history): district (huyện), urban_district (quận), town (thị xã), provincial_city (thành phố
 * thuộc tỉnh). Commune tier: commune (xã), ward (phường), township (thị trấn, history only), special_zone (đặc khu).
 */
export const UNIT_TYPES: readonly UnitType[] = UnitTypeSchema.options;
export const UNIT_LEVELS: readonly UnitLevel[] = UnitLevelSchema.options;

export const LEVEL_OF_TYPE: Readonly<Record<UnitType, UnitLevel>> = {
  province: 'province',
  city: 'province',
  district: 'district',
  urban_district: 'district',
  town: 'district',
  provincial_city: 'district',
  commune: 'commune',
  ward: 'commune',
  township: 'commune',
  special_zone: 'commune',
};

/** The Vietnamese word that precedes the name in a unit's full name. */
export const TYPE_PREFIX: Readonly<Record<UnitType, string>> = {
  province: 'Tỉnh',
  city: 'Thành phố',
  district: 'Huyện',
  urban_district: 'Quận',
  town: 'Thị xã',
  provincial_city: 'Thành phố',
  commune: 'Xã',
  ward: 'Phường',
  township: 'Thị trấn',
  special_zone: 'Đặc khu',
};

/** One effective-dated version of a unit. Dates are inclusive civil dates; validFrom null = start not recorded. */
export type UnitVersion = {
  code: string;
  level: UnitLevel;
  type: UnitType;
  name: string;
  fullName: string;
  /** Province the unit belongs to (its own code for a province). */
  provinceCode: string;
  /** District of a pre-2025 commune; null otherwise. */
  districtCode: string | null;
  validFrom: string | null;
  validTo: string | null;
};

/** The agreed cross-feature shape of "a unit as of a date". */
export type AdminUnit = UnitVersion;

export type ChangeKind = 'reorganisation' | 'merge' | 'split' | 'rename' | 'type_change' | 'code_alias' | 'abolish';
export const CHANGE_KINDS: readonly ChangeKind[] = [
  'reorganisation',
  'merge',
  'split',
  'rename',
  'type_change',
  'code_alias',
  'abolish',
];

/** How much of the old unit went to the new one: all of it, or a part (an address needs more detail). */
export type LinkShare = 'full' | 'partial';

/** An edge of the lineage graph: on the event's date, (part of) `fromCode` became (part of) `toCode`. */
export type ChangeLink = { fromCode: string; toCode: string; share: LinkShare };

export type ChangeEvent = {
  /** Stable key: master-data events are loaded idempotently by it. */
  key: string;
  kind: ChangeKind;
  effectiveDate: string;
  legalBasis: string | null;
  description: string;
  links: ChangeLink[];
};

export type CodeAlias = { alias: string; code: string; validFrom: string; note: string };

/** Everything needed to answer unit queries: versions, events (lineage) and aliases. */
export type AdminUnitsDataset = {
  versions: UnitVersion[];
  events: ChangeEvent[];
  aliases: CodeAlias[];
};

/** Day before a civil date (YYYY-MM-DD), computed in UTC so it never depends on the server's zone. */
export function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

export function dayAfter(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** Is a version in force on a date (inclusive bounds; null bounds are open)? */
export function isValidOn(v: { validFrom: string | null; validTo: string | null }, onDate: string): boolean {
  return (v.validFrom === null || v.validFrom <= onDate) && (v.validTo === null || v.validTo >= onDate);
}

/** Read the unit type from a full name's leading word, knowing the level ("Thành phố" is ambiguous). */
export function typeFromFullName(fullName: string, level: UnitLevel): UnitType {
  const f = foldText(fullName);
  if (level === 'province') return f.startsWith('thanh pho') ? 'city' : 'province';
  if (level === 'district') {
    if (f.startsWith('quan')) return 'urban_district';
    if (f.startsWith('thi xa')) return 'town';
    if (f.startsWith('thanh pho')) return 'provincial_city';
    return 'district';
  }
  if (f.startsWith('phuong')) return 'ward';
  if (f.startsWith('thi tran')) return 'township';
  if (f.startsWith('dac khu')) return 'special_zone';
  return 'commune';
}

export function fullNameOf(type: UnitType, name: string): string {
  return `${TYPE_PREFIX[type]} ${name}`;
}

/** The date the two-tier reorganisation took effect. */
export const REFORM_DATE = '2025-07-01';
export const PRE_REFORM_LAST_DAY = '2025-06-30';
