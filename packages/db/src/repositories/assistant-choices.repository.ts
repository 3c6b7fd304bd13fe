import type { AssistantChoiceSummary, AssistantChoicesSort } from '@mot-cua/contracts';
import type { AssistantChoice, AssistantChoicePorts } from '@mot-cua/core';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../schema/index.js';
import { createAuditPort } from './audit.repository.js';

/** Choices made among the assistant's suggestions (anonymised by core before they reach here). */
export function createAssistantChoicesRepository(db: Kysely<DB>) {
  return {
    /** Record one choice; call it inside the transaction that also writes the audit row. */
    async recordChoice(c: AssistantChoice): Promise<number> {
      const row = await db
        .insertInto('assistantChoices')
        .values({
          question: c.question,
          status: c.status,
          offeredCodes: JSON.stringify(c.offered),
          pickedCode: c.picked,
          unitCode: c.unitCode,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return Number(row.id);
    },

    /**
     * Per question: times asked with choices, picks by code, "none of these"; ordered by `sort` (largest or latest
     * first, then by question). Procedure names are left to the caller (null here).
     */
    async summariseChoices(
      limit: number,
      offset: number,
      sort: AssistantChoicesSort = 'times',
    ): Promise<AssistantChoiceSummary> {
      const groups = await db
        .selectFrom('assistantChoices')
        .select([
          'question',
          sql<number>`count(*)::int`.as('times'),
          sql<number>`count(*) filter (where picked_code is null)::int`.as('noneOfThese'),
          sql<string>`max(occurred_at)`.as('lastAt'),
        ])
        .groupBy('question')
        .orderBy(sort, 'desc')
        .orderBy('times', 'desc')
        .orderBy('question')
        .limit(limit)
        .offset(offset)
        .execute();
      const total = await db
        .selectFrom('assistantChoices')
        .select(sql<number>`count(distinct question)::int`.as('n'))
        .executeTakeFirstOrThrow();
      const questions = groups.map((g) => g.question);
      const picks = questions.length
        ? await db
            .selectFrom('assistantChoices')
            .select(['question', 'pickedCode', sql<number>`count(*)::int`.as('times')])
            .where('question', 'in', questions)
            .where('pickedCode', 'is not', null)
            .groupBy(['question', 'pickedCode'])
            .orderBy('times', 'desc')
            .orderBy('pickedCode')
            .execute()
        : [];
      return {
        total: Number(total.n),
        items: groups.map((g) => ({
          question: g.question,
          times: Number(g.times),
          noneOfThese: Number(g.noneOfThese),
          lastAt: new Date(g.lastAt).toISOString(),
          picked: picks
            .filter((p) => p.question === g.question)
            .map((p) => ({ code: p.pickedCode!, name: null, times: Number(p.times) })),
        })),
      };
    },
  };
}
export type AssistantChoicesRepo = ReturnType<typeof createAssistantChoicesRepository>;

/** Ports of recording an assistant choice over one transaction. */
export function createAssistantChoicePorts(trx: Kysely<DB>, requestId: string | null = null): AssistantChoicePorts {
  return { choices: createAssistantChoicesRepository(trx), audit: createAuditPort(trx, requestId) };
}
