import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nationalCalendar } from '../calendar/test-calendars.js';
import { latestApologyAt } from '../deadlines/apology.js';
import type { ActionPayload } from './dossier-actions.js';
import { classifyProgress, deriveDossierState } from './dossier-state.js';
import {
  dueSoonBefore,
  emptyStatsCounts,
  statsBucket,
  statsPeriod,
  statsRates,
  sumStatsCounts,
} from './dossier-stats.js';
import { hours, log, received } from './dossier-test-helpers.js';

const calendar = nationalCalendar();
const Y2026 = Date.parse('2026-01-01T00:00:00Z');
const minute = 60_000;
// Instants on whole minutes through 2026 (hits session edges, lunch breaks, weekends and Tết).
const instant = fc.integer({ min: 0, max: 365 * 24 * 60 }).map((m) => new Date(Y2026 + m * minute));

describe('dueSoonBefore: one instant per calendar that classifies like latestApologyAt', () => {
  it('due <= mark exactly when now >= one working day before due (property)', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 12 * 24 * 60 }), (now, ahead) => {
        const due = new Date(now.getTime() + ahead * minute);
        const soonByApology = now.getTime() >= latestApologyAt(due, calendar).getTime();
        const soonByMark = due.getTime() <= dueSoonBefore(now, calendar).getTime();
        expect(soonByMark).toBe(soonByApology);
      }),
      { numRuns: 3000 },
    );
  });

  it('on Saturday the mark is the Tuesday opening; on Monday 10:00 it is Tuesday 10:00', () => {
    // 2026-03-07 is a Saturday. Monday 09/03 is a full working day.
    const sat = new Date('2026-03-07T03:00:00Z');
    expect(dueSoonBefore(sat, calendar).toISOString()).toBe('2026-03-10T00:00:00.000Z'); // Tue 07:00 VN
    const mon = new Date('2026-03-09T03:00:00Z');
    expect(dueSoonBefore(mon, calendar).toISOString()).toBe('2026-03-10T03:00:00.000Z');
  });
});

describe('statsBucket agrees with classifyProgress on the derived state', () => {
  const logs: ActionPayload[][] = [
    [received()],
    [received({ dueAt: hours(30) })],
    [received({ dueAt: hours(2) })],
    [received(), { type: 'supplement_requested', items: [{ key: 'a', name: 'A', state: 'missing' }] }],
    [received({ dueAt: hours(2) }), { type: 'financial_obligation_requested' }],
    [received({ dueAt: hours(100) }), { type: 'approved' }, { type: 'result_issued', documents: [] }],
    [received({ dueAt: hours(30) }), { type: 'approved' }, { type: 'result_issued', documents: [] }],
    [received({ dueAt: hours(1) }), { type: 'approved' }, { type: 'result_issued', documents: [] }],
    [
      received({ dueAt: hours(1) }),
      { type: 'approved' },
      { type: 'result_issued', documents: [] },
      { type: 'returned', method: 'counter' },
    ],
    [received({ dueAt: null })],
    [{ type: 'submitted', channel: 'online' }],
  ];
  for (const [i, payloads] of logs.entries()) {
    it(`log ${i + 1} at several instants`, () => {
      const state = deriveDossierState(log(...payloads));
      for (const now of [hours(0.5), hours(3), hours(20), hours(40), hours(200)]) {
        const mark = dueSoonBefore(now, calendar);
        const dueSoonAt = state.dueAt ? latestApologyAt(state.dueAt, calendar) : null;
        const bucket = statsBucket(
          { status: state.status, dueAt: state.dueAt, finishedAt: state.finishedAt },
          now,
          mark,
        );
        expect(bucket).toBe(classifyProgress(state, now, dueSoonAt));
      }
    });
  }
  it('closed without a result counts by status', () => {
    expect(statsBucket({ status: 'withdrawn', dueAt: hours(1), finishedAt: hours(2) }, hours(3), hours(4))).toBe(
      'withdrawn',
    );
  });
});

describe('statsPeriod and rates', () => {
  const now = new Date('2026-03-18T20:00:00Z'); // 19/03 03:00 in Vietnam
  it('defaults to the last 30 days (Vietnamese dates) up to today, end excluded at the next midnight', () => {
    const p = statsPeriod(now);
    expect(p).toMatchObject({ from: '2026-02-18', to: '2026-03-19' });
    expect(p.fromAt.toISOString()).toBe('2026-02-17T17:00:00.000Z');
    expect(p.toAt.toISOString()).toBe('2026-03-19T17:00:00.000Z');
  });
  it('on the first of a month the default still covers the month before; a given end moves the default start', () => {
    expect(statsPeriod(new Date('2026-11-30T18:00:00Z'))).toMatchObject({ from: '2026-11-02', to: '2026-12-01' });
    expect(statsPeriod(now, null, '2026-01-31')).toMatchObject({ from: '2026-01-02', to: '2026-01-31' });
  });
  it('refuses reversed or impossible dates', () => {
    expect(() => statsPeriod(now, '2026-03-10', '2026-03-01')).toThrowError(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
    expect(() => statsPeriod(now, '2026-02-30')).toThrowError(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
    // The last four-digit day has no next midnight to end at: a refusal, not a RangeError (500).
    expect(() => statsPeriod(now, '2026-01-01', '9999-12-31')).toThrowError(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
    expect(statsPeriod(now, '2026-01-01', '9999-12-30').toAt.toISOString()).toBe('9999-12-30T17:00:00.000Z');
  });
  it('rates leave out what cannot be judged; totals add up', () => {
    const a = emptyStatsCounts();
    a.received = 4;
    a.online = 1;
    a.finished = { total: 4, early: 1, onTime: 1, late: 1, noDeadline: 1 };
    expect(statsRates(a)).toEqual({ onlineShare: 0.25, onTimeRate: 2 / 3 });
    expect(statsRates(emptyStatsCounts())).toEqual({ onlineShare: null, onTimeRate: null });
    // 766: an overdue dossier still in progress counts against the rate now; one within its deadline for it.
    const open = emptyStatsCounts();
    open.finished = { total: 1, early: 0, onTime: 1, late: 0, noDeadline: 0 };
    open.inProgress = { total: 3, undue: 1, dueSoon: 0, overdue: 1, noDeadline: 1 };
    expect(statsRates(open).onTimeRate).toBe(2 / 3);
    const t = sumStatsCounts([a, a]);
    expect(t.received).toBe(8);
    expect(t.finished.late).toBe(2);
  });
});
