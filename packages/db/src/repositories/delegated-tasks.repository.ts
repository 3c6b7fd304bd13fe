import type { DelegatedTask, Feasibility } from '@mot-cua/contracts';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../schema/index.js';

type Row = Omit<DelegatedTask, 'deadline'> & { deadline: string | null };

const COLUMNS = sql`code, field, title, source_level, target_level, legal_basis, ministry, feasibility, notes,
  to_char(deadline, 'YYYY-MM-DD') as deadline`;

/** SQL of the delegated-task register (issue 15). */
export function createDelegatedTasksRepository(db: Kysely<DB>) {
  return {
    async existingCodes(codes: string[]): Promise<Set<string>> {
      if (codes.length === 0) return new Set();
      const out = new Set<string>();
      for (let i = 0; i < codes.length; i += 1000) {
        const r = await sql<{ code: string }>`select code from delegated_tasks
          where code in (${sql.join(codes.slice(i, i + 1000))})`.execute(db);
        for (const x of r.rows) out.add(x.code);
      }
      return out;
    },

    async recordImport(i: { id: string; fileName: string; rowCount: number; importedBy: string; importedAt: Date }) {
      await sql`insert into delegated_task_imports (id, file_name, row_count, imported_by, imported_at)
        values (${i.id}, ${i.fileName}, ${i.rowCount}, ${i.importedBy}, ${i.importedAt.toISOString()}::timestamptz)`.execute(
        db,
      );
    },

    /** Insert or replace tasks by code, 200 rows a statement. */
    async upsertTasks(tasks: DelegatedTask[], importId: string, at: Date): Promise<void> {
      for (let i = 0; i < tasks.length; i += 200) {
        const values = tasks.slice(i, i + 200).map(
          (t) => sql`(${t.code}, ${t.field}, ${t.title}, ${t.sourceLevel}, ${t.targetLevel}, ${t.legalBasis},
            ${t.ministry}, ${t.feasibility}, ${t.notes}, ${t.deadline}::date, ${importId}, ${at.toISOString()}::timestamptz)`,
        );
        await sql`insert into delegated_tasks (code, field, title, source_level, target_level, legal_basis, ministry,
            feasibility, notes, deadline, import_id, updated_at)
          values ${sql.join(values)}
          on conflict (code) do update set field = excluded.field, title = excluded.title,
            source_level = excluded.source_level, target_level = excluded.target_level,
            legal_basis = excluded.legal_basis, ministry = excluded.ministry, feasibility = excluded.feasibility,
            notes = excluded.notes, deadline = excluded.deadline, import_id = excluded.import_id,
            updated_at = excluded.updated_at`.execute(db);
      }
    },

    /** Tasks matching the filter, by field then code; `limit` null for all (exports, summary). */
    async list(f: {
      field?: string | undefined;
      feasibility?: Feasibility | undefined;
      limit: number | null;
      offset: number;
    }) {
      const where = sql`where (${f.field ?? null}::text is null or field = ${f.field ?? null})
        and (${f.feasibility ?? null}::text is null or feasibility = ${f.feasibility ?? null})`;
      const total = await sql<{ n: number }>`select count(*)::int as n from delegated_tasks ${where}`.execute(db);
      const page = f.limit === null ? sql`` : sql`limit ${f.limit} offset ${f.offset}`;
      const r = await sql<Row>`select ${COLUMNS} from delegated_tasks ${where} order by field, code ${page}`.execute(
        db,
      );
      return { items: r.rows as DelegatedTask[], total: Number(total.rows[0]?.n ?? 0) };
    },

    /** Field and feasibility of every task (the summary's input). */
    async allStatuses(): Promise<Array<{ field: string; feasibility: Feasibility }>> {
      const r = await sql<{
        field: string;
        feasibility: Feasibility;
      }>`select field, feasibility from delegated_tasks`.execute(db);
      return r.rows;
    },
  };
}
