import { describe, expect, it } from 'vitest';
import { nationalCalendar } from '../calendar/test-calendars.js';
import { AppError } from '../errors.js';
import { requireTicketingOpen, ticketingWindow } from './ticketing-hours.js';

const calendar = nationalCalendar();
const margins = { openBeforeMinutes: 30, closeBeforeMinutes: 0 };
/** An instant given in Vietnam time. */
const vn = (iso: string) => new Date(`${iso}+07:00`);

describe('ticketingWindow', () => {
  it('is open from 30 minutes before the morning session to the end of the afternoon, lunch break included', () => {
    expect(ticketingWindow(calendar, vn('2026-01-07T06:29'), margins)).toEqual({
      open: false,
      opensAt: vn('2026-01-07T06:30'),
      closesAt: null,
    });
    expect(ticketingWindow(calendar, vn('2026-01-07T06:30'), margins)).toEqual({
      open: true,
      opensAt: null,
      closesAt: vn('2026-01-07T17:00'),
    });
    expect(ticketingWindow(calendar, vn('2026-01-07T12:15'), margins).open).toBe(true);
    expect(ticketingWindow(calendar, vn('2026-01-07T16:59'), margins).open).toBe(true);
  });

  it('after closing, points to the next reception day: over a holiday and a swapped day off to the make-up Saturday', () => {
    // Wed 31 Dec 2025 evening → 1 Jan holiday, 2 Jan swapped day off, Sat 3 and Sun 4 closed → Mon 5 Jan.
    expect(ticketingWindow(calendar, vn('2025-12-31T17:00'), margins)).toEqual({
      open: false,
      opensAt: vn('2026-01-05T06:30'),
      closesAt: null,
    });
    // Friday 9 Jan evening → Saturday 10 Jan is the make-up day for 2 Jan.
    expect(ticketingWindow(calendar, vn('2026-01-09T18:00'), margins).opensAt).toEqual(vn('2026-01-10T06:30'));
    expect(ticketingWindow(calendar, vn('2026-01-10T09:00'), margins).open).toBe(true);
    expect(ticketingWindow(calendar, vn('2026-01-17T09:00'), margins).open).toBe(false); // ordinary Saturday
  });

  it('follows the center margins', () => {
    const tight = { openBeforeMinutes: 0, closeBeforeMinutes: 15 };
    expect(ticketingWindow(calendar, vn('2026-01-07T06:45'), tight).open).toBe(false);
    expect(ticketingWindow(calendar, vn('2026-01-07T07:00'), tight).open).toBe(true);
    expect(ticketingWindow(calendar, vn('2026-01-07T16:45'), tight)).toMatchObject({
      open: false,
      opensAt: vn('2026-01-08T07:00'),
    });
  });

  it('refuses with QUEUE_CLOSED and the next opening', () => {
    const closed = ticketingWindow(calendar, vn('2026-01-07T20:00'), margins);
    try {
      requireTicketingOpen(closed);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).code).toBe('QUEUE_CLOSED');
      expect((e as AppError).details).toMatchObject({ opensOn: '2026-01-08' });
    }
    expect(() => requireTicketingOpen(ticketingWindow(calendar, vn('2026-01-07T09:00'), margins))).not.toThrow();
  });
});
