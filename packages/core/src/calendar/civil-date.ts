import { VN_OFFSET_MS } from '../time/vn-time.js';

/**
 * Civil dates and instants in Vietnam time (UTC+7, no daylight saving), as plain numbers so that the
 * engine never depends on the server's time zone:
 * - a "day number" counts days since 1970-01-01 (Vietnam civil date);
 * - a "local ms" is an instant shifted by +7 h, so that `Math.floor(local / DAY_MS)` is its civil day.
 */
export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;
export const MINUTE_MS = 60_000;

/** 'YYYY-MM-DD'. */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}

export function dayNumberOf(iso: IsoDate): number {
  const m = ISO_DATE.exec(iso);
  if (!m) throw new RangeError(`Not an ISO date: ${iso}`);
  return Math.floor(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS);
}

export function dayNumberFromParts(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / DAY_MS);
}

export function isoOfDayNumber(day: number): IsoDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOfDayNumber(day: number): number {
  return (((day + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

export function yearOfDayNumber(day: number): number {
  return new Date(day * DAY_MS).getUTCFullYear();
}

export function toLocalMs(instant: Date): number {
  return instant.getTime() + VN_OFFSET_MS;
}

export function fromLocalMs(local: number): Date {
  return new Date(local - VN_OFFSET_MS);
}

/** The Vietnam civil day number of an instant. */
export function vnDayNumber(instant: Date): number {
  return Math.floor(toLocalMs(instant) / DAY_MS);
}

/** The instant of a Vietnam civil date at a time of day ('HH:MM' or minutes since midnight). */
export function vnInstant(date: IsoDate, time: string | number = 0): Date {
  const minutes = typeof time === 'number' ? time : parseTimeOfDay(time);
  return fromLocalMs(dayNumberOf(date) * DAY_MS + minutes * MINUTE_MS);
}

/** 'HH:MM' → minutes since midnight. */
export function parseTimeOfDay(hhmm: string): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm);
  if (!m) throw new RangeError(`Not a time of day: ${hhmm}`);
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h > 24 || min > 59 || (h === 24 && min > 0)) throw new RangeError(`Not a time of day: ${hhmm}`);
  return h * 60 + min;
}

/** Minutes since midnight → 'HH:MM'. */
export function formatTimeOfDay(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** 'YYYY-MM-DD HH:MM' in Vietnam time (seconds dropped), for logs, tests and receipts. */
export function vnDateTime(instant: Date): string {
  return new Date(toLocalMs(instant)).toISOString().slice(0, 16).replace('T', ' ');
}
