import { describe, expect, it } from 'vitest';
import { defaultSchedule, statutoryHolidays } from './holidays.js';
import { checkYearSchedule } from './schedule.js';
import { announcedSchedules, nationalCalendar } from './test-calendars.js';

const offDates = (year: number) => defaultSchedule(year).entries.map((e) => `${e.date} ${e.kind}`);

describe('statutory holidays (Labour Code 2019 Art. 112)', () => {
  it('has the 11 days of a year', () => {
    for (const y of [2025, 2026, 2027, 2030]) expect(statutoryHolidays(y)).toHaveLength(11);
  });

  it('2026 by the rules: Tết 16–20/2, Hùng Kings Sunday 26/4 compensated on Monday 27/4, 2/9 with 1/9', () => {
    expect(offDates(2026)).toEqual([
      '2026-01-01 holiday',
      '2026-02-16 holiday',
      '2026-02-17 holiday',
      '2026-02-18 holiday',
      '2026-02-19 holiday',
      '2026-02-20 holiday',
      '2026-04-26 holiday',
      '2026-04-27 compensatory',
      '2026-04-30 holiday',
      '2026-05-01 holiday',
      '2026-09-01 holiday',
      '2026-09-02 holiday',
    ]);
  });

  it('2027 by the rules: Tết 5–9/2 with Saturday 6 and Sunday 7 compensated on 10 and 11/2; 1/5 Saturday → 3/5', () => {
    const d = offDates(2027);
    expect(d).toContain('2027-02-05 holiday');
    expect(d).toContain('2027-02-06 holiday');
    expect(d).toContain('2027-02-09 holiday');
    expect(d).toContain('2027-02-10 compensatory');
    expect(d).toContain('2027-02-11 compensatory');
    expect(d).toContain('2027-04-16 holiday');
    expect(d).toContain('2027-05-03 compensatory');
    // 2/9/2027 is a Thursday: the adjacent day is Friday 3/9.
    expect(d).toContain('2027-09-03 holiday');
  });

  it('2/9 adjacent day joins the weekend: Monday 2024 → 3/9; Saturday 2023 → 1/9 and Monday 4/9 compensatory', () => {
    expect(offDates(2024)).toContain('2024-09-03 holiday');
    expect(offDates(2023)).toEqual(expect.arrayContaining(['2023-09-01 holiday', '2023-09-04 compensatory']));
  });

  it('two holidays on a weekend get two compensatory days (30/4 Saturday and 1/5 Sunday, 2022)', () => {
    expect(offDates(2022)).toEqual(expect.arrayContaining(['2022-05-02 compensatory', '2022-05-03 compensatory']));
  });
});

describe('announced schedules (data/calendar)', () => {
  it('are valid national schedules', () => {
    for (const s of announcedSchedules) expect(checkYearSchedule(s, 'national')).toEqual([]);
  });

  it('rejects bad entries', () => {
    const problems = checkYearSchedule(
      {
        year: 2026,
        entries: [
          { date: '2026-02-30', kind: 'holiday', name: 'x' },
          { date: '2027-03-01', kind: 'holiday', name: 'x' },
          { date: '2026-08-24', kind: 'make_up_working', name: 'Monday' },
          { date: '2026-08-23', kind: 'day_off', name: 'Sunday' },
          { date: '2026-05-05', kind: 'reception_day', name: 'local kind' },
          { date: '2026-05-06', kind: 'holiday', name: 'a' },
          { date: '2026-05-06', kind: 'holiday', name: 'b' },
        ],
      },
      'national',
    );
    expect(problems.map((p) => p.index)).toEqual([0, 1, 2, 3, 4, 6]);
  });

  it('win over the rules: 2025 Tết off 25/1–2/2 with Monday 27/1 worked back on Saturday 8/2', () => {
    const cal = nationalCalendar();
    const working = (d: string) => cal.isWorkingDate(d);
    expect(['2025-01-24', '2025-02-03', '2025-02-08'].map(working)).toEqual([true, true, true]);
    expect(['2025-01-27', '2025-01-28', '2025-01-31', '2025-02-01'].map(working)).toEqual([false, false, false, false]);
    // The rules alone would have given Monday 3/2 off as compensation for Saturday 1/2.
    expect(defaultSchedule(2025).entries.some((e) => e.date === '2025-02-03')).toBe(true);
  });

  it('2026: Tết 16–20/2 off, 2/9 bridge Monday 31/8 off, Saturday 22/8 worked, Hùng Kings Monday 27/4 off', () => {
    const cal = nationalCalendar();
    const row = (dates: string[]) => dates.map((d) => cal.isWorkingDate(d));
    expect(row(['2026-02-13', '2026-02-16', '2026-02-20', '2026-02-23'])).toEqual([true, false, false, true]);
    expect(
      row(['2026-08-21', '2026-08-22', '2026-08-29', '2026-08-31', '2026-09-01', '2026-09-02', '2026-09-03']),
    ).toEqual([true, true, false, false, false, false, true]);
    expect(row(['2026-04-24', '2026-04-26', '2026-04-27', '2026-04-28'])).toEqual([true, false, false, true]);
    expect(row(['2026-01-02', '2026-01-10'])).toEqual([false, true]);
  });

  it('2027 has no announced schedule and follows the rules', () => {
    const cal = nationalCalendar();
    expect(cal.hasAnnouncedSchedule(2026)).toBe(true);
    expect(cal.hasAnnouncedSchedule(2027)).toBe(false);
    expect(['2027-02-04', '2027-02-05', '2027-02-11', '2027-02-12'].map((d) => cal.isWorkingDate(d))).toEqual([
      true,
      false,
      false,
      true,
    ]);
  });
});

describe('scopes', () => {
  it('a local day off stops the clock in that scope only; a reception Saturday does not count', () => {
    const local = nationalCalendar({
      scopeCode: '00001',
      localEntries: [
        { scopeCode: '00001', date: '2026-03-10', kind: 'local_day_off', name: 'Lễ hội địa phương' },
        { scopeCode: '00001', date: '2026-03-14', kind: 'reception_day', name: 'Tiếp nhận sáng thứ Bảy' },
      ],
    });
    const national = nationalCalendar();
    expect(local.isWorkingDate('2026-03-10')).toBe(false);
    expect(national.isWorkingDate('2026-03-10')).toBe(true);
    expect(local.isWorkingDate('2026-03-14')).toBe(false);
    const days = local.listYear(2026);
    const sat = days.find((d) => d.date === '2026-03-14')!;
    expect(sat).toMatchObject({ working: false, reception: true, weekday: 6 });
    expect(days).toHaveLength(365);
    expect(days.filter((d) => d.working)).toHaveLength(national.listYear(2026).filter((d) => d.working).length - 1);
  });
});
