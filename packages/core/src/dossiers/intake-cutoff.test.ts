import { describe, expect, it } from 'vitest';
import { buildWorkingCalendar } from '../calendar/working-calendar.js';
import { computeDueDate } from '../deadlines/due-date.js';
import { intakeCutoff, ONLINE_INTAKE_CUTOFF } from './receive-dossier.js';

// Office hours 07:00–11:30 and 13:30–17:00; the calendar's cut-off is 15:00. Monday 02/03/2026.
const calendar = buildWorkingCalendar({ fromYear: 2025, toYear: 2027 });
const vn = (hhmm: string, day = '02') => new Date(`2026-03-${day}T${hhmm}:00+07:00`);
const startOf = (channel: 'online' | 'in_person' | 'postal', at: Date) =>
  computeDueDate({
    receivedAt: at,
    duration: { value: 3, unit: 'working_days' },
    calendar,
    cutoff: intakeCutoff(channel),
  });

describe('intake cut-off by channel', () => {
  it('online uses one hour before closing; the counter and post keep the calendar’s cut-off', () => {
    expect(ONLINE_INTAKE_CUTOFF).toEqual({ kind: 'before_close', minutes: 60 });
    expect(intakeCutoff('online')).toBe(ONLINE_INTAKE_CUTOFF);
    expect(intakeCutoff('in_person')).toBeUndefined();
    expect(intakeCutoff('postal')).toBeUndefined();
  });

  it.each([
    ['online', '16:10', vn('07:00', '03'), vn('17:00', '05')],
    ['online', '16:00', vn('16:00'), vn('16:00', '05')],
    ['online', '15:30', vn('15:30'), vn('15:30', '05')],
    ['in_person', '14:50', vn('14:50'), vn('14:50', '05')],
    ['in_person', '15:30', vn('07:00', '03'), vn('17:00', '05')],
    ['postal', '15:10', vn('07:00', '03'), vn('17:00', '05')],
  ] as const)('%s at %s: clock starts %s, due %s', (channel, at, starts, due) => {
    const r = startOf(channel, vn(at));
    expect(r.clockStartsAt).toEqual(starts);
    expect(r.dueAt).toEqual(due);
  });
});
