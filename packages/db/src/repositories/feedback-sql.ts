import type { FeedbackRecord } from '@mot-cua/core';
import { type SelectQueryBuilder, sql } from 'kysely';
import type { DB } from '../schema/index.js';

/** The latest name of a unit code (display only). */
export const unitName = (column: string) =>
  sql<
    string | null
  >`(SELECT u.name FROM admin_units u WHERE u.code = ${sql.ref(column)} ORDER BY u.valid_from DESC NULLS LAST LIMIT 1)`;

/** "<commune full name>, <province full name>" of a unit code (latest names; display only). */
export const communeAddress = (column: string) =>
  sql<string | null>`(SELECT u.full_name || COALESCE(', ' || p.full_name, '') FROM admin_units u
    LEFT JOIN LATERAL (SELECT pu.full_name FROM admin_units pu WHERE pu.code = u.province_code
      ORDER BY pu.valid_from DESC NULLS LAST LIMIT 1) p ON true
    WHERE u.code = ${sql.ref(column)} ORDER BY u.valid_from DESC NULLS LAST LIMIT 1)`;

export const toRecord = (r: Record<string, unknown>): FeedbackRecord => ({
  id: r.id as string,
  code: r.code as string,
  token: r.token as string,
  status: r.status as FeedbackRecord['status'],
  kind: r.kind as FeedbackRecord['kind'],
  title: r.title as string,
  content: r.content as string,
  unitCode: r.unitCode as string,
  provinceCode: r.provinceCode as string,
  departmentId: (r.departmentId as string | null) ?? null,
  receivedAt: new Date(r.receivedAt as Date),
  pauses: (r.pauses as Array<{ startedAt: string; endedAt: string | null }>).map((p) => ({
    startedAt: new Date(p.startedAt),
    endedAt: p.endedAt ? new Date(p.endedAt) : null,
  })),
  answerDraft: (r.answerDraft as string | null) ?? null,
  answeredAt: r.answeredAt ? new Date(r.answeredAt as Date) : null,
  publishIntended: r.publishIntended as boolean,
  stepsOnTime: r.stepsOnTime as boolean,
  submitterName: (r.submitterName as string | null) ?? null,
  submitterPhone: (r.submitterPhone as string | null) ?? null,
  submitterEmail: (r.submitterEmail as string | null) ?? null,
  rating: (r.rating as FeedbackRecord['rating']) ?? null,
});

/** Where an official may read: unit codes, province codes, or the whole country ('VN'). */
export type FeedbackScope = ReadonlyArray<string>;

export function inScope<O>(q: SelectQueryBuilder<DB, 'feedbackItems', O>, scope: FeedbackScope) {
  if (scope.includes('VN')) return q;
  if (scope.length === 0) return q.where(sql<boolean>`false`);
  return q.where((eb) =>
    eb.or([eb('feedbackItems.unitCode', 'in', [...scope]), eb('feedbackItems.provinceCode', 'in', [...scope])]),
  );
}
