import { randomInt } from 'node:crypto';
import type { CatalogProcedure, InternalProcessStep } from '@mot-cua/contracts';
import { AppError } from '@mot-cua/core';
import { createTestDb, testCatalogProcedure, uniqueSuffix } from '@mot-cua/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../database.js';
import { loadProceduresMasterData } from '../seed/procedures.js';
import { loadProcedureCatalog } from './procedure-catalog-loader.js';
import { createProcedureConfigRepository, getInternalProcess, locateUnit } from './procedure-config.repository.js';
import { createProceduresRepository } from './procedures.repository.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDb();
});
afterAll(async () => {
  await database.close();
});

/** A small catalog of its own: a fake agency and random codes, so tests never touch each other's rows. */
function fakeCatalog(n = 3) {
  const agency = `test-${uniqueSuffix()}`;
  const field = `Lĩnh vực thử ${uniqueSuffix()}`;
  const base = randomInt(100_000, 999_000);
  const records: CatalogProcedure[] = Array.from({ length: n }, (_, i) =>
    testCatalogProcedure({
      code: `8.${String(base + i).padStart(6, '0')}`,
      name: i === 0 ? 'Thủ tục đăng ký khai sinh thử' : `Thủ tục thử số ${i}`,
      agency,
      field,
      levels: i === 0 ? ['commune'] : ['province'],
      timeLimit: { value: 3 + i, unit: 'working_days' },
    }),
  );
  return { agency, field, records };
}

const load = (records: CatalogProcedure[], asOf: string) =>
  database.db
    .transaction()
    .execute((trx) => loadProcedureCatalog(trx, records, { checksum: `test-${uniqueSuffix()}`, asOf }));

describe('loadProcedureCatalog: versioning', () => {
  it('creates version 1, skips a known checksum, versions a changed record and withdraws a missing one', async () => {
    const { records } = fakeCatalog(3);
    const checksum = `test-${uniqueSuffix()}`;
    const first = await database.db
      .transaction()
      .execute((trx) => loadProcedureCatalog(trx, records, { checksum, asOf: '2026-01-05' }));
    expect(first).toMatchObject({ skipped: false, created: 3, changed: 0, withdrawn: 0 });
    const again = await database.db
      .transaction()
      .execute((trx) => loadProcedureCatalog(trx, records, { checksum, asOf: '2026-01-06' }));
    expect(again.skipped).toBe(true);

    // a new decision changes record 0's time limit; record 2 is dropped from the catalog
    const changed = [
      { ...records[0]!, decisionNumber: '2/QĐ-TEST', timeLimit: { value: 2, unit: 'working_days' as const } },
      records[1]!,
    ];
    const second = await load(changed, '2026-03-01');
    expect(second).toMatchObject({ created: 0, changed: 1, unchanged: 1, withdrawn: 1 });

    const repo = createProceduresRepository(database.db);
    const detail = await repo.getProcedure(records[0]!.code);
    expect(detail.version).toMatchObject({
      version: 2,
      validFrom: '2026-03-01',
      validTo: null,
      decisionNumber: '2/QĐ-TEST',
    });
    expect(detail.history.map((h) => [h.version, h.validFrom, h.validTo])).toEqual([
      [2, '2026-03-01', null],
      [1, '2026-01-05', '2026-02-28'],
    ]);
    expect(detail.procedure.timeLimit).toEqual({ value: 2, unit: 'working_days' });
    // a dossier received in February keeps the version in force then
    const feb = await repo.findVersionAt(records[0]!.code, '2026-02-10');
    expect(feb).toMatchObject({ version: 1, decisionNumber: '1/QĐ-TEST' });
    expect(feb!.record.timeLimit).toEqual({ value: 3, unit: 'working_days' });
    expect((await repo.findVersion(feb!.id))?.version).toBe(1);
    expect((await repo.findCurrentVersion(records[0]!.code))?.version).toBe(2);

    const gone = await repo.getProcedure(records[2]!.code);
    expect(gone.version.validTo).toBe('2026-02-28');
    const list = await repo.listProcedures({ agency: records[0]!.agency, limit: 10, offset: 0 });
    expect(list.items.map((i) => i.code)).toEqual([records[0]!.code, records[1]!.code]);
    const withGone = await repo.listProcedures({
      agency: records[0]!.agency,
      includeWithdrawn: true,
      limit: 10,
      offset: 0,
    });
    expect(withGone.total).toBe(3);

    // back in the catalog: a new version, history kept
    const third = await load(records, '2026-04-01');
    expect(third).toMatchObject({ changed: 2, withdrawn: 0 });
    expect((await repo.getProcedure(records[2]!.code)).history.map((h) => h.version)).toEqual([2, 1]);
  });

  it('leaves other agencies alone when a catalog omits them', async () => {
    const a = fakeCatalog(1);
    const b = fakeCatalog(1);
    await load([...a.records, ...b.records], '2026-01-05');
    const r = await load(
      a.records.map((x) => ({ ...x, name: `${x.name} (sửa)` })),
      '2026-02-01',
    );
    expect(r.withdrawn).toBe(0);
    const repo = createProceduresRepository(database.db);
    expect((await repo.getProcedure(b.records[0]!.code)).version.validTo).toBeNull();
  });

  it('getProcedure throws PROCEDURE_NOT_FOUND for an unknown code', async () => {
    await expect(createProceduresRepository(database.db).getProcedure('8.000000-X')).rejects.toMatchObject({
      code: 'PROCEDURE_NOT_FOUND',
    });
    expect(await createProceduresRepository(database.db).findVersion('not-a-uuid')).toBeUndefined();
  });
});

describe('listProcedures filters', () => {
  it('filters by level, field, agency and accent-insensitive name', async () => {
    const { records, field, agency } = fakeCatalog(3);
    await load(records, '2026-01-05');
    const repo = createProceduresRepository(database.db);
    const byField = await repo.listProcedures({ field, limit: 50, offset: 0 });
    expect(byField.total).toBe(3);
    const commune = await repo.listProcedures({ agency, level: 'commune', limit: 50, offset: 0 });
    expect(commune.items.map((i) => i.code)).toEqual([records[0]!.code]);
    const q = await repo.listProcedures({ agency, q: 'dang ky KHAI SINH', limit: 50, offset: 0 });
    expect(q.items.map((i) => i.code)).toEqual([records[0]!.code]);
    const byCode = await repo.listProcedures({ agency, q: records[1]!.code, limit: 50, offset: 0 });
    expect(byCode.items.map((i) => i.code)).toEqual([records[1]!.code]);
    const page = await repo.listProcedures({ agency, limit: 1, offset: 1 });
    expect(page).toMatchObject({ total: 3, items: [{ code: records[1]!.code, version: 1 }] });
    const facets = await repo.listFacets();
    expect(facets.fields).toContainEqual({ field, count: 3 });
  });
});

describe('unit configuration and internal process', () => {
  const step = (order: number, value: number, unit: InternalProcessStep['duration']['unit'] = 'working_days') => ({
    order,
    name: `Bước ${order}`,
    responsible: { role: 'specialist' as const },
    duration: { value, unit },
  });

  it('enables per commune with the province as fallback, and keeps a local fee when bulk-enabling', async () => {
    const { records, agency } = fakeCatalog(3);
    await load(records, '2026-01-05');
    const cfg = createProcedureConfigRepository(database.db);
    const province = `P${uniqueSuffix().slice(0, 2).toUpperCase()}`;
    const commune = `T${uniqueSuffix().slice(0, 4).toUpperCase()}`;
    await cfg.setEnabled(province, [records[0]!.code, records[1]!.code], true, null);
    await cfg.putUnitConfig({
      unitCode: commune,
      procedureCode: records[1]!.code,
      enabled: false,
      localFeeVnd: 30_000,
      localFeeNote: 'Nghị quyết HĐND tỉnh',
      updatedBy: null,
    });
    const scope = { unitCode: commune, provinceCode: province };
    const repo = createProceduresRepository(database.db);
    const list = await repo.listProcedures({ agency, unit: scope, limit: 50, offset: 0 });
    expect(list.items.map((i) => [i.code, i.enabled])).toEqual([
      [records[0]!.code, true], // inherited from the province
      [records[1]!.code, false], // the commune's own row wins
      [records[2]!.code, false], // not configured anywhere
    ]);
    const enabledOnly = await repo.listProcedures({ agency, unit: scope, enabledOnly: true, limit: 50, offset: 0 });
    expect(enabledOnly.total).toBe(1);

    await cfg.setEnabled(commune, [records[1]!.code], true, null);
    const eff = await cfg.findEffectiveConfig(records[1]!.code, scope);
    expect(eff).toMatchObject({
      unitCode: commune,
      enabled: true,
      localFeeVnd: 30_000,
      localFeeNote: 'Nghị quyết HĐND tỉnh',
    });
    expect((await cfg.findEffectiveConfig(records[0]!.code, scope))?.unitCode).toBe(province);
    expect(await cfg.listUnitConfigs(commune)).toHaveLength(1);
  });

  it('falls back from the unit to its province to the default split of the legal limit', async () => {
    const { records } = fakeCatalog(1); // 3 working days
    await load(records, '2026-01-05');
    const code = records[0]!.code;
    const cfg = createProcedureConfigRepository(database.db);
    const province = `P${uniqueSuffix().slice(0, 2).toUpperCase()}`;
    const commune = `T${uniqueSuffix().slice(0, 4).toUpperCase()}`;
    const scope = { unitCode: commune, provinceCode: province };

    const def = await cfg.getInternalProcess(code, scope);
    expect(def.source).toBe('default');
    expect(def.legalLimit).toEqual({ value: 3, unit: 'working_days' });
    expect(def.steps.reduce((s, x) => s + x.duration.value, 0)).toBe(3);

    await cfg.putInternalProcess({
      unitCode: province,
      procedureCode: code,
      steps: [step(1, 1), step(2, 2)],
      legalLimit: def.legalLimit,
      updatedBy: null,
    });
    expect((await cfg.getInternalProcess(code, scope)).steps).toHaveLength(2);
    await cfg.putInternalProcess({
      unitCode: commune,
      procedureCode: code,
      steps: [step(1, 4, 'working_hours'), step(2, 2.5)],
      legalLimit: def.legalLimit,
      updatedBy: null,
    });
    const own = await cfg.getInternalProcess(code, scope);
    expect(own).toMatchObject({ source: 'unit', unitCode: commune });
    expect(own.steps.map((s) => s.duration)).toEqual([
      { value: 4, unit: 'working_hours' },
      { value: 2.5, unit: 'working_days' },
    ]);
    expect(await cfg.deleteInternalProcess(commune, code)).toBe(true);
    expect((await cfg.getInternalProcess(code, scope)).steps).toHaveLength(2); // province's again

    // the agreed entry point, with a unit the register does not know
    const viaEntry = await getInternalProcess(database.db, code, commune);
    expect(viaEntry.source).toBe('default');
    await expect(getInternalProcess(database.db, '8.000000-X', commune)).rejects.toBeInstanceOf(AppError);
  });

  it('locateUnit treats 2-character codes as provinces and rejects malformed codes', async () => {
    expect(await locateUnit(database.db, '01')).toEqual({ unitCode: '01', provinceCode: '01' });
    expect((await locateUnit(database.db, 'T1234')).unitCode).toBe('T1234');
    await expect(locateUnit(database.db, "1'; drop")).rejects.toMatchObject({ code: 'UNIT_CODE_INVALID' });
  });
});

describe('loadProceduresMasterData with the shipped catalog', () => {
  it('loads every record once and is a no-op on the next start', async () => {
    const logs: string[] = [];
    await loadProceduresMasterData(database, (m) => logs.push(m), { asOf: '2026-01-01' });
    const repo = createProceduresRepository(database.db);
    const birth = await repo.getProcedure('1.001193');
    expect(birth.procedure.name).toBe('Thủ tục đăng ký khai sinh');
    expect(birth.procedure.timeLimit).toEqual({ value: 1, unit: 'working_days' });
    const curated = await repo.getProcedure('L-VH-001');
    expect(curated.procedure.origin).toBe('curated');
    const before = await database.db
      .selectFrom('procedureVersions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    await loadProceduresMasterData(database, (m) => logs.push(m));
    const after = await database.db
      .selectFrom('procedureVersions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  }, 60_000);
});
