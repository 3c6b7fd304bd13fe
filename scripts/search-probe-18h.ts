/**
 * Task 18h's frozen probe: a second held-out set of everyday questions, never tuned on.
 *
 *   npx tsx scripts/search-probe-18h.ts sample     → packages/core/src/search/fixtures/probe-18h.tsv (skeleton)
 *   npx tsx scripts/search-probe-18h.ts [--misses] → scores the written questions (report only)
 *   BENCH_RERANKER_MODEL=… BENCH_RERANKER_VOCAB=… npx tsx scripts/search-probe-18h.ts → the same with the semantic
 *     reranker (same variables as bench/assistant-eval.ts); "assistant" columns: what it shows first / in its 3
 *
 * `sample` draws catalog records at random (mulberry32, seed 20261208) in every citizen-facing field group (a
 * quota per group, as scripts/search-eval-set.ts does), leaving out every record already in the frozen set
 * (eval-sample.json) or in 18g's fresh questions, and records whose name one of those shares (level in brackets
 * ignored). Three groups (certification, social protection, insurance & labour) have no record left outside the frozen
 * set: their quota is drawn from all their records and marked "reused" (a new question on a record the frozen set
 * already asks about), and the score is also given without them. One everyday question was then written per record (group, code, question) from the record's name only,
 * before the probe was first run; the file's header carries the date it was frozen. A question is right when the
 * first result has the sampled record's name (level brackets and a final full stop ignored), as in the frozen set.
 * Measured at the start and at the end of task 18h only.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CatalogProcedure } from '@mot-cua/contracts';
import { buildSearchIndex, createRetrievalAnswerer, FIELD_GROUPS, type FieldGroup, fieldGroupOf } from '@mot-cua/core';
import { seededRandom, shuffled } from './seeded-random.js';

const SEED = 20261208;
const QUOTA: Record<FieldGroup, number> = {
  civil_status: 10,
  certification: 6,
  land: 10,
  construction_housing: 12,
  business: 12,
  social_protection: 6,
  insurance_labour: 6,
  residence_identity: 8,
  transport: 9,
  agriculture_environment: 9,
  justice: 10,
  community: 9,
};
const root = (p: string) => fileURLToPath(new URL(`../${p}`, import.meta.url));
const DIR = 'packages/core/src/search/fixtures';
const FILE = root(`${DIR}/probe-18h.tsv`);
const catalog = JSON.parse(readFileSync(root('data/procedures/catalog.json'), 'utf8')) as CatalogProcedure[];
const norm = (n: string) =>
  n
    .replace(/\s*\((thực hiện tại )?cấp [^)]*\)\s*$/i, '')
    .replace(/[.;\s]+$/, '')
    .toLowerCase();
const byName = new Map<string, string[]>();
for (const r of catalog) byName.set(norm(r.name), [...(byName.get(norm(r.name)) ?? []), r.code]);
const byCode = new Map(catalog.map((r) => [r.code, r]));

const rand = seededRandom(SEED);
const shuffle = <T>(xs: readonly T[]): T[] => shuffled(xs, rand);

function sample() {
  if (existsSync(FILE)) throw new Error(`${FILE} exists: the probe is frozen (delete it to draw again)`);
  const used = new Set<string>();
  const evalSample = JSON.parse(readFileSync(root(`${DIR}/eval-sample.json`), 'utf8')) as {
    records: { codes: string[] }[];
  };
  for (const r of evalSample.records) for (const c of r.codes) used.add(c);
  for (const line of readFileSync(root(`${DIR}/fresh-weak-fields-18g.tsv`), 'utf8')
    .trim()
    .split('\n'))
    used.add(line.split('\t')[1]!);
  const usedNames = new Set([...used].map((c) => norm(byCode.get(c)?.name ?? '')));
  const lines = [`# Task 18h probe: seed ${SEED}; group, code, question (record's name after #)`];
  for (const group of Object.keys(FIELD_GROUPS) as FieldGroup[]) {
    const all = catalog.filter((r) => fieldGroupOf(r.field) === group).sort((a, b) => a.code.localeCompare(b.code));
    const fresh = all.filter((r) => !used.has(r.code) && !usedNames.has(norm(r.name)));
    const reused = fresh.length === 0;
    const names = new Set<string>();
    for (const r of shuffle(reused ? all : fresh)) {
      if (names.size >= QUOTA[group]) break;
      if (names.has(norm(r.name))) continue;
      names.add(norm(r.name));
      lines.push(`${group}\t${r.code}\t\t# ${reused ? 'reused: ' : ''}${r.name.replace(/\s+/g, ' ')}`);
    }
  }
  writeFileSync(FILE, `${lines.join('\n')}\n`);
  console.log(`sampled ${lines.length - 1} records`);
}

async function score() {
  const questions = readFileSync(FILE, 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'))
    .map((line) => {
      const [group, code, q] = line.split('\t') as [string, string, string];
      return {
        group,
        q: q.trim(),
        reused: line.includes('# reused'),
        codes: byName.get(norm(byCode.get(code)?.name ?? '')) ?? [code],
      };
    });
  const index = buildSearchIndex(catalog);
  const env = process.env;
  const answerer = env.BENCH_RERANKER_MODEL
    ? await (await import('../apps/api/src/routes/search/semantic-reranker.js')).loadSemanticAnswerer(index, {
        modelPath: env.BENCH_RERANKER_MODEL,
        vocabPath: env.BENCH_RERANKER_VOCAB,
        stripAccents: env.BENCH_RERANKER_STRIP === '1',
        queryPrefix: env.BENCH_RERANKER_QUERY_PREFIX,
        passagePrefix: env.BENCH_RERANKER_PASSAGE_PREFIX,
        weight: env.BENCH_RERANKER_WEIGHT ? Number(env.BENCH_RERANKER_WEIGHT) : undefined,
      })
    : createRetrievalAnswerer(index);
  console.log(`answerer: ${answerer.name}`);
  type Row = { n: number; top1: number; top3: number; answered: number; right: number; a1: number; a3: number };
  const rows = new Map<string, Row>();
  for (const q of questions) {
    if (!q.q) throw new Error(`no question written for ${q.codes[0]}`);
    const got = index.search(q.q, { limit: 3 }).items.map((i) => i.record.code);
    const a = await answerer.answer(q.q);
    const k = got.findIndex((c) => q.codes.includes(c));
    for (const key of [q.group, 'all', ...(q.reused ? [] : ['all, new records only'])]) {
      const row = rows.get(key) ?? { n: 0, top1: 0, top3: 0, answered: 0, right: 0, a1: 0, a3: 0 };
      row.n++;
      if (k === 0) row.top1++;
      if (k >= 0) row.top3++;
      const shown = [...a.cards, ...a.candidates].map((c) => c.code);
      if (q.codes.includes(shown[0]!)) row.a1++;
      if (shown.slice(0, 3).some((c) => q.codes.includes(c))) row.a3++;
      if (a.status === 'answered') {
        row.answered++;
        if (q.codes.includes(a.cards[0]!.code)) row.right++;
      }
      rows.set(key, row);
    }
    if (k !== 0 && process.argv.includes('--misses'))
      console.log(`${k < 0 ? 'MISS ' : 'top-3'} [${q.group}] ${q.q} -> ${byCode.get(got[0] ?? '')?.name.slice(0, 80)}`);
  }
  const pct = (x: number, n: number) => (n ? `${((100 * x) / n).toFixed(1)} %` : '—');
  console.log(
    '| group | n | top-1 | top-3 | assistant first / in 3 | answered | answered precision |\n|---|---|---|---|---|---|---|',
  );
  for (const [g, r] of [...rows].sort((a, b) => (a[0].startsWith('all') ? -1 : b[0].startsWith('all') ? 1 : 0)))
    console.log(
      `| ${g} | ${r.n} | ${pct(r.top1, r.n)} | ${pct(r.top3, r.n)} | ${pct(r.a1, r.n)} / ${pct(r.a3, r.n)} | ${pct(r.answered, r.n)} | ${pct(r.right, r.answered)} |`,
    );
}

if (process.argv[2] === 'sample') sample();
else await score();
