import { describe, expect, it } from 'vitest';
import { nationalCalendar } from '../calendar/test-calendars.js';
import {
  appointmentSlots,
  MAX_BOOKINGS_PER_PHONE_PER_DAY,
  requireAvailableSlot,
  requirePhoneMayBook,
} from './appointment-slots.js';

const calendar = nationalCalendar();
const NOW = new Date('2026-01-05T01:00:00Z'); // Monday 5 Jan 2026, 08:00 in Vietnam
const slotsOn = (date: string, booked = new Map<string, number>(), now = NOW) =>
  appointmentSlots({ calendar, date, slotMinutes: 30, counters: 2, booked, now });

describe('appointmentSlots', () => {
  it('cuts the morning and afternoon sessions into slots around the lunch break', () => {
    const { working, slots } = slotsOn('2026-01-07');
    expect(working).toBe(true);
    expect(slots.map((s) => s.start)).toContain('07:00');
    expect(slots.map((s) => s.start)).toContain('11:00');
    expect(slots.map((s) => s.start)).not.toContain('11:30');
    expect(slots.map((s) => s.start)).not.toContain('12:00');
    expect(slots.map((s) => s.start)).toContain('13:30');
    expect(slots.at(-1)).toMatchObject({ start: '16:30', end: '17:00' });
    expect(slots).toHaveLength(9 + 7);
  });

  it('has no slot on a holiday, a day off swapped for a make-up day, or a Sunday', () => {
    expect(slotsOn('2026-01-01')).toEqual({ working: false, slots: [] }); // New Year
    expect(slotsOn('2026-01-02').slots).toEqual([]); // day off, made up on Saturday 10 Jan
    expect(slotsOn('2026-01-11').slots).toEqual([]); // Sunday
    expect(slotsOn('2026-02-17', new Map(), new Date('2026-02-10T01:00:00Z')).slots).toEqual([]); // Tết
  });

  it('opens the make-up Saturday like a working day, but not an ordinary Saturday', () => {
    expect(slotsOn('2026-01-10').slots.length).toBe(16);
    expect(slotsOn('2026-01-17').slots).toEqual([]);
    const aug = slotsOn('2026-08-22', new Map(), new Date('2026-08-20T01:00:00Z'));
    expect(aug.working).toBe(true);
    expect(aug.slots[0]!.available).toBe(2);
  });

  it('counts bookings against the counters serving the group and closes slots already begun', () => {
    const { slots } = slotsOn(
      '2026-01-05',
      new Map([
        ['09:00', 2],
        ['09:30', 1],
      ]),
    );
    const at = (s: string) => slots.find((x) => x.start === s)!;
    expect(at('07:30').available).toBe(0); // before 08:00 now
    expect(at('08:00').available).toBe(0); // begun
    expect(at('08:30').available).toBe(2);
    expect(at('09:00')).toMatchObject({ booked: 2, available: 0 });
    expect(at('09:30').available).toBe(1);
    expect(() => requireAvailableSlot(slots, '09:00')).toThrowError(
      expect.objectContaining({ code: 'QUEUE_SLOT_UNAVAILABLE' }),
    );
    expect(() => requireAvailableSlot(slots, '12:00')).toThrowError(
      expect.objectContaining({ code: 'QUEUE_SLOT_UNAVAILABLE' }),
    );
    expect(requireAvailableSlot(slots, '09:30').startMinutes).toBe(570);
  });

  it('offers nothing beyond the booking horizon or in the past', () => {
    expect(slotsOn('2026-03-20').slots.every((s) => s.available === 0)).toBe(true);
    expect(slotsOn('2025-12-30').slots.every((s) => s.available === 0)).toBe(true);
  });
});

describe('requirePhoneMayBook', () => {
  const held = [{ id: 'a', groupId: 'g1', startMinutes: 540 }];
  const codeOf = (f: () => void) => {
    try {
      f();
      return 'ok';
    } catch (e) {
      return (e as { code: string }).code;
    }
  };

  it('one place of a slot per phone number', () => {
    expect(codeOf(() => requirePhoneMayBook(held, { groupId: 'g1', startMinutes: 540 }))).toBe(
      'QUEUE_APPOINTMENT_DUPLICATE',
    );
    expect(codeOf(() => requirePhoneMayBook(held, { groupId: 'g2', startMinutes: 540 }))).toBe('ok');
    expect(codeOf(() => requirePhoneMayBook(held, { groupId: 'g1', startMinutes: 570 }))).toBe('ok');
  });

  it('at most the day limit of bookings per phone number, the booking being moved not counted', () => {
    const two = [...held, { id: 'b', groupId: 'g2', startMinutes: 600 }];
    expect(two).toHaveLength(MAX_BOOKINGS_PER_PHONE_PER_DAY);
    expect(codeOf(() => requirePhoneMayBook(two, { groupId: 'g3', startMinutes: 660 }))).toBe(
      'QUEUE_APPOINTMENT_PHONE_LIMIT',
    );
    expect(codeOf(() => requirePhoneMayBook(two, { groupId: 'g2', startMinutes: 660 }, 'b'))).toBe('ok');
    expect(codeOf(() => requirePhoneMayBook(two, { groupId: 'g1', startMinutes: 540 }, 'a'))).toBe('ok');
  });
});
