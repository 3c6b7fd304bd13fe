import { describe, expect, it } from 'vitest';
import { vnDateTime, vnInstant } from '../calendar/civil-date.js';
import { nationalCalendar } from '../calendar/test-calendars.js';
import { apologyWindowEnd, checkApology, latestApologyAt } from './apology.js';
import { classifyFinished, classifyInProgress } from './classification.js';
import { computeStepDeadlines, stepsAddUp } from './step-deadlines.js';

const cal = nationalCalendar();
const at = (s: string) => vnInstant(s.slice(0, 10), s.slice(11));

describe('classification of finished dossiers', () => {
  const dueAt = at('2026-03-13 10:00');
  it.each([
    ['2026-03-12 16:00', 'early'],
    ['2026-03-13 07:30', 'on_time'],
    ['2026-03-13 10:00', 'on_time'],
    ['2026-03-13 10:01', 'late'],
    ['2026-03-16 08:00', 'late'],
  ])('finished %s → %s', (finished, expected) => {
    expect(classifyFinished(at(finished), dueAt)).toBe(expected);
  });
  it('without a time limit is on time', () => {
    expect(classifyFinished(at('2030-01-01 10:00'), null)).toBe('on_time');
  });
});

describe('classification of dossiers in progress', () => {
  const dueAt = at('2026-03-16 10:00'); // Monday
  it.each([
    ['2026-03-12 09:00', 'undue'],
    // Friday 10:00 to Monday 10:00 is exactly one working day: due soon.
    ['2026-03-13 10:00', 'due_soon'],
    ['2026-03-13 09:59', 'undue'],
    ['2026-03-14 12:00', 'due_soon'],
    ['2026-03-16 10:00', 'due_soon'],
    ['2026-03-16 10:01', 'overdue'],
  ])('at %s → %s', (now, expected) => {
    expect(classifyInProgress(at(now), dueAt, cal)).toBe(expected);
  });
  it('the "due soon" threshold is configurable', () => {
    expect(classifyInProgress(at('2026-03-13 08:00'), dueAt, cal)).toBe('undue');
    expect(classifyInProgress(at('2026-03-13 08:00'), dueAt, cal, { value: 2, unit: 'working_days' })).toBe('due_soon');
    expect(classifyInProgress(at('2026-03-13 10:00'), dueAt, cal, { value: 4, unit: 'working_hours' })).toBe('undue');
    expect(classifyInProgress(at('2026-03-14 12:00'), dueAt, cal, { value: 1, unit: 'calendar_days' })).toBe('undue');
  });
  it('a paused clock is undue', () => {
    expect(classifyInProgress(at('2026-03-30 10:00'), null, cal)).toBe('undue');
  });
});

describe('per-step deadlines', () => {
  const steps = [
    { key: 'reception', name: 'Tiếp nhận', duration: { value: 0.5, unit: 'working_days' } as const },
    { key: 'department', name: 'Phòng chuyên môn', duration: { value: 1.5, unit: 'working_days' } as const },
    { key: 'approval', name: 'Lãnh đạo ký', duration: { value: 0.5, unit: 'working_days' } as const },
    { key: 'return', name: 'Trả kết quả', duration: { value: 0.5, unit: 'working_days' } as const },
  ];

  it('planned due dates add up to the legal limit (3 working days)', () => {
    expect(stepsAddUp(steps, { value: 3, unit: 'working_days' }, cal)).toBe(true);
    expect(stepsAddUp(steps, { value: 24, unit: 'working_hours' }, cal)).toBe(true);
    expect(stepsAddUp(steps, { value: 2.5, unit: 'working_days' }, cal)).toBe(false);
    expect(stepsAddUp(steps, { value: 3, unit: 'calendar_days' }, cal)).toBe(false);
    const plan = computeStepDeadlines({ clockStartsAt: at('2026-02-12 08:00'), steps, calendar: cal });
    expect(plan.map((s) => vnDateTime(s.plannedDueAt))).toEqual([
      '2026-02-12 14:00',
      '2026-02-23 08:00',
      '2026-02-23 14:00',
      '2026-02-24 08:00',
    ]);
    expect(plan.every((s) => s.status === null)).toBe(true);
  });

  it('a step starts at the previous hand-over and gets its own on-time status', () => {
    const sheet = computeStepDeadlines({
      clockStartsAt: at('2026-03-10 08:00'),
      steps,
      calendar: cal,
      progress: [
        { key: 'reception', finishedAt: at('2026-03-10 09:00') },
        { key: 'department', finishedAt: at('2026-03-12 10:00') },
      ],
    });
    expect(sheet.map((s) => [s.key, vnDateTime(s.startsAt), vnDateTime(s.dueAt), s.status])).toEqual([
      ['reception', '2026-03-10 08:00', '2026-03-10 14:00', 'on_time'],
      ['department', '2026-03-10 09:00', '2026-03-11 15:00', 'late'],
      ['approval', '2026-03-12 10:00', '2026-03-12 16:00', null],
      ['return', '2026-03-12 16:00', '2026-03-13 10:00', null],
    ]);
    expect(vnDateTime(sheet.at(-1)!.plannedDueAt)).toBe('2026-03-13 08:00');
  });

  it('rejects empty, duplicate, unlimited or mixed steps', () => {
    const bad = [[], [steps[0]!, steps[0]!], [{ key: 'a', duration: { value: 0, unit: 'none' } as const }]];
    for (const s of bad) {
      expect(() => computeStepDeadlines({ clockStartsAt: at('2026-03-10 08:00'), steps: s, calendar: cal })).toThrow(
        expect.objectContaining({ code: 'CALENDAR_INVALID_STEPS' }),
      );
    }
    expect(() =>
      computeStepDeadlines({
        clockStartsAt: at('2026-03-10 08:00'),
        steps: [steps[0]!, { key: 'x', duration: { value: 2, unit: 'calendar_days' } }],
        calendar: cal,
      }),
    ).toThrow(expect.objectContaining({ code: 'CALENDAR_INVALID_DURATION' }));
  });
});

describe('apology rule', () => {
  const dueAt = at('2026-03-17 10:00'); // Tuesday

  it('the notice is due one working day before the due date', () => {
    expect(vnDateTime(latestApologyAt(dueAt, cal))).toBe('2026-03-16 10:00');
    // Over Tết 2026: a due date on Monday 23/2 10:00 needs the notice by Friday 13/2 10:00.
    expect(vnDateTime(latestApologyAt(at('2026-02-23 10:00'), cal))).toBe('2026-02-13 10:00');
  });

  it('accepts a timely notice with a later date, once', () => {
    const ok = checkApology({
      dueAt,
      noticeAt: at('2026-03-16 09:00'),
      newDueAt: at('2026-03-21 10:00'), // a Saturday: moved to the next working instant
      previousApologies: 0,
      calendar: cal,
    });
    expect(vnDateTime(ok.newDueAt)).toBe('2026-03-23 07:00');
  });

  it.each([
    ['too late', '2026-03-16 10:01', '2026-03-20 10:00', 0, 'APOLOGY_TOO_LATE'],
    ['a second new date', '2026-03-13 09:00', '2026-03-20 10:00', 1, 'APOLOGY_ALREADY_USED'],
    ['a new date not later', '2026-03-13 09:00', '2026-03-17 09:00', 0, 'APOLOGY_NEW_DUE_DATE_INVALID'],
  ])('rejects %s', (_label, notice, newDue, previous, code) => {
    expect(() =>
      checkApology({
        dueAt,
        noticeAt: at(notice),
        newDueAt: at(newDue),
        previousApologies: previous,
        calendar: cal,
      }),
    ).toThrow(expect.objectContaining({ code }));
  });
});

describe('apology window of a dossier', () => {
  it('ends one working day before the due date when the limit is long enough', () => {
    expect(vnDateTime(apologyWindowEnd(at('2026-03-17 10:00'), at('2026-03-12 10:00'), cal)!)).toBe('2026-03-16 10:00');
  });

  it('does not exist for a limit shorter than one working day (never before the receipt)', () => {
    // received Friday 13/2/2026 12:00 (lunch: the clock starts 13:30) with half a day: due 13/2 17:00 + 30 min
    const start = at('2026-02-13 13:30');
    const due = cal.addWorkingMs(start, cal.dayWorkMs / 2);
    expect(apologyWindowEnd(due, start, cal)).toBeNull();
    // exactly one working day leaves the clock start itself (shown as the previous evening, 12/2 17:00)
    const dayDue = cal.addWorkingMs(start, cal.dayWorkMs);
    const end = apologyWindowEnd(dayDue, start, cal)!;
    expect(cal.workingMsBetween(end, start)).toBe(0);
  });
});

describe('apology notice at a day boundary', () => {
  it('shows the previous evening and accepts a notice before opening on the last day', () => {
    const due = at('2026-02-25 17:00');
    expect(vnDateTime(latestApologyAt(due, cal))).toBe('2026-02-24 17:00');
    const ok = checkApology({
      dueAt: due,
      noticeAt: at('2026-02-25 06:30'),
      newDueAt: at('2026-02-27 17:00'),
      previousApologies: 0,
      calendar: cal,
    });
    expect(vnDateTime(ok.latestNoticeAt)).toBe('2026-02-24 17:00');
    expect(() =>
      checkApology({
        dueAt: due,
        noticeAt: at('2026-02-25 07:01'),
        newDueAt: at('2026-02-27 17:00'),
        previousApologies: 0,
        calendar: cal,
      }),
    ).toThrow(expect.objectContaining({ code: 'APOLOGY_TOO_LATE' }));
  });
});
