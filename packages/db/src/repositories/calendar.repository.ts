import {
  type CalendarEntry,
  type CalendarSchedulesRepository,
  type CalendarSettings,
  type DayKind,
  DEFAULT_CALENDAR_SETTINGS,
  NATIONAL_CALENDAR_SCOPE,
  type ScopedEntry,
  type StoredSchedule,
  WorkingCalendar,
  type YearSchedule,
} from '@mot-cua/core';
import type { Kysely } from 'kysely';
import type { DB } from '../schema/index.js';

type Scope = { unitCode?: string | undefined; provinceCode?: string | undefined };

/** The scopes whose entries apply to a unit, most general first: 'VN', then its province, then itself. */
export function scopeChain(scope: Scope): string[] {
  const chain = [NATIONAL_CALENDAR_SCOPE];
  if (scope.provinceCode && scope.provinceCode !== NATIONAL_CALENDAR_SCOPE) chain.push(scope.provinceCode);
  if (scope.unitCode && !chain.includes(scope.unitCode)) chain.push(scope.unitCode);
  return chain;
}

export function createCalendarRepository(db: Kysely<DB>) {
  async function entriesOf(scopeCodes: string[], fromYear: number, toYear: number) {
    return db
      .selectFrom('calendarEntries')
      .select(['scopeCode', 'year', 'date', 'kind', 'name'])
      .where('scopeCode', 'in', scopeCodes)
      .where('year', '>=', fromYear)
      .where('year', '<=', toYear)
      .orderBy('date')
      .execute();
  }

  const repo = {
    async findSchedule(scopeCode: string, year: number): Promise<StoredSchedule | undefined> {
      const head = await db
        .selectFrom('calendarSchedules')
        .selectAll()
        .where('scopeCode', '=', scopeCode)
        .where('year', '=', year)
        .executeTakeFirst();
      if (!head) return undefined;
      const rows = await entriesOf([scopeCode], year, year);
      return {
        scopeCode: head.scopeCode,
        year: head.year,
        source: head.source,
        version: head.version,
        updatedAt: head.updatedAt,
        updatedBy: head.updatedBy,
        entries: rows.map((r) => ({ date: r.date, kind: r.kind as DayKind, name: r.name })),
      };
    },

    /** Schedules (without entries) of some scopes over a range of years. */
    async listSchedules(scopeCodes: string[], fromYear: number, toYear: number) {
      if (scopeCodes.length === 0) return [];
      return db
        .selectFrom('calendarSchedules')
        .selectAll()
        .where('scopeCode', 'in', scopeCodes)
        .where('year', '>=', fromYear)
        .where('year', '<=', toYear)
        .orderBy('scopeCode')
        .orderBy('year')
        .execute();
    },

    async saveSchedule(
      s: Parameters<CalendarSchedulesRepository['saveSchedule']>[0],
      expectedVersion: number,
    ): Promise<boolean> {
      if (expectedVersion === 0) {
        const inserted = await db
          .insertInto('calendarSchedules')
          .values({
            scopeCode: s.scopeCode,
            year: s.year,
            source: s.source,
            updatedAt: s.updatedAt,
            updatedBy: s.updatedBy,
          })
          .onConflict((oc) => oc.columns(['scopeCode', 'year']).doNothing())
          .returning('year')
          .executeTakeFirst();
        if (!inserted) return false;
      } else {
        const updated = await db
          .updateTable('calendarSchedules')
          .set((eb) => ({
            source: s.source,
            updatedAt: s.updatedAt,
            updatedBy: s.updatedBy,
            version: eb('version', '+', 1),
          }))
          .where('scopeCode', '=', s.scopeCode)
          .where('year', '=', s.year)
          .where('version', '=', expectedVersion)
          .returning('year')
          .executeTakeFirst();
        if (!updated) return false;
        await db
          .deleteFrom('calendarEntries')
          .where('scopeCode', '=', s.scopeCode)
          .where('year', '=', s.year)
          .execute();
      }
      if (s.entries.length > 0) {
        await db
          .insertInto('calendarEntries')
          .values(
            s.entries.map((e) => ({ scopeCode: s.scopeCode, year: s.year, date: e.date, kind: e.kind, name: e.name })),
          )
          .execute();
      }
      return true;
    },

    async deleteSchedule(scopeCode: string, year: number, expectedVersion: number): Promise<boolean> {
      const r = await db
        .deleteFrom('calendarSchedules')
        .where('scopeCode', '=', scopeCode)
        .where('year', '=', year)
        .where('version', '=', expectedVersion)
        .executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    },

    async findSettings(scopeCode: string): Promise<CalendarSettings | undefined> {
      const row = await db
        .selectFrom('calendarSettings')
        .select(['scopeCode', 'officeHours', 'cutoff', 'dueSoonWithin'])
        .where('scopeCode', '=', scopeCode)
        .executeTakeFirst();
      return row ?? undefined;
    },

    /** The settings in force for a unit: its own, else its province's, else national, else the defaults. */
    async effectiveSettings(scope: Scope): Promise<CalendarSettings> {
      const chain = scopeChain(scope);
      const rows = await db
        .selectFrom('calendarSettings')
        .select(['scopeCode', 'officeHours', 'cutoff', 'dueSoonWithin'])
        .where('scopeCode', 'in', chain)
        .execute();
      for (const code of [...chain].reverse()) {
        const hit = rows.find((r) => r.scopeCode === code);
        if (hit) return hit;
      }
      return { scopeCode: NATIONAL_CALENDAR_SCOPE, ...DEFAULT_CALENDAR_SETTINGS };
    },

    async saveSettings(s: CalendarSettings, updatedBy: string | null, updatedAt: Date): Promise<void> {
      const values = {
        officeHours: JSON.stringify(s.officeHours),
        cutoff: JSON.stringify(s.cutoff),
        dueSoonWithin: JSON.stringify(s.dueSoonWithin),
        updatedAt,
        updatedBy,
      };
      await db
        .insertInto('calendarSettings')
        .values({ scopeCode: s.scopeCode, ...values })
        .onConflict((oc) => oc.column('scopeCode').doUpdateSet(values))
        .execute();
    },

    /** Announced national schedules and local entries of a unit's scopes over a range of years. */
    async loadCalendarData(scope: Scope, fromYear: number, toYear: number) {
      const chain = scopeChain(scope);
      const [heads, rows] = await Promise.all([
        db
          .selectFrom('calendarSchedules')
          .select(['year', 'source'])
          .where('scopeCode', '=', NATIONAL_CALENDAR_SCOPE)
          .where('year', '>=', fromYear)
          .where('year', '<=', toYear)
          .execute(),
        entriesOf(chain, fromYear, toYear),
      ]);
      const schedules: YearSchedule[] = heads.map((h) => ({
        year: h.year,
        source: h.source ?? undefined,
        entries: rows
          .filter((r) => r.scopeCode === NATIONAL_CALENDAR_SCOPE && r.year === h.year)
          .map((r): CalendarEntry => ({ date: r.date, kind: r.kind as DayKind, name: r.name })),
      }));
      const localEntries: ScopedEntry[] = rows
        .filter((r) => r.scopeCode !== NATIONAL_CALENDAR_SCOPE)
        .map((r) => ({ scopeCode: r.scopeCode, date: r.date, kind: r.kind as DayKind, name: r.name }));
      return { schedules, localEntries, scopeCode: chain[chain.length - 1]! };
    },
  } satisfies CalendarSchedulesRepository & Record<string, unknown>;
  return repo;
}
export type CalendarRepo = ReturnType<typeof createCalendarRepository>;

/**
 * The working calendar of a unit (or a province, or the nation) for a range of years: announced national
 * schedules (rules for the other years), the province's and commune's local entries, and the settings in
 * force. The year after `toYear` is loaded too, so a time limit running over New Year sees its schedule.
 */
export async function loadWorkingCalendar(
  db: Kysely<DB>,
  opts: Scope & { fromYear: number; toYear: number },
): Promise<WorkingCalendar> {
  const repo = createCalendarRepository(db);
  const toYear = Math.min(opts.toYear + 1, 2100);
  const [data, settings] = await Promise.all([
    repo.loadCalendarData(opts, opts.fromYear, toYear),
    repo.effectiveSettings(opts),
  ]);
  return new WorkingCalendar({
    fromYear: opts.fromYear,
    toYear,
    schedules: data.schedules,
    localEntries: data.localEntries,
    scopeCode: data.scopeCode,
    officeHours: settings.officeHours,
    cutoff: settings.cutoff,
  });
}
