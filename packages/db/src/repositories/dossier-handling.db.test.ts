import { randomUUID } from 'node:crypto';
import {
  type AppError,
  approveDossier,
  assignStep,
  claimStep,
  completeStep,
  type DossierActor,
  type DossierDeps,
  issueApology,
  issueResult,
  receiveDossier,
  requestSupplement,
  returnResult,
  supplementDossier,
} from '@mot-cua/core';
import { createTestDb, loadDossierTestProcedure, newOfficial, testUnit } from '@mot-cua/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../database.js';
import { dossierFixtures } from './dossier-db.fixtures.js';
import { createDossiersRepository } from './dossiers.repository.js';

let database: Database;
const { clock, unitCode, units, deps, reception, input, setUp } = dossierFixtures();
const tx = <T>(fn: (d: DossierDeps) => Promise<T>) => database.db.transaction().execute((trx) => fn(deps(trx)));

beforeAll(async () => {
  database = await createTestDb();
  await setUp(database);
});
afterAll(async () => {
  await database.close();
});

describe('dossier use cases on the database: handling', () => {
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
