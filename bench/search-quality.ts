/**
 * Search and assistant benchmark on the shipped catalog and the labelled question set.
 * Prints top-1/top-3 accuracy and latency p50/p99 of the index, with a same-run reference: a naive linear scan
 * that folds the query and ranks procedures by how many query words their folded name contains.
 *   npx tsx bench/search-quality.ts
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CatalogProcedure } from '@mot-cua/contracts';
import { buildSearchIndex, createRetrievalAnswerer, foldText } from '@mot-cua/core';

const root = (p: string) => fileURLToPath(new URL(`../${p}`, import.meta.url));
const catalog = JSON.parse(readFileSync(root('data/procedures/catalog.json'), 'utf8')) as CatalogProcedure[];
type Q = { q: string; codes: string[]; split: 'dev' | 'holdout' | 'fresh' };
const fixture = JSON.parse(readFileSync(root('packages/core/src/search/fixtures/questions.json'), 'utf8')) as {
  questions: Q[];
  nonsense: string[];
};

let t = performance.now();
const index = buildSearchIndex(catalog);
const buildMs = performance.now() - t;
const answerer = createRetrievalAnswerer(index);

// Reference: linear scan over folded names, score = number of query words found as substrings.
const folded = catalog.map((r) => ({ code: r.code, name: foldText(r.name) }));
function naive(query: string): string[] {
  const words = foldText(query)
    .split(/[^a-z0-9.]+/)
    .filter((w) => w.length > 1);
  return folded
    .map((r) => ({ code: r.code, n: words.filter((w) => r.name.includes(w)).length }))
    .filter((r) => r.n > 0)
    .sort((a, b) => b.n - a.n)
    .slice(0, 3)
    .map((r) => r.code);
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
};

function run(name: string, fn: (q: string) => string[], split?: Q['split']) {
  const qs = fixture.questions.filter((q) => !split || q.split === split);
  for (const q of qs) fn(q.q); // warm up
  const times: number[] = [];
  let top1 = 0;
  let top3 = 0;
  for (let round = 0; round < 5; round++) {
    for (const q of qs) {
      const start = performance.now();
      const got = fn(q.q);
      times.push(performance.now() - start);
      if (round > 0) continue;
      if (q.codes.includes(got[0]!)) top1++;
      if (got.some((c) => q.codes.includes(c))) top3++;
    }
  }
  console.log(
    `${name.padEnd(34)} n=${String(qs.length).padStart(3)}  top-1 ${((100 * top1) / qs.length).toFixed(1).padStart(5)}%` +
      `  top-3 ${((100 * top3) / qs.length).toFixed(1).padStart(5)}%  p50 ${quantile(times, 0.5).toFixed(3)} ms` +
      `  p99 ${quantile(times, 0.99).toFixed(3)} ms`,
  );
}

console.log(`catalog: ${catalog.length} procedures; index built in ${buildMs.toFixed(0)} ms`);
const indexed = (q: string) => index.search(q, { limit: 3 }).items.map((i) => i.record.code);
const assistantCodes = (q: string) => {
  const a = answerer.answer(q) as ReturnType<typeof answerer.answer> & { cards: Array<{ code: string }> };
  return a.cards.map((c) => c.code);
};
run('index search (all)', indexed);
run('index search (dev)', indexed, 'dev');
run('index search (held-out)', indexed, 'holdout');
run('index search (fresh)', indexed, 'fresh');
run('assistant answer (all)', assistantCodes);
run('reference: naive linear scan (all)', naive);
run('reference: naive scan (held-out)', naive, 'holdout');
run('reference: naive scan (fresh)', naive, 'fresh');

t = performance.now();
let refused = 0;
for (const q of fixture.nonsense) if ((answerer.answer(q) as { status: string }).status === 'not_sure') refused++;
console.log(
  `assistant refuses ${refused}/${fixture.nonsense.length} nonsense questions; ` +
    `answers ${fixture.questions.filter((q) => (answerer.answer(q.q) as { status: string }).status === 'answered').length}/${fixture.questions.length} labelled ones`,
);
