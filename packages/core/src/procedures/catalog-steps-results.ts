import type { ProcedureResult } from '@mot-cua/contracts';
import { cleanCell, NO_INFO } from './catalog-cells.js';

/** The steps and results cells of a crawl record. */

export function parseResults(text: string): { results: ProcedureResult[]; review: string | null } {
  let src = cleanCell(text) ?? '';
  const cut = src.indexOf('Từ khóa');
  if (cut >= 0) src = src.slice(0, cut);
  src = src.trim();
  if (!src || src === NO_INFO) return { results: [], review: null };
  const results: ProcedureResult[] = [];
  let last = 0;
  for (const m of src.matchAll(/Mã: ?([A-Z0-9][A-Z0-9.]*\d)/g)) {
    const name = src.slice(last, m.index).trim();
    last = m.index! + m[0].length;
    if (name) results.push({ name, code: m[1]! });
  }
  const tail = src.slice(last).trim();
  if (tail) results.push({ name: tail, code: null });
  return { results, review: results.length === 0 ? src : null };
}

/** A line that opens a new step or item: a bullet, "(i)", "a)", "1.", "Bước 1". */
const STEP_START = /^(?:[-+•*–]|\(?[ivx]+\)|\(?[a-zđ]\)|\d+[.)]|bước\s+\d|lưu ý|ghi chú|trường hợp)/iu;

/**
 * Steps as paragraphs. The crawl breaks lines in the middle of sentences (its two-column layout wraps "…tại
 * Trung ⏎ tâm…"): a line that does not open a new item and follows one not ending a sentence continues it, so
 * the two are joined with one space; runs of spaces collapse.
 */
export function parseSteps(text: string): string[] {
  const src = cleanCell(text);
  if (!src) return [];
  const out: string[] = [];
  for (const raw of src.split(/\n+/)) {
    const line = raw.replace(/\s+/g, ' ').trim();
    if (!line) continue;
    const prev = out[out.length - 1];
    if (prev !== undefined && !STEP_START.test(line) && !/[.;:!?]$/.test(prev)) out[out.length - 1] = `${prev} ${line}`;
    else out.push(line);
  }
  return out;
}
