import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HOUR_MS, MINUTE_MS } from '../calendar/civil-date.js';
import { nationalCalendar } from '../calendar/test-calendars.js';
import { addDuration, computeDueDate, type Pause } from './due-date.js';
import type { Duration } from './duration.js';

const cal = nationalCalendar();
const FROM = Date.UTC(2024, 11, 1);
const TO = Date.UTC(2027, 10, 1);

/** Any instant between December 2024 and November 2027, to the minute. */
const instant = fc.integer({ min: FROM / MINUTE_MS, max: TO / MINUTE_MS }).map((m) => new Date(m * MINUTE_MS));
/** Working time in quarter hours, up to 40 working days. */
const workMs = fc.integer({ min: 0, max: 40 * 8 * 4 }).map((q) => q * 15 * MINUTE_MS);
const duration: fc.Arbitrary<Duration> = fc.oneof(
  fc.integer({ min: 0, max: 60 }).map((v) => ({ value: v / 2, unit: 'working_days' as const })),
  fc.integer({ min: 0, max: 80 }).map((v) => ({ value: v, unit: 'working_hours' as const })),
  fc.integer({ min: 0, max: 90 }).map((v) => ({ value: v, unit: 'calendar_days' as const })),
);

describe('deadline invariants (fast-check)', () => {
  it('a due date is a working instant, never before the clock start', () => {
    fc.assert(
      fc.property(instant, duration, (receivedAt, d) => {
        const r = computeDueDate({ receivedAt, duration: d, calendar: cal });
        expect(cal.isWorkingInstant(r.clockStartsAt)).toBe(true);
        expect(r.clockStartsAt.getTime()).toBeGreaterThanOrEqual(receivedAt.getTime());
        expect(cal.isWorkingInstant(r.dueAt!)).toBe(true);
        expect(r.dueAt!.getTime()).toBeGreaterThanOrEqual(r.clockStartsAt.getTime());
      }),
      { numRuns: 500 },
    );
  });

  it('adding n then m working time equals adding n + m', () => {
    fc.assert(
      fc.property(instant, workMs, workMs, (t, n, m) => {
        const start = cal.nextWorkingInstant(t);
        expect(cal.addWorkingMs(cal.addWorkingMs(start, n), m).getTime()).toBe(
          cal.addWorkingMs(start, n + m).getTime(),
        );
      }),
      { numRuns: 500 },
    );
  });

  it('adding n then m working days equals adding n + m days', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 30 }), (t, n, m) => {
        const d = (v: number): Duration => ({ value: v, unit: 'working_days' });
        const start = cal.startClock(t);
        const viaNm = addDuration(addDuration(start, d(n), cal)!, d(m), cal)!;
        const direct = computeDueDate({ receivedAt: start, duration: d(n + m), calendar: cal });
        expect(viaNm.getTime()).toBe(direct.dueAt!.getTime());
      }),
      { numRuns: 300 },
    );
  });

  it('working time between a start and start + n is n', () => {
    fc.assert(
      fc.property(instant, workMs, (t, n) => {
        const start = cal.nextWorkingInstant(t);
        expect(cal.workingMsBetween(start, cal.addWorkingMs(start, n))).toBe(n);
      }),
      { numRuns: 300 },
    );
  });

  it('subtracting undoes adding', () => {
    fc.assert(
      fc.property(instant, workMs, (t, n) => {
        const start = cal.nextWorkingInstant(t);
        const end = cal.addWorkingMs(start, n);
        const back = cal.subtractWorkingMs(end, n);
        expect(cal.workingMsBetween(back, start)).toBe(0);
      }),
      { numRuns: 300 },
    );
  });

  it('subtracting undoes adding from the end of a session (found by fast-check: -0 is not 0)', () => {
    const start = cal.nextWorkingInstant(new Date('2027-06-15T10:00:00.000Z'));
    const back = cal.subtractWorkingMs(cal.addWorkingMs(start, 900_000), 900_000);
    expect(Object.is(cal.workingMsBetween(back, start), 0)).toBe(true);
  });

  it('a later receipt never gives an earlier due date', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 20 * 24 * 60 }), duration, (t, later, d) => {
        const a = computeDueDate({ receivedAt: t, duration: d, calendar: cal }).dueAt!;
        const b = computeDueDate({ receivedAt: new Date(t.getTime() + later * MINUTE_MS), duration: d, calendar: cal })
          .dueAt!;
        expect(b.getTime()).toBeGreaterThanOrEqual(a.getTime());
      }),
      { numRuns: 300 },
    );
  });

  const pausesAfter = (receivedAt: Date) =>
    fc
      .array(fc.tuple(fc.integer({ min: 0, max: 5 * 24 * 60 }), fc.integer({ min: 0, max: 10 * 24 * 60 })), {
        minLength: 1,
        maxLength: 3,
      })
      .map((gaps) => {
        let cursor = receivedAt.getTime();
        return gaps.map(([gap, length]): Pause => {
          const startedAt = new Date(cursor + gap * MINUTE_MS);
          const endedAt = new Date(startedAt.getTime() + length * MINUTE_MS);
          cursor = endedAt.getTime();
          return { startedAt, endedAt };
        });
      });

  for (const pauseRule of ['restart', 'extend'] as const) {
    it(`pauses never shorten a deadline (${pauseRule})`, () => {
      fc.assert(
        fc.property(
          instant.chain((t) => fc.tuple(fc.constant(t), pausesAfter(t), duration)),
          ([receivedAt, pauses, d]) => {
            const plain = computeDueDate({ receivedAt, duration: d, calendar: cal });
            const paused = computeDueDate({ receivedAt, duration: d, calendar: cal, pauses, pauseRule });
            expect(paused.dueAt!.getTime()).toBeGreaterThanOrEqual(plain.dueAt!.getTime());
            expect(paused.pauses).toHaveLength(pauses.length);
            expect(cal.isWorkingInstant(paused.dueAt!)).toBe(true);
          },
        ),
        { numRuns: 300 },
      );
    });
  }

  it('a half day is 4 working hours', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 20 }), (t, n) => {
        const a = computeDueDate({ receivedAt: t, duration: { value: n / 2, unit: 'working_days' }, calendar: cal });
        const b = computeDueDate({
          receivedAt: t,
          duration: { value: n * 4, unit: 'working_hours' },
          calendar: cal,
          cutoff: cal.cutoff,
        });
        expect(a.dueAt!.getTime()).toBe(b.dueAt!.getTime());
        expect(cal.workingMsBetween(a.clockStartsAt, a.dueAt!)).toBe(n * 4 * HOUR_MS);
      }),
      { numRuns: 200 },
    );
  });
});
