import type {
  ComponentCheck,
  DossierAction,
  DossierProjection,
  DossierRecord,
  DossiersRepository,
  OutboxMessage,
} from '@mot-cua/core';
import type { Kysely } from 'kysely';
import type { DB } from '../schema/index.js';
import { commitAction, readForAction } from './action-statement.js';
import { createDossierAttachmentsRepository } from './dossier-attachments.repository.js';
import { dossierComponents } from './dossier-components.js';
import { type DossierListFilter, listDossierRows } from './dossier-list.js';
import { actionRow, outboxRow, projectionRow, reviveData } from './dossier-rows.js';
import { createDossierStatsRepository } from './dossier-stats.repository.js';
import { grantInForceOn } from './in-force.js';
import { insertReceipt } from './receipt-statement.js';

export type { DossierStatsFilter, DossierStatsScope, StatsBucketName } from './dossier-buckets.js';
export type { DossierListFilter } from './dossier-list.js';

/** SQL of the dossiers feature. Call with the transaction of the use case. */
export function createDossiersRepository(db: Kysely<DB>) {
  const { insertComponents, withComponents, oneWithComponents } = dossierComponents(db);

  const repo = {
    async findDossier(id: string): Promise<DossierRecord | undefined> {
      if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
      return oneWithComponents(id, false);
    },

    async findDossierByCode(code: string): Promise<DossierRecord | undefined> {
      const row = await db.selectFrom('dossiers').selectAll().where('code', '=', code).executeTakeFirst();
      return row ? (await withComponents([row]))[0] : undefined;
    },

    async lockDossier(id: string): Promise<DossierRecord | undefined> {
      if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
      return oneWithComponents(id, true);
    },

    async listActions(dossierId: string): Promise<DossierAction[]> {
      const rows = await db
        .selectFrom('dossierActions')
        .selectAll()
        .where('dossierId', '=', dossierId)
        .orderBy('seq')
        .execute();
      return rows.map(
        (r) =>
          ({
            ...reviveData(r.data),
            type: r.type,
            seq: r.seq,
            at: r.at,
            actorId: r.actorUserId,
            actorName: r.actorName,
            actorRole: r.actorRole,
            unitCode: r.unitCode,
            note: r.note,
          }) as DossierAction,
      );
    },

    async recordAction(input: {
      dossier: Pick<DossierRecord, 'id' | 'provinceCode'>;
      action: DossierAction;
      projection: DossierProjection;
      outbox: OutboxMessage | null;
    }): Promise<void> {
      // Data-modifying CTEs: the action, the projection and the outbox row in one round trip.
      const withAction = db
        .with('a', (q) => q.insertInto('dossierActions').values(actionRow(input.dossier, input.action)))
        .with('p', (q) =>
          q.updateTable('dossiers').set(projectionRow(input.projection)).where('id', '=', input.dossier.id),
        );
      const m = input.outbox;
      if (m) {
        await withAction.insertInto('outboxMessages').values(outboxRow(m)).execute();
      } else {
        await withAction.selectNoFrom((eb) => eb.lit(1).as('one')).execute();
      }
    },

    /** An action without a transaction: a versioned read and one conditional write (action-statement.ts). */
    readForAction: (id: string) => readForAction(db, id),
    commitAction: (input: Parameters<typeof commitAction>[1]) => commitAction(db, input),

    /** The receipt in one statement (receipt-statement.ts). */
    insertReceipt: (input: Parameters<DossiersRepository['insertReceipt']>[0]) => insertReceipt(db, input),

    async saveComponents(dossier: Pick<DossierRecord, 'id' | 'provinceCode'>, checks: ComponentCheck[]): Promise<void> {
      // Where a component came from (reused data, the citizen's store) is a fact of its submission: a checklist
      // re-saved without the flags (the counter's form) keeps them.
      const before = await db
        .deleteFrom('dossierComponents')
        .where('dossierId', '=', dossier.id)
        .returning(['key', 'reused', 'fromCitizenStore'])
        .execute();
      const origin = new Map(before.map((b) => [b.key, b]));
      await insertComponents(
        dossier,
        checks.map((c) => ({
          ...c,
          reused: c.reused ?? origin.get(c.key)?.reused ?? false,
          fromCitizenStore: c.fromCitizenStore ?? origin.get(c.key)?.fromCitizenStore ?? false,
        })),
      );
    },

    async saveDuration(dossier: Pick<DossierRecord, 'id'>, duration: DossierRecord['duration']): Promise<void> {
      await db
        .updateTable('dossiers')
        .set({ durationValue: duration.value, durationUnit: duration.unit })
        .where('id', '=', dossier.id)
        .execute();
    },

    async createConsultation(c: Parameters<DossiersRepository['createConsultation']>[0]): Promise<void> {
      await db.insertInto('dossierConsultations').values(c).execute();
    },

    async answerConsultation(c: { id: string; dossierId: string; answer: string; answeredAt: Date }): Promise<void> {
      await db
        .updateTable('dossierConsultations')
        .set({ answer: c.answer, answeredAt: c.answeredAt })
        .where('id', '=', c.id)
        .where('dossierId', '=', c.dossierId)
        .execute();
    },

    async listConsultations(dossierId: string) {
      return db
        .selectFrom('dossierConsultations')
        .selectAll()
        .where('dossierId', '=', dossierId)
        .orderBy('requestedAt')
        .execute();
    },

    async saveRating(r: Parameters<DossiersRepository['saveRating']>[0]): Promise<void> {
      await db
        .insertInto('dossierRatings')
        .values({ ...r, criteria: JSON.stringify(r.criteria) })
        .execute();
    },

    async findRating(dossierId: string) {
      return db.selectFrom('dossierRatings').selectAll().where('dossierId', '=', dossierId).executeTakeFirst();
    },

    async listOutbox(dossierId: string) {
      return db
        .selectFrom('outboxMessages')
        .selectAll()
        .where('aggregateType', '=', 'dossier')
        .where('aggregateId', '=', dossierId)
        .orderBy('id')
        .execute();
    },

    async listCandidates(input: { unitCode: string; provinceCode: string; roles: string[]; onDate: string }) {
      if (input.roles.length === 0) return [];
      const rows = await db
        .selectFrom('roleGrants as g')
        .innerJoin('users as u', 'u.id', 'g.userId')
        .select((eb) => [
          'u.id as userId',
          'u.fullName as fullName',
          eb.fn.min('g.role').as('role'),
          eb
            .selectFrom('dossiers as d')
            .select((e2) => e2.fn.countAll<number>().as('n'))
            .whereRef('d.currentAssigneeId', '=', 'u.id')
            .where('d.finishedAt', 'is', null)
            .as('openAssignments'),
        ])
        .where('g.role', 'in', input.roles)
        .where('g.unitCode', '=', input.unitCode)
        .where('u.isActive', '=', true)
        .where(grantInForceOn(input.onDate, 'g'))
        .groupBy(['u.id', 'u.fullName'])
        .execute();
      return rows.map((r) => ({
        userId: r.userId,
        fullName: r.fullName,
        role: String(r.role),
        openAssignments: Number(r.openAssignments ?? 0),
      }));
    },

    /** Dossiers visible in the given scopes (received at or handled by a unit, or in a province): dossier-list.ts. */
    async listDossiers(f: DossierListFilter): Promise<{ items: DossierRecord[]; total: number; totalCapped: boolean }> {
      const { rows, total, totalCapped } = await listDossierRows(db, f);
      return { items: await withComponents(rows), total, totalCapped };
    },

    ...createDossierStatsRepository(db),
    ...createDossierAttachmentsRepository(db),
  } satisfies DossiersRepository & Record<string, unknown>;
  return repo;
}
export type DossiersRepo = ReturnType<typeof createDossiersRepository>;
