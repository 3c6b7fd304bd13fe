import { describe, expect, it } from 'vitest';
import type { AuditRecord } from '../audit.js';
import { backlogTrend, DEFAULT_WORKLOAD_THRESHOLD, setWorkloadThreshold, workloadOfUnits } from './workload.js';

describe('workloadOfUnits', () => {
  it('divides the dossiers by officials and working days and flags demand above the threshold', () => {
    // domain.md §0: a ward with 14 officials receiving up to 400 a day → 28.57 per official per day.
    const r = workloadOfUnits(
      [
        { unitCode: 'A', received: 4000, officials: 14, open: 10 },
        { unitCode: 'B', received: 100, officials: 5, open: 1 },
        { unitCode: 'C', received: 7, officials: 0, open: 7 },
        { unitCode: 'D', received: 0, officials: 0, open: 0 },
      ],
      10,
      20,
    );
    expect(r[0]).toMatchObject({ perOfficialPerDay: 28.57, overload: 'above_threshold' });
    expect(r[1]).toMatchObject({ perOfficialPerDay: 2, overload: null });
    expect(r[2]).toMatchObject({ perOfficialPerDay: null, overload: 'no_staff' });
    expect(r[3]).toMatchObject({ perOfficialPerDay: null, overload: null });
  });
  it('at the threshold is not above it', () => {
    expect(workloadOfUnits([{ unitCode: 'A', received: 200, officials: 1, open: 0 }], 10, 20)[0]?.overload).toBeNull();
  });
});

describe('backlogTrend', () => {
  it('is the change from the first to the last day', () => {
    expect(
      backlogTrend([
        { day: '2026-03-02', open: 10 },
        { day: '2026-03-03', open: 16 },
        { day: '2026-03-04', open: 14 },
      ]),
    ).toEqual({ first: 10, last: 14, change: 4, perDay: 2 });
    expect(backlogTrend([])).toEqual({ first: 0, last: 0, change: 0, perDay: null });
  });
});

describe('setWorkloadThreshold', () => {
  const admin = { userId: 'u1', grants: [{ role: 'system_admin' as const, unitCode: 'VN' }] };
  const supervisor = { userId: 'u2', grants: [{ role: 'supervisor' as const, unitCode: '79' }] };
  const ports = () => {
    const audits: AuditRecord[] = [];
    let stored: number | null = null;
    return {
      audits,
      get stored() {
        return stored;
      },
      readThreshold: async () => stored,
      writeThreshold: async (v: number) => {
        stored = v;
      },
      audit: { record: async (e: AuditRecord) => void audits.push(e) },
    };
  };
  it('an administrator sets it, audited with the previous value', async () => {
    const p = ports();
    await setWorkloadThreshold(admin, { dossiersPerOfficialPerDay: 25 }, p, new Date());
    expect(p.stored).toBe(25);
    expect(p.audits[0]).toMatchObject({ actorUserId: 'u1', data: { previous: DEFAULT_WORKLOAD_THRESHOLD, value: 25 } });
  });
  it('a supervisor may not; nonsense values are refused', async () => {
    await expect(
      setWorkloadThreshold(supervisor, { dossiersPerOfficialPerDay: 25 }, ports(), new Date()),
    ).rejects.toThrow();
    const p = ports();
    await expect(setWorkloadThreshold(admin, { dossiersPerOfficialPerDay: 0 }, p, new Date())).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    expect(p.audits).toHaveLength(0);
  });
});
