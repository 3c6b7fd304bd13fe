import { randomInt } from 'node:crypto';
import { computeDueDate, dayNumberOf, saveYearSchedule, vnDateTime, vnInstant } from '@mot-cua/core';
import { createTestDb, testUnit } from '@mot-cua/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../database.js';
import { loadCalendarMasterData } from '../seed/calendar.js';
import { createCalendarRepository, loadWorkingCalendar, scopeChain } from './calendar.repository.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDb();
  await loadCalendarMasterData(database, () => {});
});
afterAll(async () => {
  await database.close();
});

/** A national year no other test touches (real data covers 2025–2027). */
const farYear = () => 2080 + randomInt(0, 20);

describe('calendar repository', () => {
  it('loads the shipped schedules once (idempotent) and the national calendar uses them', async () => {
    const logs: string[] = [];
    await loadCalendarMasterData(database, (m) => logs.push(m));
    expect(logs).toEqual([]);
    const s2026 = await createCalendarRepository(database.db).findSchedule('VN', 2026);
    expect(s2026?.entries.some((e) => e.date === '2026-08-22' && e.kind === 'make_up_working')).toBe(true);
    const cal = await loadWorkingCalendar(database.db, { fromYear: 2026, toYear: 2026 });
    expect(cal.hasAnnouncedSchedule(2026)).toBe(true);
    expect(cal.isWorkingDate('2026-08-31')).toBe(false);
    expect(cal.isWorkingDate('2026-08-22')).toBe(true);
    // 2027 has no announced schedule: the rules apply (Tết compensatory day 10/2).
    expect(cal.isWorkingDate('2027-02-10')).toBe(false);
  });

  it('adds province and commune entries and settings to the unit calendar only', async () => {
    const { unitCode, provinceCode } = testUnit();
    const repo = createCalendarRepository(database.db);
    const now = new Date('2026-03-01T00:00:00Z');
    await repo.saveSchedule(
      {
        scopeCode: provinceCode,
        year: 2026,
        source: null,
        entries: [{ date: '2026-03-10', kind: 'local_day_off', name: 'Lễ hội tỉnh' }],
        updatedBy: null,
        updatedAt: now,
      },
      0,
    );
    await repo.saveSchedule(
      {
        scopeCode: unitCode,
        year: 2026,
        source: null,
        entries: [{ date: '2026-03-14', kind: 'reception_day', name: 'Sáng thứ Bảy' }],
        updatedBy: null,
        updatedAt: now,
      },
      0,
    );
    await repo.saveSettings(
      {
        scopeCode: provinceCode,
        officeHours: [
          { start: 450, end: 690 },
          { start: 780, end: 1020 },
        ],
        cutoff: { kind: 'before_close', minutes: 60 },
        dueSoonWithin: { value: 2, unit: 'working_days' },
      },
      null,
      now,
    );
    expect(scopeChain({ unitCode, provinceCode })).toEqual(['VN', provinceCode, unitCode]);
    const cal = await loadWorkingCalendar(database.db, { unitCode, provinceCode, fromYear: 2026, toYear: 2026 });
    expect(cal.scopeCode).toBe(unitCode);
    expect(cal.isWorkingDate('2026-03-10')).toBe(false);
    expect(cal.isReceptionDay(dayNumberOf('2026-03-14'))).toBe(true);
    expect(cal.isWorkingDate('2026-03-14')).toBe(false);
    expect(cal.officeHours[0]).toEqual({ start: 450, end: 690 });
    expect(cal.cutoff).toEqual({ kind: 'before_close', minutes: 60 });
    expect((await repo.effectiveSettings({ unitCode, provinceCode })).dueSoonWithin.value).toBe(2);
    const r = computeDueDate({
      receivedAt: vnInstant('2026-03-09', '15:30'),
      duration: { value: 1, unit: 'working_days' },
      calendar: cal,
    });
    // Before the 16:00 cut-off; Tuesday 10/3 is the province's day off.
    expect(vnDateTime(r.dueAt!)).toBe('2026-03-11 15:30');
    const other = await loadWorkingCalendar(database.db, { fromYear: 2026, toYear: 2026 });
    expect(other.isWorkingDate('2026-03-10')).toBe(true);
    expect((await repo.effectiveSettings({})).cutoff).toEqual({ kind: 'at', minutes: 900 });
  });

  it('replaces a schedule only at the expected version and deletes it back to the rules', async () => {
    const year = farYear();
    const repo = createCalendarRepository(database.db);
    const at = new Date('2026-03-01T00:00:00Z');
    const scope = { scopeCode: 'VN', resource: { kind: 'global' as const } };
    const ctx = {
      actor: {
        userId: '00000000-0000-4000-8000-000000000001',
        grants: [{ role: 'system_admin' as const, unitCode: 'VN' }],
      },
      now: at,
    };
    const deps = { schedules: repo, audit: { record: async () => {} } };
    const entries = [{ date: `${year}-01-01`, kind: 'holiday' as const, name: 'Tết Dương lịch' }];
    try {
      const first = await saveYearSchedule({ scope, year, source: 'test', entries, expectedVersion: 0 }, ctx, deps);
      expect(first.version).toBe(1);
      await expect(
        saveYearSchedule({ scope, year, source: 'x', entries, expectedVersion: 0 }, ctx, deps),
      ).rejects.toMatchObject({ code: 'CALENDAR_SCHEDULE_CHANGED' });
      const second = await saveYearSchedule({ scope, year, source: 'v2', entries: [], expectedVersion: 1 }, ctx, deps);
      expect(second).toMatchObject({ version: 2, source: 'v2', entries: [] });
      expect(await repo.deleteSchedule('VN', year, 1)).toBe(false);
      expect(await repo.deleteSchedule('VN', year, 2)).toBe(true);
      expect(await repo.findSchedule('VN', year)).toBeUndefined();
    } finally {
      await database.db
        .deleteFrom('calendarSchedules')
        .where('scopeCode', '=', 'VN')
        .where('year', '=', year)
        .execute();
    }
  });
});
