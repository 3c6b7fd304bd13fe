import {
  DELEGATED_TASK_HEADERS,
  type DelegatedTask,
  type DelegatedTaskSummary,
  FEASIBILITIES,
  FEASIBILITY_WORDS,
  type Feasibility,
  TASK_LEVEL_WORDS,
  TASK_LEVELS,
  type TaskLevel,
} from '@mot-cua/contracts';
import type { AuditPort } from '../audit.js';
import { type Actor, authorize } from '../authorization/index.js';
import { AppError } from '../errors.js';
import { foldText } from '../text/fold.js';

/** One row of a sheet as read: the cell of each template header (text, number or date), and its row number. */
export type SheetRow = Readonly<{ row: number; cells: ReadonlyArray<unknown> }>;

const fold = (s: string) => foldText(s).replace(/\s+/g, ' ').trim();
const LEVEL_BY_WORD = new Map<string, TaskLevel>(TASK_LEVELS.map((l) => [fold(TASK_LEVEL_WORDS[l]), l]));
const FEASIBILITY_BY_WORD = new Map<string, Feasibility>(FEASIBILITIES.map((f) => [fold(FEASIBILITY_WORDS[f]), f]));

const text = (v: unknown): string => {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object' && v !== null && 'text' in v) return String((v as { text: unknown }).text).trim();
  return String(v).trim();
};

function dateOf(v: unknown): string | null | 'invalid' {
  if (v === null || v === undefined || text(v) === '') return null;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? 'invalid' : v.toISOString().slice(0, 10);
  const s = text(v);
  const vn = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
  const iso = vn ? `${vn[3]}-${vn[2]?.padStart(2, '0')}-${vn[1]?.padStart(2, '0')}` : s;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return 'invalid';
  const d = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso ? 'invalid' : iso;
}

/** Whether the sheet's header row is the template's (accents and case folded). */
export function isTemplateHeader(cells: ReadonlyArray<unknown>): boolean {
  return DELEGATED_TASK_HEADERS.every((h, i) => fold(text(cells[i])) === fold(h));
}

/**
 * A row of the sheet as a task, or its errors in Vietnamese ("Dòng 5: …"). Levels and feasibility are read in
 * the template's words, accents and case folded.
 */
export function parseDelegatedTaskRow(r: SheetRow): { task: DelegatedTask } | { errors: string[] } {
  const c = (i: number) => text(r.cells[i]);
  const errors: string[] = [];
  const required = (i: number) => {
    const v = c(i);
    if (!v) errors.push(`Dòng ${r.row}: thiếu "${DELEGATED_TASK_HEADERS[i]}".`);
    else if (v.length > 2000) errors.push(`Dòng ${r.row}: "${DELEGATED_TASK_HEADERS[i]}" dài quá 2.000 ký tự.`);
    return v;
  };
  const code = required(0);
  const field = required(1);
  const title = required(2);
  const level = (i: number) => {
    const v = required(i);
    const l = v ? LEVEL_BY_WORD.get(fold(v)) : undefined;
    if (v && !l) {
      errors.push(
        `Dòng ${r.row}: "${DELEGATED_TASK_HEADERS[i]}" là "${v}", phải là một trong: ${Object.values(TASK_LEVEL_WORDS).join(', ')}.`,
      );
    }
    return l;
  };
  const sourceLevel = level(3);
  const targetLevel = level(4);
  if (sourceLevel && targetLevel && sourceLevel === targetLevel) {
    errors.push(`Dòng ${r.row}: cấp chuyển đi và cấp nhận trùng nhau.`);
  }
  const legalBasis = required(5);
  const ministry = required(6);
  const fv = required(7);
  const feasibility = fv ? FEASIBILITY_BY_WORD.get(fold(fv)) : undefined;
  if (fv && !feasibility) {
    errors.push(
      `Dòng ${r.row}: "Khả năng thực hiện" là "${fv}", phải là một trong: ${Object.values(FEASIBILITY_WORDS).join(', ')}.`,
    );
  }
  const deadline = dateOf(r.cells[9]);
  if (deadline === 'invalid') errors.push(`Dòng ${r.row}: "Hạn hoàn thành" không phải ngày (dd/mm/yyyy).`);
  if (errors.length || !sourceLevel || !targetLevel || !feasibility || deadline === 'invalid') return { errors };
  return {
    task: {
      code,
      field,
      title,
      sourceLevel,
      targetLevel,
      legalBasis,
      ministry,
      feasibility,
      notes: c(8) || null,
      deadline,
    },
  };
}

/** Counts and shares per feasibility and per field (the ministry reports 584 / 355 / 10 of 949). */
export function delegatedTaskSummary(
  tasks: ReadonlyArray<Pick<DelegatedTask, 'field' | 'feasibility'>>,
): DelegatedTaskSummary {
  const share = (n: number, d: number) => (d === 0 ? null : Math.round((n / d) * 10_000) / 10_000);
  const byField = new Map<
    string,
    { total: number; feasible: number; needsGuidance: number; needsAuthorityAdjusted: number }
  >();
  for (const t of tasks) {
    const f = byField.get(t.field) ?? { total: 0, feasible: 0, needsGuidance: 0, needsAuthorityAdjusted: 0 };
    f.total++;
    if (t.feasibility === 'feasible') f.feasible++;
    else if (t.feasibility === 'needs_guidance') f.needsGuidance++;
    else f.needsAuthorityAdjusted++;
    byField.set(t.field, f);
  }
  return {
    total: tasks.length,
    byFeasibility: FEASIBILITIES.map((feasibility) => {
      const count = tasks.filter((t) => t.feasibility === feasibility).length;
      return { feasibility, count, share: share(count, tasks.length) };
    }),
    byField: [...byField.entries()]
      .sort((a, b) => b[1].total - a[1].total || a[0].localeCompare(b[0], 'vi'))
      .map(([field, f]) => ({ field, ...f, feasibleShare: share(f.feasible, f.total) })),
  };
}

export type DelegatedTaskPorts = {
  existingCodes(codes: string[]): Promise<Set<string>>;
  recordImport(i: {
    id: string;
    fileName: string;
    rowCount: number;
    importedBy: string;
    importedAt: Date;
  }): Promise<void>;
  upsertTasks(tasks: DelegatedTask[], importId: string, at: Date): Promise<void>;
  audit: AuditPort;
};

/**
 * Import a sheet into the register, all or nothing: every row is checked first, and one bad row (or a code
 * twice) refuses the whole sheet with every row's errors (DELEGATED_TASKS_INVALID, details.errors). A task
 * already in the register (same code) is replaced. System administrators only; audited with the counts.
 */
export async function importDelegatedTasks(
  actor: Actor,
  input: { importId: string; fileName: string; rows: ReadonlyArray<SheetRow> },
  ports: DelegatedTaskPorts,
  now: Date,
): Promise<{ importId: string; rows: number; created: number; updated: number }> {
  authorize(actor, 'supervision.manage', { kind: 'global' });
  const errors: Array<{ field: string; message: string }> = [];
  const tasks: DelegatedTask[] = [];
  const seen = new Map<string, number>();
  for (const r of input.rows) {
    const p = parseDelegatedTaskRow(r);
    if ('errors' in p) {
      errors.push(...p.errors.map((message) => ({ field: `row:${r.row}`, message })));
      continue;
    }
    const first = seen.get(p.task.code);
    if (first !== undefined) {
      errors.push({
        field: `row:${r.row}`,
        message: `Dòng ${r.row}: mã nhiệm vụ "${p.task.code}" đã có ở dòng ${first}.`,
      });
    } else seen.set(p.task.code, r.row);
    tasks.push(p.task);
  }
  if (input.rows.length === 0) {
    errors.push({ field: 'sheet', message: 'Bảng không có dòng nhiệm vụ nào dưới dòng tiêu đề.' });
  }
  if (errors.length) {
    throw new AppError('DELEGATED_TASKS_INVALID', {
      fieldErrors: errors.slice(0, 500),
      details: { count: errors.length },
    });
  }
  const existing = await ports.existingCodes(tasks.map((t) => t.code));
  await ports.recordImport({
    id: input.importId,
    fileName: input.fileName,
    rowCount: tasks.length,
    importedBy: actor.userId,
    importedAt: now,
  });
  await ports.upsertTasks(tasks, input.importId, now);
  const updated = tasks.filter((t) => existing.has(t.code)).length;
  const result = { importId: input.importId, rows: tasks.length, created: tasks.length - updated, updated };
  await ports.audit.record({
    actorUserId: actor.userId,
    action: 'delegated_tasks.import',
    entityType: 'delegated_task_import',
    entityId: input.importId,
    data: { fileName: input.fileName, ...result },
  });
  return result;
}
