import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DB } from '../schema/index.js';

const FIRST_ID = '00000000-0000-0000-0000-000000000000';

/**
 * The recount of every kept aggregate from the action log and the dossiers' rows (`npm run aggregates:recount`, the
 * generator's last step, the property tests): each step is one SQL function of the migrations that keep the table.
 * The command runs the id-range and month steps in batches, each in its own transaction (0305).
 */
export function createAggregatesRecount(db: Kysely<DB>) {
  /** One recount function's row count. */
  async function count(call: RawBuilder<unknown>): Promise<number> {
    const r = await sql<{ n: number }>`select ${call} as n`.execute(db);
    return Number(r.rows[0]?.n ?? 0);
  }
  const range = (lo: string, hi: string | null) => sql`${lo}::uuid, ${hi}::uuid`;

  const recount = {
    /** Rebuild every aggregate from the action log (one transaction; the caller opens it). */
    async recount(): Promise<void> {
      await sql`select dossier_aggregates_recount()`.execute(db);
      await recount.recountBacklog();
      await recount.recountOpenDue();
      await recount.recountHandlers(FIRST_ID, null);
      await recount.recountDrillFinished(null, null);
      await recount.recountStaff();
    },
    /** The officials per province and their spans (0400, the nation's workload) rebuilt from the role grants. */
    recountStaff: () => count(sql`staff_province_recount()`),
    /** The open dossiers by due day and handling unit (0380) rebuilt from the dossiers' rows. Returns the day rows. */
    recountOpenDue: () => count(sql`dossier_open_due_recount()`),
    /** Who acted on which dossier (0390, the drill-down's) for the dossiers with lo <= id < hi, after their entries. */
    recountHandlers: (lo: string, hi: string | null) => count(sql`dossier_handlers_recount(${range(lo, hi)})`),
    /**
     * The drill-down's finished dossiers by team (0410) entered in the months from `lo` to before `hi` (firsts of
     * months; null: no bound), from the dossiers and 0390's rows (after those). Returns the dossiers counted.
     */
    recountDrillFinished: (lo: string | null, hi: string | null) =>
      count(sql`dossier_drill_finished_recount(${lo}::date, ${hi}::date)`),
    /** The workload's backlog totals (0356) rebuilt from the dossiers' rows (after their entries are recounted). */
    recountBacklog: () => count(sql`dossier_backlog_recount()`),
    /** The entries of the dossiers with lo <= id < hi (hi null: no bound); then `recountMonth` per month of entries. */
    recountEntries: (lo: string, hi: string | null) => count(sql`dossier_aggregates_recount_entries(${range(lo, hi)})`),
    /** The step durations (0321) of the dossiers with lo <= id < hi, rebuilt from their logs. */
    recountStepDurations: (lo: string, hi: string | null) =>
      count(sql`dossier_step_durations_recount(${range(lo, hi)})`),
    /**
     * The step histograms (0355) rebuilt from the recorded step durations (the command's last step; the triggers on
     * the durations keep them in step otherwise). Returns the number of day rows.
     */
    recountStepHistograms: () => count(sql`dossier_step_hist_recount()`),
    /** The 766 index's inputs (0322): the facts of the dossiers with lo <= id < hi, then every total from them. */
    recountIndexFacts: (lo: string, hi: string | null) => count(sql`dossier_index_recount_facts(${range(lo, hi)})`),
    recountIndexTotals: () => count(sql`dossier_index_recount_totals()`),
    async recountMonths(): Promise<string[]> {
      const r = await sql<{
        m: string;
      }>`select to_char(m, 'YYYY-MM-DD') as m from dossier_aggregates_recount_months() m`.execute(db);
      return r.rows.map((x) => x.m);
    },
    recountMonth: (month: string) => count(sql`dossier_aggregates_recount_month(${month}::date)`),
  };
  return recount;
}
