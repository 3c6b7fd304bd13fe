import { type ChangeEvent, type ChangeLink, dayBefore, type LinkShare, type UnitVersion } from './unit-model.js';

export type LineageStep = {
  eventKey: string;
  kind: ChangeEvent['kind'];
  effectiveDate: string;
  legalBasis: string | null;
  fromCode: string;
  fromName: string;
  toCode: string;
  toName: string;
  share: LinkShare;
  /** 1 = direct predecessor/successor, 2 = one more step away, ... */
  depth: number;
};

export type Lineage = { unit: UnitVersion; predecessors: LineageStep[]; successors: LineageStep[] };

/** A change link with its event. */
export type LinkRef = { event: ChangeEvent; link: ChangeLink };
/** The change links by the code they come from and the code they go to. */
export type UnitLinks = { from: ReadonlyMap<string, LinkRef[]>; to: ReadonlyMap<string, LinkRef[]> };
/** What the walks need of the index: units by code and date. */
export type UnitLookup = {
  versions(code: string): readonly UnitVersion[];
  findUnit(code: string, onDate: string): UnitVersion | undefined;
  getUnit(code: string, onDate: string): UnitVersion;
};

/**
 * Predecessors (back to the units of 2025-06-30 and before) and successors (to today and scheduled changes) of a
 * unit, transitively. Codes are reused across eras, so the walk is in time: a link counts only when its event
 * is on the right side of the version being walked.
 */
export function lineageOf(units: UnitLookup, links: UnitLinks, code: string, onDate: string): Lineage {
  const unit = units.getUnit(code, onDate);
  const predecessors: LineageStep[] = [];
  const seenBack = new Set<string>();
  const back = (c: string, upTo: string, depth: number) => {
    const refs = (links.to.get(c) ?? []).filter(({ event }) => event.effectiveDate <= upTo);
    const latest = refs.reduce((m, r) => (r.event.effectiveDate > m ? r.event.effectiveDate : m), '');
    for (const { event, link } of refs) {
      if (event.effectiveDate !== latest) continue;
      const k = `${event.key}|${link.fromCode}`;
      if (seenBack.has(k)) continue;
      seenBack.add(k);
      const prev = dayBefore(event.effectiveDate);
      predecessors.push(step(units, event, link, depth));
      back(link.fromCode, prev, depth + 1);
    }
  };
  back(unit.code, unit.validFrom ?? onDate, 1);

  const successors: LineageStep[] = [];
  const seenFwd = new Set<string>();
  const fwd = (c: string, after: string, depth: number) => {
    const refs = (links.from.get(c) ?? []).filter(({ event }) => event.effectiveDate > after);
    const earliest = refs.reduce((m, r) => (m === '' || r.event.effectiveDate < m ? r.event.effectiveDate : m), '');
    for (const { event, link } of refs) {
      if (event.effectiveDate !== earliest) continue;
      const k = `${event.key}|${link.toCode}`;
      if (seenFwd.has(k)) continue;
      seenFwd.add(k);
      successors.push(step(units, event, link, depth));
      fwd(link.toCode, event.effectiveDate, depth + 1);
    }
  };
  fwd(unit.code, unit.validTo ? dayBefore(unit.validTo) : onDate, 1);
  const order = (a: LineageStep, b: LineageStep) =>
    a.depth - b.depth || a.effectiveDate.localeCompare(b.effectiveDate) || a.fromCode.localeCompare(b.fromCode);
  return { unit, predecessors: predecessors.sort(order), successors: successors.sort(order) };
}

function step(units: UnitLookup, event: ChangeEvent, link: ChangeLink, depth: number): LineageStep {
  return {
    eventKey: event.key,
    kind: event.kind,
    effectiveDate: event.effectiveDate,
    legalBasis: event.legalBasis,
    fromCode: link.fromCode,
    fromName: nameAt(units, link.fromCode, dayBefore(event.effectiveDate)),
    toCode: link.toCode,
    toName: nameAt(units, link.toCode, event.effectiveDate),
    share: link.share,
    depth,
  };
}

function nameAt(units: UnitLookup, code: string, date: string): string {
  return units.findUnit(code, date)?.fullName ?? units.versions(code).at(-1)?.fullName ?? code;
}

/**
 * The units in force on `onDate` that a unit in force on `fromDate` became, following every change in between.
 * share is 'partial' as soon as one step of the path was partial (a split: the address needs more detail).
 */
export function successorsOf(
  units: UnitLookup,
  links: UnitLinks,
  code: string,
  fromDate: string,
  onDate: string,
): Array<{ unit: UnitVersion; share: LinkShare }> {
  const out = new Map<string, LinkShare>();
  const walk = (c: string, after: string, share: LinkShare, depth: number) => {
    if (depth > 20) return;
    const next = (links.from.get(c) ?? []).filter(
      ({ event }) => event.effectiveDate > after && event.effectiveDate <= onDate,
    );
    const earliest = next.reduce<string | undefined>(
      (m, r) => (m === undefined || r.event.effectiveDate < m ? r.event.effectiveDate : m),
      undefined,
    );
    if (earliest === undefined) {
      if (units.findUnit(c, onDate)) {
        const prev = out.get(c);
        out.set(c, prev === 'full' || share === 'full' ? 'full' : 'partial');
      }
      return;
    }
    for (const { event, link } of next) {
      if (event.effectiveDate !== earliest) continue;
      walk(link.toCode, earliest, share === 'partial' || link.share === 'partial' ? 'partial' : 'full', depth + 1);
    }
  };
  walk(code, fromDate, 'full', 0);
  return [...out].map(([c, share]) => ({ unit: units.getUnit(c, onDate), share }));
}
