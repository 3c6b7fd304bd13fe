import { randomUUID } from 'node:crypto';
import {
  type AppError,
  acceptDossier,
  approveDossier,
  assignStep,
  claimStep,
  completeStep,
  type DossierActor,
  type DossierDeps,
  fixedClock,
  issueApology,
  issueResult,
  parseDossierCode,
  type ReceiveDossierInput,
  receiveDossier,
  requestSupplement,
  returnResult,
  supplementDossier,
  type UnitInfo,
  type UnitsPort,
} from '@mot-cua/core';
import { createTestDb, loadDossierTestProcedure, newOfficial, testUnit } from '@mot-cua/test-kit';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../database.js';
import type { DB } from '../schema/index.js';
import {
  createDossierDeadlinePort,
  createDossierProcedurePort,
  createDossierUnitsPort,
  memoizeUnits,
} from './dossier-ports.repository.js';
import { createDossiersRepository } from './dossiers.repository.js';

let database: Database;
const clock = fixedClock('2026-03-02T02:00:00Z'); // Monday 09:00 Vietnam time
const { unitCode, provinceCode } = testUnit();
const units = new Map<string, UnitInfo>([
  [unitCode, { code: unitCode, name: 'Phường Thử Nghiệm', provinceCode, level: 'commune', agencyIdentifier: null }],
]);
let procedureCode: string;

function deps(db: Kysely<DB>): DossierDeps {
  const unitsPort = createDossierUnitsPort(db, units);
  return {
    dossiers: createDossiersRepository(db),
    clock,
    deadlines: createDossierDeadlinePort(db),
    units: unitsPort,
    procedures: createDossierProcedurePort(db, unitsPort),
    newId: randomUUID,
    systemCode: '01',
  };
}
const tx = <T>(fn: (d: DossierDeps) => Promise<T>) => database.db.transaction().execute((trx) => fn(deps(trx)));

const reception: DossierActor = { userId: null, name: 'Trần Thị Lan', role: 'reception', unitCode };
const input = (over: Partial<ReceiveDossierInput> = {}): ReceiveDossierInput => ({
  mode: 'receive',
  channel: 'in_person',
  procedureCode,
  receivingUnitCode: unitCode,
  applicant: {
    type: 'citizen',
    fullName: 'Nguyễn Thị Ánh',
    idNumber: '079190000001',
    phone: '0909123456',
    email: null,
    address: null,
  },
  components: [
    { key: 'c01', state: 'present' },
    { key: 'c02', state: 'present' },
  ],
  returnMethod: 'counter',
  ...over,
});

beforeAll(async () => {
  database = await createTestDb();
  procedureCode = (await loadDossierTestProcedure(database.db, { unitCode })).code;
});
afterAll(async () => {
  await database.close();
});

describe('dossier use cases on the database', () => {
  it('receives at the counter: code of §1.5, due date from the working calendar, log, projection, outbox', async () => {
    const r = await tx((d) => receiveDossier(d, reception, input()));
    const parsed = parseDossierCode(r.dossier.code);
    expect(parsed).toMatchObject({
      agencyIdentifier: `X${provinceCode}.${unitCode}`,
      yymmdd: '260302',
      systemCode: '01',
    });
    // 3 working days from Monday 09:00 → Thursday 09:00 (Vietnam), 02:00 UTC.
    expect(r.state.dueAt?.toISOString()).toBe('2026-03-05T02:00:00.000Z');
    expect(r.state.steps.map((s) => s.role)).toEqual(['reception', 'specialist', 'leader', 'reception']);
    const repo = createDossiersRepository(database.db);
    const stored = await repo.findDossier(r.dossier.id);
    expect(stored).toMatchObject({ status: 'received', nationalStatus: 2, currentStepOrder: 1, lastActionSeq: 1 });
    expect(stored?.components.map((c) => [c.key, c.state])).toEqual([
      ['c01', 'present'],
      ['c02', 'present'],
      ['c03', 'not_applicable'],
    ]);
    expect(stored?.procedureVersionId).toMatch(/^[0-9a-f-]{36}$/);
    const actions = await repo.listActions(r.dossier.id);
    expect(actions).toHaveLength(1);
    expect(actions[0]).toMatchObject({ type: 'received', dueAt: new Date('2026-03-05T02:00:00Z') });
    const outbox = await repo.listOutbox(r.dossier.id);
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ topic: 'dvcqg.dossier_status', idempotencyKey: `dossier:${r.dossier.id}:1` });
    expect(outbox[0]!.payload).toMatchObject({
      MaHoSo: r.dossier.code,
      TrangThaiHoSo: 2,
      NgayHenTra: '20260305090000',
    });
  });

  it('refuses an incomplete checklist with COMPONENTS_INCOMPLETE and leaves nothing behind', async () => {
    const before = await createDossiersRepository(database.db).listDossiers({ scopes: [unitCode] });
    await expect(
      tx((d) => receiveDossier(d, reception, input({ components: [{ key: 'c01', state: 'present' }] }))),
    ).rejects.toMatchObject({ code: 'COMPONENTS_INCOMPLETE' });
    await expect(
      tx((d) => receiveDossier(d, reception, input({ components: [{ key: 'zz', state: 'present' }] }))),
    ).rejects.toMatchObject({ code: 'UNKNOWN_COMPONENT' });
    const after = await createDossiersRepository(database.db).listDossiers({ scopes: [unitCode] });
    expect(after.total).toBe(before.total);
  });

  it('incomplete at the counter: one supplement request, then supplemented and accepted', async () => {
    const r = await tx((d) =>
      receiveDossier(
        d,
        reception,
        input({
          mode: 'request_supplement',
          components: [
            { key: 'c01', state: 'present' },
            { key: 'c02', state: 'invalid', reason: 'Bản chụp mờ' },
          ],
        }),
      ),
    );
    expect(r.state.status).toBe('supplement_requested');
    expect(r.state.pendingSupplement.map((i) => [i.key, i.reason])).toEqual([['c02', 'Bản chụp mờ']]);
    await tx((d) => supplementDossier(d, { dossierId: r.dossier.id, actor: reception }));
    const accepted = await tx((d) =>
      acceptDossier(d, {
        dossierId: r.dossier.id,
        actor: reception,
        components: [
          { key: 'c01', state: 'present' },
          { key: 'c02', state: 'present' },
        ],
      }),
    );
    expect(accepted.state.status).toBe('received');
    const outbox = await createDossiersRepository(database.db).listOutbox(r.dossier.id);
    expect(outbox.map((o) => (o.payload as { TrangThaiHoSo: number }).TrangThaiHoSo)).toEqual([1, 5, 1, 2]);
  });

  // Intake cut-off: 15:00 at the counter (the calendar's), one hour before closing (17:00) online.
  it.each([
    { channel: 'online', at: '16:10', starts: 'next', clockStartsAt: '2026-03-03T00:00:00.000Z' },
    { channel: 'online', at: '15:30', starts: 'same', clockStartsAt: '2026-03-02T08:30:00.000Z' },
    { channel: 'online', at: '15:59', starts: 'same', clockStartsAt: '2026-03-02T08:59:00.000Z' },
    { channel: 'in_person', at: '14:50', starts: 'same', clockStartsAt: '2026-03-02T07:50:00.000Z' },
    { channel: 'in_person', at: '15:10', starts: 'next', clockStartsAt: '2026-03-03T00:00:00.000Z' },
  ] as const)('$channel at $at Monday: the clock starts the $starts working day', async (c) => {
    const at = new Date(`2026-03-02T${c.at}:00+07:00`);
    clock.set(at);
    try {
      let id: string;
      if (c.channel === 'online') {
        const citizen: DossierActor = { userId: null, name: 'Nguyễn Thị Ánh', role: 'citizen', unitCode };
        const submitted = await tx((d) =>
          receiveDossier(d, citizen, input({ mode: 'submit', channel: 'online', returnMethod: 'online' })),
        );
        id = submitted.dossier.id;
        await tx((d) => acceptDossier(d, { dossierId: id, actor: reception }));
      } else {
        id = (await tx((d) => receiveDossier(d, reception, input()))).dossier.id;
      }
      const received = (await createDossiersRepository(database.db).listActions(id)).find((a) => a.type === 'received');
      expect(received).toMatchObject({ at, clockStartsAt: new Date(c.clockStartsAt) });
      // 3 working days from the start of the clock (07:00 next morning ends at 17:00 on the third day).
      const due = (received as { dueAt: Date }).dueAt.toISOString();
      expect(due).toBe(c.starts === 'next' ? '2026-03-05T10:00:00.000Z' : c.clockStartsAt.replace('-02T', '-05T'));
    } finally {
      clock.set('2026-03-02T02:00:00Z');
    }
  });

  it('runs the lifecycle; a processing supplement restarts the clock; apology once and in time', async () => {
    const head = await newOfficial(database, { grants: [{ role: 'department_head', unitCode }] });
    const spec = await newOfficial(database, { grants: [{ role: 'specialist', unitCode }], fullName: 'Lê Văn Hùng' });
    const r = await tx((d) => receiveDossier(d, reception, input()));
    const id = r.dossier.id;
    const headActor: DossierActor = { userId: head.id, name: 'Phạm Thị Mai', role: 'department_head', unitCode };
    const specActor: DossierActor = { userId: spec.id, name: 'Lê Văn Hùng', role: 'specialist', unitCode };
    await tx((d) => claimStep(d, { dossierId: id, actor: { ...reception, userId: head.id }, stepOrder: 1 }));
    await tx((d) => completeStep(d, { dossierId: id, actor: headActor, fromStep: 1 }));
    const assigned = await tx((d) =>
      assignStep(d, { dossierId: id, actor: headActor, stepOrder: 2, assigneeId: spec.id }),
    );
    expect(assigned.state.currentStep).toMatchObject({ order: 2, assigneeId: spec.id, assigneeName: 'Lê Văn Hùng' });

    clock.set('2026-03-03T02:00:00Z');
    await tx((d) =>
      requestSupplement(d, {
        dossierId: id,
        actor: specActor,
        items: [{ key: 'c02', name: 'Giấy chứng sinh', state: 'invalid', reason: 'Sai ngày sinh' }],
      }),
    );
    await expect(
      tx((d) =>
        requestSupplement(d, {
          dossierId: id,
          actor: specActor,
          items: [{ key: 'c01', name: 'Tờ khai', state: 'missing' }],
        }),
      ),
    ).rejects.toMatchObject({ code: 'SUPPLEMENT_ALREADY_REQUESTED' });
    clock.set('2026-03-04T02:00:00Z'); // Wednesday 09:00: the clock restarts for 3 working days
    const sup = await tx((d) => supplementDossier(d, { dossierId: id, actor: reception }));
    expect(sup.state.dueAt?.toISOString()).toBe('2026-03-09T02:00:00.000Z');

    // Apology: Monday 09:00 due; latest notice one working day before (Friday 09:00).
    clock.set('2026-03-06T03:00:00Z');
    await expect(
      tx((d) =>
        issueApology(d, {
          dossierId: id,
          actor: specActor,
          reason: 'Chờ xác minh',
          newDueAt: new Date('2026-03-12T02:00:00Z'),
        }),
      ),
    ).rejects.toMatchObject({ code: 'APOLOGY_TOO_LATE' });
    clock.set('2026-03-05T09:00:00Z');
    const apology = await tx((d) =>
      issueApology(d, {
        dossierId: id,
        actor: specActor,
        reason: 'Chờ xác minh',
        newDueAt: new Date('2026-03-12T02:00:00Z'),
      }),
    );
    expect(apology.state.dueAt?.toISOString()).toBe('2026-03-12T02:00:00.000Z');
    await expect(
      tx((d) =>
        issueApology(d, {
          dossierId: id,
          actor: specActor,
          reason: 'Lần 2',
          newDueAt: new Date('2026-03-20T02:00:00Z'),
        }),
      ),
    ).rejects.toMatchObject({ code: 'APOLOGY_ALREADY_ISSUED' });

    await expect(tx((d) => issueResult(d, { dossierId: id, actor: specActor, documents: [] }))).rejects.toMatchObject({
      code: 'NOT_APPROVED',
    });
    await tx((d) => completeStep(d, { dossierId: id, actor: specActor, fromStep: 2 }));
    await tx((d) => approveDossier(d, { dossierId: id, actor: { ...specActor, role: 'leader' } }));
    await tx((d) => issueResult(d, { dossierId: id, actor: specActor, documents: [{ name: 'Giấy khai sinh' }] }));
    const done = await tx((d) => returnResult(d, { dossierId: id, actor: reception, method: 'counter' }));
    expect(done.state.status).toBe('returned');

    const repo = createDossiersRepository(database.db);
    const codes = (await repo.listOutbox(id)).map((o) => (o.payload as { TrangThaiHoSo: number }).TrangThaiHoSo);
    expect(codes).toEqual([2, 4, 5, 4, 9, 10]);
    expect(await repo.findDossier(id)).toMatchObject({
      status: 'returned',
      nationalStatus: 10,
      currentAssigneeId: null,
    });
    clock.set('2026-03-02T02:00:00Z');
  });

  it('the action log is append-only', async () => {
    const r = await tx((d) => receiveDossier(d, reception, input()));
    await expect(
      sql`update dossier_actions set note = 'sửa' where dossier_id = ${r.dossier.id}`.execute(database.db),
    ).rejects.toThrow(/append-only/);
    await expect(
      sql`delete from dossier_actions where dossier_id = ${r.dossier.id}`.execute(database.db),
    ).rejects.toThrow(/append-only/);
  });

  it('concurrent receipts get distinct, consecutive dossier codes', async () => {
    const n = 12;
    const results = await Promise.all(
      Array.from({ length: n }, () => tx((d) => receiveDossier(d, reception, input()))),
    );
    const codes = results.map((r) => r.dossier.code);
    expect(new Set(codes).size).toBe(n);
    const seqs = codes.map((c) => parseDossierCode(c)!.sequence).sort((a, b) => a - b);
    expect(seqs.at(-1)! - seqs[0]!).toBe(n - 1);
  });

  it('a receipt whose one statement fails takes no number and leaves no row (autocommitted, as the route sends it)', async () => {
    const before = await receiveDossier(deps(database.db), reception, input());
    const d = deps(database.db);
    const failedId = randomUUID();
    const failing: DossierDeps = {
      ...d,
      newId: () => failedId,
      // A procedure version that does not exist: the foreign key fails at the end of the statement, after the
      // sequences, the dossier, its log and its outbox rows were inserted by it.
      dossiers: {
        ...d.dossiers,
        insertReceipt: (i) =>
          d.dossiers.insertReceipt({ ...i, dossier: { ...i.dossier, procedureVersionId: randomUUID() } }),
      },
    };
    await expect(receiveDossier(failing, reception, input())).rejects.toThrow(/foreign key/);
    const after = await receiveDossier(deps(database.db), reception, input());
    expect(parseDossierCode(after.dossier.code)!.sequence).toBe(parseDossierCode(before.dossier.code)!.sequence + 1);
    const left = await sql<{ n: number }>`select (select count(*) from dossiers where id = ${failedId}::uuid)
      + (select count(*) from dossier_actions where dossier_id = ${failedId}::uuid)
      + (select count(*) from outbox_messages where aggregate_id = ${failedId}) as n`.execute(database.db);
    expect(Number(left.rows[0]!.n)).toBe(0);
  });

  it('concurrent claims of one step: exactly one wins, the other gets STEP_ALREADY_CLAIMED', async () => {
    const r = await tx((d) => receiveDossier(d, reception, input()));
    const a = await newOfficial(database, { grants: [{ role: 'reception', unitCode }] });
    const b = await newOfficial(database, { grants: [{ role: 'reception', unitCode }] });
    const outcomes = await Promise.allSettled(
      [a, b].map((o) =>
        tx((d) => claimStep(d, { dossierId: r.dossier.id, actor: { ...reception, userId: o.id }, stepOrder: 1 })),
      ),
    );
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const failed = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
    expect((failed.reason as AppError).code).toBe('STEP_ALREADY_CLAIMED');
    const actions = await createDossiersRepository(database.db).listActions(r.dossier.id);
    expect(actions.filter((x) => x.type === 'claimed')).toHaveLength(1);
  });

  it('suggests the least-loaded qualified official when assigning without a name', async () => {
    const { unitCode: u2, provinceCode: p2 } = testUnit();
    units.set(u2, { code: u2, name: 'Xã Thử', provinceCode: p2, level: 'commune', agencyIdentifier: null });
    const proc = await loadDossierTestProcedure(database.db, { unitCode: u2 });
    const busy = await newOfficial(database, { grants: [{ role: 'specialist', unitCode: u2 }], fullName: 'An' });
    const idle = await newOfficial(database, { grants: [{ role: 'specialist', unitCode: u2 }], fullName: 'Bình' });
    const rec: DossierActor = { userId: null, name: 'x', role: 'reception', unitCode: u2 };
    const headActor: DossierActor = { userId: null, name: 'Trưởng phòng', role: 'department_head', unitCode: u2 };
    const receiveOne = () =>
      tx((d) => receiveDossier(d, rec, input({ procedureCode: proc.code, receivingUnitCode: u2 })));
    const toStep2 = async (id: string) => {
      await tx((d) => completeStep(d, { dossierId: id, actor: rec, fromStep: 1 }));
    };
    const first = await receiveOne();
    await toStep2(first.dossier.id);
    await tx((d) =>
      assignStep(d, { dossierId: first.dossier.id, actor: headActor, stepOrder: 2, assigneeId: busy.id }),
    );
    const second = await receiveOne();
    await toStep2(second.dossier.id);
    const auto = await tx((d) => assignStep(d, { dossierId: second.dossier.id, actor: headActor, stepOrder: 2 }));
    expect(auto.state.currentStep?.assigneeId).toBe(idle.id);
    await expect(
      tx((d) =>
        assignStep(d, { dossierId: second.dossier.id, actor: headActor, stepOrder: 2, assigneeId: randomUUID() }),
      ),
    ).rejects.toMatchObject({ code: 'ASSIGNEE_NOT_QUALIFIED' });
  });
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
