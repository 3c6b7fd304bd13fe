import type { LegalDocument } from '@mot-cua/contracts';
import { cleanCell } from './catalog-cells.js';

/** The legal basis cell of a crawl record and the publishing decision's number and date. */

const LEGAL_HEADER = 'Tên văn bản pháp lýMã văn bản';
// A document number at the end of a row, directly followed by the next title (Capitalised word) or the end.
const DOC_NUMBER = /(\d+(?:\.\d+)?\/(?:\d{4}\/)?[\p{Lu}Đ][\p{Lu}Đ\d-]*?)(?=\p{Lu}\p{Ll}|\s*$)/gu;

export function parseLegalBasis(text: string): { documents: LegalDocument[]; review: string | null } {
  const src = (cleanCell(text) ?? '').replace(LEGAL_HEADER, '');
  if (!src) return { documents: [], review: null };
  const documents: LegalDocument[] = [];
  let last = 0;
  for (const m of src.matchAll(DOC_NUMBER)) {
    let start = m.index!;
    let number = m[1]!;
    // a title ending in a year glued to the number: "Luật Cư trú 202068/2020/QH14"
    const glued = number.match(/^((?:19|20)\d\d)(\d+(?:\.\d+)?\/)/);
    if (glued) {
      start += 4;
      number = number.slice(4);
    }
    const title = src.slice(last, start).trim();
    last = m.index! + m[0].length;
    documents.push({ number, title: title || number });
  }
  const tail = src.slice(last).trim();
  if (tail) documents.push({ number: null, title: tail });
  return { documents, review: tail && documents.length === 1 ? tail : null };
}

const DATE_AFTER = String.raw`\s*,?\s*ngày\s*(\d{1,2})\s*(?:/|-|\.|\s+tháng\s+)\s*(\d{1,2})\s*(?:/|-|\.|\s+năm\s+)\s*(\d{4})`;
/** The decision's number without a date the cell may add ("163/QĐ-BTP ngày 20/01/2026" → "163/QĐ-BTP"). */
export const decisionNumberOf = (cell: string | null): string | null =>
  cell?.replace(/\s*,?\s*ngày\s.*$/iu, '').trim() || null;
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The publishing decision's date, when the crawl states it: in the decision cell ("163/QĐ-BTP ngày 20/01/2026")
 * or where the record's text names the decision with its date ("Quyết định số 163/QĐ-BTP ngày 20 tháng 01 năm
 * 2026"). Null when not stated (the portal's decision cell carries the number only): the version's validity is
 * then "not stated", never the date it was loaded.
 */
export function parseDecisionDate(
  decisionCell: string | null,
  texts: ReadonlyArray<string | null | undefined>,
): string | null {
  const num = decisionNumberOf(decisionCell);
  if (!num) return null;
  const re = new RegExp(`(?<![\\p{L}\\d])${escapeRegExp(num)}${DATE_AFTER}`, 'iu');
  for (const t of [decisionCell, ...texts]) {
    const m = t?.replace(/\s+/g, ' ').match(re);
    if (!m) continue;
    const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const date = new Date(Date.UTC(y, mo - 1, d));
    if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) continue;
    return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  }
  return null;
}
