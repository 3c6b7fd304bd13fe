/**
 * The frozen evaluation set of the assistant, in two steps:
 *
 *   npx tsx scripts/search-eval-set.ts sample   → packages/core/src/search/fixtures/eval-sample.json
 *   npx tsx scripts/search-eval-set.ts build    → packages/core/src/search/fixtures/eval-questions.json
 *
 * `sample` draws catalog records at random (mulberry32, seed 20261130) in every citizen-facing field group
 * (FIELD_GROUPS in core), a fixed quota per group (all records when the group is smaller), and splits each group
 * half dev (tuned on) / half test (only reported). The records are drawn from the catalog, not from what the
 * index already answers. A person then writes one everyday question per sampled record in eval-questions.tsv
 * (code, tab, question), without looking at the index, the phrase list or the fixtures; `build` joins the two
 * into the frozen JSON with its date. Labels: the sampled code plus every record with the same name once the level in
 * brackets and punctuation are ignored (the catalog repeats some procedures per level).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { CatalogProcedure } from '@mot-cua/contracts';
import { FIELD_GROUPS, type FieldGroup, fieldGroupOf } from '@mot-cua/core';
import { seededRandom, shuffled } from './seeded-random.js';

const SEED = 20261130;
const QUOTA: Record<FieldGroup, number> = {
  civil_status: 45,
  certification: 40,
  land: 45,
  construction_housing: 45,
  business: 45,
  social_protection: 35,
  insurance_labour: 34,
  residence_identity: 45,
  transport: 30,
  agriculture_environment: 30,
  justice: 20,
  community: 20,
};
const DIR = 'packages/core/src/search/fixtures';

const rand = seededRandom(SEED);
const shuffle = <T>(xs: readonly T[]): T[] => shuffled(xs, rand);

/** A name without the level it is carried out at ("(thực hiện tại cấp tỉnh)") or trailing punctuation. */
const nameKey = (name: string) =>
  name
    .toLowerCase()
    .replace(/\([^)]*\)/g, ' ')
    .replace(/[\s.;,]+/g, ' ')
    .trim();

type Sampled = { code: string; name: string; field: string; group: FieldGroup; split: 'dev' | 'test'; codes: string[] };

function sample() {
  const catalog = JSON.parse(readFileSync('data/procedures/catalog.json', 'utf8')) as CatalogProcedure[];
  const sameName = new Map<string, string[]>();
  for (const r of catalog) sameName.set(nameKey(r.name), [...(sameName.get(nameKey(r.name)) ?? []), r.code]);
  const out: Sampled[] = [];
  for (const group of Object.keys(FIELD_GROUPS) as FieldGroup[]) {
    const pool = catalog.filter((r) => fieldGroupOf(r.field) === group).sort((a, b) => a.code.localeCompare(b.code));
    const picked = shuffle(pool).slice(0, QUOTA[group]);
    picked.forEach((r, i) => {
      out.push({
        code: r.code,
        name: r.name,
        field: r.field,
        group,
        split: i % 2 === 0 ? 'dev' : 'test',
        codes: [...new Set([r.code, ...(sameName.get(nameKey(r.name)) ?? [])])],
      });
    });
  }
  writeFileSync(`${DIR}/eval-sample.json`, `${JSON.stringify({ seed: SEED, quota: QUOTA, records: out }, null, 1)}\n`);
  console.log(`sampled ${out.length} records`);
}

function build(frozenOn: string) {
  const { records } = JSON.parse(readFileSync(`${DIR}/eval-sample.json`, 'utf8')) as { records: Sampled[] };
  const written = new Map<string, string>();
  for (const line of readFileSync(`${DIR}/eval-questions.tsv`, 'utf8').split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const [code, q] = line.split('\t');
    if (code && q) written.set(code.trim(), q.trim());
  }
  const missing = records.filter((r) => !written.has(r.code)).map((r) => r.code);
  if (missing.length) throw new Error(`no question for ${missing.join(', ')}`);
  const questions = records.map((r) => ({ q: written.get(r.code)!, codes: r.codes, group: r.group, split: r.split }));
  const about =
    'Everyday questions, one per catalog record sampled at random by scripts/search-eval-set.ts (seed ' +
    `${SEED}), written before any tuning on them; frozen on ${frozenOn}. Tune on dev, report test.`;
  writeFileSync(
    `${DIR}/eval-questions.json`,
    `${JSON.stringify({ about, frozenOn, seed: SEED, questions }, null, 1)}\n`,
  );
  console.log(`wrote ${questions.length} questions`);
}

const [cmd, arg] = process.argv.slice(2);
if (cmd === 'sample') sample();
else if (cmd === 'build') build(arg ?? new Date().toISOString().slice(0, 10));
else console.error('usage: search-eval-set.ts sample | build [YYYY-MM-DD]');
