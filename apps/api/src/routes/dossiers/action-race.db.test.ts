import type { DossierDetail } from '@mot-cua/contracts';
import { actionsWithSideRecords, fixedClock } from '@mot-cua/core';
import { createAuditRepository, createDossiersRepository, type Database } from '@mot-cua/db';
import { createTestDb, insertDossierTestUnits, loadDossierTestProcedure } from '@mot-cua/test-kit';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Signed, signIn } from '../../testing.js';

// Actions run without a transaction (a versioned read, one conditional write): a lost race writes nothing and
// the pass runs again on the new state. The test procedure's step 2 is the specialist's.
let database: Database;
let app: FastifyInstance;
const clock = fixedClock('2026-03-02T02:00:00Z');
let A: string;
let procedureCode: string;
let reception: Signed;
const specialists: Signed[] = [];
const leaders: Signed[] = [];
const receptions: Signed[] = [];

const post = (s: Signed, url: string, payload: unknown = {}) =>
  app.inject({ method: 'POST', url, headers: s.headers, payload: payload as Record<string, unknown> });

/** A dossier at step 2 (the specialist's), not yet taken. */
async function atStepTwo(): Promise<string> {
  const res = await post(reception, '/api/dossiers', {
    mode: 'receive',
    channel: 'in_person',
    procedureCode,
    receivingUnitCode: A,
    applicant: { fullName: 'Lê Thị Tranh Chấp', phone: '0909000222' },
    components: [
      { key: 'c01', state: 'present' },
      { key: 'c02', state: 'present' },
    ],
  });
  expect(res.statusCode, res.body).toBe(201);
  const id = (res.json() as DossierDetail).id;
  const handed = await post(reception, `/api/dossiers/${id}/complete-step`, { fromStep: 1 });
  expect(handed.statusCode, handed.body).toBe(200);
  return id;
}

/** A dossier at step 3, the leader's approval. */
async function atApproval(): Promise<string> {
  const id = await atStepTwo();
  for (const [url, body] of [
    ['claim', { stepOrder: 2 }],
    ['complete-step', { fromStep: 2 }],
  ] as const) {
    const res = await post(specialists[0]!, `/api/dossiers/${id}/${url}`, body);
    expect(res.statusCode, res.body).toBe(200);
  }
  return id;
}

/** A dossier registered by post (status new), waiting to be accepted. */
async function registered(): Promise<string> {
  const res = await post(reception, '/api/dossiers', {
    mode: 'submit',
    channel: 'postal',
    returnMethod: 'post',
    procedureCode,
    receivingUnitCode: A,
    applicant: { fullName: 'Phạm Văn Chấp Nhận', phone: '0909000333' },
    components: [
      { key: 'c01', state: 'present' },
      { key: 'c02', state: 'missing' },
    ],
  });
  expect(res.statusCode, res.body).toBe(201);
  return (res.json() as DossierDetail).id;
}

async function componentsOf(id: string) {
  return database.db
    .selectFrom('dossierComponents')
    .select(['key', 'state', 'position', 'reused'])
    .where('dossierId', '=', id)
    .orderBy('position')
    .execute();
}

async function claimsOf(id: string) {
  const log = await database.db
    .selectFrom('dossierActions')
    .select(['seq', 'type', 'actorUserId'])
    .where('dossierId', '=', id)
    .orderBy('seq')
    .execute();
  const audit = (await createAuditRepository(database.db).listAudit('dossier', id)).filter(
    (a) => a.action === 'dossier.claimed',
  );
  return { log, claims: log.filter((a) => a.type === 'claimed'), audit };
}

beforeAll(async () => {
  database = await createTestDb();
  ({ app } = await buildTestApp(database, { clock, env: { SESSION_TTL_HOURS: '720' } }));
  A = (await insertDossierTestUnits(database.db, 1)).communeCodes[0]!;
  procedureCode = (await loadDossierTestProcedure(database.db, { unitCode: A })).code;
  reception = await signIn(app, database, [{ role: 'reception', unitCode: A }]);
  for (let i = 0; i < 4; i++) specialists.push(await signIn(app, database, [{ role: 'specialist', unitCode: A }]));
  for (let i = 0; i < 2; i++) leaders.push(await signIn(app, database, [{ role: 'leader', unitCode: A }]));
  for (let i = 0; i < 2; i++) receptions.push(await signIn(app, database, [{ role: 'reception', unitCode: A }]));
}, 900_000); // migrating the embedded database on a loaded machine
afterAll(async () => {
  await app.close();
});

describe('an action in one statement under concurrency', () => {
  it('two officials claim the same step at once: one wins, the other gets 409; the log has one claim', async () => {
    const id = await atStepTwo();
    const [a, b] = await Promise.all(
      [specialists[0]!, specialists[1]!].map((s) => post(s, `/api/dossiers/${id}/claim`, { stepOrder: 2 })),
    );
    const codes = [a!, b!].map((r) => r.statusCode).sort();
    expect(codes, `${a!.body} ${b!.body}`).toEqual([200, 409]);
    const lost = [a!, b!].find((r) => r.statusCode === 409)!;
    expect(['STEP_ALREADY_CLAIMED', 'DOSSIER_BUSY']).toContain(lost.json().code);
    const won = [a!, b!].find((r) => r.statusCode === 200)!.json() as DossierDetail;
    const { log, claims, audit } = await claimsOf(id);
    expect(claims).toHaveLength(1);
    expect(log.map((x) => x.seq)).toEqual([1, 2, 3]);
    expect(won.currentStep?.assigneeId).toBe(claims[0]!.actorUserId);
    expect(audit).toHaveLength(1);
    const row = await database.db
      .selectFrom('dossiers')
      .select(['lastActionSeq', 'currentAssigneeId'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ lastActionSeq: 3, currentAssigneeId: claims[0]!.actorUserId });
  });

  it('four claims at once: exactly one claim in the log, the others refused with 409', async () => {
    const id = await atStepTwo();
    const res = await Promise.all(specialists.map((s) => post(s, `/api/dossiers/${id}/claim`, { stepOrder: 2 })));
    expect(res.filter((r) => r.statusCode === 200)).toHaveLength(1);
    expect(res.filter((r) => r.statusCode === 409)).toHaveLength(3);
    const { claims, audit } = await claimsOf(id);
    expect(claims).toHaveLength(1);
    expect(audit).toHaveLength(1);
  });

  it('a write against a moved version writes nothing (no action, audit, outbox row or projection change)', async () => {
    const id = await atStepTwo();
    const repo = createDossiersRepository(database.db);
    const first = (await repo.readForAction(id))!;
    const second = (await repo.readForAction(id))!;
    expect(first.version).toBe(second.version);
    expect(first.actions.map((x) => x.type)).toEqual(['received', 'step_completed']);
    const claim = (userId: string, seq: number) => ({
      type: 'claimed' as const,
      stepOrder: 2,
      seq,
      at: clock.now(),
      actorId: userId,
      actorName: null,
      actorRole: 'specialist' as const,
      unitCode: A,
      note: null,
    });
    const projection = (userId: string) => ({
      status: first.dossier.status,
      nationalStatus: first.dossier.nationalStatus,
      receivedAt: first.dossier.receivedAt,
      dueAt: first.dossier.dueAt,
      finishedAt: first.dossier.finishedAt,
      currentStepOrder: 2,
      currentAssigneeId: userId,
      competentUnitCode: first.dossier.competentUnitCode,
      lastActionSeq: 3,
    });
    const audit = (userId: string) => ({
      actorUserId: userId,
      action: 'dossier.claimed',
      entityType: 'dossier',
      entityId: id,
      provinceCode: first.dossier.provinceCode,
      unitCode: A,
      data: { seq: 3 },
      requestId: 'race-test',
    });
    const outbox = (key: string) => ({
      provinceCode: first.dossier.provinceCode,
      topic: 'race.test',
      aggregateId: id,
      idempotencyKey: key,
      payload: { k: key },
    });
    const [u1, u2] = [specialists[0]!.userId, specialists[1]!.userId];
    const write = (u: string, key: string) => ({
      action: claim(u, 3),
      outbox: outbox(key),
      audit: audit(u),
      notifications: [],
    });
    expect(
      await repo.commitAction({
        dossier: first.dossier,
        version: first.version,
        actions: [write(u1, `race:${id}:1`)],
        projection: projection(u1),
      }),
    ).toBe(true);
    expect(
      await repo.commitAction({
        dossier: first.dossier,
        version: second.version,
        actions: [write(u2, `race:${id}:2`)],
        projection: projection(u2),
      }),
    ).toBe(false);
    const { claims, audit: rows } = await claimsOf(id);
    expect(claims.map((c) => c.actorUserId)).toEqual([u1]);
    expect(rows.map((r) => r.actorUserId)).toEqual([u1]);
    const keys = await database.db
      .selectFrom('outboxMessages')
      .select('idempotencyKey')
      .where('topic', '=', 'race.test')
      .where('aggregateId', '=', id)
      .execute();
    expect(keys.map((k) => k.idempotencyKey)).toEqual([`race:${id}:1`]);
    const after = (await repo.readForAction(id))!;
    expect(after.version).not.toBe(first.version);
    expect(after.dossier.currentAssigneeId).toBe(u1);
    // Any other write of the row (here a bare update) also moves the version.
    await sql`update dossiers set supplement_count = supplement_count where id = ${id}::uuid`.execute(database.db);
    expect((await repo.readForAction(id))!.version).not.toBe(after.version);
  });

  it('two leaders approve at once: one 200, the other refused; one approval and one hand-on in the log', async () => {
    const id = await atApproval();
    const res = await Promise.all(leaders.map((l) => post(l, `/api/dossiers/${id}/approve`)));
    const codes = res.map((r) => r.statusCode).sort();
    expect(codes[0], res.map((r) => r.body).join(' ')).toBe(200);
    expect([403, 409]).toContain(codes[1]);
    const log = await database.db
      .selectFrom('dossierActions')
      .select(['seq', 'type', 'actorUserId', 'data'])
      .where('dossierId', '=', id)
      .orderBy('seq')
      .execute();
    expect(log.map((a) => a.type)).toEqual([
      'received',
      'step_completed',
      'claimed',
      'step_completed',
      'approved',
      'step_completed',
    ]);
    const [approval, handOn] = log.slice(4);
    expect(handOn!.actorUserId).toBe(approval!.actorUserId);
    expect(handOn!.data).toMatchObject({ fromStep: 3, toStep: 4 });
    const audit = (await createAuditRepository(database.db).listAudit('dossier', id)).map((a) => a.action);
    expect(audit.filter((a) => a === 'dossier.approved')).toHaveLength(1);
    expect(audit.filter((a) => a === 'dossier.step_completed')).toHaveLength(3);
    const row = await database.db
      .selectFrom('dossiers')
      .select(['lastActionSeq', 'currentStepOrder'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ lastActionSeq: 6, currentStepOrder: 4 });
    const won = res.find((r) => r.statusCode === 200)!.json() as DossierDetail;
    expect(won.currentStep?.order).toBe(4);
  });

  it('two receptions accept at once with different checklists: one accept, its checklist whole; a stale write none', async () => {
    const id = await registered();
    // Where c01 came from (reused data) is a fact of its submission: the accept's checklist keeps it.
    await sql`update dossier_components set reused = true where dossier_id = ${id}::uuid and key = 'c01'`.execute(
      database.db,
    );
    const repo = createDossiersRepository(database.db);
    const stale = (await repo.readForAction(id))!;
    const lists = [
      [
        { key: 'c01', state: 'present' },
        { key: 'c02', state: 'present' },
      ],
      [
        { key: 'c02', state: 'present' },
        { key: 'c01', state: 'present' },
        { key: 'c03', state: 'present' },
      ],
    ];
    const res = await Promise.all(
      receptions.map((r, i) => post(r, `/api/dossiers/${id}/accept`, { components: lists[i] })),
    );
    const codes = res.map((r) => r.statusCode).sort();
    expect(codes, res.map((r) => r.body).join(' ')).toEqual([200, 409]);
    const w = res.findIndex((r) => r.statusCode === 200);
    const log = await database.db.selectFrom('dossierActions').select('type').where('dossierId', '=', id).execute();
    expect(log.map((a) => a.type).sort()).toEqual(['received', 'submitted']);
    const rows = await componentsOf(id);
    // The winner's checklist, whole (in the procedure's order), never a mix of the two.
    // (Every component of the procedure has a row; c03 is present only in the second list.)
    expect(rows.map((r) => [r.key, r.position])).toEqual([
      ['c01', 1],
      ['c02', 2],
      ['c03', 3],
    ]);
    expect(rows.slice(0, 2).map((r) => r.state)).toEqual(['present', 'present']);
    expect(rows.map((r) => r.reused)).toEqual([true, false, false]);
    expect(rows[2]!.state === 'present').toBe(w === 1);
    const row = await database.db
      .selectFrom('dossiers')
      .select(['status', 'durationValue', 'durationUnit'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('received');
    // A write with the version read before the accept applies nothing: neither the checklist nor the time limit.
    const accepted = (await repo.readForAction(id))!;
    const projection = { ...accepted.dossier, lastActionSeq: 2 };
    const applied = await repo.commitAction({
      dossier: stale.dossier,
      version: stale.version,
      actions: [{ action: { ...accepted.actions[1]!, seq: 2 }, outbox: null, audit: null, notifications: [] }],
      projection,
      records: {
        checklist: [{ key: 'c01', name: 'x', state: 'missing' }],
        duration: { value: 99, unit: 'working_days' },
      },
    });
    expect(applied).toBe(false);
    expect(await componentsOf(id)).toEqual(rows);
    const after = await database.db
      .selectFrom('dossiers')
      .select(['status', 'durationValue', 'durationUnit'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(after).toEqual(row);
  });

  it("the result's files are written with the action: a write at a moved version links and stores none", async () => {
    const id = await atApproval();
    const repo = createDossiersRepository(database.db);
    const read = (await repo.readForAction(id))!;
    await sql`update dossiers set supplement_count = supplement_count where id = ${id}::uuid`.execute(database.db);
    const sha256 = `${id.replace(/-/g, '')}${'0'.repeat(32)}`;
    const applied = await repo.commitAction({
      dossier: read.dossier,
      version: read.version,
      actions: [
        {
          action: { ...read.actions[read.actions.length - 1]!, seq: read.actions.length + 1 },
          outbox: null,
          audit: null,
          notifications: [],
        },
      ],
      projection: { ...read.dossier, lastActionSeq: read.actions.length + 1 },
      records: {
        resultFiles: {
          files: [{ fileName: 'kq.pdf', sha256, sizeBytes: 14, mediaType: 'application/pdf' }],
          uploadedBy: null,
        },
      },
    });
    expect(applied).toBe(false);
    const linked = await database.db
      .selectFrom('dossierAttachments')
      .select('id')
      .where('dossierId', '=', id)
      .execute();
    expect(linked).toEqual([]);
    const stored = await database.db.selectFrom('storedFiles').select('sha256').where('sha256', '=', sha256).execute();
    expect(stored).toEqual([]);
  });
});

// After accept with a checklist, the 200's view and the status outbox row carry the accepted checklist (built
// from the command, not read again). The API runs accept in one statement; the locked path (seeds, the bench's
// base) is reached over HTTP by listing `received` among the actions with side records for one request.
describe('accept returns and publishes the checklist it accepted', () => {
  for (const path of ['one-statement', 'locked'] as const) {
    it(`${path} path: the view and the outbox payload show the accepted checklist, as a fresh read does`, async () => {
      const id = await registered(); // c01 present, c02 missing
      await sql`update dossier_components set reused = true where dossier_id = ${id}::uuid and key = 'c01'`.execute(
        database.db,
      );
      const locked = path === 'locked';
      if (locked) (actionsWithSideRecords as Set<string>).add('received');
      let res: Awaited<ReturnType<typeof post>>;
      try {
        res = await post(reception, `/api/dossiers/${id}/accept`, {
          components: [
            { key: 'c01', state: 'present' },
            { key: 'c02', state: 'present' },
          ],
        });
      } finally {
        if (locked) (actionsWithSideRecords as Set<string>).delete('received');
      }
      expect(res.statusCode, res.body).toBe(200);
      const view = res.json() as DossierDetail;
      expect(view.status).toBe('received');
      expect(view.components.map((c) => [c.key, c.state])).toEqual([
        ['c01', 'present'],
        ['c02', 'present'],
        ['c03', 'not_applicable'],
      ]);
      // The same as what a read after the commit shows (components and the time limit the dossier runs with).
      const fresh = await app.inject({ method: 'GET', url: `/api/dossiers/${id}`, headers: reception.headers });
      expect(fresh.statusCode, fresh.body).toBe(200);
      const read = fresh.json() as DossierDetail;
      expect(view.components).toEqual(read.components);
      expect(view.duration).toEqual(read.duration);
      // The status message of the accept (national status 2) lists both components, c01 with its origin kept.
      const outbox = await createDossiersRepository(database.db).listOutbox(id);
      const last = outbox[outbox.length - 1]!.payload as {
        TrangThaiHoSo: number;
        HoSoCoThanhPhanSoHoa: number;
        TaiLieuNop: Array<{ MaThanhPhan: string; DuocTaiSuDung: number }>;
      };
      expect(last.TrangThaiHoSo).toBe(2);
      expect(last.TaiLieuNop.map((t) => [t.MaThanhPhan, t.DuocTaiSuDung])).toEqual([
        ['c01', 1],
        ['c02', 0],
      ]);
    });
  }
});

// The files are read with the row (readForAction) and an action's view presents them without reading again:
// safe because linking a file moves the row's version, so a write at the version read finds the same files.
describe("the dossier's files read with its row", () => {
  const attach = (id: string, name: string) => {
    const b = '----files-with-row';
    const payload = Buffer.concat([
      Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="componentKey"\r\n\r\nc01\r\n`),
      Buffer.from(
        `--${b}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/pdf\r\n\r\n`,
      ),
      Buffer.from(`%PDF-1.7\n${id} ${name}\n%%EOF`),
      Buffer.from(`\r\n--${b}--\r\n`),
    ]);
    return app.inject({
      method: 'POST',
      url: `/api/dossiers/${id}/attachments`,
      headers: { ...reception.headers, 'content-type': `multipart/form-data; boundary=${b}` },
      payload,
    });
  };

  it('linking a file moves the version: a write at the version read before it applies nothing', async () => {
    const id = await atStepTwo();
    const repo = createDossiersRepository(database.db);
    const before = (await repo.readForAction(id))!;
    expect(before.attachments).toEqual([]);
    const res = await attach(id, 'to-khai.pdf');
    expect(res.statusCode, res.body).toBe(200);
    const after = (await repo.readForAction(id))!;
    expect(after.version).not.toBe(before.version);
    expect(after.dossier.lastActionSeq).toBe(before.dossier.lastActionSeq);
    expect(after.attachments?.map((a) => [a.kind, a.componentKey, a.fileName])).toEqual([
      ['component', 'c01', 'to-khai.pdf'],
    ]);
    const applied = await repo.commitAction({
      dossier: before.dossier,
      version: before.version,
      actions: [
        {
          action: {
            type: 'claimed',
            stepOrder: 2,
            seq: 3,
            at: clock.now(),
            actorId: specialists[0]!.userId,
            actorName: null,
            actorRole: 'specialist',
            unitCode: A,
            note: null,
          },
          outbox: null,
          audit: null,
          notifications: [],
        },
      ],
      projection: {
        ...before.dossier,
        currentStepOrder: 2,
        currentAssigneeId: specialists[0]!.userId,
        lastActionSeq: 3,
      },
    });
    expect(applied).toBe(false);
    expect((await claimsOf(id)).claims).toEqual([]);
  });

  it("an action's view lists the files without reading them again, as a fresh read does", async () => {
    const id = await atStepTwo();
    for (const name of ['a.pdf', 'b.pdf']) expect((await attach(id, name)).statusCode).toBe(200);
    const claimed = await post(specialists[0]!, `/api/dossiers/${id}/claim`, { stepOrder: 2 });
    expect(claimed.statusCode, claimed.body).toBe(200);
    const view = claimed.json() as DossierDetail;
    const fresh = (
      await app.inject({ method: 'GET', url: `/api/dossiers/${id}`, headers: specialists[0]!.headers })
    ).json() as DossierDetail;
    expect(view.attachments.map((a) => a.fileName).sort()).toEqual(['a.pdf', 'b.pdf']);
    expect([...view.attachments].sort((x, y) => x.id.localeCompare(y.id))).toEqual(
      [...fresh.attachments].sort((x, y) => x.id.localeCompare(y.id)),
    );
    // An attachment and an action at once: both answered; the action's view never misses a file linked
    // before its write (had the file come between its read and write, the write would not have applied).
    const [file, handed] = await Promise.all([
      attach(id, 'c.pdf'),
      post(specialists[0]!, `/api/dossiers/${id}/complete-step`, { fromStep: 2 }),
    ]);
    expect(file.statusCode, file.body).toBe(200);
    expect(handed.statusCode, handed.body).toBe(200);
    const names = (handed.json() as DossierDetail).attachments.map((a) => a.fileName).sort();
    expect([
      ['a.pdf', 'b.pdf'],
      ['a.pdf', 'b.pdf', 'c.pdf'],
    ]).toContainEqual(names);
  });
});
