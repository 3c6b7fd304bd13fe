import { AppError } from '../errors.js';
import {
  type ChangeEvent,
  type ChangeLink,
  type CodeAlias,
  dayBefore,
  fullNameOf,
  isValidOn,
  LEVEL_OF_TYPE,
  type UnitType,
  type UnitVersion,
} from './unit-model.js';

/** A unit created or re-versioned by a change event. */
export type NewUnitSpec = { code: string; name: string; type: UnitType; provinceCode?: string | undefined };

type EventBase = { effectiveDate: string; legalBasis?: string | null | undefined; description?: string | undefined };

/** What an administrator (or the master data) asks for. Codes are the keys; names and types are attributes. */
export type ChangeEventInput = EventBase &
  (
    | { kind: 'merge'; sourceCodes: string[]; target: NewUnitSpec }
    | { kind: 'split'; sourceCode: string; targets: NewUnitSpec[] }
    | { kind: 'rename'; code: string; name: string }
    | { kind: 'type_change'; units: Array<{ code: string; type: UnitType; name?: string | undefined }> }
    | { kind: 'code_alias'; alias: string; code: string }
  );

/** The exact edits a change event makes, computed before anything is written (this is the preview). */
export type ChangePlan = {
  event: ChangeEvent;
  /** Versions that end the day before the effective date. */
  closeVersions: Array<{ code: string; validFrom: string | null; validTo: string }>;
  newVersions: UnitVersion[];
  aliases: CodeAlias[];
  /** Records owned by fromCode move to toCode (whole unit went there). */
  moves: Array<{ fromCode: string; toCode: string }>;
  /** Records owned by fromCode cannot be placed automatically (split): they go to a review list. */
  reviews: Array<{ fromCode: string; candidateCodes: string[] }>;
};

/** Versions of the units an event touches, by code (every version, in any order). */
export type VersionsByCode = ReadonlyMap<string, readonly UnitVersion[]>;

const invalid = (reason: string, details: Record<string, unknown> = {}) =>
  new AppError('CHANGE_EVENT_INVALID', { message: reason, details: { reason, ...details } });

/** The version of `code` that a change on `date` ends: in force on that date, started before it, and last. */
function currentVersion(versions: VersionsByCode, code: string, date: string): UnitVersion {
  const all = versions.get(code) ?? [];
  const v = all.find((x) => isValidOn(x, date));
  if (!v) {
    throw new AppError('ADMIN_UNIT_NOT_FOUND', { details: { code, onDate: date } });
  }
  if (v.validFrom !== null && v.validFrom >= date) {
    throw new AppError('UNIT_VERSION_CONFLICT', {
      message: `unit ${code} already has a version starting on ${v.validFrom}`,
      details: { code, validFrom: v.validFrom },
    });
  }
  const later = all.find((x) => x.validFrom !== null && x.validFrom > date);
  if (later || v.validTo !== null) {
    throw new AppError('UNIT_VERSION_CONFLICT', {
      message: `unit ${code} has a change scheduled after ${date}`,
      details: { code, laterFrom: later?.validFrom ?? v.validTo },
    });
  }
  return v;
}

function assertCodeFree(versions: VersionsByCode, code: string, date: string) {
  const clash = (versions.get(code) ?? []).find((x) => x.validTo === null || x.validTo >= date);
  if (clash) throw new AppError('UNIT_CODE_TAKEN', { details: { code } });
}

function newVersion(spec: NewUnitSpec, date: string, like: UnitVersion): UnitVersion {
  const level = LEVEL_OF_TYPE[spec.type];
  if (level !== like.level) throw invalid('a unit cannot change tier', { code: spec.code, type: spec.type });
  const name = spec.name.trim();
  if (!name) throw invalid('a unit needs a name', { code: spec.code });
  return {
    code: spec.code,
    level,
    type: spec.type,
    name,
    fullName: fullNameOf(spec.type, name),
    provinceCode: level === 'province' ? spec.code : (spec.provinceCode ?? like.provinceCode),
    districtCode: null,
    validFrom: date,
    validTo: null,
  };
}

const CODE = /^[0-9A-Z]{2,10}$/;

/**
 * Plan a change event: which versions end, which begin, which records move and which go to review. Pure: the
 * caller supplies every version of the codes involved (see codesInvolved) and writes the plan in one
 * transaction. Throws CHANGE_EVENT_INVALID, ADMIN_UNIT_NOT_FOUND, UNIT_VERSION_CONFLICT or UNIT_CODE_TAKEN.
 */
export function planChangeEvent(input: ChangeEventInput, versions: VersionsByCode, key: string): ChangePlan {
  const date = input.effectiveDate;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw invalid('effectiveDate must be YYYY-MM-DD');
  const before = dayBefore(date);
  const plan: ChangePlan = {
    event: {
      key,
      kind: input.kind,
      effectiveDate: date,
      legalBasis: input.legalBasis ?? null,
      description: input.description ?? '',
      links: [],
    },
    closeVersions: [],
    newVersions: [],
    aliases: [],
    moves: [],
    reviews: [],
  };
  const close = (v: UnitVersion) => plan.closeVersions.push({ code: v.code, validFrom: v.validFrom, validTo: before });
  const link = (l: ChangeLink) => plan.event.links.push(l);

  switch (input.kind) {
    case 'merge': {
      const sources = [...new Set(input.sourceCodes)];
      if (sources.length < 2) throw invalid('a merge needs at least two source units');
      if (!CODE.test(input.target.code)) throw invalid('invalid target code', { code: input.target.code });
      const current = sources.map((c) => currentVersion(versions, c, date));
      const level = current[0]!.level;
      if (current.some((v) => v.level !== level)) throw invalid('merged units must be of one tier');
      const keepsCode = sources.includes(input.target.code);
      if (!keepsCode) assertCodeFree(versions, input.target.code, date);
      const like = current.find((v) => v.code === input.target.code) ?? current[0]!;
      for (const v of current) close(v);
      plan.newVersions.push(newVersion(input.target, date, like));
      for (const c of sources) {
        link({ fromCode: c, toCode: input.target.code, share: 'full' });
        if (c !== input.target.code) plan.moves.push({ fromCode: c, toCode: input.target.code });
      }
      if (!plan.event.description) {
        plan.event.description = `Sáp nhập ${current.map((v) => v.fullName).join(', ')} thành ${fullNameOf(input.target.type, input.target.name)}`;
      }
      break;
    }
    case 'split': {
      const src = currentVersion(versions, input.sourceCode, date);
      const codes = input.targets.map((t) => t.code);
      if (codes.length < 2 || new Set(codes).size !== codes.length) {
        throw invalid('a split needs at least two distinct target units');
      }
      close(src);
      for (const t of input.targets) {
        if (!CODE.test(t.code)) throw invalid('invalid target code', { code: t.code });
        if (t.code === src.code) {
          plan.newVersions.push(newVersion(t, date, src));
        } else {
          const existing = (versions.get(t.code) ?? []).find((x) => isValidOn(x, date));
          if (!existing) {
            assertCodeFree(versions, t.code, date);
            plan.newVersions.push(newVersion(t, date, src));
          } else if (existing.level !== src.level) {
            throw invalid('split targets must be of the same tier', { code: t.code });
          }
        }
        link({ fromCode: src.code, toCode: t.code, share: 'partial' });
      }
      plan.reviews.push({ fromCode: src.code, candidateCodes: codes });
      if (!plan.event.description) plan.event.description = `Chia tách ${src.fullName}`;
      break;
    }
    case 'rename': {
      const v = currentVersion(versions, input.code, date);
      const name = input.name.trim();
      if (!name || name === v.name) throw invalid('the new name must differ from the current one');
      close(v);
      plan.newVersions.push({ ...v, name, fullName: fullNameOf(v.type, name), validFrom: date, validTo: null });
      link({ fromCode: v.code, toCode: v.code, share: 'full' });
      if (!plan.event.description) plan.event.description = `Đổi tên ${v.fullName} thành ${fullNameOf(v.type, name)}`;
      break;
    }
    case 'type_change': {
      if (input.units.length === 0) throw invalid('a type change needs at least one unit');
      for (const u of input.units) {
        const v = currentVersion(versions, u.code, date);
        if (LEVEL_OF_TYPE[u.type] !== v.level) throw invalid('a unit cannot change tier', { code: u.code });
        const name = u.name?.trim() || v.name;
        if (u.type === v.type && name === v.name) throw invalid('nothing changes', { code: u.code });
        close(v);
        plan.newVersions.push({
          ...v,
          type: u.type,
          name,
          fullName: fullNameOf(u.type, name),
          validFrom: date,
          validTo: null,
        });
        link({ fromCode: v.code, toCode: v.code, share: 'full' });
      }
      break;
    }
    case 'code_alias': {
      if (!CODE.test(input.alias) || input.alias === input.code) throw invalid('invalid alias');
      if (!(versions.get(input.code) ?? []).some((x) => isValidOn(x, date))) {
        throw new AppError('ADMIN_UNIT_NOT_FOUND', { details: { code: input.code, onDate: date } });
      }
      const aliasInForce = (versions.get(input.alias) ?? []).some((x) => isValidOn(x, date));
      if (aliasInForce) throw new AppError('UNIT_CODE_TAKEN', { details: { code: input.alias } });
      plan.aliases.push({ alias: input.alias, code: input.code, validFrom: date, note: input.description ?? '' });
      link({ fromCode: input.alias, toCode: input.code, share: 'full' });
      plan.moves.push({ fromCode: input.alias, toCode: input.code });
      break;
    }
  }
  return plan;
}

/** Codes whose versions planChangeEvent needs. */
export function codesInvolved(input: ChangeEventInput): string[] {
  switch (input.kind) {
    case 'merge':
      return [...new Set([...input.sourceCodes, input.target.code])];
    case 'split':
      return [...new Set([input.sourceCode, ...input.targets.map((t) => t.code)])];
    case 'rename':
      return [input.code];
    case 'type_change':
      return input.units.map((u) => u.code);
    case 'code_alias':
      return [input.alias, input.code];
  }
}
