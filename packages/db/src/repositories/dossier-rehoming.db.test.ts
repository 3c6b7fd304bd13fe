import {
  type DossierActor,
  type DossierDeps,
  fixedClock,
  type ReceiveDossierInput,
  receiveDossier,
  withdrawDossier,
} from '@mot-cua/core';
import { createTestDb, insertDossierTestUnits, loadDossierTestProcedure, newOfficial } from '@mot-cua/test-kit';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../database.js';
import type { DB } from '../schema/index.js';
import { dossierDeps, mergeTestUnits, receiveInput } from './dossier-db.fixtures.js';
import { createDossiersRepository } from './dossiers.repository.js';
import { createRehomingRepository } from './rehoming.repository.js';

// A merge of commune B into commune A on 2026-07-01 (Nghị quyết thử), with dossiers of B received in March.
let database: Database;
const clock = fixedClock('2026-03-02T02:00:00Z'); // Monday 09:00 Vietnam time
let A: string;
let B: string;
let province: string;
let procedureCode: string;

const deps = (db: Kysely<DB>): DossierDeps => dossierDeps(db, clock);
const tx = <T>(fn: (d: DossierDeps) => Promise<T>) => database.db.transaction().execute((trx) => fn(deps(trx)));

const actorAt = (unitCode: string): DossierActor => ({
  userId: null,
  name: 'Trần Thị Lan',
  role: 'reception',
  unitCode,
});
const input = (receivingUnitCode: string, competentUnitCode?: string): ReceiveDossierInput =>
  receiveInput({
    procedureCode,
    receivingUnitCode,
    competentUnitCode: competentUnitCode ?? null,
    applicant: {
      type: 'citizen',
      fullName: 'Nguyễn Thị Ánh',
      idNumber: '079190000001',
      phone: '0909123456',
      email: null,
      address: null,
    },
  });

beforeAll(async () => {
  database = await createTestDb();
  const u = await insertDossierTestUnits(database.db, 2);
  province = u.provinceCode;
  [A, B] = u.communeCodes as [string, string];
  procedureCode = (await loadDossierTestProcedure(database.db, { unitCode: A })).code;
}, 60_000);
afterAll(async () => {
  await database?.close();
});

const columns = async (id: string) =>
  (
    await sql<{ receivingUnitCode: string; competentUnitCode: string; provinceCode: string; status: string }>`
      select receiving_unit_code, competent_unit_code, province_code, status from dossiers where id = ${id}`.execute(
      database.db,
    )
  ).rows[0]!;
const logOf = async (id: string) =>
  (
    await sql<{ seq: number; type: string; unitCode: string }>`
      select seq, type, unit_code from dossier_actions where dossier_id = ${id} order by seq`.execute(database.db)
  ).rows;

describe('a merge re-homes open dossiers and statistics report both units', () => {
  it('moves open dossiers of the old unit, keeps finished ones and the log; stats by the unit at the time and today', async () => {
    const openAtB = (await tx((d) => receiveDossier(d, actorAt(B), input(B)))).dossier.id;
    const forB = (await tx((d) => receiveDossier(d, actorAt(A), input(A, B)))).dossier.id;
    const closedAtB = (await tx((d) => receiveDossier(d, actorAt(B), input(B)))).dossier.id;
    await tx((d) => withdrawDossier(d, { dossierId: closedAtB, actor: actorAt(B), reason: 'Người nộp rút' }));
    const logsBefore = new Map([
      [openAtB, await logOf(openAtB)],
      [forB, await logOf(forB)],
      [closedAtB, await logOf(closedAtB)],
    ]);
    expect(logsBefore.get(closedAtB)!.map((a) => a.type)).toEqual(['received', 'withdrawn']);

    const o = await newOfficial(database);
    const result = await mergeTestUnits(database, {
      into: A,
      from: B,
      name: 'An Bình Thử',
      effectiveDate: '2026-07-01',
      userId: o.id,
      key: `test-dossier-merge-${A}`,
    });

    // Open dossiers moved to the successor, in both registered columns.
    expect(await columns(openAtB)).toMatchObject({
      receivingUnitCode: A,
      competentUnitCode: A,
      provinceCode: province,
    });
    expect(await columns(forB)).toMatchObject({ receivingUnitCode: A, competentUnitCode: A });
    // The finished (withdrawn) one keeps the unit of its time.
    expect(await columns(closedAtB)).toMatchObject({
      receivingUnitCode: B,
      competentUnitCode: B,
      status: 'withdrawn',
    });
    // The immutable log is untouched: same actions, same units.
    for (const [id, log] of logsBefore) expect(await logOf(id)).toEqual(log);
    // Every move is audited.
    const moves = (await createRehomingRepository(database.db).listMoves(result.eventId)).filter(
      (m) => m.tableName === 'dossiers',
    );
    expect(moves.map((m) => [m.columnName, m.rowKey, m.fromCode, m.toCode]).sort()).toEqual(
      [
        ['competent_unit_code', forB, B, A],
        ['competent_unit_code', openAtB, B, A],
        ['receiving_unit_code', openAtB, B, A],
      ].sort(),
    );

    // Statistics: the unit at the time of receipt versus today's unit.
    const repo = createDossiersRepository(database.db);
    const scope = {
      scopes: [province],
      fromAt: new Date('2026-03-01T00:00:00+07:00'),
      toAt: new Date('2026-03-03T00:00:00+07:00'),
      groupBy: 'unit' as const,
      now: new Date('2026-07-02T03:00:00Z'),
      dueSoonMarks: new Map<string, Date>(),
      asOf: '2026-07-02',
    };
    const rows = async (by: 'received_unit' | 'current_unit') =>
      Object.fromEntries(
        (await repo.stats({ ...scope, by })).map((r) => [r.code, { received: r.received, withdrawn: r.withdrawn }]),
      );
    expect(await rows('received_unit')).toEqual({
      [A]: { received: 1, withdrawn: 0 },
      [B]: { received: 2, withdrawn: 1 },
    });
    expect(await rows('current_unit')).toEqual({
      [A]: { received: 2, withdrawn: 0 },
      [B]: { received: 1, withdrawn: 1 },
    });
    // Today's unit A in its own scope holds the re-homed dossier; the unit at the time does not.
    const onlyA = async (by: 'received_unit' | 'current_unit') =>
      (await repo.stats({ ...scope, scopes: [A], by })).map((r) => [r.code, r.received]);
    expect(await onlyA('received_unit')).toEqual([[A, 1]]);
    expect(await onlyA('current_unit')).toEqual([[A, 2]]);
  });
});

describe('a merge into a commune of another province', () => {
  it('moves the open dossier to the successor and to its province', async () => {
    const [from] = (await insertDossierTestUnits(database.db, 1)).communeCodes as [string];
    const target = await insertDossierTestUnits(database.db, 1);
    const [to] = target.communeCodes as [string];
    const code = (await loadDossierTestProcedure(database.db, { unitCode: from })).code;
    const open = (await tx((d) => receiveDossier(d, actorAt(from), { ...input(from), procedureCode: code }))).dossier
      .id;
    const o = await newOfficial(database);
    await mergeTestUnits(database, {
      into: to,
      from,
      name: 'Liên Tỉnh Thử',
      effectiveDate: '2026-07-01',
      userId: o.id,
      key: `test-dossier-province-${to}`,
    });
    expect(await columns(open)).toMatchObject({
      receivingUnitCode: to,
      competentUnitCode: to,
      provinceCode: target.provinceCode,
    });
  });
});
