/**
 * Build data/procedures/catalog.json from the raw national-portal crawl plus data/procedures/overrides.json.
 *
 *   npx tsx scripts/procedures-import.ts [rawDir] [--out data/procedures] [--coverage docs/notes/issue-5a.coverage.md]
 *
 * rawDir defaults to ../shared/data/procedures/raw (folders per ministry, one JSON per procedure).
 * Writes catalog.json (array of CatalogProcedure, sorted by code) and catalog.meta.json (checksum,
 * counts, coverage). Deterministic: the same input gives byte-identical output.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CatalogOverrides, CatalogProcedure } from '@mot-cua/contracts';
import {
  applyOverrides,
  catalogCoverage,
  crawlPairCounts,
  parseRawProcedure,
  type RawProcedureRecord,
  repairRawRecord,
} from '@mot-cua/core';

const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const positional = args.filter((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1]!.startsWith('--')));
const rawDir = resolve(positional[0] ?? process.env.PROCEDURES_RAW_DIR ?? '../shared/data/procedures/raw');
const outDir = resolve(flag('--out') ?? 'data/procedures');

if (!existsSync(rawDir)) {
  console.error(`raw folder not found: ${rawDir}`);
  process.exit(1);
}

const rawRecords: Array<{ agency: string; raw: RawProcedureRecord }> = [];
for (const agency of readdirSync(rawDir).sort()) {
  const dir = join(rawDir, agency);
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    rawRecords.push({ agency, raw: JSON.parse(readFileSync(join(dir, file), 'utf8')) as RawProcedureRecord });
  }
}

// Words the crawl's layout moved out of a sentence are put back (word-pair counts over the whole crawl).
const wordPairs = crawlPairCounts(rawRecords.map((r) => r.raw));
const textRepairs: Array<{ code: string; field: string; fragment: string; into: string }> = [];
const pairs: Array<{ raw: RawProcedureRecord; parsed: CatalogProcedure }> = [];
const seen = new Map<string, string>();
for (const { agency, raw: crawled } of rawRecords) {
  const repaired = repairRawRecord(crawled, wordPairs);
  for (const r of repaired.repairs) textRepairs.push({ code: crawled.ma_thu_tuc.trim(), ...r });
  const raw = repaired.raw;
  const parsed = CatalogProcedure.parse(parseRawProcedure(raw, agency));
  const prev = seen.get(parsed.code);
  if (prev) {
    console.warn(`duplicate code ${parsed.code} in ${agency} and ${prev}: keeping the first`);
    continue;
  }
  seen.set(parsed.code, agency);
  pairs.push({ raw, parsed });
}

const overridesPath = join(outDir, 'overrides.json');
const overrides = existsSync(overridesPath)
  ? CatalogOverrides.parse(JSON.parse(readFileSync(overridesPath, 'utf8')))
  : CatalogOverrides.parse({ corrections: [], additions: [] });
const catalog = applyOverrides(
  pairs.map((p) => p.parsed),
  overrides,
).map((r) => CatalogProcedure.parse(r));

// one record per line: small, and a changed record shows as one changed line in a diff
const body = `[\n${catalog.map((r) => JSON.stringify(r)).join(',\n')}\n]\n`;
const checksum = createHash('sha256').update(body).digest('hex');
writeFileSync(join(outDir, 'catalog.json'), body);

const coverage = catalogCoverage(pairs);
const meta = {
  checksum,
  source: 'dichvucong.gov.vn crawl (../shared/data/procedures/raw), parsed by scripts/procedures-import.ts',
  crawlRecords: pairs.length,
  curatedAdditions: overrides.additions.length,
  corrections: overrides.corrections.length,
  total: catalog.length,
  needsReview: catalog.filter((r) => r.needsReview).length,
  textRepairs,
  coverage,
};
writeFileSync(join(outDir, 'catalog.meta.json'), `${JSON.stringify(meta, null, 2)}\n`);

const pct = (a: number, b: number) => (b === 0 ? '–' : `${((100 * a) / b).toFixed(1)}%`);
console.log(
  `${catalog.length} procedures (${pairs.length} crawled, ${overrides.additions.length} curated), sha256 ${checksum.slice(0, 12)}`,
);
for (const r of textRepairs) console.log(`moved "${r.fragment}" back into "${r.into}" (${r.code}, ${r.field})`);
console.log('| field | source cell present | parsed cleanly | % of present | flagged for review |');
console.log('|---|---:|---:|---:|---:|');
for (const c of coverage)
  console.log(`| ${c.field} | ${c.present} | ${c.parsed} | ${pct(c.parsed, c.present)} | ${c.review} |`);
