import { randomBytes } from 'node:crypto';
import { vnDate } from '@mot-cua/contracts';
import type { EarlierFeedback, FeedbackAlertPorts, FeedbackPatch, FeedbackPorts } from '@mot-cua/core';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../schema/index.js';

type Row = DB['feedbackItems'];

import { createAuditPort } from './audit.repository.js';
import { loadWorkingCalendar } from './calendar.repository.js';
import { createFeedbackReadsRepository } from './feedback-reads.repository.js';
import { createFeedbackRulesRepository, unitAndDepartmentLookups } from './feedback-rules.repository.js';
import { toRecord } from './feedback-sql.js';
import { grantInForceOn } from './in-force.js';
import { createNotificationsRepository } from './notifications.repository.js';

export type { FeedbackScope } from './feedback-sql.js';

/** SQL of feedback and the hotline (PAKN): writes and locks here, reads and routing rules beside it. */
export function createFeedbackRepository(db: Kysely<DB>) {
  return {
    ...createFeedbackRulesRepository(db),
    ...createFeedbackReadsRepository(db),
    async lockFeedback(id: string) {
      const r = await db.selectFrom('feedbackItems').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
      return r ? toRecord(r) : undefined;
    },
    async lockFeedbackByToken(token: string) {
      const r = await db
        .selectFrom('feedbackItems')
        .selectAll()
        .where('token', '=', token)
        .forUpdate()
        .executeTakeFirst();
      return r ? toRecord(r) : undefined;
    },
    async findDossierUnit(code: string) {
      return db
        .selectFrom('dossiers')
        .select(['competentUnitCode as unitCode', 'provinceCode'])
        .where('code', '=', code)
        .executeTakeFirst();
    },
    async earlierFeedback(
      keys: ReadonlyArray<string>,
      dossierCode: string | null,
      since: Date,
    ): Promise<EarlierFeedback[]> {
      const rows = await db
        .selectFrom('feedbackItems')
        .select(['id', 'contactKeys', 'dossierCode', 'title', 'content', 'receivedAt'])
        .where('receivedAt', '>=', since)
        .where((eb) =>
          eb.or([
            ...keys.map((k) => sql<boolean>`contact_keys @> ${JSON.stringify([k])}::jsonb`),
            ...(dossierCode ? [eb('dossierCode', '=', dossierCode)] : []),
          ]),
        )
        .orderBy('receivedAt', 'desc')
        .limit(200)
        .execute();
      return rows.map((r) => ({
        id: r.id,
        contactKeys: r.contactKeys,
        dossierCode: r.dossierCode,
        text: `${r.title}\n${r.content}`,
        receivedAt: new Date(r.receivedAt),
      }));
    },
    async nextCode(provinceCode: string, receivedAt: Date) {
      const { n } = await sql<{ n: number }>`SELECT nextval('feedback_code_seq')::int AS n`
        .execute(db)
        .then((r) => r.rows[0]!);
      const day = vnDate(receivedAt).slice(2).replaceAll('-', '');
      return `PA-${provinceCode}-${day}-${String(n).padStart(6, '0')}`;
    },
    async insertFeedback(r: Parameters<FeedbackPorts['insertFeedback']>[0]) {
      const row = await db
        .insertInto('feedbackItems')
        .values({
          ...r,
          contactKeys: JSON.stringify(r.contactKeys),
          pauses: '[]',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },
    async insertPhoto(
      feedbackId: string,
      p: { fileName: string; contentType: string; sha256: string; sizeBytes: number },
    ) {
      // The content is in the file store; its row in stored_files (shared with attachments) keeps it referenced.
      await db
        .insertInto('storedFiles')
        .values({ sha256: p.sha256, sizeBytes: p.sizeBytes, mediaType: p.contentType })
        .onConflict((oc) => oc.column('sha256').doNothing())
        .execute();
      await db
        .insertInto('feedbackPhotos')
        .values({ feedbackId, fileName: p.fileName, contentType: p.contentType, sha256: p.sha256 })
        .execute();
    },
    async updateFeedback(id: string, patch: FeedbackPatch) {
      const { pauses, ...rest } = patch;
      await db
        .updateTable('feedbackItems')
        .set({
          ...(rest as Partial<Record<keyof Row, never>>),
          ...(pauses
            ? {
                pauses: JSON.stringify(
                  pauses.map((p) => ({
                    startedAt: p.startedAt.toISOString(),
                    endedAt: p.endedAt?.toISOString() ?? null,
                  })),
                ),
              }
            : {}),
          updatedAt: sql`now()`,
        })
        .where('id', '=', id)
        .execute();
    },
    async appendEvent(e: Parameters<FeedbackPorts['appendEvent']>[0]) {
      const r = await db.insertInto('feedbackEvents').values(e).returning('id').executeTakeFirstOrThrow();
      return String(r.id);
    },

    // ---- reminders and escalations ----
    async openDueBefore(before: Date) {
      const rows = await db
        .selectFrom('feedbackItems')
        .select(['id', 'code', 'title', 'unitCode', 'provinceCode', 'dueAt'])
        .where('dueAt', 'is not', null)
        .where('dueAt', '<', before)
        .orderBy('dueAt')
        .limit(2000)
        .execute();
      return rows.map((r) => ({ ...r, dueAt: new Date(r.dueAt as Date) }));
    },
    async recordAlert(a: { feedbackId: string; kind: string; dueAt: Date; at: Date }) {
      const r = await db
        .insertInto('feedbackAlerts')
        .values({ feedbackId: a.feedbackId, kind: a.kind, dueAt: a.dueAt, sentAt: a.at })
        .onConflict((oc) => oc.columns(['feedbackId', 'kind', 'dueAt']).doNothing())
        .executeTakeFirst();
      return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
    },
    async setAlertRecipients(a: { feedbackId: string; kind: string; dueAt: Date }, n: number) {
      await db
        .updateTable('feedbackAlerts')
        .set({ recipients: n })
        .where('feedbackId', '=', a.feedbackId)
        .where('kind', '=', a.kind)
        .where('dueAt', '=', a.dueAt)
        .execute();
    },
    async officialsOf(unitCode: string, roles: ReadonlyArray<string>, onDate: string) {
      if (roles.length === 0) return [];
      return db
        .selectFrom('roleGrants as g')
        .innerJoin('users as u', 'u.id', 'g.userId')
        .select(['u.id as userId', 'u.email'])
        .distinct()
        .where('g.unitCode', '=', unitCode)
        .where('g.role', 'in', [...roles])
        .where(grantInForceOn(onDate, 'g'))
        .orderBy('u.id')
        .execute();
    },
  };
}
export type FeedbackRepo = ReturnType<typeof createFeedbackRepository>;

/** The submitter's tracking page (status, answer, rating), printed in their messages. */
export const feedbackTrackingUrl = (publicUrl: string, token: string) =>
  `${publicUrl.replace(/\/$/, '')}/phan-anh/${encodeURIComponent(token)}`;

/** Ports of the feedback use cases over one transaction (`publicUrl`: the site's address, for links). */
export function createFeedbackPorts(
  trx: Kysely<DB>,
  requestId: string | null = null,
  opts: { publicUrl?: string } = {},
): FeedbackPorts {
  const repo = createFeedbackRepository(trx);
  const base = (opts.publicUrl ?? '').replace(/\/$/, '');
  return {
    ...unitAndDepartmentLookups(trx),
    findDossierUnit: repo.findDossierUnit,
    listRoutingRules: (p) => repo.listRoutingRules(p),
    calendarOf: (u, fromYear, toYear) => loadWorkingCalendar(trx, { ...u, fromYear, toYear }),
    earlierFeedback: repo.earlierFeedback,
    nextCode: repo.nextCode,
    newToken: () => randomBytes(18).toString('base64url'),
    insertFeedback: repo.insertFeedback,
    insertPhoto: repo.insertPhoto,
    lockFeedback: repo.lockFeedback,
    lockFeedbackByToken: repo.lockFeedbackByToken,
    updateFeedback: repo.updateFeedback,
    appendEvent: repo.appendEvent,
    notifications: {
      ...createNotificationsRepository(trx),
      trackingUrl: (token) => feedbackTrackingUrl(base, token),
    },
    audit: createAuditPort(trx, requestId),
  };
}

/** Ports of the reminder and escalation sweep over one transaction. */
export function createFeedbackAlertPorts(
  trx: Kysely<DB>,
  requestId: string | null = null,
  opts: { publicUrl?: string } = {},
): FeedbackAlertPorts {
  const repo = createFeedbackRepository(trx);
  const base = (opts.publicUrl ?? '').replace(/\/$/, '');
  return {
    openDueBefore: repo.openDueBefore,
    calendarOf: (u, fromYear, toYear) => loadWorkingCalendar(trx, { ...u, fromYear, toYear }),
    recordAlert: repo.recordAlert,
    setAlertRecipients: repo.setAlertRecipients,
    officialsOf: repo.officialsOf,
    appendEvent: repo.appendEvent,
    notifications: {
      ...createNotificationsRepository(trx),
      trackingUrl: (token) => feedbackTrackingUrl(base, token),
      workspaceUrl: (id) => `${base}/workspace/feedback/${encodeURIComponent(id)}`,
    },
    audit: createAuditPort(trx, requestId),
  };
}
