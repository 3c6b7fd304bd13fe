import type { AuditPort } from '../audit.js';
import { type Actor, authorize } from '../authorization/index.js';
import { AppError } from '../errors.js';
import { vnDate } from '../time/vn-time.js';
import type { IndicatorResult } from './service-index.js';

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** "2026-10" → its first and last civil days ("2026-10-01", "2026-10-31"). */
export function monthDays(month: string): { first: string; last: string } {
  const m = MONTH.exec(month);
  if (!m) throw new AppError('VALIDATION_FAILED', { details: { month } });
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return { first: `${month}-01`, last: `${month}-${String(days).padStart(2, '0')}` };
}

/** The month before the one of `now` in Vietnam ("2026-11-03" → "2026-10"). */
export function previousMonth(now: Date): string {
  const [y, m] = vnDate(now).split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** "2026-10" moved by n months (n may be negative). */
export function addMonths(month: string, n: number): string {
  const m = MONTH.exec(month);
  if (!m) throw new AppError('VALIDATION_FAILED', { details: { month } });
  const k = Number(m[1]) * 12 + Number(m[2]) - 1 + n;
  return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
}

export type ServiceIndexSnapshotPorts = {
  /** The index of a province over the month's days (as GET /api/supervision/service-index computes it). */
  compute(
    provinceCode: string,
    days: { first: string; last: string },
  ): Promise<{ indicators: ReadonlyArray<IndicatorResult>; total: { points: number; max: number }; received: number }>;
  save(s: {
    provinceCode: string;
    month: string;
    points: number;
    maxPoints: number;
    received: number;
    indicators: unknown[];
    computedAt: Date;
  }): Promise<void>;
  audit: AuditPort;
};

/**
 * Record the 766 index of a province for a month (the trend's point). Idempotent: the same month again replaces
 * the row. Taken by an administrator (authorized, audited with their id) or by the scheduled job (actor null,
 * audited as the system). A month not begun yet is refused.
 */
export async function takeServiceIndexSnapshot(
  actor: Actor | null,
  input: { provinceCode: string; month: string },
  ports: ServiceIndexSnapshotPorts,
  now: Date,
): Promise<{ provinceCode: string; month: string; points: number }> {
  if (actor) authorize(actor, 'supervision.manage', { kind: 'global' });
  const days = monthDays(input.month);
  if (days.first > vnDate(now)) {
    throw new AppError('VALIDATION_FAILED', { details: { month: input.month, reason: 'month not begun' } });
  }
  const r = await ports.compute(input.provinceCode, days);
  await ports.save({
    provinceCode: input.provinceCode,
    month: days.first,
    points: r.total.points,
    maxPoints: r.total.max,
    received: r.received,
    indicators: [...r.indicators],
    computedAt: now,
  });
  await ports.audit.record({
    actorUserId: actor?.userId ?? null,
    action: 'service_index.snapshot',
    entityType: 'service_index_snapshot',
    entityId: `${input.provinceCode}:${input.month}`,
    provinceCode: input.provinceCode,
    data: { points: r.total.points, maxPoints: r.total.max, received: r.received },
  });
  return { provinceCode: input.provinceCode, month: input.month, points: r.total.points };
}
