import type { DossierDetail } from '@mot-cua/contracts';
import { createAuditRepository, createDossiersRepository } from '@mot-cua/db';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import {
  A,
  atApproval,
  atStepTwo,
  claimsOf,
  clock,
  componentsOf,
  database,
  leaders,
  post,
  receptions,
  registered,
  specialists,
  useActionTestApp,
} from './action-test-helpers.js';

// Actions run without a transaction (a versioned read, one conditional write): a lost race writes nothing and
// the pass runs again on the new state.
useActionTestApp();

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
