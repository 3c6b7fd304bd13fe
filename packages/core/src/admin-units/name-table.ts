import type { UnitVersion } from './unit-model.js';
import { editDistance, foldName, trigrams } from './unit-text.js';

/**
 * Unit names for typo-tolerant lookup. An exact folded name is a map lookup; otherwise a trigram index shortlists
 * the names sharing a letter triple with the one asked (each entry's trigrams and spaceless form are computed
 * once, at build), and only the shortlist is scored with `similarity`. Names stored abbreviated in the data are
 * also indexed expanded ("NT Lệ Ninh" = "Nông trường Lệ Ninh").
 */
/** Share of the best shortlist count an entry needs to be scored at all. */
const SHORTLIST_SHARE = 0.34;

export type Entry = { v: UnitVersion; folded: string; bare: string; tri: Set<string> };
export type Match = { e: Entry; sim: number };

/** Prefixes the data stores abbreviated (folded) → their full form. */
const STORED_ABBREVIATIONS: ReadonlyArray<readonly [RegExp, string]> = [[/^n ?t /, 'nong truong ']];

export function entriesOf(v: UnitVersion): Entry[] {
  const folded = foldName(v.name);
  const forms = new Set([folded, ...STORED_ABBREVIATIONS.map(([re, full]) => folded.replace(re, full))]);
  return [...forms].map((f) => ({ v, folded: f, bare: f.replace(/ /g, ''), tri: trigrams(f) }));
}

export class NameTable {
  private readonly exact = new Map<string, Entry[]>();
  /** Trigram → indexes of the entries holding it (the word-start "  x" triples are too common to help). */
  private readonly byTrigram = new Map<string, number[]>();
  readonly entries: Entry[];
  private readonly counts: Int32Array;

  constructor(versions: ReadonlyArray<UnitVersion>) {
    this.entries = versions.flatMap(entriesOf);
    this.counts = new Int32Array(this.entries.length);
    this.entries.forEach((e, i) => {
      const list = this.exact.get(e.folded);
      if (list) list.push(e);
      else this.exact.set(e.folded, [e]);
      for (const t of e.tri) {
        if (t.startsWith('  ')) continue;
        const ids = this.byTrigram.get(t);
        if (ids) ids.push(i);
        else this.byTrigram.set(t, [i]);
      }
    });
  }

  /** Units whose name is `name` (folded), or within `min` similarity, best first (at most 6). */
  match(name: string, min: number): Match[] {
    const hit = this.exact.get(name);
    if (hit) return dedupe(hit.map((e) => ({ e, sim: 1 })));
    if (min > 1) return [];
    const query = { folded: name, bare: name.replace(/ /g, ''), tri: trigrams(name) };
    // Count shared trigrams per entry through the index (arrays reused across calls: no garbage per lookup).
    const touched: number[] = [];
    let most = 0;
    for (const t of query.tri) {
      if (t.startsWith('  ')) continue;
      for (const i of this.byTrigram.get(t) ?? []) {
        if (this.counts[i] === 0) touched.push(i);
        const c = ++this.counts[i]!;
        if (c > most) most = c;
      }
    }
    // Score only the entries sharing at least a third as many triples as the best one: a name within a few
    // typos of the one asked shares most of its triples.
    const floor = Math.max(1, Math.ceil(most * SHORTLIST_SHARE));
    const out: Match[] = [];
    for (const i of touched) {
      const shared = this.counts[i]!;
      this.counts[i] = 0;
      if (shared < floor) continue;
      const e = this.entries[i]!;
      if (Math.abs(e.folded.length - name.length) > 4) continue;
      const sim = similarity(query, e);
      if (sim >= min) out.push({ e, sim });
    }
    return dedupe(out.sort((a, b) => b.sim - a.sim)).slice(0, 6);
  }
}

/** One match per unit (a unit indexed under two forms keeps its best). */
function dedupe(matches: Match[]): Match[] {
  const seen = new Set<UnitVersion>();
  return matches.filter((m) => {
    if (seen.has(m.e.v)) return false;
    seen.add(m.e.v);
    return true;
  });
}

type Name = { folded: string; bare: string; tri: Set<string> };

/**
 * `nameSimilarity` (unit-text.ts) on precomputed forms: 1 when equal; else the better of an edit-distance ratio
 * and trigram overlap; names with digits ("Phường 4") only match exactly.
 */
export function similarity(a: Name, b: Name): number {
  if (a.folded === b.folded) return 1;
  if (!a.folded || !b.folded) return 0;
  if (/\d/.test(a.folded) || /\d/.test(b.folded)) {
    const digits = (s: string) => s.replace(/\D/g, '');
    const letters = (s: string) => s.replace(/\d/g, '');
    return digits(a.folded) === digits(b.folded) && letters(a.folded) === letters(b.folded) ? 1 : 0;
  }
  if (a.bare === b.bare) return 0.97;
  let common = 0;
  for (const t of a.tri) if (b.tri.has(t)) common++;
  const tri = common / (a.tri.size + b.tri.size - common);
  const maxLen = Math.max(a.bare.length, b.bare.length);
  // Edit distance only when it could beat the trigram score (it is the costly part).
  if ((1 - Math.abs(a.bare.length - b.bare.length) / maxLen) * 0.96 <= tri * 0.95) return tri * 0.95;
  const d = editDistance(a.bare, b.bare, 3);
  const edit = d > 3 ? 0 : 1 - d / maxLen;
  return Math.max(edit * 0.96, tri * 0.95);
}
