import {
  DAY_MS,
  dayNumberFromParts,
  dayNumberOf,
  fromLocalMs,
  type IsoDate,
  isoOfDayNumber,
  MINUTE_MS,
  toLocalMs,
  weekdayOfDayNumber,
  yearOfDayNumber,
} from './civil-date.js';
import { type CalendarEntry, defaultSchedule, OFF_KINDS, WEEKLY_REST_DAYS, type YearSchedule } from './holidays.js';
import {
  type Cutoff,
  DEFAULT_CUTOFF,
  DEFAULT_OFFICE_HOURS,
  type OfficeSession,
  validateOfficeHours,
} from './office-hours.js';
import { addWorkingMs, MAX_SCAN_DAYS, type SessionClock, subtractWorkingMs, workingMsBetween } from './working-time.js';

export {
  type Cutoff,
  DEFAULT_CUTOFF,
  DEFAULT_OFFICE_HOURS,
  type OfficeSession,
  validateOfficeHours,
} from './office-hours.js';

/** Scope-local additions: a province or commune adds a local day off or opens a weekend day for reception. */
export type ScopedEntry = CalendarEntry & Readonly<{ scopeCode: string }>;

export type WorkingCalendarInput = Readonly<{
  fromYear: number;
  toYear: number;
  /** Announced national schedules; a year without one uses the rule-derived default. */
  schedules?: ReadonlyArray<YearSchedule>;
  /** Local entries of the province and/or commune the calendar is for. */
  localEntries?: ReadonlyArray<ScopedEntry>;
  officeHours?: ReadonlyArray<OfficeSession>;
  cutoff?: Cutoff;
  /** The scope the calendar is for ('VN', a province code or a commune code). */
  scopeCode?: string;
}>;

export const MIN_YEAR = 1970;
export const MAX_YEAR = 2100;

/**
 * A working calendar: a pure value holding, for a range of years, the days off and worked-back days of a
 * scope, its office hours and its intake cut-off, with the time arithmetic of the deadline engine.
 *
 * Years outside [fromYear, toYear] fall back to the rule-derived default (so a long time limit near the
 * end of the range still gets an answer); `hasAnnouncedSchedule(year)` tells which years are official.
 */
export class WorkingCalendar {
  readonly fromYear: number;
  readonly toYear: number;
  readonly scopeCode: string;
  readonly officeHours: ReadonlyArray<OfficeSession>;
  readonly cutoff: Cutoff;
  /** Working milliseconds in one working day (8 h by default). */
  readonly dayWorkMs: number;
  readonly openMs: number;
  readonly closeMs: number;

  readonly #announced: ReadonlyMap<number, YearSchedule>;
  readonly #entries = new Map<number, CalendarEntry[]>();
  readonly #loadedYears = new Set<number>();
  readonly #local: ReadonlyArray<ScopedEntry>;
  readonly #working = new Map<number, boolean>();
  readonly #sessionStartMs: number[];
  readonly #sessionEndMs: number[];
  readonly #clock: SessionClock;

  constructor(input: WorkingCalendarInput) {
    if (
      !Number.isInteger(input.fromYear) ||
      !Number.isInteger(input.toYear) ||
      input.fromYear > input.toYear ||
      input.fromYear < MIN_YEAR ||
      input.toYear > MAX_YEAR
    ) {
      throw new RangeError(`Invalid calendar range ${input.fromYear}–${input.toYear}`);
    }
    this.fromYear = input.fromYear;
    this.toYear = input.toYear;
    this.scopeCode = input.scopeCode ?? 'VN';
    const hours = input.officeHours ?? DEFAULT_OFFICE_HOURS;
    const problem = validateOfficeHours(hours);
    if (problem) throw new RangeError(`Invalid office hours: ${problem}`);
    this.officeHours = hours.map((s) => ({ ...s }));
    this.cutoff = input.cutoff ?? DEFAULT_CUTOFF;
    this.#sessionStartMs = this.officeHours.map((s) => s.start * MINUTE_MS);
    this.#sessionEndMs = this.officeHours.map((s) => s.end * MINUTE_MS);
    this.dayWorkMs = this.officeHours.reduce((t, s) => t + (s.end - s.start) * MINUTE_MS, 0);
    this.openMs = this.#sessionStartMs[0]!;
    this.closeMs = this.#sessionEndMs[this.#sessionEndMs.length - 1]!;
    this.#announced = new Map((input.schedules ?? []).map((s) => [s.year, s]));
    this.#local = input.localEntries ?? [];
    this.#clock = {
      isWorkingDay: (day) => this.isWorkingDay(day),
      starts: this.#sessionStartMs,
      ends: this.#sessionEndMs,
      openMs: this.openMs,
      dayWorkMs: this.dayWorkMs,
    };
  }

  hasAnnouncedSchedule(year: number): boolean {
    return this.#announced.has(year);
  }

  #loadYear(year: number): void {
    if (this.#loadedYears.has(year)) return;
    this.#loadedYears.add(year);
    const schedule = this.#announced.get(year) ?? defaultSchedule(year);
    const add = (e: CalendarEntry) => {
      const day = dayNumberOf(e.date);
      const list = this.#entries.get(day);
      if (list) list.push(e);
      else this.#entries.set(day, [e]);
    };
    const first = dayNumberFromParts(year, 1, 1);
    const next = dayNumberFromParts(year + 1, 1, 1);
    // A schedule may name a compensatory day early in the next year; entries are keyed by their own date.
    for (const e of schedule.entries) add(e);
    for (const e of this.#local) {
      const d = dayNumberOf(e.date);
      if (d >= first && d < next) add(e);
    }
  }

  /** Entries (holidays, swaps, local days) of a civil day, in the order they were declared. */
  entriesOf(day: number): ReadonlyArray<CalendarEntry> {
    const y = yearOfDayNumber(day);
    this.#loadYear(y);
    // An entry dated in January may come from the previous year's schedule (e.g. a compensatory day).
    if (day - dayNumberFromParts(y, 1, 1) < 31) this.#loadYear(y - 1);
    return this.#entries.get(day) ?? [];
  }

  /** Does a civil day count for time limits? */
  isWorkingDay(day: number): boolean {
    const hit = this.#working.get(day);
    if (hit !== undefined) return hit;
    const entries = this.entriesOf(day);
    let working = !WEEKLY_REST_DAYS.has(weekdayOfDayNumber(day));
    if (entries.some((e) => e.kind === 'make_up_working')) working = true;
    if (entries.some((e) => OFF_KINDS.has(e.kind))) working = false;
    this.#working.set(day, working);
    return working;
  }

  isWorkingDate(date: IsoDate): boolean {
    return this.isWorkingDay(dayNumberOf(date));
  }

  /** Open for receiving dossiers (a working day or a reception day), even when time limits do not run. */
  isReceptionDay(day: number): boolean {
    return this.isWorkingDay(day) || this.entriesOf(day).some((e) => e.kind === 'reception_day');
  }

  nextWorkingDay(day: number): number {
    let d = day + 1;
    while (!this.isWorkingDay(d)) {
      d++;
      if (d - day > MAX_SCAN_DAYS) throw new RangeError('No working day within 100 years');
    }
    return d;
  }

  /** Cut-off as ms since midnight, or undefined when there is none. */
  cutoffMs(cutoff: Cutoff = this.cutoff): number | undefined {
    switch (cutoff.kind) {
      case 'none':
        return undefined;
      case 'at':
        return cutoff.minutes * MINUTE_MS;
      case 'before_close':
        return this.closeMs - cutoff.minutes * MINUTE_MS;
    }
  }

  /**
   * A working instant is one inside office hours of a working day, both ends included
   * (17:00 is the last working instant of a day, 13:30 the first of the afternoon).
   */
  isWorkingInstant(at: Date): boolean {
    const local = toLocalMs(at);
    const day = Math.floor(local / DAY_MS);
    if (!this.isWorkingDay(day)) return false;
    const tod = local - day * DAY_MS;
    for (let i = 0; i < this.#sessionStartMs.length; i++) {
      if (tod >= this.#sessionStartMs[i]! && tod <= this.#sessionEndMs[i]!) return true;
    }
    return false;
  }

  /** The first working instant at or after `at`. */
  nextWorkingInstant(at: Date): Date {
    return this.addWorkingMs(at, 0);
  }

  /**
   * When the clock starts for a complete dossier received at `receivedAt`: on a day off or after closing,
   * the next working morning; during the lunch break, the afternoon session; after the cut-off, the next
   * working morning; before opening, the opening of that day.
   */
  startClock(receivedAt: Date, cutoff: Cutoff = this.cutoff): Date {
    const local = toLocalMs(receivedAt);
    const day = Math.floor(local / DAY_MS);
    const tod = local - day * DAY_MS;
    const limit = this.cutoffMs(cutoff);
    if (!this.isWorkingDay(day) || tod >= this.closeMs || (limit !== undefined && tod > limit)) {
      return fromLocalMs(this.nextWorkingDay(day) * DAY_MS + this.openMs);
    }
    for (let i = 0; i < this.#sessionStartMs.length; i++) {
      const s = this.#sessionStartMs[i]!;
      const e = this.#sessionEndMs[i]!;
      if (tod < s) return fromLocalMs(day * DAY_MS + s);
      if (tod < e) return receivedAt;
    }
    return fromLocalMs(this.nextWorkingDay(day) * DAY_MS + this.openMs);
  }

  /**
   * Add working time. Landing exactly on the end of a session stays there (a 1-day limit started at 07:00
   * is due at 17:00 the same day, not 07:00 the next day), so adding n then m equals adding n + m.
   */
  addWorkingMs(from: Date, workMs: number): Date {
    return addWorkingMs(this.#clock, from, workMs);
  }

  /**
   * Subtract working time: the latest instant from which `workMs` of working time reaches `to`.
   * Landing exactly on the start of a session stays there, unless `preferEnd` asks for the equivalent end
   * of the previous session (Tuesday 17:00 rather than Wednesday 07:00, for display).
   */
  subtractWorkingMs(to: Date, workMs: number, preferEnd = false): Date {
    return subtractWorkingMs(this.#clock, to, workMs, preferEnd);
  }

  /** Working time between two instants (negative when `to` is before `from`). */
  workingMsBetween(from: Date, to: Date): number {
    return workingMsBetween(this.#clock, from, to);
  }

  /** Every day of a year with its status, for the year view. */
  listYear(year: number): CalendarDay[] {
    const first = dayNumberFromParts(year, 1, 1);
    const next = dayNumberFromParts(year + 1, 1, 1);
    const out: CalendarDay[] = [];
    for (let d = first; d < next; d++) {
      const weekday = weekdayOfDayNumber(d);
      out.push({
        date: isoOfDayNumber(d),
        weekday,
        working: this.isWorkingDay(d),
        reception: this.isReceptionDay(d),
        entries: this.entriesOf(d).filter((e) => e.date === isoOfDayNumber(d)),
      });
    }
    return out;
  }
}

export type CalendarDay = Readonly<{
  date: IsoDate;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
  /** Counts for time limits. */
  working: boolean;
  /** Open for reception (working, or a reception day). */
  reception: boolean;
  entries: ReadonlyArray<CalendarEntry>;
}>;

/** Build a working calendar (see WorkingCalendar). */
export function buildWorkingCalendar(input: WorkingCalendarInput): WorkingCalendar {
  return new WorkingCalendar(input);
}
