import { describe, expect, it } from 'vitest';
import { type DrillDossier, drillBreakdown, drillBucket, drillDossiers } from './drilldown.js';

const now = new Date('2026-03-05T03:00:00Z');
const due = new Date('2026-03-05T02:00:00Z'); // an hour before now
const later = new Date('2026-03-09T02:00:00Z');
const d = (id: string, p: Partial<DrillDossier>): DrillDossier => ({
  id,
  status: 'processing',
  dueAt: later,
  finishedAt: null,
  handlers: [],
  ...p,
});

describe('drill-down below the commune', () => {
  it('folds statsBucket into finished on time / late, in progress, overdue, closed', () => {
    expect(drillBucket(d('a', { status: 'returned', finishedAt: new Date('2026-03-03T02:00:00Z') }), now)).toBe(
      'finished_on_time',
    );
    expect(drillBucket(d('a', { status: 'result_ready', dueAt: due, finishedAt: now }), now)).toBe('finished_late');
    expect(drillBucket(d('a', { dueAt: due }), now)).toBe('overdue');
    expect(drillBucket(d('a', { status: 'supplement_requested', dueAt: due }), now)).toBe('in_progress');
    expect(drillBucket(d('a', { dueAt: null }), now)).toBe('in_progress');
    expect(drillBucket(d('a', { status: 'returned', dueAt: null, finishedAt: now }), now)).toBe('finished_no_deadline');
    expect(drillBucket(d('a', { status: 'refused' }), now)).toBe('closed');
  });

  it('counts a dossier once per official and once per department, whoever else handled it', () => {
    const officials = [
      { userId: 'u1', fullName: 'An', departmentId: 'D1', departmentName: 'Văn phòng' },
      { userId: 'u2', fullName: 'Bình', departmentId: 'D1', departmentName: 'Văn phòng' },
      { userId: 'u3', fullName: 'Chi', departmentId: null, departmentName: null },
    ];
    const dossiers = [
      d('x', { handlers: ['u1', 'u2', 'u1'], dueAt: due }),
      d('y', { handlers: ['u2', 'u3'] }),
      d('z', { handlers: [] }),
      d('w', { handlers: ['someone-else'] }),
    ];
    const b = drillBreakdown(dossiers, officials, now);
    expect(b.totals).toMatchObject({ received: 4, overdue: 1, in_progress: 3 });
    expect(b.unhandled).toBe(2);
    expect(b.departments.map((x) => [x.departmentId, x.counts.received, x.counts.overdue, x.officials])).toEqual([
      ['D1', 2, 1, 2],
      [null, 1, 0, 1],
    ]);
    expect(b.officials.map((o) => [o.userId, o.counts.received, o.counts.overdue])).toEqual([
      ['u1', 1, 1],
      ['u2', 2, 1],
      ['u3', 1, 0],
    ]);
    expect(drillDossiers(dossiers, officials, { departmentId: 'D1' }, now).map((x) => x.id)).toEqual(['x', 'y']);
    expect(drillDossiers(dossiers, officials, { departmentId: null }, now).map((x) => x.id)).toEqual(['y']);
    expect(drillDossiers(dossiers, officials, { userId: 'u2', bucket: 'overdue' }, now).map((x) => x.id)).toEqual([
      'x',
    ]);
  });
});
