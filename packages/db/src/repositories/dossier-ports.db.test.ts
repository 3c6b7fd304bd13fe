import type { UnitsPort } from '@mot-cua/core';
import { createTestDb, loadDossierTestProcedure } from '@mot-cua/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../database.js';
import { dossierFixtures } from './dossier-db.fixtures.js';
import { createDossierProcedurePort, createDossierUnitsPort, memoizeUnits } from './dossier-ports.repository.js';

let database: Database;
const { unitCode, units } = dossierFixtures();

beforeAll(async () => {
  database = await createTestDb();
});
afterAll(async () => {
  await database.close();
});

describe('master data read by the receipt path', () => {
  it('the procedure record is cached by version id: a new version in force is seen at once', async () => {
    const { code } = await loadDossierTestProcedure(database.db, { unitCode });
    const port = createDossierProcedurePort(database.db, createDossierUnitsPort(database.db, units));
    const find = (onDate: string) =>
      port.findProcedureForReception({
        procedureCode: code,
        competentUnitCode: unitCode,
        channel: 'in_person',
        onDate,
      });
    const v1 = await find('2026-03-02');
    expect(v1?.name).toBe('Thủ tục đăng ký khai sinh (thử nghiệm)');
    expect((await find('2026-03-02'))?.versionId).toBe(v1?.versionId);
    // A new version from 10/03 with another name and one component fewer; version 1 closes the day before.
    const old = await database.db
      .selectFrom('procedureVersions')
      .select(['record', 'contentHash'])
      .where('id', '=', v1!.versionId)
      .executeTakeFirstOrThrow();
    const record = old.record as { name: string; components: unknown[] };
    const next = {
      ...record,
      name: 'Thủ tục đăng ký khai sinh (phiên bản 2)',
      components: record.components.slice(0, 2),
    };
    await database.db
      .updateTable('procedureVersions')
      .set({ validTo: '2026-03-09' })
      .where('id', '=', v1!.versionId)
      .execute();
    await database.db
      .insertInto('procedureVersions')
      .values({
        procedureCode: code,
        version: 2,
        validFrom: '2026-03-10',
        contentHash: `${old.contentHash}-2`,
        record: JSON.stringify(next),
      })
      .execute();
    expect((await find('2026-03-09'))?.name).toBe('Thủ tục đăng ký khai sinh (thử nghiệm)');
    const v2 = await find('2026-03-10');
    expect(v2?.name).toBe('Thủ tục đăng ký khai sinh (phiên bản 2)');
    expect(v2?.versionId).not.toBe(v1?.versionId);
    expect(v2?.components.map((c) => c.key)).toEqual(['c01', 'c02']);
  });

  it('one request asks the database once per unit and date', async () => {
    const calls: string[] = [];
    const inner: UnitsPort = {
      async findUnit(code) {
        calls.push(code);
        return code === 'X'
          ? { code, name: 'X', provinceCode: 'P', level: 'commune', agencyIdentifier: null }
          : undefined;
      },
    };
    const memo = new Map();
    const a = memoizeUnits(inner, memo);
    const b = memoizeUnits(inner, memo); // the view built after the commit shares the request's memo
    expect((await a.findUnit('X', '2026-03-02'))?.name).toBe('X');
    expect((await b.findUnit('X', '2026-03-02'))?.name).toBe('X');
    expect(await a.findUnit('Y', '2026-03-02')).toBeUndefined();
    await a.findUnit('X', '2026-03-03');
    expect(calls).toEqual(['X', 'Y', 'X']);
    expect((await memoizeUnits(inner, new Map()).findUnit('X', '2026-03-02'))?.code).toBe('X');
    expect(calls.length).toBe(4);
  });
});
