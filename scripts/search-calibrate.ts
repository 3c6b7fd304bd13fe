/**
 * Calibrate the assistant's thresholds on the tuning questions only:
 *
 *   npx tsx scripts/search-calibrate.ts
 *
 * "Answered" threshold: the lowest answer score (coverage × margin) at which the first candidate is right ≥ 97 % of
 * the time (so that unseen questions keep ≥ 95 %) on the dev split of the frozen set (eval-questions.json:
 * questions nobody wrote for the index; the curated questions.json are easier and would set it too low).
 * "Not sure" threshold: just above every nonsense question of questions.json. Between the two the assistant asks
 * "Có phải bạn muốn…" with its top candidates. The test split is never read here; paste the printed values into
 * packages/core/src/search/assistant.ts and report the test split with bench/assistant-eval.ts.
 */
import { readFileSync } from 'node:fs';
import type { CatalogProcedure } from '@mot-cua/contracts';
import {
  ASSISTANT_MAX_FULL_MATCHES,
  answerScore,
  buildSearchIndex,
  calibratedConfidence,
  calibrateThreshold,
  thresholdAbove,
} from '@mot-cua/core';

const read = <T>(p: string) => JSON.parse(readFileSync(p, 'utf8')) as T;
type Q = { q: string; codes: string[]; split: string };
const catalog = read<CatalogProcedure[]>('data/procedures/catalog.json');
const frozen = read<{ questions: Q[] }>('packages/core/src/search/fixtures/eval-questions.json');
const curated = read<{ questions: Q[]; nonsense: string[] }>('packages/core/src/search/fixtures/questions.json');
const tuning = frozen.questions.filter((q) => q.split === 'dev');
const ANSWER_PRECISION_ON_DEV = 0.97;

const index = buildSearchIndex(catalog);
const refuse = thresholdAbove(curated.nonsense.map((q) => calibratedConfidence(index.search(q, { limit: 3 }))));
// Answered only among the questions the assistant does not refuse (calibrated confidence ≥ SUGGEST, not too
// general), by the answer score; at 97 % on dev so that unseen questions keep ≥ 95 % (see assistant.ts).
const samples = tuning.flatMap((q) => {
  const outcome = index.search(q.q, { limit: 3 });
  const top = outcome.items[0];
  const tooGeneral = top?.matchedBy === 'text' && outcome.fullMatches > ASSISTANT_MAX_FULL_MATCHES;
  if (!top || tooGeneral || calibratedConfidence(outcome) < refuse) return [];
  return [
    {
      calibrated: calibratedConfidence(outcome),
      score: answerScore(outcome),
      correct: q.codes.includes(top.record.code),
    },
  ];
});
// First the calibrated confidence alone (a sure curated phrase or full match), then the answer score on the rest.
const confident = calibrateThreshold(
  samples.map((s) => ({ confidence: s.calibrated, correct: s.correct })),
  ANSWER_PRECISION_ON_DEV,
);
const rest = samples.filter((s) => s.calibrated < confident);
const answer = calibrateThreshold(
  rest.map((s) => ({ confidence: s.score, correct: s.correct })),
  ANSWER_PRECISION_ON_DEV,
);
const answered = samples.filter((s) => s.calibrated >= confident || s.score >= answer);
const floor3 = (x: number) => (Math.floor(x * 1000) / 1000).toFixed(3);
console.log(`tuning questions: ${tuning.length}, not refused: ${samples.length}`);
console.log(`CONFIDENT_THRESHOLD = ${floor3(confident)} (calibrated confidence)`);
console.log(
  `ANSWER_THRESHOLD = ${floor3(answer)} (answer score); answers ${answered.length}, right ${answered.filter((s) => s.correct).length}`,
);
console.log(`SUGGEST_THRESHOLD = ${refuse.toFixed(3)} (above all ${curated.nonsense.length} nonsense questions)`);
