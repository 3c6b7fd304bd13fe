/**
 * Calibrate the assistant's thresholds on the tuning questions only:
 *
 *   npx tsx scripts/search-calibrate.ts
 *
 * "Answered" threshold: the lowest calibrated confidence at which the first candidate is right ≥ 95 % of the time
 * on the dev split of the frozen set (eval-questions.json: questions nobody wrote for the index; the curated
 * questions.json are easier and would set it too low).
 * "Not sure" threshold: just above every nonsense question of questions.json. Between the two the assistant asks
 * "Có phải bạn muốn…" with its top candidates. The test split is never read here; paste the printed values into
 * packages/core/src/search/assistant.ts and report the test split with bench/assistant-eval.ts.
 */
import { readFileSync } from 'node:fs';
import type { CatalogProcedure } from '@mot-cua/contracts';
import { buildSearchIndex, calibratedConfidence, calibrateThreshold, thresholdAbove } from '@mot-cua/core';

const read = <T>(p: string) => JSON.parse(readFileSync(p, 'utf8')) as T;
type Q = { q: string; codes: string[]; split: string };
const catalog = read<CatalogProcedure[]>('data/procedures/catalog.json');
const frozen = read<{ questions: Q[] }>('packages/core/src/search/fixtures/eval-questions.json');
const curated = read<{ questions: Q[]; nonsense: string[] }>('packages/core/src/search/fixtures/questions.json');
const tuning = frozen.questions.filter((q) => q.split === 'dev');

const index = buildSearchIndex(catalog);
const samples = tuning.map((q) => {
  const outcome = index.search(q.q, { limit: 3 });
  return { confidence: calibratedConfidence(outcome), correct: q.codes.includes(outcome.items[0]?.record.code ?? '') };
});
const answer = calibrateThreshold(samples, 0.95);
const refuse = thresholdAbove(curated.nonsense.map((q) => calibratedConfidence(index.search(q, { limit: 3 }))));
const answered = samples.filter((s) => s.confidence >= answer);
console.log(`tuning questions: ${samples.length}`);
console.log(
  `ANSWER_THRESHOLD = ${answer.toFixed(3)} (answers ${answered.length}, right ${answered.filter((s) => s.correct).length})`,
);
console.log(`SUGGEST_THRESHOLD = ${refuse.toFixed(3)} (above all ${curated.nonsense.length} nonsense questions)`);
