import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ASSISTANT_CONFIDENCE_THRESHOLD, fieldGroupOf } from '@mot-cua/core';
import { describe, expect, it } from 'vitest';
import { loadSearchEngine } from './catalog-index.js';

/**
 * Quality of search and the assistant on the shipped catalog, measured on the labelled question set
 * packages/core/src/search/fixtures/questions.json (everyday questions, with and without accents,
 * colloquial and misspelled, each with the procedure codes that answer it). The thresholds are a little
 * below what was achieved (see docs/notes/issue-5b.md), so a regression fails the build. Splits: 'dev' guided the curated phrases and synonyms; 'holdout' was
 * written at the same time but not looked at while tuning; 'fresh' was written after tuning and measured once,
 * so it is the honest estimate for questions nobody anticipated.
 */
type Split = 'dev' | 'holdout' | 'fresh';
type Fixture = {
  questions: Array<{ q: string; codes: string[]; split: Split }>;
  nonsense: string[];
  /** In-domain but too general to name one procedure: the assistant must ask for detail. */
  vague: string[];
};
const fixture = JSON.parse(
  readFileSync(
    fileURLToPath(new URL('../../../../../packages/core/src/search/fixtures/questions.json', import.meta.url)),
    'utf8',
  ),
) as Fixture;
const { index, answerer } = loadSearchEngine();

function accuracy(split?: Split) {
  const qs = fixture.questions.filter((q) => !split || q.split === split);
  let top1 = 0;
  let top3 = 0;
  for (const q of qs) {
    const got = index.search(q.q, { limit: 3 }).items.map((i) => i.record.code);
    if (q.codes.includes(got[0]!)) top1++;
    if (got.some((c) => q.codes.includes(c))) top3++;
  }
  return { n: qs.length, top1: top1 / qs.length, top3: top3 / qs.length };
}

describe('search quality on the labelled question set', () => {
  it('has at least 150 questions, every label a code of the shipped catalog', () => {
    expect(fixture.questions.length).toBeGreaterThanOrEqual(150);
    for (const q of fixture.questions)
      for (const c of q.codes) expect(index.findRecord(c), `${q.q}: ${c}`).toBeDefined();
  });

  it('top-1 and top-3 accuracy on the questions used for tuning', () => {
    const dev = accuracy('dev');
    expect(dev.top1).toBeGreaterThanOrEqual(0.97);
    expect(dev.top3).toBeGreaterThanOrEqual(0.99);
  });

  it('top-1 and top-3 accuracy on the fresh questions (written last, after tuning, measured once)', () => {
    const fresh = accuracy('fresh');
    expect(fresh.n).toBeGreaterThanOrEqual(20);
    expect(fresh.top1).toBeGreaterThanOrEqual(0.6);
    expect(fresh.top3).toBeGreaterThanOrEqual(0.8);
  });

  it('top-1 and top-3 accuracy on the held-out questions (not used for tuning until issue 18)', () => {
    const held = accuracy('holdout');
    expect(held.n).toBeGreaterThanOrEqual(60);
    expect(held.top1).toBeGreaterThanOrEqual(0.95);
    // 0.98 before issue 18; one question ("nhập hộ khẩu cho con") now has its answer second (docs/notes/issue-18.md).
    expect(held.top3).toBeGreaterThanOrEqual(0.96);
  });

  it('the assistant is right when it answers, offers the right choice when it suggests, and refuses nonsense', async () => {
    let answered = 0;
    let answeredRight = 0;
    let helped = 0;
    const labelled = fixture.questions.filter((q) => q.split !== 'fresh');
    for (const q of labelled) {
      const a = await answerer.answer(q.q);
      if (a.status === 'answered') {
        answered++;
        if (q.codes.includes(a.cards[0]!.code)) answeredRight++;
      }
      const offered = [
        ...a.cards.map((c) => c.code),
        ...(a.status === 'suggest' ? a.candidates.map((c) => c.code) : []),
      ];
      if (offered.some((c) => q.codes.includes(c))) helped++;
    }
    expect(answeredRight / answered).toBeGreaterThanOrEqual(0.95);
    expect(helped / labelled.length).toBeGreaterThanOrEqual(0.9);
    for (const q of fixture.nonsense) {
      const a = await answerer.answer(q);
      expect(a.status, q).toBe('not_sure');
      expect(a.confidence, q).toBeLessThan(ASSISTANT_CONFIDENCE_THRESHOLD);
    }
  });

  it('asks for detail on questions too general to name a procedure, offering candidates', async () => {
    expect(fixture.vague.length).toBeGreaterThanOrEqual(8);
    for (const q of fixture.vague) {
      const a = await answerer.answer(q);
      expect(a.status, q).toBe('not_sure');
      expect(a.cards, q).toEqual([]);
    }
    const general = await answerer.answer('xin giấy phép');
    expect(general.candidates.length).toBeGreaterThan(0);
  });
});

/**
 * The frozen evaluation set (issue 18): one everyday question per catalog record sampled at random per field group
 * by scripts/search-eval-set.ts, written and committed before tuning. Tuning looks at the dev split only; the
 * thresholds below are a little under what the test split measured once (docs/benchmarks.md), so a regression fails.
 */
type Frozen = {
  frozenOn: string;
  questions: Array<{ q: string; codes: string[]; group: string; split: 'dev' | 'test' }>;
};
const frozen = JSON.parse(
  readFileSync(
    fileURLToPath(new URL('../../../../../packages/core/src/search/fixtures/eval-questions.json', import.meta.url)),
    'utf8',
  ),
) as Frozen;

describe('the frozen evaluation set', () => {
  it('holds at least 400 questions in both splits, frozen on its date, labels from the sampled field group', () => {
    expect(frozen.frozenOn).toBe('2026-11-30');
    expect(frozen.questions.length).toBeGreaterThanOrEqual(400);
    expect(frozen.questions.filter((q) => q.split === 'test').length).toBeGreaterThanOrEqual(200);
    for (const q of frozen.questions) {
      const record = index.findRecord(q.codes[0]!);
      expect(record, q.q).toBeDefined();
      expect(fieldGroupOf(record!.field), q.q).toBe(q.group);
    }
  });

  it('on the test split: search top-1 and top-3, and the assistant right when it answers', async () => {
    const test = frozen.questions.filter((q) => q.split === 'test');
    let top1 = 0;
    let top3 = 0;
    let answered = 0;
    let right = 0;
    for (const q of test) {
      const got = index.search(q.q, { limit: 3 }).items.map((i) => i.record.code);
      if (q.codes.includes(got[0]!)) top1++;
      if (got.some((c) => q.codes.includes(c))) top3++;
      const a = await answerer.answer(q.q);
      if (a.status === 'answered') {
        answered++;
        if (q.codes.includes(a.cards[0]!.code)) right++;
      }
    }
    expect(top1 / test.length).toBeGreaterThanOrEqual(0.75);
    expect(top3 / test.length).toBeGreaterThanOrEqual(0.88);
    expect(right / answered).toBeGreaterThanOrEqual(0.93);
  });
});
