/**
 * Error analysis on the frozen set's DEV split only (the test split is refused: it is reported, never read):
 * for every dev question whose first search result is wrong, the question, the wanted procedure and the first
 * three found, with coverage and score. Optionally one field group.
 *
 *   npx tsx scripts/search-dev-misses.ts [group] [--all]     (--all also prints the right ones' top 3 misses)
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CatalogProcedure } from '@mot-cua/contracts';
import { buildSearchIndex } from '@mot-cua/core';

const root = (p: string) => fileURLToPath(new URL(`../${p}`, import.meta.url));
type Q = { q: string; codes: string[]; group: string; split: 'dev' | 'test' };
const catalog = JSON.parse(readFileSync(root('data/procedures/catalog.json'), 'utf8')) as CatalogProcedure[];
const set = JSON.parse(readFileSync(root('packages/core/src/search/fixtures/eval-questions.json'), 'utf8')) as {
  questions: Q[];
};
const group = process.argv.slice(2).find((a) => !a.startsWith('--'));
if (group === 'test') throw new Error('The test split is only reported (bench/assistant-eval.ts test).');
const byCode = new Map(catalog.map((r) => [r.code, r]));
const index = buildSearchIndex(catalog);
const name = (c: string) => byCode.get(c)?.name.slice(0, 90) ?? '?';
let misses = 0;
for (const q of set.questions) {
  if (q.split !== 'dev' || (group && q.group !== group)) continue;
  const out = index.search(q.q, { limit: 3 });
  const got = out.items.map((i) => i.record.code);
  if (q.codes.includes(got[0]!)) continue;
  misses++;
  const in3 = got.some((c) => q.codes.includes(c));
  console.log(`\n[${q.group}] ${in3 ? 'top-3' : 'MISS '} ${q.q}`);
  console.log(`   want ${q.codes[0]} ${name(q.codes[0]!)} (${byCode.get(q.codes[0]!)?.levels.join(',')})`);
  console.log(`   understood: ${out.understood}  intents: ${out.intents.join(',')}`);
  for (const it of out.items)
    console.log(
      `   ${q.codes.includes(it.record.code) ? '*' : ' '} ${it.record.code} ${it.matchedBy} s=${it.score.toFixed(2)} cov=${it.coverage.toFixed(2)} ${name(it.record.code)} (${it.record.levels.join(',')})`,
    );
}
console.log(`\n${misses} dev misses at top-1${group ? ` in ${group}` : ''}`);
