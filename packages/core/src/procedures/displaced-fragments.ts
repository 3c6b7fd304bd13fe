/**
 * The crawl's two-column layout sometimes lifts a few words out of a sentence and drops them at the end of a later
 * line: 1.001193 reads "…nộp hồ sơ đăng ký khai tâm Phục vụ…" and, further on, "…hoàn tất việc sinh tại Trung ⏎
 * nộp hồ sơ." ("sinh tại Trung" belongs between "khai" and "tâm"). Line joins cannot restore that; this finds such
 * fragments with word-pair counts over the whole crawl and moves them back.
 *
 * A fragment F (1–6 words, no punctuation) ending a line is displaced, and belongs in the gap a|b, when
 * - the line break inside a sentence reads badly (the next line starts in lower case and "last word of F, first
 *   word of the next line" occurs at most once in the crawl: here),
 * - taking F out reads well ("word before F, first word of the next line" occurs at least MIN_PAIR times),
 * - the gap a|b reads badly (the pair occurs at most once) and putting F in reads well ("a, first word of F" and
 *   "last word of F, b" occur at least MIN_PAIR times each).
 * Of several candidates the one with the best weakest pair wins. Over the 1,601 records of the crawl this finds only
 * 1.001193 (the test over the records named in issue 11 holds it); anything it moves is reported by the importer.
 */

export type PairCounts = ReadonlyMap<string, number>;

const MIN_PAIR = 5;
const MAX_FRAGMENT = 6;
const PUNCT = /[.;:!?()\-+*“”"]/u;

const key = (a: string, b: string) => `${a.toLowerCase()} ${b.toLowerCase()}`;

/** Word-pair counts over texts (case-insensitive), across line breaks. */
export function wordPairCounts(texts: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of texts) {
    const w = t.split(/\s+/u).filter(Boolean);
    for (let i = 1; i < w.length; i++) {
      const k = key(w[i - 1]!, w[i]!);
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
  }
  return counts;
}

export interface FragmentRepair {
  /** The words moved. */
  fragment: string;
  /** The words around the gap they were put into: "khai ^ tâm". */
  into: string;
}

interface Word {
  text: string;
  /** The word ends its line (a line break follows). */
  endsLine: boolean;
}

function words(text: string): Word[] {
  const out: Word[] = [];
  for (const line of text.split('\n')) {
    const ws = line.split(/\s+/u).filter(Boolean);
    for (const [i, w] of ws.entries()) out.push({ text: w, endsLine: i === ws.length - 1 });
  }
  return out;
}

function render(ws: Word[]): string {
  let s = '';
  ws.forEach((w, i) => {
    s += w.text;
    if (i < ws.length - 1) s += w.endsLine ? '\n' : ' ';
  });
  return s;
}

interface Candidate {
  start: number;
  end: number;
  gap: number;
  score: number;
}

function findOne(ws: Word[], pairs: PairCounts): Candidate | null {
  const n = (a: string, b: string) => pairs.get(key(a, b)) ?? 0;
  let best: Candidate | null = null;
  for (let end = 0; end < ws.length - 1; end++) {
    if (!ws[end]!.endsLine) continue;
    const next = ws[end + 1]!.text;
    if (!/^\p{Ll}/u.test(next)) continue;
    if (n(ws[end]!.text, next) > 1) continue;
    for (let len = 1; len <= MAX_FRAGMENT; len++) {
      const start = end - len + 1;
      if (start < 1) break;
      if (PUNCT.test(ws[start]!.text) || (len > 1 && ws[start]!.endsLine) || PUNCT.test(ws[end]!.text)) break;
      if (ws.slice(start, end).some((w) => w.endsLine || PUNCT.test(w.text))) break;
      const out = n(ws[start - 1]!.text, next);
      if (out < MIN_PAIR) continue;
      for (let gap = 1; gap < ws.length; gap++) {
        if (gap >= start && gap <= end + 1) continue;
        const a = ws[gap - 1]!.text;
        const b = ws[gap]!.text;
        if (n(a, b) > 1) continue;
        const score = Math.min(out, n(a, ws[start]!.text), n(ws[end]!.text, b));
        if (score >= MIN_PAIR && (!best || score > best.score)) best = { start, end, gap, score };
      }
    }
  }
  return best;
}

/** Move displaced fragments back where they belong; the text is unchanged when none is found. */
export function repairDisplacedFragments(text: string, pairs: PairCounts): { text: string; repairs: FragmentRepair[] } {
  let ws = words(text);
  const repairs: FragmentRepair[] = [];
  for (let round = 0; round < 5; round++) {
    const c = findOne(ws, pairs);
    if (!c) break;
    const fragment = ws.slice(c.start, c.end + 1).map((w) => ({ ...w, endsLine: false }));
    const into = `${ws[c.gap - 1]!.text} ^ ${ws[c.gap]!.text}`;
    // the word before the fragment now ends the line the fragment ended
    const before = { ...ws[c.start - 1]!, endsLine: ws[c.end]!.endsLine };
    const without = [...ws.slice(0, c.start - 1), before, ...ws.slice(c.end + 1)];
    const gap = c.gap > c.end ? c.gap - fragment.length : c.gap;
    ws = [...without.slice(0, gap), ...fragment, ...without.slice(gap)];
    repairs.push({ fragment: fragment.map((w) => w.text).join(' '), into });
  }
  return repairs.length ? { text: render(ws), repairs } : { text, repairs };
}

/** The free-text cells of a crawl record the repair reads (and counts word pairs over). */
export const REPAIRED_FIELDS = [
  'trinh_tu_thuc_hien',
  'cach_thuc_thuc_hien',
  'thanh_phan_ho_so',
  'yeu_cau_dieu_kien',
] as const;

type RepairedField = (typeof REPAIRED_FIELDS)[number];

/** Word-pair counts over the repaired cells of every record of a crawl. */
export function crawlPairCounts(records: Iterable<Partial<Record<RepairedField, string | null>>>): Map<string, number> {
  const texts: string[] = [];
  for (const r of records) for (const f of REPAIRED_FIELDS) if (r[f]) texts.push(r[f]!);
  return wordPairCounts(texts);
}

/** One record with its displaced fragments moved back, and what was moved (per cell). */
export function repairRawRecord<R extends Partial<Record<RepairedField, string | null>>>(
  raw: R,
  pairs: PairCounts,
): { raw: R; repairs: Array<FragmentRepair & { field: RepairedField }> } {
  const out = { ...raw };
  const repairs: Array<FragmentRepair & { field: RepairedField }> = [];
  for (const f of REPAIRED_FIELDS) {
    const text = raw[f];
    if (!text) continue;
    const r = repairDisplacedFragments(text, pairs);
    if (r.repairs.length === 0) continue;
    (out as Record<RepairedField, string | null | undefined>)[f] = r.text;
    for (const x of r.repairs) repairs.push({ ...x, field: f });
  }
  return { raw: out, repairs };
}
