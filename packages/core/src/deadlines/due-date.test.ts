import { describe, expect, it } from 'vitest';
import { vnDateTime, vnInstant } from '../calendar/civil-date.js';
import { nationalCalendar } from '../calendar/test-calendars.js';
import { computeDueDate, type Pause } from './due-date.js';
import type { Duration } from './duration.js';

const cal = nationalCalendar();
const at = (s: string) => vnInstant(s.slice(0, 10), s.slice(11));
const wd = (value: number): Duration => ({ value, unit: 'working_days' });
const wh = (value: number): Duration => ({ value, unit: 'working_hours' });
const cd = (value: number): Duration => ({ value, unit: 'calendar_days' });

function due(received: string, duration: Duration, extra: { pauses?: Pause[] } & Record<string, unknown> = {}) {
  const r = computeDueDate({ receivedAt: at(received), duration, calendar: cal, ...extra });
  return { start: vnDateTime(r.clockStartsAt), due: r.dueAt ? vnDateTime(r.dueAt) : null };
}

describe('clock start', () => {
  it.each([
    ['before opening', '2026-03-10 06:30', '2026-03-10 07:00'],
    ['in the morning session', '2026-03-10 09:15', '2026-03-10 09:15'],
    ['at 11:30 (lunch starts)', '2026-03-10 11:30', '2026-03-10 13:30'],
    ['in the lunch break', '2026-03-10 12:10', '2026-03-10 13:30'],
    ['exactly at the 15:00 cut-off', '2026-03-10 15:00', '2026-03-10 15:00'],
    ['after the 15:00 cut-off', '2026-03-10 15:01', '2026-03-11 07:00'],
    ['after closing', '2026-03-10 18:00', '2026-03-11 07:00'],
    ['Friday after the cut-off', '2026-03-13 16:00', '2026-03-16 07:00'],
    ['on a Sunday (online)', '2026-03-15 10:00', '2026-03-16 07:00'],
    ['before Tết 2026, after the cut-off', '2026-02-13 15:30', '2026-02-23 07:00'],
    ['during Tết 2025', '2025-01-30 09:00', '2025-02-03 07:00'],
    ['on the 2026 make-up Saturday 22/8', '2026-08-22 09:00', '2026-08-22 09:00'],
    ['before the 2/9 2026 bridge, after the cut-off', '2026-08-28 15:30', '2026-09-03 07:00'],
    ['on Hùng Kings compensatory Monday 27/4/2026', '2026-04-27 08:00', '2026-04-28 07:00'],
  ])('%s: %s → %s', (_label, received, start) => {
    expect(due(received, wd(1)).start).toBe(start);
  });

  it('the cut-off can be "1 hour before closing" (16:00) or switched off', () => {
    const before = { cutoff: { kind: 'before_close', minutes: 60 } as const };
    expect(due('2026-03-10 15:30', wd(1), before).start).toBe('2026-03-10 15:30');
    expect(due('2026-03-10 16:01', wd(1), before).start).toBe('2026-03-11 07:00');
    expect(due('2026-03-10 16:30', wd(1), { cutoff: { kind: 'none' } }).start).toBe('2026-03-10 16:30');
  });

  it('working-hour limits ignore the cut-off unless one is named', () => {
    expect(due('2026-03-10 16:00', wh(8))).toEqual({ start: '2026-03-10 16:00', due: '2026-03-11 16:00' });
    expect(due('2026-03-10 16:00', wh(8), { cutoff: { kind: 'at', minutes: 900 } }).start).toBe('2026-03-11 07:00');
  });
});

describe('due dates in working days and hours', () => {
  it.each([
    ['1 day, mid-morning', '2026-03-10 09:00', wd(1), '2026-03-11 09:00'],
    ['1 day from opening ends that evening', '2026-03-10 07:00', wd(1), '2026-03-10 17:00'],
    ['half a day = 4 h across lunch', '2026-03-10 10:00', wd(0.5), '2026-03-10 16:00'],
    ['3 days over a weekend', '2026-03-12 14:00', wd(3), '2026-03-17 14:00'],
    ['after the cut-off, 3 days from next morning', '2026-03-10 15:30', wd(3), '2026-03-13 17:00'],
    ['lunch-break intake starts at 13:30', '2026-03-10 12:00', wd(1), '2026-03-11 11:30'],
    ['2 days over Tết 2026', '2026-02-12 10:00', wd(2), '2026-02-23 10:00'],
    ['7 days over Tết 2025 end on the make-up Saturday 8/2', '2025-01-23 10:00', wd(7), '2025-02-08 10:00'],
    ['3 days over Tết 2027 (by the rules)', '2027-02-03 10:00', wd(3), '2027-02-15 10:00'],
    ['1 day over Hùng Kings 2026 (Monday 27/4 off)', '2026-04-24 10:00', wd(1), '2026-04-28 10:00'],
    ['2 days across 30/4–1/5 2026', '2026-04-29 10:00', wd(2), '2026-05-05 10:00'],
    ['2/9 2026: 2 days from Friday 21/8 include Saturday 22/8', '2026-08-21 10:00', wd(2), '2026-08-24 10:00'],
    ['2/9 2026: 1 day from Friday 28/8 skips 29/8–2/9', '2026-08-28 10:00', wd(1), '2026-09-03 10:00'],
    ['8 working hours', '2026-03-10 14:00', wh(8), '2026-03-11 14:00'],
    ['2 working hours across lunch', '2026-03-10 10:30', wh(2), '2026-03-10 14:30'],
    ['no time limit', '2026-03-10 10:30', { value: 0, unit: 'none' } as Duration, null],
  ])('%s', (_label, received, duration, expected) => {
    expect(due(received, duration).due).toBe(expected);
  });
});

describe('due dates in calendar days', () => {
  it.each([
    ['lands on a working day', '2026-03-10 09:00', cd(7), '2026-03-17 09:00'],
    ['lands on Saturday → Monday morning', '2026-03-10 09:00', cd(4), '2026-03-16 07:00'],
    ['lands in Tết 2026 → Monday 23/2', '2026-02-06 09:00', cd(12), '2026-02-23 07:00'],
    ['lands on Monday 31/8/2026 (bridge) → Thursday 3/9', '2026-08-26 09:00', cd(5), '2026-09-03 07:00'],
    ['lands on Saturday 22/8/2026, a working day', '2026-08-17 09:00', cd(5), '2026-08-22 09:00'],
    ['after the cut-off counts from the next morning', '2026-03-10 16:00', cd(7), '2026-03-18 07:00'],
  ])('%s', (_label, received, duration, expected) => {
    expect(due(received, duration).due).toBe(expected);
  });
});

describe('pauses for supplements', () => {
  const pause = (s: string, e: string | null): Pause => ({ startedAt: at(s), endedAt: e ? at(e) : null });

  it('an outstanding supplement request stops the clock (no due date)', () => {
    const r = computeDueDate({
      receivedAt: at('2026-03-10 09:00'),
      duration: wd(5),
      calendar: cal,
      pauses: [pause('2026-03-11 10:00', null)],
    });
    expect(r).toMatchObject({ paused: true, dueAt: null, runStartsAt: null });
    expect(r.pauses[0]!.workingMs).toBeNull();
  });

  it('a complete supplement restarts the full time limit from its receipt (cut-off applies again)', () => {
    expect(due('2026-03-10 09:00', wd(5), { pauses: [pause('2026-03-11 10:00', '2026-03-16 09:30')] }).due).toBe(
      '2026-03-23 09:30',
    );
    expect(due('2026-03-10 09:00', wd(5), { pauses: [pause('2026-03-11 10:00', '2026-03-16 15:30')] }).due).toBe(
      '2026-03-23 17:00',
    );
  });

  it('keeps the history of every pause with the working time it stood still', () => {
    const r = computeDueDate({
      receivedAt: at('2026-03-10 09:00'),
      duration: wd(5),
      calendar: cal,
      pauses: [pause('2026-03-10 10:00', '2026-03-10 14:00'), pause('2026-03-11 08:00', '2026-03-12 08:00')],
    });
    expect(r.pauses.map((p) => p.workingMs! / 3_600_000)).toEqual([2, 8]);
    expect(vnDateTime(r.runStartsAt!)).toBe('2026-03-12 08:00');
    expect(vnDateTime(r.clockStartsAt)).toBe('2026-03-10 09:00');
  });

  it('the "extend" rule moves the due date by the working time stopped', () => {
    expect(
      due('2026-03-10 09:00', wd(5), {
        pauses: [pause('2026-03-11 10:00', '2026-03-12 10:00')],
        pauseRule: 'extend',
      }).due,
    ).toBe('2026-03-18 09:00');
  });

  it('rejects pauses out of order, overlapping, before the receipt or open before the last', () => {
    const bad: Pause[][] = [
      [pause('2026-03-09 10:00', '2026-03-10 10:00')],
      [pause('2026-03-11 10:00', '2026-03-11 09:00')],
      [pause('2026-03-11 10:00', '2026-03-12 10:00'), pause('2026-03-12 09:00', '2026-03-13 10:00')],
      [pause('2026-03-11 10:00', null), pause('2026-03-12 09:00', '2026-03-13 10:00')],
    ];
    for (const pauses of bad) {
      expect(() =>
        computeDueDate({ receivedAt: at('2026-03-10 09:00'), duration: wd(5), calendar: cal, pauses }),
      ).toThrow(expect.objectContaining({ code: 'CALENDAR_INVALID_PAUSES' }));
    }
  });

  it('rejects an invalid duration', () => {
    for (const duration of [wd(-1), wd(Number.NaN), { value: 1, unit: 'weeks' } as unknown as Duration]) {
      expect(() => computeDueDate({ receivedAt: at('2026-03-10 09:00'), duration, calendar: cal })).toThrow(
        expect.objectContaining({ code: 'CALENDAR_INVALID_DURATION' }),
      );
    }
  });
});

describe('office hours are configurable', () => {
  it('07:30–11:30 and 13:00–17:00 with a 16:00 cut-off', () => {
    const c = nationalCalendar({
      officeHours: [
        { start: 450, end: 690 },
        { start: 780, end: 1020 },
      ],
      cutoff: { kind: 'at', minutes: 960 },
    });
    const r = computeDueDate({ receivedAt: at('2026-03-10 15:30'), duration: wd(0.5), calendar: c });
    expect(vnDateTime(r.clockStartsAt)).toBe('2026-03-10 15:30');
    expect(vnDateTime(r.dueAt!)).toBe('2026-03-11 10:00');
    expect(vnDateTime(c.startClock(at('2026-03-10 12:45')))).toBe('2026-03-10 13:00');
  });
});
