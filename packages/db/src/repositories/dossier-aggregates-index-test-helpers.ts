import { vnStartOfDay } from '@mot-cua/contracts';
import { type Kysely, sql } from 'kysely';
import { expect } from 'vitest';
import type { DB } from '../schema/index.js';
import { createServiceIndexRepository } from './service-index.repository.js';

/**
 * The aggregates property's checks of the 766 index's kept inputs and of the drill-down's kept handlers
 * (dossier-aggregates.db.test.ts).
 */
const LISTED = ['1.4', '3.3', '3.6', '4.1', '4.2', '4.3', '4.4', '4.5', '5.4'] as const;

/** The 766 counts from the kept inputs and from the dossiers, for the scopes and whole-day periods given. */
export async function indexCountsAgree(db: Kysely<DB>, scopes: string[], now: Date) {
  const repo = createServiceIndexRepository(db);
  for (const scope of scopes) {
    for (const [from, to] of [
      ['2026-03-01', '2026-04-01'],
      ['2026-03-02', '2026-03-03'],
      ['2026-02-01', '2026-03-02'],
    ] as const) {
      const f = { scope, fromAt: vnStartOfDay(from), toAt: vnStartOfDay(to) };
      expect({ scope, from, ...(await repo.counts(f)) }).toEqual({
        scope,
        from,
        ...(await repo.countsFromDossiers(f)),
      });
      // each figure's contributing dossiers (0358: keyset walk of the kept facts, total from the kept totals) are
      // base()'s, in the same order, page by page (by `after`, and by offset); the wide period only (time)
      for (const indicator of from === '2026-03-01' ? LISTED : []) {
        for (const part of ['numerator', 'denominator'] as const) {
          const q = { ...f, indicator, part, now };
          const all = await repo.dossiersFromDossiers({ ...q, limit: 1000, offset: 0 });
          const walked: string[] = [];
          let after: { enteredAt: Date; id: string } | undefined;
          for (;;) {
            const page = await repo.dossiers({ ...q, limit: 2, offset: 0, after });
            expect(page.total).toBe(all.total);
            walked.push(...page.items.map((x) => x.id));
            const last = page.items.at(-1);
            if (!last || page.items.length < 2) break;
            after = { enteredAt: last.enteredAt, id: last.id };
          }
          expect(walked).toEqual(all.items.map((x) => x.id));
          const second = await repo.dossiers({ ...q, limit: 2, offset: 1 });
          expect(second.items).toEqual(all.items.slice(1, 3));
        }
      }
    }
  }
}

/** The drill-down's kept handlers (0390) are who acted on each dossier in its log, with the dossier's entry. */
export async function handlersAgree(db: Kysely<DB>): Promise<void> {
  const q = (kept: boolean) =>
    sql<{ k: string }>`select k from (${
      kept
        ? sql`select dossier_id::text || user_id::text || coalesce(entry_unit_code, '-') || coalesce(entry_at::text, '-') as k
            from dossier_handlers`
        : sql`select distinct a.dossier_id::text || a.actor_user_id::text || coalesce(d.entry_unit_code, '-') ||
              coalesce(d.entry_at::text, '-') as k
            from dossier_actions a join dossiers d on d.id = a.dossier_id
            where a.actor_user_id is not null and a.actor_role <> 'citizen'`
    }) x order by k`.execute(db);
  const want = (await q(false)).rows;
  expect(want.length).toBeGreaterThan(0);
  expect((await q(true)).rows).toEqual(want);
}
