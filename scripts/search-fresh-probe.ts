/**
 * The fresh questions of task 18g (packages/core/src/search/fixtures/fresh-weak-fields-18g.tsv: group, code,
 * question): 74 everyday questions on catalog records drawn at random (seed 20261201) from the three fields whose
 * test-split scores stayed under the goal (land, construction & housing, business), written on 2026-12-01 before
 * they were first run. They were then used to choose among changes (like the dev split): they are a second tuning
 * set, not a held-out one. A question is right when the first result has the sampled record's name (level
 * brackets and a final full stop ignored), as in the frozen set.
 *
 *   npx tsx scripts/search-fresh-probe.ts [--misses]
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CatalogProcedure } from '@mot-cua/contracts';
import { buildSearchIndex } from '@mot-cua/core';

const root = (p: string) => fileURLToPath(new URL(`../${p}`, import.meta.url));
const catalog = JSON.parse(readFileSync(root('data/procedures/catalog.json'), 'utf8')) as CatalogProcedure[];
const norm = (n: string) =>
  n
    .replace(/\s*\((thực hiện tại )?cấp [^)]*\)\s*$/i, '')
    .replace(/[.;\s]+$/, '')
    .toLowerCase();
const byName = new Map<string, string[]>();
for (const r of catalog) byName.set(norm(r.name), [...(byName.get(norm(r.name)) ?? []), r.code]);
const byCode = new Map(catalog.map((r) => [r.code, r]));
const questions = readFileSync(root('packages/core/src/search/fixtures/fresh-weak-fields-18g.tsv'), 'utf8')
  .trim()
  .split('\n')
  .map((line) => {
    const [group, code, q] = line.split('\t') as [string, string, string];
    return { group, q, codes: byName.get(norm(byCode.get(code)?.name ?? '')) ?? [code] };
  });
const index = buildSearchIndex(catalog);
const rows = new Map<string, { n: number; top1: number; top3: number }>();
for (const q of questions) {
  const got = index.search(q.q, { limit: 3 }).items.map((i) => i.record.code);
  const k = got.findIndex((c) => q.codes.includes(c));
  for (const key of [q.group, 'all']) {
    const row = rows.get(key) ?? { n: 0, top1: 0, top3: 0 };
    row.n++;
    if (k === 0) row.top1++;
    if (k >= 0) row.top3++;
    rows.set(key, row);
  }
  if (k !== 0 && process.argv.includes('--misses'))
    console.log(`${k < 0 ? 'MISS ' : 'top-3'} [${q.group}] ${q.q} -> ${byCode.get(got[0] ?? '')?.name.slice(0, 80)}`);
}
const pct = (x: number, n: number) => `${((100 * x) / n).toFixed(1)} %`;
console.log('| group | n | top-1 | top-3 |\n|---|---|---|---|');
for (const [g, r] of [...rows].sort((a, b) => (a[0] === 'all' ? -1 : b[0] === 'all' ? 1 : 0)))
  console.log(`| ${g} | ${r.n} | ${pct(r.top1, r.n)} | ${pct(r.top3, r.n)} |`);
