import { randomUUID } from 'node:crypto';
import {
  acceptDossier,
  type DossierActor,
  type DossierDeps,
  parseDossierCode,
  receiveDossier,
  supplementDossier,
} from '@mot-cua/core';
import { createTestDb } from '@mot-cua/test-kit';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../database.js';
import { dossierFixtures } from './dossier-db.fixtures.js';
import { createDossiersRepository } from './dossiers.repository.js';

let database: Database;
const { clock, unitCode, provinceCode, deps, reception, input, setUp } = dossierFixtures();
const tx = <T>(fn: (d: DossierDeps) => Promise<T>) => database.db.transaction().execute((trx) => fn(deps(trx)));

beforeAll(async () => {
  database = await createTestDb();
  await setUp(database);
});
afterAll(async () => {
  await database.close();
});

describe('dossier use cases on the database: the receipt', () => {
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
});
