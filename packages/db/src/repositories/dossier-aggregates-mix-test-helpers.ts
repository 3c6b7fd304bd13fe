import { randomUUID } from 'node:crypto';
import {
  approveDossier,
  claimStep,
  completeStep,
  type DossierActor,
  type DossierDeps,
  deriveDossierState,
  type fixedClock,
  issueResult,
  rateDossier,
  receiveDossier,
  refuseDossier,
  requestSupplement,
  returnResult,
  stopDossier,
  supplementDossier,
  withdrawDossier,
} from '@mot-cua/core';
import { insertDossierTestUnits, loadDossierTestProcedure, newOfficial } from '@mot-cua/test-kit';
import fc from 'fast-check';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../database.js';
import type { DB } from '../schema/index.js';
import { dossierDeps, mergeTestUnits, receiveInput } from './dossier-db.fixtures.js';
import { createDossiersRepository } from './dossiers.repository.js';

/**
 * The random mix the aggregates property (dossier-aggregates.db.test.ts) runs: dossiers received at two communes A
 * and B of one province, actions on them, B merged into A, more actions, then writes outside the action log.
 */
export type TestClock = ReturnType<typeof fixedClock>;

export type Op = 'supplement' | 'supplemented' | 'refuse' | 'withdraw' | 'stop' | 'advance' | 'rate' | 'wait';
export const opArb = fc.oneof(
  { weight: 6, arbitrary: fc.constant<Op>('advance') },
  {
    weight: 1,
    arbitrary: fc.constantFrom<Op>('supplement', 'supplemented', 'refuse', 'withdraw', 'stop', 'rate', 'wait'),
  },
);

/** Writes outside the action log that change a dossier's 766 inputs (outbox, components, files, fee, VNeID, rating). */
export type Side =
  | 'pending'
  | 'delivered'
  | 'deliverAll'
  | 'reused'
  | 'store'
  | 'resultFile'
  | 'scan'
  | 'fee'
  | 'paid'
  | 'vneid'
  | 'dislike';
export const sideArb = fc.constantFrom<Side>(
  'pending',
  'delivered',
  'deliverAll',
  'reused',
  'store',
  'resultFile',
  'scan',
  'fee',
  'paid',
  'vneid',
  'dislike',
);
const SHA = 'a'.repeat(64);
async function sideWrite(db: Kysely<DB>, id: string, side: Side) {
  const p = sql`(select province_code from dossiers where id = ${id})`;
  await sql`insert into stored_files (sha256, size_bytes, media_type) values (${SHA}, 1, 'application/pdf')
    on conflict do nothing`.execute(db);
  const attach = (kind: string, key: string | null) => sql`
    insert into dossier_attachments (dossier_id, province_code, kind, component_key, file_name, sha256)
    values (${id}, ${p}, ${kind}, ${key}, 'tep.pdf', ${SHA})`;
  const outbox = (delivered: boolean) => sql`
    insert into outbox_messages (province_code, topic, aggregate_type, aggregate_id, idempotency_key, payload,
      delivered_at)
    values (${p}, 'test.sync', 'dossier', ${id}, ${randomUUID()}, '{}', ${delivered ? sql`now()` : null})`;
  const q = {
    pending: outbox(false),
    delivered: outbox(true),
    deliverAll: sql`update outbox_messages set delivered_at = now()
      where aggregate_type = 'dossier' and aggregate_id = ${id} and delivered_at is null`,
    reused: sql`update dossier_components set reused = true where dossier_id = ${id} and key = 'c01'`,
    store: sql`update dossier_components set from_citizen_store = true where dossier_id = ${id} and key = 'c02'`,
    resultFile: attach('result', null),
    scan: sql`${attach('component', 'c01')}, (${id}, ${p}, 'component', 'c02', 'tep.pdf', ${SHA})`,
    fee: sql`update dossiers set fee_total = 50000 where id = ${id}`,
    paid: sql`update dossiers set fee_total = 30000, paid_online = true where id = ${id}`,
    vneid: sql`update dossiers set vneid_verified = true where id = ${id}`,
    dislike: sql`insert into dossier_ratings (dossier_id, province_code, level, rated_at) values (${id}, ${p}, 1, now())
      on conflict (dossier_id) do update set level = 1`,
  }[side];
  await db.transaction().execute((trx) => q.execute(trx));
}

export type Plan = { atB: boolean; online: boolean; ops: Op[] };
/** The mix's arguments: a plan a dossier, actions after the merge and side writes (by dossier index). */
export const mixArbs = [
  fc.array(fc.record({ atB: fc.boolean(), online: fc.boolean(), ops: fc.array(opArb, { maxLength: 14 }) }), {
    minLength: 2,
    maxLength: 6,
  }),
  fc.array(fc.tuple(fc.nat(5), opArb), { maxLength: 6 }),
  fc.array(fc.tuple(fc.nat(5), sideArb), { maxLength: 12 }),
] as const;
/** One run known to reach a returned and rated dossier, a refusal and one left open, whatever the seed. */
export const MIX_EXAMPLE: [Plan[], Array<[number, Op]>, Array<[number, Side]>] = [
  [
    { atB: true, online: true, ops: [...Array<Op>(12).fill('advance'), 'rate'] },
    { atB: false, online: false, ops: ['refuse'] },
    { atB: true, online: false, ops: ['supplement'] },
  ],
  [[2, 'supplemented']],
  [
    [0, 'delivered'],
    [0, 'deliverAll'],
    [0, 'reused'],
    [0, 'resultFile'],
    [0, 'scan'],
    [0, 'paid'],
    [1, 'pending'],
    [1, 'dislike'],
    [2, 'vneid'],
    [2, 'fee'],
  ],
];

const attempt = async (fn: () => Promise<unknown>) => {
  try {
    await fn();
  } catch (e) {
    // a transition the dossier's state does not allow is part of a random mix; anything else is a failure
    if (!(e instanceof Error && 'code' in e)) throw e;
  }
};

/** Runs one mix on two new communes and returns them (A keeps B's dossiers after the merge) and their province. */
export async function runMix(
  database: Database,
  clock: TestClock,
  [plans, afterMerge, sides]: [Plan[], Array<[number, Op]>, Array<[number, Side]>],
): Promise<{ A: string; B: string; provinceCode: string }> {
  const tx = <T>(fn: (d: DossierDeps) => Promise<T>) =>
    database.db.transaction().execute((trx) => fn(dossierDeps(trx, clock)));
  const u = await insertDossierTestUnits(database.db, 2);
  const [A, B] = u.communeCodes as [string, string];
  const procedureCode = (await loadDossierTestProcedure(database.db, { unitCode: A })).code;
  const official = await newOfficial(database);
  const at = (unitCode: string, role: DossierActor['role'] = 'reception'): DossierActor => ({
    userId: official.id,
    name: 'Trần Thị Lan',
    role,
    unitCode,
  });
  const ids: Array<{ id: string; unit: string }> = [];
  for (const p of plans) {
    const unit = p.atB ? B : A;
    const r = await tx((d) =>
      receiveDossier(
        d,
        at(unit),
        receiveInput({ channel: p.online ? 'online' : 'in_person', procedureCode, receivingUnitCode: unit }),
      ),
    );
    ids.push({ id: r.dossier.id, unit });
  }
  const run = async (i: number, op: Op) => {
    const target = ids[i % ids.length]!;
    const dossierId = target.id;
    const actor = at(target.unit);
    if (op === 'wait') return clock.advance(20 * 3_600_000);
    if (op === 'supplement')
      return attempt(() =>
        tx((d) => requestSupplement(d, { dossierId, actor, items: [{ key: 'c02', state: 'missing' }] })),
      );
    if (op === 'supplemented') return attempt(() => tx((d) => supplementDossier(d, { dossierId, actor })));
    if (op === 'refuse')
      return attempt(() => tx((d) => refuseDossier(d, { dossierId, actor, reasons: ['Không đủ điều kiện'] })));
    if (op === 'withdraw') return attempt(() => tx((d) => withdrawDossier(d, { dossierId, actor, reason: 'Rút' })));
    if (op === 'stop') return attempt(() => tx((d) => stopDossier(d, { dossierId, actor, reason: 'Dừng' })));
    if (op === 'rate') return attempt(() => tx((d) => rateDossier(d, { dossierId, actor, level: 4 })));
    // advance: the first step on the dossier's way to a result that its state allows
    const state = deriveDossierState(await createDossiersRepository(database.db).listActions(dossierId));
    const step = state.currentStep?.order ?? 1;
    const holder = at(target.unit, (state.currentStep?.role ?? 'specialist') as DossierActor['role']);
    const tries = [
      () => tx((d) => claimStep(d, { dossierId, actor: holder, stepOrder: step })),
      () => tx((d) => completeStep(d, { dossierId, actor: holder, fromStep: step })),
      () => tx((d) => approveDossier(d, { dossierId, actor: at(target.unit, 'leader') })),
      () =>
        tx((d) =>
          issueResult(d, { dossierId, actor: at(target.unit, 'specialist'), documents: [{ name: 'Kết quả' }] }),
        ),
      () => tx((d) => returnResult(d, { dossierId, actor, method: 'counter' })),
    ];
    for (const t of tries) {
      let done = true;
      await attempt(async () => {
        try {
          await t();
        } catch (e) {
          done = false;
          throw e;
        }
      });
      if (done) return;
    }
  };
  for (const [i, p] of plans.entries()) for (const op of p.ops) await run(i, op);

  // B merges into A: open dossiers of B move to A (today's unit), the unit at entry stays B.
  await mergeTestUnits(database, {
    into: A,
    from: B,
    name: 'An Bình Thử',
    effectiveDate: '2026-03-02',
    userId: official.id,
    key: `test-aggregates-merge-${A}`,
  });
  for (const t of ids) if (t.unit === B) t.unit = A;
  for (const [i, op] of afterMerge) await run(i, op);
  for (const [i, side] of sides) await sideWrite(database.db, ids[i % ids.length]!.id, side);
  return { A, B, provinceCode: u.provinceCode };
}
