import type { ChangeEventRequest, UnitType } from '@mot-cua/contracts';
import { vnToday } from '@mot-cua/contracts';

export type EventKind = ChangeEventRequest['kind'];
export const KINDS: EventKind[] = ['merge', 'split', 'rename', 'type_change', 'code_alias'];
export const UNIT_TYPES: UnitType[] = [
  'commune',
  'ward',
  'special_zone',
  'province',
  'city',
  'township',
  'district',
  'urban_district',
  'town',
  'provincial_city',
];

export type EventFormFields = {
  kind: EventKind;
  effectiveDate: string;
  legalBasis: string;
  description: string;
  sourceCodes: string;
  sourceCode: string;
  targetCode: string;
  targetName: string;
  targetType: string;
  targets: string;
  code: string;
  name: string;
  units: string;
  alias: string;
};

const codesOf = (s: string) =>
  s
    .split(/[\s,;]+/)
    .map((c) => c.trim().toUpperCase())
    .filter(Boolean);
const linesOf = (s: string) =>
  s
    .split('\n')
    .map((l) => l.split(';').map((p) => p.trim()))
    .filter((p) => p[0]);

/** The form as the API's ChangeEventRequest (the server validates it again). */
export function toRequest(f: EventFormFields): ChangeEventRequest {
  const base = {
    effectiveDate: f.effectiveDate,
    ...(f.legalBasis.trim() ? { legalBasis: f.legalBasis.trim() } : {}),
    ...(f.description.trim() ? { description: f.description.trim() } : {}),
  };
  switch (f.kind) {
    case 'merge':
      return {
        kind: 'merge',
        ...base,
        sourceCodes: codesOf(f.sourceCodes),
        target: { code: f.targetCode.trim().toUpperCase(), name: f.targetName.trim(), type: f.targetType as UnitType },
      };
    case 'split':
      return {
        kind: 'split',
        ...base,
        sourceCode: f.sourceCode.trim().toUpperCase(),
        targets: linesOf(f.targets).map(([code, name, type]) => ({
          code: code!.toUpperCase(),
          name: name ?? '',
          type: (type ?? 'commune') as UnitType,
        })),
      };
    case 'rename':
      return { kind: 'rename', ...base, code: f.code.trim().toUpperCase(), name: f.name.trim() };
    case 'type_change':
      return {
        kind: 'type_change',
        ...base,
        units: linesOf(f.units).map(([code, type, name]) => ({
          code: code!.toUpperCase(),
          type: (type ?? 'ward') as UnitType,
          ...(name ? { name } : {}),
        })),
      };
    case 'code_alias':
      return { kind: 'code_alias', ...base, alias: f.alias.trim().toUpperCase(), code: f.code.trim().toUpperCase() };
  }
}

/** A blank form: a merge taking effect today. */
export function blankEventForm(): EventFormFields {
  return {
    kind: 'merge',
    effectiveDate: vnToday(),
    legalBasis: '',
    description: '',
    sourceCodes: '',
    sourceCode: '',
    targetCode: '',
    targetName: '',
    targetType: 'ward',
    targets: '',
    code: '',
    name: '',
    units: '',
    alias: '',
  };
}
