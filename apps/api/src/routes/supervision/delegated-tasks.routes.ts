import { randomUUID } from 'node:crypto';
import {
  DELEGATED_TASK_HEADERS,
  DelegatedTaskImportResult,
  DelegatedTaskList,
  DelegatedTaskListQuery,
  FEASIBILITY_WORDS,
  TASK_LEVEL_WORDS,
} from '@mot-cua/contracts';
import {
  AppError,
  authorize,
  delegatedTaskSummary,
  importDelegatedTasks,
  isTemplateHeader,
  jurisdictionFor,
  type SheetRow,
} from '@mot-cua/core';
import { createAuditPort, createDelegatedTasksRepository } from '@mot-cua/db';
import ExcelJS from 'exceljs';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../context.js';
import { sendTable } from '../../exports/index.js';
import { requireActor } from '../../http/auth.js';

const tags = ['supervision'];
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MAX_SHEET_BYTES = 10 * 1024 * 1024;

/** The rows under the template's header row of the first sheet (cells in template column order). */
async function readSheet(body: Buffer): Promise<SheetRow[]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(body as never);
  } catch {
    throw new AppError('DELEGATED_TASKS_SHEET_UNREADABLE');
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new AppError('DELEGATED_TASKS_SHEET_UNREADABLE');
  const cellsOf = (n: number) =>
    DELEGATED_TASK_HEADERS.map((_, i) => {
      const v = ws.getRow(n).getCell(i + 1).value;
      return v && typeof v === 'object' && 'result' in v ? (v as { result: unknown }).result : v;
    });
  let header = 0;
  for (let n = 1; n <= Math.min(ws.rowCount, 10); n++) {
    if (isTemplateHeader(cellsOf(n))) {
      header = n;
      break;
    }
  }
  if (header === 0) throw new AppError('DELEGATED_TASKS_SHEET_UNREADABLE');
  const rows: SheetRow[] = [];
  for (let n = header + 1; n <= ws.rowCount; n++) {
    const cells = cellsOf(n);
    if (cells.every((c) => c === null || c === undefined || String(c).trim() === '')) continue;
    rows.push({ row: n, cells });
  }
  return rows;
}

/** /api/supervision/delegated-tasks: the register of tasks moved between levels by the 2025 decrees. */
export const delegatedTaskRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const { db } = deps.database;
  app.addContentTypeParser(XLSX_TYPE, { parseAs: 'buffer', bodyLimit: MAX_SHEET_BYTES }, (_req, body, done) =>
    done(null, body),
  );

  app.get(
    '/delegated-tasks',
    {
      schema: {
        tags,
        summary:
          'The delegated-task register with counts and shares per feasibility and field (format=xlsx gives the sheet in the import template; pdf a printable list)',
        querystring: DelegatedTaskListQuery,
        response: { 200: DelegatedTaskList },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      // A national register (tasks moved by central decrees): every supervisor and administrator reads all of it.
      if (jurisdictionFor(actor, 'report.read').length === 0) {
        throw new AppError('FORBIDDEN', { details: { action: 'report.read' } });
      }
      const q = req.query;
      const repo = createDelegatedTasksRepository(db);
      const summary = delegatedTaskSummary(await repo.allStatuses());
      if (q.format === 'json') {
        const page = await repo.list({ field: q.field, feasibility: q.feasibility, limit: q.limit, offset: q.offset });
        return { ...page, summary };
      }
      const all = await repo.list({ field: q.field, feasibility: q.feasibility, limit: null, offset: 0 });
      const keys = [
        'code',
        'field',
        'title',
        'source',
        'target',
        'legalBasis',
        'ministry',
        'feasibility',
        'notes',
        'deadline',
      ];
      const widths = [12, 20, 50, 12, 12, 30, 24, 22, 30, 14];
      return sendTable(
        reply,
        q.format,
        {
          title: 'Danh mục nhiệm vụ phân cấp, phân quyền',
          subtitle: `${summary.total} nhiệm vụ: ${summary.byFeasibility
            .map((b) => `${FEASIBILITY_WORDS[b.feasibility]} ${b.count}`)
            .join(', ')}.`,
          columns: DELEGATED_TASK_HEADERS.map((header, i) => ({
            key: keys[i] ?? String(i),
            header,
            width: widths[i] ?? 12,
            ...(i === 9 ? { kind: 'date' as const } : {}),
          })),
          rows: all.items.map((t) => ({
            ...t,
            source: TASK_LEVEL_WORDS[t.sourceLevel],
            target: TASK_LEVEL_WORDS[t.targetLevel],
            feasibility: FEASIBILITY_WORDS[t.feasibility],
          })),
        },
        'nhiem-vu-phan-cap',
        deps.clock.now(),
      );
    },
  );

  app.post(
    '/delegated-tasks/import',
    {
      schema: {
        tags,
        summary:
          'Import a sheet in the template (body: the .xlsx file): every row checked first, all or nothing (422 DELEGATED_TASKS_INVALID with each row’s errors); tasks replaced by code; audited',
        querystring: z.object({ fileName: z.string().trim().min(1).max(200).default('nhiem-vu.xlsx') }),
        response: { 200: DelegatedTaskImportResult },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      // Refused before the file is read (the use case checks again in its transaction).
      authorize(actor, 'supervision.manage', { kind: 'global' });
      if (!Buffer.isBuffer(req.body)) throw new AppError('DELEGATED_TASKS_SHEET_UNREADABLE');
      const rows = await readSheet(req.body);
      const now = deps.clock.now();
      return db.transaction().execute((trx) => {
        const repo = createDelegatedTasksRepository(trx);
        return importDelegatedTasks(
          actor,
          { importId: randomUUID(), fileName: req.query.fileName, rows },
          {
            existingCodes: repo.existingCodes,
            recordImport: repo.recordImport,
            upsertTasks: repo.upsertTasks,
            audit: createAuditPort(trx, String(req.id)),
          },
          now,
        );
      });
    },
  );
};
