import { describe, expect, it } from 'vitest';
import { vnDate, vnIso, vnLocalToIso, vnParts, vnStartOfDay, vnWeekday } from './vn-time.js';

describe('Vietnam time (UTC+7 all year)', () => {
  // 17:30 UTC on Friday 6 March 2026 is 00:30 on Saturday 7 March in Vietnam.
  const lateFridayUtc = new Date('2026-03-06T17:30:00Z');

  it('gives the civil date, weekday and wall clock of an instant, whatever the machine zone', () => {
    expect(vnDate(lateFridayUtc)).toBe('2026-03-07');
    expect(vnWeekday(lateFridayUtc)).toBe(6);
    expect(vnWeekday(new Date('2026-03-06T16:59:59Z'))).toBe(5);
    expect(vnParts(lateFridayUtc)).toEqual({ year: '2026', month: '03', day: '07', hour: '00', minute: '30' });
  });

  it('starts a civil day at 00:00 in Vietnam (17:00 UTC the day before)', () => {
    expect(vnStartOfDay('2026-03-07').toISOString()).toBe('2026-03-06T17:00:00.000Z');
    expect(vnDate(vnStartOfDay('2026-01-01'))).toBe('2026-01-01');
    expect(vnDate(new Date(vnStartOfDay('2026-01-01').getTime() - 1))).toBe('2025-12-31');
  });

  it('writes an instant with its +07:00 offset, and reads a datetime-local value back to the same instant', () => {
    expect(vnIso(lateFridayUtc)).toBe('2026-03-07T00:30:00+07:00');
    expect(new Date(vnIso(lateFridayUtc)).getTime()).toBe(lateFridayUtc.getTime());
    expect(new Date(vnLocalToIso('2026-03-07T00:30')).getTime()).toBe(lateFridayUtc.getTime());
  });
});
