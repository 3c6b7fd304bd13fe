/**
 * The assistant on the frozen evaluation set (packages/core/src/search/fixtures/eval-questions.json: 434 everyday
 * questions on catalog records sampled at random per field group, frozen 2026-11-30 before tuning). Prints, per
 * split and field group: search top-1 / top-3, the assistant's statuses and the precision of "answered", and
 * latency p50 / p99, next to a same-run reference (a naive scan ranking procedures by query words in their name).
 *
 *   npx tsx bench/assistant-eval.ts [dev|test|all]      (or: npm run bench -- assistant)
 *   BENCH_RERANKER_MODEL=model.onnx BENCH_RERANKER_VOCAB=vocab.txt npx tsx bench/assistant-eval.ts test
 *   BENCH_RERANKER_MODEL=e5/model.onnx BENCH_RERANKER_VOCAB=e5/tokenizer.json BENCH_RERANKER_QUERY_PREFIX='query: ' \
 *     BENCH_RERANKER_PASSAGE_PREFIX='passage: ' [BENCH_RERANKER_WEIGHT=0.5 BENCH_RERANKER_DEPTH=8] npx tsx bench/assistant-eval.ts dev
 *   BENCH_RERANKER_MODEL=tiny npx tsx bench/assistant-eval.ts test
 *
 * Latency: wall time and CPU time (process.cpuUsage) per answer, on the first pass (after the start-up warm-up the API
 * runs, core `warmUpAnswerer`; BENCH_COLD=1 skips it: cold JIT) and on a second, timed-only
 * pass; the load average is printed beside them.
 *
 * "tiny" writes a stand-in model (tiny-onnx-model.ts): every catalog syllable gets a random 64-dimension vector
 * (seeded), so the "embedding" is a random projection of the bag of syllables: it measures the reranker's
 * plumbing and cost in process, and a lexical reranker's effect, not a language model's.
 */
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { AssistantAnswer, CatalogProcedure } from '@mot-cua/contracts';
import { type Answerer, buildSearchIndex, createRetrievalAnswerer, foldText, warmUpAnswerer } from '@mot-cua/core';

const root = (p: string) => fileURLToPath(new URL(`../${p}`, import.meta.url));
type Q = { q: string; codes: string[]; group: string; split: 'dev' | 'test' };
const catalog = JSON.parse(readFileSync(root('data/procedures/catalog.json'), 'utf8')) as CatalogProcedure[];
const evalSet = JSON.parse(readFileSync(root('packages/core/src/search/fixtures/eval-questions.json'), 'utf8')) as {
  frozenOn: string;
  questions: Q[];
};
const which = (process.argv[2] ?? 'all') as 'dev' | 'test' | 'all';
const qs = evalSet.questions.filter((q) => which === 'all' || q.split === which);

const index = buildSearchIndex(catalog);
let answerer: Answerer = createRetrievalAnswerer(index);
let model = process.env.BENCH_RERANKER_MODEL;
let vocab = process.env.BENCH_RERANKER_VOCAB;
const tiny = model === 'tiny';
if (tiny) ({ model, vocab } = await writeTinyModel());
if (model) {
  const { loadSemanticAnswerer } = await import('../apps/api/src/routes/search/semantic-reranker.js');
  const env = process.env;
  answerer = await loadSemanticAnswerer(index, {
    modelPath: model,
    vocabPath: vocab,
    // The tiny stand-in's vocabulary is folded; a real model keeps accents unless told (BENCH_RERANKER_STRIP=1).
    stripAccents: tiny || env.BENCH_RERANKER_STRIP === '1',
    queryPrefix: env.BENCH_RERANKER_QUERY_PREFIX,
    passagePrefix: env.BENCH_RERANKER_PASSAGE_PREFIX,
    weight: env.BENCH_RERANKER_WEIGHT ? Number(env.BENCH_RERANKER_WEIGHT) : undefined,
    depth: env.BENCH_RERANKER_DEPTH ? Number(env.BENCH_RERANKER_DEPTH) : undefined,
  });
}
// As the API does at start-up (catalog-index.ts); BENCH_COLD=1 measures the first pass without it.
const cold = process.env.BENCH_COLD === '1';
if (!cold) warmUpAnswerer(createRetrievalAnswerer(index), catalog);

async function writeTinyModel() {
  const { tinyEmbeddingModel } = await import('../apps/api/src/routes/search/tiny-onnx-model.js');
  const { mkdtempSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const words = new Set<string>();
  for (const r of catalog) for (const w of foldText(r.name).split(/[^a-z0-9]+/)) if (w) words.add(w);
  const tokens = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', ...[...words].sort()];
  let seed = 20261130;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648 - 0.5;
  };
  const table = tokens.map((t) => Array.from({ length: 64 }, () => (t.startsWith('[') ? 0 : rand())));
  const dir = mkdtempSync(join(tmpdir(), 'motcua-tiny-'));
  writeFileSync(join(dir, 'model.onnx'), tinyEmbeddingModel(table));
  writeFileSync(join(dir, 'vocab.txt'), tokens.join('\n'));
  return { model: join(dir, 'model.onnx'), vocab: join(dir, 'vocab.txt') };
}

const folded = catalog.map((r) => ({ code: r.code, name: foldText(r.name) }));
const naive = (query: string) => {
  const words = foldText(query)
    .split(/[^a-z0-9.]+/)
    .filter((w) => w.length > 1);
  return folded
    .map((r) => ({ code: r.code, n: words.filter((w) => r.name.includes(w)).length }))
    .filter((r) => r.n > 0)
    .sort((a, b) => b.n - a.n)
    .slice(0, 3)
    .map((r) => r.code);
};

type Row = {
  n: number;
  s1: number;
  s3: number;
  n1: number;
  n3: number;
  a1: number;
  a3: number;
  answered: number;
  right: number;
};
type Choice = { suggested: number; inChoices: number; notSure: number };
const rows = new Map<string, Row & Choice>();
const row = (k: string) =>
  rows.get(k) ??
  rows
    .set(k, {
      n: 0,
      s1: 0,
      s3: 0,
      n1: 0,
      n3: 0,
      a1: 0,
      a3: 0,
      answered: 0,
      right: 0,
      suggested: 0,
      inChoices: 0,
      notSure: 0,
    })
    .get(k)!;
const times: number[] = [];
/** CPU time of each answer (user + system, this process): what the answer costs, whatever the machine's load. */
const cpuTimes: number[] = [];
const naiveTimes: number[] = [];
const misses: string[] = [];
for (const q of qs) {
  const got = index.search(q.q, { limit: 3 }).items.map((i) => i.record.code);
  const naiveStart = performance.now();
  const nv = naive(q.q);
  naiveTimes.push(performance.now() - naiveStart);
  const cpuStart = process.cpuUsage();
  const started = performance.now();
  const a = (await answerer.answer(q.q)) as Omit<AssistantAnswer, 'tookMs'>;
  times.push(performance.now() - started);
  const cpu = process.cpuUsage(cpuStart);
  cpuTimes.push((cpu.user + cpu.system) / 1000);
  for (const r of [row('all'), row(q.group)]) {
    r.n++;
    if (q.codes.includes(got[0]!)) r.s1++;
    if (got.some((c) => q.codes.includes(c))) r.s3++;
    // What the assistant shows first: its first card, else its first choice or candidate.
    const shown = [...a.cards.map((c) => c.code), ...a.candidates.map((c) => c.code)];
    if (q.codes.includes(shown[0]!)) r.a1++;
    if (shown.slice(0, 3).some((c) => q.codes.includes(c))) r.a3++;
    if (q.codes.includes(nv[0]!)) r.n1++;
    if (nv.some((c) => q.codes.includes(c))) r.n3++;
    if (a.status === 'answered') {
      r.answered++;
      if (q.codes.includes(a.cards[0]!.code)) r.right++;
    } else if (a.status === 'suggest') {
      r.suggested++;
      if (a.candidates.some((c) => q.codes.includes(c.code))) r.inChoices++;
    } else r.notSure++;
  }
  if (a.status === 'answered' && !q.codes.includes(a.cards[0]!.code) && misses.length < 15)
    misses.push(`  ${q.q} → ${a.cards[0]!.code} ${a.cards[0]!.name.slice(0, 60)} (want ${q.codes[0]})`);
}
const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)} %` : '—');
const quantile = (xs: number[], p: number) => [...xs].sort((x, y) => x - y)[Math.floor(p * (xs.length - 1))]!;

console.log(`Frozen set of ${evalSet.frozenOn}, split ${which}, ${qs.length} questions; answerer ${answerer.name}`);
console.log(
  '| group | n | search top-1 | search top-3 | assistant shows first / in 3 | answered | answered precision | suggest (right among choices) | not sure | naive top-1 | naive top-3 |',
);
console.log('|---|---|---|---|---|---|---|---|---|---|---|');
for (const [k, r] of [...rows].sort((x, y) => (x[0] === 'all' ? -1 : y[0] === 'all' ? 1 : y[1].n - x[1].n))) {
  console.log(
    `| ${k} | ${r.n} | ${pct(r.s1, r.n)} | ${pct(r.s3, r.n)} | ${pct(r.a1, r.n)} / ${pct(r.a3, r.n)} | ` +
      `${pct(r.answered, r.n)} | ${pct(r.right, r.answered)} | ` +
      `${pct(r.suggested, r.n)} (${pct(r.inChoices, r.suggested)}) | ${pct(r.notSure, r.n)} | ${pct(r.n1, r.n)} | ${pct(r.n3, r.n)} |`,
  );
}
console.log(
  `first pass: assistant latency p50 ${quantile(times, 0.5).toFixed(2)} ms, p99 ${quantile(times, 0.99).toFixed(2)} ms; ` +
    `reference (naive scan, same run) p50 ${quantile(naiveTimes, 0.5).toFixed(2)} ms, p99 ${quantile(naiveTimes, 0.99).toFixed(2)} ms`,
);
// A second pass over the same questions, timed only: a running server has compiled its hot paths (the first
// pass above includes the JIT's warm-up in its figures).
const warmWall: number[] = [];
const warmCpu: number[] = [];
for (const q of qs) {
  const cpuStart = process.cpuUsage();
  const started = performance.now();
  await answerer.answer(q.q);
  warmWall.push(performance.now() - started);
  const cpu = process.cpuUsage(cpuStart);
  warmCpu.push((cpu.user + cpu.system) / 1000);
}
console.log(
  `warm (second pass): wall p50 ${quantile(warmWall, 0.5).toFixed(2)} ms, p99 ${quantile(warmWall, 0.99).toFixed(2)} ms; ` +
    `CPU p50 ${quantile(warmCpu, 0.5).toFixed(2)} ms, p99 ${quantile(warmCpu, 0.99).toFixed(2)} ms`,
);
console.log(
  `first pass${cold ? ' (cold)' : ' (after warm-up)'}: assistant CPU time per answer p50 ${quantile(cpuTimes, 0.5).toFixed(2)} ms, p99 ${quantile(cpuTimes, 0.99).toFixed(2)} ms, ` +
    `mean ${(cpuTimes.reduce((x, y) => x + y, 0) / cpuTimes.length).toFixed(2)} ms; load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} on ${cpus().length} cores`,
);
if (process.env.BENCH_MISSES) for (const m of misses) console.log(m);
