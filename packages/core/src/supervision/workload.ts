import type { AuditPort } from '../audit.js';
import { type Actor, authorize } from '../authorization/index.js';
import { AppError } from '../errors.js';

/**
 * The threshold above which a commune's demand outgrows its staff, in dossiers per official per working day.
 * No legal figure exists (domain.md §0 reports a ward with 14 officials receiving up to 400 visitors a day, ≈ 28):
 * this is only the default until an administrator sets the threshold (setWorkloadThreshold, audited).
 */
export const DEFAULT_WORKLOAD_THRESHOLD = 20;
export const WORKLOAD_THRESHOLD_KEY = 'workload.dossiersPerOfficialPerDay';

export type UnitLoad = Readonly<{ unitCode: string; received: number; officials: number; open: number }>;

/** Why a unit is flagged: more per official than the threshold, or dossiers with nobody to handle them. */
export type Overload = 'above_threshold' | 'no_staff' | null;

/**
 * Dossiers per official per working day of each unit over a period, and whether its demand outgrows its staff.
 * A unit with dossiers and no official is flagged `no_staff` (its load is undefined, never infinite).
 */
export function workloadOfUnits(
  units: ReadonlyArray<UnitLoad>,
  workingDays: number,
  threshold: number,
): Array<UnitLoad & { perOfficialPerDay: number | null; overload: Overload }> {
  return units.map((u) => {
    if (u.officials === 0) return { ...u, perOfficialPerDay: null, overload: u.received > 0 ? 'no_staff' : null };
    if (workingDays <= 0) return { ...u, perOfficialPerDay: null, overload: null };
    const per = Math.round((u.received / u.officials / workingDays) * 100) / 100;
    return { ...u, perOfficialPerDay: per, overload: per > threshold ? 'above_threshold' : null };
  });
}

/** The trend of a backlog series: the change from its first to its last point, and per day on average. */
export function backlogTrend(points: ReadonlyArray<{ day: string; open: number }>): {
  first: number;
  last: number;
  change: number;
  perDay: number | null;
} {
  const first = points[0]?.open ?? 0;
  const last = points.at(-1)?.open ?? 0;
  const days = points.length - 1;
  return {
    first,
    last,
    change: last - first,
    perDay: days > 0 ? Math.round(((last - first) / days) * 100) / 100 : null,
  };
}

export type WorkloadSettingsPorts = {
  readThreshold(): Promise<number | null>;
  writeThreshold(value: number, by: string, at: Date): Promise<void>;
  audit: AuditPort;
};

/** A system administrator sets the workload threshold (audited with the previous value). */
export async function setWorkloadThreshold(
  actor: Actor,
  input: { dossiersPerOfficialPerDay: number },
  ports: WorkloadSettingsPorts,
  now: Date,
): Promise<{ dossiersPerOfficialPerDay: number }> {
  authorize(actor, 'supervision.manage', { kind: 'global' });
  const v = input.dossiersPerOfficialPerDay;
  if (!Number.isFinite(v) || v <= 0 || v > 1000) {
    throw new AppError('VALIDATION_FAILED', { details: { dossiersPerOfficialPerDay: v } });
  }
  const previous = (await ports.readThreshold()) ?? DEFAULT_WORKLOAD_THRESHOLD;
  await ports.writeThreshold(v, actor.userId, now);
  await ports.audit.record({
    actorUserId: actor.userId,
    action: 'supervision.workload_threshold_set',
    entityType: 'supervision_setting',
    entityId: WORKLOAD_THRESHOLD_KEY,
    data: { previous, value: v },
  });
  return { dossiersPerOfficialPerDay: v };
}
