/**
 * Parse quality of the procedure catalog per field (lĩnh vực), before and after, in one run.
 *
 *   npx tsx bench/catalog-parse-quality.ts [beforeRef] [--top N] [--field "Thuế"]
 *
 * Reads the shipped `data/procedures/catalog.json` (after) and the same file at `beforeRef` (git, default aff2f4e:
 * the catalog as issue 5 imported it, before issue 11's parser work) as the reference, and prints per field what
 * the parser found: records at commune level (received by every ward by default), records with steps and the
 * step paragraphs that do not end a sentence (broken lines), records with components and components flagged for
 * review, the component conditions (always / if applicable / per channel), records whose fee is stated (free, an amount or a rule), records with
 * a usable time limit, and records whose decision date is stated. Crawl records only (curated ones are hand-written).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CatalogProcedure } from '@mot-cua/contracts';
import { componentCondition, isProcedureEnabled } from '@mot-cua/core';

const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const positional = args.filter((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1]!.startsWith('--')));
const beforeRef = positional[0] ?? 'aff2f4e';
const top = Number(opt('--top') ?? 20);
const onlyField = opt('--field');
const ward = opt('--ward') ?? '26743'; // Phường Bến Thành, no configuration: the catalog's default

const root = fileURLToPath(new URL('..', import.meta.url));
const after = JSON.parse(readFileSync(`${root}data/procedures/catalog.json`, 'utf8')) as CatalogProcedure[];
const before = JSON.parse(
  execFileSync('git', ['show', `${beforeRef}:data/procedures/catalog.json`], {
    cwd: root,
    maxBuffer: 256 * 1024 * 1024,
  }).toString('utf8'),
) as CatalogProcedure[];

interface Figures {
  records: number;
  commune: number;
  withSteps: number;
  steps: number;
  brokenSteps: number;
  withComponents: number;
  components: number;
  componentsReview: number;
  always: number;
  ifApplicable: number;
  perChannel: number;
  withFee: number;
  withTimeLimit: number;
  decisionDate: number;
}
const empty = (): Figures => ({
  records: 0,
  commune: 0,
  withSteps: 0,
  steps: 0,
  brokenSteps: 0,
  withComponents: 0,
  components: 0,
  componentsReview: 0,
  always: 0,
  ifApplicable: 0,
  perChannel: 0,
  withFee: 0,
  withTimeLimit: 0,
  decisionDate: 0,
});

function measure(catalog: CatalogProcedure[]): Map<string, Figures> {
  const out = new Map<string, Figures>([['(all)', empty()]]);
  for (const r of catalog) {
    if (r.origin !== 'crawl') continue;
    for (const key of ['(all)', r.field]) {
      const f = out.get(key) ?? empty();
      out.set(key, f);
      f.records++;
      if (r.levels.includes('commune')) f.commune++;
      if (r.steps.length > 0) f.withSteps++;
      f.steps += r.steps.length;
      f.brokenSteps += r.steps.filter((s) => !/[.;:!?…)"”]$/u.test(s.trim())).length;
      const handedIn = r.components.filter((c) => !c.presentOnly);
      if (r.components.length > 0) f.withComponents++;
      f.components += r.components.length;
      f.componentsReview += r.components.filter((c) => c.needsReview).length;
      for (const c of handedIn) {
        const kind = componentCondition(c).kind;
        if (kind === 'always') f.always++;
        else if (kind === 'if_applicable') f.ifApplicable++;
        else f.perChannel++;
      }
      if (r.channels.some((ch) => ch.fees.some((fee) => fee.kind !== 'unknown'))) f.withFee++;
      if (r.timeLimit) f.withTimeLimit++;
      if (r.decisionDate) f.decisionDate++;
    }
  }
  return out;
}

const t0 = performance.now();
const b = measure(before);
const a = measure(after);
const ms = performance.now() - t0;

const pct = (n: number, d: number) => (d === 0 ? '–' : `${Math.round((100 * n) / d)} %`);
const pair = (x: number | string, y: number | string) => (x === y ? String(y) : `${x} → ${y}`);
const row = (name: string, x: Figures, y: Figures) =>
  `| ${name} | ${pair(x.records, y.records)} | ${pair(x.commune, y.commune)} | ${pair(pct(x.withSteps, x.records), pct(y.withSteps, y.records))} | ${pair(x.brokenSteps, y.brokenSteps)} / ${pair(x.steps, y.steps)} | ${pair(pct(x.withComponents, x.records), pct(y.withComponents, y.records))} | ${pair(x.componentsReview, y.componentsReview)} | ${y.always} / ${y.ifApplicable} / ${y.perChannel} | ${pair(pct(x.withFee, x.records), pct(y.withFee, y.records))} | ${pair(pct(x.withTimeLimit, x.records), pct(y.withTimeLimit, y.records))} | ${pair(x.decisionDate, y.decisionDate)} |`;

console.log(`catalog parse quality per field: before = ${beforeRef}, after = working tree (${ms.toFixed(0)} ms)`);
console.log(
  '| Field | Records | At commune level | With steps | Broken step lines / step paragraphs | With components | Components to review | Handed-in components always / if applicable / per channel (after) | Fee stated (free, amount or rule) | With a time limit | Decision date stated |',
);
console.log('|---|---|---|---|---|---|---|---|---|---|---|');
const fields = [...a.keys()]
  .filter((k) => k !== '(all)' && (!onlyField || k === onlyField))
  .sort((x, y) => a.get(y)!.records - a.get(x)!.records || x.localeCompare(y, 'vi'));
for (const k of [...(onlyField ? [] : ['(all)']), ...fields.slice(0, onlyField ? 1 : top)]) {
  console.log(row(k, b.get(k) ?? empty(), a.get(k)!));
}
if (!onlyField && fields.length > top)
  console.log(`(${fields.length - top} smaller fields left out; --top N shows more)`);

// What a ward receives by default (no unit or province configuration), per field, curated records included.
const wardDefault = (catalog: CatalogProcedure[]) => {
  const m = new Map<string, number>();
  for (const r of catalog) {
    if (!isProcedureEnabled({ levels: r.levels, unitCode: ward })) continue;
    m.set(r.field, (m.get(r.field) ?? 0) + 1);
    m.set('(all)', (m.get('(all)') ?? 0) + 1);
  }
  return m;
};
const wb = wardDefault(before);
const wa = wardDefault(after);
console.log(
  `\nprocedures a ward (${ward}) receives by default, per field: before = ${beforeRef}, after = working tree`,
);
console.log('| Field | Before | After |\n|---|---|---|');
const changed = [...new Set([...wb.keys(), ...wa.keys()])]
  .filter((k) => k === '(all)' || (wb.get(k) ?? 0) !== (wa.get(k) ?? 0))
  .sort((x, y) => (x === '(all)' ? -1 : y === '(all)' ? 1 : (wb.get(y) ?? 0) - (wb.get(x) ?? 0)));
for (const k of changed) console.log(`| ${k} | ${wb.get(k) ?? 0} | ${wa.get(k) ?? 0} |`);
console.log(
  `(${[...wa.keys()].length - 1} fields have a procedure a ward receives by default; fields unchanged are left out)`,
);
