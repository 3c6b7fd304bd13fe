import type { ProcedureComponent } from '@mot-cua/contracts';
import { cleanCell } from './catalog-cells.js';

/** The components cell of a crawl record: the documents of a dossier, their counts and forms. */

const COMPONENT_HEADER = /Tên giấy tờMẫu đơn, tờ khaiSố lượng/g;
const QUANTITY = /(\d+) bản (chính|sao)(?:,\s*(\d+) bản (chính|sao))?/g;
const FORM_FILE = /\.(docx?|pdf|xlsx?|rtf|odt|zip|rar|png|jpe?g)$/i;
const CONDITIONAL =
  /^(\(?[ivx]+\)\s*)?(trường hợp|đối với|nếu|khi |riêng|ngoài ra)|\(nếu có\)|trong trường hợp|nếu có\b/i;
const LU = /\p{Lu}|\d/u;
const LL = /[\p{Ll};).,:]/u;

/** A form file name glued to the end of a name cell: "…theo mẫuMẫu số 04.docx" → ["…theo mẫu", "Mẫu số 04.docx"]. */
export function splitFormFile(cell: string): { name: string; form: string | null } {
  const s = cell.trim();
  if (!FORM_FILE.test(s)) return { name: s, form: null };
  // The file name starts at the last place where a lower-case letter or ; ) . is glued to an upper-case
  // letter or digit (cells are concatenated without a separator).
  let cut = -1;
  for (let i = s.length - 6; i > 0; i--) {
    if (LU.test(s[i]!) && LL.test(s[i - 1]!)) {
      // digits inside a date or number ("01/2025", "số 04") are not a cell boundary
      if (/\d/.test(s[i]!) && /[\d./]/.test(s[i - 1]!)) continue;
      cut = i;
      break;
    }
  }
  if (cut <= 0) return { name: s, form: null };
  // a camel-cased ASCII file name ("MunnghChpthun.docx") has several transitions in one space-free token:
  // the file name starts at the first of them
  const tokenStart = s.lastIndexOf(' ', cut) + 1;
  for (let i = tokenStart + 1; i < cut; i++) {
    if (LU.test(s[i]!) && /\p{Ll}/u.test(s[i - 1]!) && !/\d/.test(s[i]!)) {
      cut = i;
      break;
    }
  }
  return { name: s.slice(0, cut).trim(), form: s.slice(cut).trim() };
}

/** The count glued after a name cell: "…ngày 12/12/20251 bản chính" → 1 (a year is not a count). */
function count(digits: string, before: string): number {
  if (digits.length === 1) return Number(digits);
  if (/[\p{L}\s]$/u.test(before) || before === '') {
    // "… 2 bản" reads as is unless the digit run is glued to a form number like "Mẫu 011"
    if (digits.length === 2 && !digits.startsWith('0')) return Number(digits);
  }
  return Number(digits.slice(-1));
}

function cleanName(s: string): string {
  return s
    .replace(/^[\s\-–+•*]+/, '')
    .replace(/[\s;:,]+$/, '')
    .trim();
}

export function parseComponents(text: string): {
  components: ProcedureComponent[];
  notes: string[];
  review: string | null;
} {
  const src = cleanCell(text);
  if (!src) return { components: [], notes: [], review: null };
  const components: ProcedureComponent[] = [];
  const notes: string[] = [];
  let group: string | null = null;
  let presentOnly = false;
  let last = 0;
  for (const m of src.matchAll(QUANTITY)) {
    let cell = src.slice(last, m.index);
    last = m.index! + m[0].length;
    // A table header inside the cell closes a group heading: "<heading>Tên giấy tờMẫu đơn, tờ khaiSố lượng<row>"
    const parts = cell.split(COMPONENT_HEADER);
    if (parts.length > 1) {
      const heading = cleanName(parts[parts.length - 2]!.replace(/^-+/, ''));
      group = heading ? heading.replace(/^\*\s*/, '').replace(/:$/, '') : group;
      presentOnly = /xuất trình/i.test(heading);
      cell = parts[parts.length - 1]!;
    }
    // the digits of the quantity may be glued to the end of the cell ("…năm 20251 bản chính")
    const runMatch = cell.match(/(\d*)$/);
    const prefixDigits = runMatch?.[1] ?? '';
    const firstDigits = prefixDigits + m[1]!;
    const before = cell.slice(0, cell.length - prefixDigits.length);
    const n1 = count(firstDigits, before);
    const kept = before + firstDigits.slice(0, firstDigits.length - String(n1).length);
    let originals = 0;
    let copies = 0;
    if (m[2] === 'chính') originals = n1;
    else copies = n1;
    if (m[3] !== undefined) {
      if (m[4] === 'chính') originals += Number(m[3]);
      else copies += Number(m[3]);
    }
    const { name: rawName, form } = splitFormFile(kept);
    const name = cleanName(rawName);
    if (!name) continue;
    if (originals === 0 && copies === 0) {
      notes.push(name);
      continue;
    }
    components.push({
      key: `c${String(components.length + 1).padStart(2, '0')}`,
      group,
      name,
      originals,
      copies,
      forms: form ? [form] : [],
      conditional: CONDITIONAL.test(name),
      presentOnly,
      needsReview: name.length > 1500,
    });
  }
  const tail = cleanName(src.slice(last).split(COMPONENT_HEADER).join(' '));
  return { components, notes, review: tail.length > 0 ? tail : null };
}
