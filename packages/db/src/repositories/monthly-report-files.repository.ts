import { type Kysely, sql } from 'kysely';
import type { DB } from '../schema/index.js';

export type MonthlyReportStatus = 'running' | 'done' | 'failed';

export type MonthlyReportState = {
  provinceCode: string;
  month: string;
  status: MonthlyReportStatus;
  startedAt: Date;
  finishedAt: Date | null;
  error: string | null;
};

/** The generated monthly report files per province and month (migration 0335). */
export function createMonthlyReportFilesRepository(db: Kysely<DB>) {
  return {
    /**
     * Claim a province's month for generation: a new row 'running', or a failed one (or one left 'running' since
     * before `staleBefore` by a process that stopped) taken again. False when another generation holds it or it is
     * done: generation happens once per province and month.
     */
    async claim(f: {
      provinceCode: string;
      month: string;
      requestedBy: string | null;
      at: Date;
      staleBefore: Date;
    }): Promise<boolean> {
      const r = await sql<{ provinceCode: string }>`
        insert into monthly_report_files (province_code, month, status, requested_by, started_at)
        values (${f.provinceCode}, ${f.month}::date, 'running', ${f.requestedBy}, ${f.at.toISOString()}::timestamptz)
        on conflict (province_code, month) do update set
          status = 'running', requested_by = excluded.requested_by, started_at = excluded.started_at,
          finished_at = null, error = null
        where monthly_report_files.status = 'failed'
           or (monthly_report_files.status = 'running'
               and monthly_report_files.started_at < ${f.staleBefore.toISOString()}::timestamptz)
        returning province_code`.execute(db);
      return r.rows.length === 1;
    },

    /** Store the files of a claimed month ('done'); false when the claim was lost meanwhile. */
    async complete(f: { provinceCode: string; month: string; xlsx: Buffer; pdf: Buffer; at: Date }): Promise<boolean> {
      const r = await sql`
        update monthly_report_files
        set status = 'done', xlsx = ${f.xlsx}, pdf = ${f.pdf}, finished_at = ${f.at.toISOString()}::timestamptz
        where province_code = ${f.provinceCode} and month = ${f.month}::date and status = 'running'`.execute(db);
      return Number(r.numAffectedRows ?? 0) === 1;
    },

    async fail(f: { provinceCode: string; month: string; error: string; at: Date }): Promise<void> {
      await sql`
        update monthly_report_files
        set status = 'failed', error = ${f.error.slice(0, 500)}, finished_at = ${f.at.toISOString()}::timestamptz
        where province_code = ${f.provinceCode} and month = ${f.month}::date and status = 'running'`.execute(db);
    },

    /** The state of the reports of some provinces (all with 'VN'), newest month first. */
    async list(scopes: string[]): Promise<MonthlyReportState[]> {
      const where = scopes.includes('VN') ? sql`` : sql`where province_code in (${sql.join(scopes)})`;
      const r = await sql<MonthlyReportState>`
        select province_code, to_char(month, 'YYYY-MM') as month, status, started_at, finished_at, error
        from monthly_report_files ${where}
        order by month desc, province_code`.execute(db);
      return r.rows;
    },

    /** One generated file of a month ('2026-03'), or undefined until the month is done. */
    async file(provinceCode: string, month: string, format: 'xlsx' | 'pdf'): Promise<Buffer | undefined> {
      const r = await sql<{ body: Buffer | null }>`
        select ${sql.ref(format)} as body from monthly_report_files
        where province_code = ${provinceCode} and month = ${`${month}-01`}::date and status = 'done'`.execute(db);
      const body = r.rows[0]?.body;
      return body ? Buffer.from(body) : undefined;
    },
  };
}
