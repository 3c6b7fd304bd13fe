import type { ColumnType, Generated, JSONColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface CalendarSchedulesTable {
  scopeCode: string;
  year: number;
  source: string | null;
  version: Generated<number>;
  updatedAt: Timestamp;
  updatedBy: string | null;
}

export interface CalendarEntriesTable {
  scopeCode: string;
  year: number;
  /** 'YYYY-MM-DD' */
  date: string;
  kind: string;
  name: string;
}

type Json<T extends object | null> = JSONColumnType<T, string, string>;

export interface CalendarSettingsTable {
  scopeCode: string;
  officeHours: Json<Array<{ start: number; end: number }>>;
  cutoff: Json<{ kind: 'at' | 'before_close'; minutes: number } | { kind: 'none' }>;
  dueSoonWithin: Json<{ value: number; unit: 'working_days' | 'working_hours' | 'calendar_days' | 'none' }>;
  updatedAt: Timestamp;
  updatedBy: string | null;
}

/** Row types of the calendar tables (migrations 0020–0029). */
export interface CalendarTables {
  calendarSchedules: CalendarSchedulesTable;
  calendarEntries: CalendarEntriesTable;
  calendarSettings: CalendarSettingsTable;
}
