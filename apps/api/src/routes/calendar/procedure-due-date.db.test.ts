import { randomInt } from 'node:crypto';
import { type Database, loadProcedureCatalog } from '@mot-cua/db';
import { loadCalendarMasterData } from '@mot-cua/db/seed/calendar';
import { createTestDb, testCatalogProcedure, testUnit, uniqueSuffix } from '@mot-cua/test-kit';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../testing.js';

// POST /api/calendar/due-date for a procedure of the catalog (its legal limit, a unit's internal process).
let database: Database;
let app: FastifyInstance;

beforeAll(async () => {
  database = await createTestDb();
  await loadCalendarMasterData(database, () => {});
  ({ app } = await buildTestApp(database));
});
afterAll(async () => {
  await app.close();
  await database.close();
});

/** POST /api/calendar/due-date (public: no session). */
const dueDate = (payload: Record<string, unknown>) =>
  app.inject({ method: 'POST', url: '/api/calendar/due-date', payload });

describe('due date of a procedure from the catalog', () => {
  it("uses the procedure's legal limit, and the unit's internal process for the steps", async () => {
    const code = `8.${String(randomInt(100_000, 999_000)).padStart(6, '0')}`;
    const record = testCatalogProcedure({
      code,
      name: 'Thủ tục thử của lịch làm việc',
      sourceUrl: null,
      agency: `test-${uniqueSuffix()}`,
      field: 'Thử',
      applicantTypes: [],
      steps: [],
      timeLimit: { value: 5, unit: 'working_days' },
    });
    await database.db
      .transaction()
      .execute((trx) =>
        loadProcedureCatalog(trx, [record], { checksum: `test-${uniqueSuffix()}`, asOf: '2026-01-05' }),
      );
    const national = await dueDate({ receivedAt: '2026-08-26T10:00:00+07:00', procedureCode: code });
    expect(national.statusCode).toBe(200);
    // 5 working days from Wednesday 26/8/2026: 27, 28/8, then the 2/9 break (29/8–2/9), 3, 4/9 and Monday 7/9.
    expect(national.json()).toMatchObject({
      duration: { value: 5, unit: 'working_days' },
      dueAtLocal: '2026-09-07 10:00',
    });
    expect(national.json().steps).toEqual([]);
    const { unitCode, provinceCode } = testUnit();
    const local = await dueDate({
      receivedAt: '2026-08-26T10:00:00+07:00',
      procedureCode: code,
      unitCode,
      provinceCode,
    });
    const body = local.json();
    expect(body.steps.length).toBeGreaterThan(1);
    expect(body.steps.at(-1).plannedDueAt).toBe(body.dueAt);
    const missing = await dueDate({ receivedAt: '2026-08-26T10:00:00+07:00', procedureCode: '9.999999' });
    expect([missing.statusCode, missing.json().code]).toEqual([404, 'PROCEDURE_NOT_FOUND']);
  });
});
