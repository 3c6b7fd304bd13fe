import { describe, expect, it } from 'vitest';
import { certificateGap } from '../admin-units/readiness.js';
import type { AuditRecord } from '../audit.js';
import { generateMonthlyReport, MONTHLY_REPORT_STALE_MS } from './monthly-report.js';

const admin = { userId: 'u1', grants: [{ role: 'system_admin' as const, unitCode: 'VN' }] };
const supervisor = { userId: 'u2', grants: [{ role: 'supervisor' as const, unitCode: '79' }] };
const NOW = new Date('2026-04-02T02:00:00Z');

/** A province's month as the repository would hold it: claimed once, completed once, failure kept. */
function ports(opts: { held?: boolean; buildFails?: boolean } = {}) {
  const s = {
    status: opts.held ? 'running' : (null as string | null),
    claims: [] as Array<{ by: string | null; staleBefore: Date }>,
    builds: 0,
    audits: [] as AuditRecord[],
    error: null as string | null,
  };
  return {
    s,
    claim: async (by: string | null, _at: Date, staleBefore: Date) => {
      s.claims.push({ by, staleBefore });
      if (s.status === 'running' || s.status === 'done') return false;
      s.status = 'running';
      return true;
    },
    build: async (days: { first: string; last: string }) => {
      s.builds++;
      if (opts.buildFails) throw new Error('read failed');
      expect(days).toEqual({ first: '2026-03-01', last: '2026-03-31' });
      return { xlsx: Buffer.from('x'), pdf: Buffer.from('pp'), sheets: ['Tổng hợp'] };
    },
    complete: async (_f: unknown, audit: (p: { record(e: AuditRecord): Promise<void> }) => Promise<void>) => {
      if (s.status !== 'running') return false;
      s.status = 'done';
      await audit({ record: async (e) => void s.audits.push(e) });
      return true;
    },
    fail: async (error: string) => {
      s.status = 'failed';
      s.error = error;
    },
  };
}

describe('generateMonthlyReport', () => {
  it('generates a month once, audited (the scheduled job as the system); again is "already"', async () => {
    const p = ports();
    const input = { provinceCode: '79', month: '2026-03' };
    expect(await generateMonthlyReport(null, input, p, () => NOW)).toBe('generated');
    expect(await generateMonthlyReport(admin, input, p, () => NOW)).toBe('already');
    expect(p.s.builds).toBe(1);
    expect(p.s.audits).toEqual([
      expect.objectContaining({
        actorUserId: null,
        action: 'supervision.monthly_report_generated',
        entityId: '79:2026-03',
        data: { sheets: ['Tổng hợp'], xlsxBytes: 1, pdfBytes: 2 },
      }),
    ]);
    expect(p.s.claims[1]).toEqual({ by: 'u1', staleBefore: new Date(NOW.getTime() - MONTHLY_REPORT_STALE_MS) });
  });
  it('leaves a month being generated elsewhere alone', async () => {
    const p = ports({ held: true });
    expect(await generateMonthlyReport(admin, { provinceCode: '79', month: '2026-03' }, p, () => NOW)).toBe('already');
    expect(p.s.builds).toBe(0);
  });
  it('keeps a failure (claimable again) and no audit row', async () => {
    const p = ports({ buildFails: true });
    await expect(generateMonthlyReport(admin, { provinceCode: '79', month: '2026-03' }, p, () => NOW)).rejects.toThrow(
      'read failed',
    );
    expect(p.s).toMatchObject({ status: 'failed', error: 'read failed', audits: [] });
  });
  it('a supervisor may not generate; a month not begun is refused', async () => {
    const p = ports();
    await expect(
      generateMonthlyReport(supervisor, { provinceCode: '79', month: '2026-03' }, p, () => NOW),
    ).rejects.toThrow();
    await expect(
      generateMonthlyReport(admin, { provinceCode: '79', month: '2026-05' }, p, () => NOW),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(p.s.claims).toHaveLength(0);
  });
});

describe('certificateGap', () => {
  it('missing without a serial, expired when valid only until before the day, none otherwise', () => {
    expect(certificateGap({ certificateSerial: null, certificateValidTo: null }, '2026-03-05')).toBe('missing');
    expect(certificateGap({ certificateSerial: 'S', certificateValidTo: '2026-03-04' }, '2026-03-05')).toBe('expired');
    expect(certificateGap({ certificateSerial: 'S', certificateValidTo: '2026-03-05' }, '2026-03-05')).toBeNull();
    expect(certificateGap({ certificateSerial: 'S', certificateValidTo: null }, '2026-03-05')).toBeNull();
  });
});
