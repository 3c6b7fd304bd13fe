/**
 * Vietnam time, in one place for the whole code base (web, api, core, db, scripts): Vietnam keeps UTC+7 all
 * year (no daylight saving) and every civil date of the product is in this zone. Pure functions of an instant;
 * only `vnToday()` reads the clock, and core never calls it (it takes a Clock).
 */
export const VN_OFFSET_MS = 7 * 60 * 60 * 1000;
export const VN_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const pad = (n: number) => String(n).padStart(2, '0');

/** The wall clock in Vietnam of an instant, as zero-padded parts, independent of the machine's zone. */
export function vnParts(instant: Date): { year: string; month: string; day: string; hour: string; minute: string } {
  const v = new Date(instant.getTime() + VN_OFFSET_MS);
  return {
    year: String(v.getUTCFullYear()),
    month: pad(v.getUTCMonth() + 1),
    day: pad(v.getUTCDate()),
    hour: pad(v.getUTCHours()),
    minute: pad(v.getUTCMinutes()),
  };
}

/** The civil date (YYYY-MM-DD) in Vietnam of an instant. */
export function vnDate(instant: Date): string {
  return new Date(instant.getTime() + VN_OFFSET_MS).toISOString().slice(0, 10);
}

/** Today's civil date in Vietnam (YYYY-MM-DD), by the machine's clock: for browsers, seeds and scripts. */
export function vnToday(now: Date = new Date()): string {
  return vnDate(now);
}

/** The instant Vietnam's civil day (YYYY-MM-DD) begins: 00:00 in Vietnam, 17:00 UTC the day before. */
export function vnStartOfDay(date: string): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) - VN_OFFSET_MS);
}

/** The day of the week in Vietnam of an instant (0 = Sunday … 6 = Saturday). */
export function vnWeekday(instant: Date): number {
  return new Date(instant.getTime() + VN_OFFSET_MS).getUTCDay();
}

/** An instant in Vietnam time in the W3C profile of ISO 8601 with its offset: 2026-03-02T09:00:00+07:00. */
export function vnIso(instant: Date): string {
  return `${new Date(instant.getTime() + VN_OFFSET_MS).toISOString().slice(0, 19)}+07:00`;
}

/** A wall-clock time in Vietnam ('YYYY-MM-DDTHH:MM', a datetime-local value) as an ISO instant with +07:00. */
export function vnLocalToIso(local: string): string {
  return `${local}:00+07:00`;
}
