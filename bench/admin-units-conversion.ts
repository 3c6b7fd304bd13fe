/**
 * Address conversion: accuracy on the labelled set (data/admin-units/address-conversion-labelled.json, 1,000 noisy
 * old addresses generated from the official mapping) and throughput, against a same-run naive reference: split on
 * commas, fold accents, drop the type word, and look the (commune, district, province) names up in an exact-match
 * table of the old units (what a spreadsheet VLOOKUP on folded names does).
 *
 *   npx tsx bench/admin-units-conversion.ts        (or: npm run bench -- admin-units)
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  AddressConverter,
  AdminUnitIndex,
  buildMasterDataset,
  type ConversionResult,
  foldName,
  type RawAdminUnitsFile,
  type RawChangesFile,
} from '@mot-cua/core';

const data = (f: string) => fileURLToPath(new URL(`../data/admin-units/${f}`, import.meta.url));
type Item = { address: string; oldCode: string; expected: string[]; share: 'full' | 'partial'; noise: string[] };
const labelled = JSON.parse(readFileSync(data('address-conversion-labelled.json'), 'utf8')) as { items: Item[] };
const raw = JSON.parse(readFileSync(data('vn-admin-units-2025-07-01.json'), 'utf8')) as RawAdminUnitsFile;
const changes = JSON.parse(readFileSync(data('changes-after-2025-07-01.json'), 'utf8')) as RawChangesFile;
const ON = '2025-07-01';

let t0 = performance.now();
const index = new AdminUnitIndex(buildMasterDataset(raw, changes));
const converter = new AddressConverter(index);
const buildMs = performance.now() - t0;

// ---- naive reference: exact lookup of folded names ----
const TYPE_WORDS = /^(thanh pho|thi tran|thi xa|dac khu|phuong|tinh|quan|huyen|xa|tp|tx|tt|q|h|p|x|t) /;
const stripType = (s: string) => foldName(s).replace(TYPE_WORDS, '').trim();
t0 = performance.now();
const oldProvinceName = new Map(raw.oldProvinces.map((p) => [p.code, stripType(p.fullName)]));
const oldDistrictName = new Map(raw.oldDistricts.map((d) => [d.code, stripType(d.fullName)]));
const newCodesOf = new Map<string, string[]>();
for (const m of raw.wardMap) newCodesOf.set(m.oldCode, [...(newCodesOf.get(m.oldCode) ?? []), m.newWardCode]);
const naiveTable = new Map<string, string[]>();
for (const w of raw.oldWards) {
  const key = `${stripType(w.fullName)}|${oldDistrictName.get(w.districtCode)}|${oldProvinceName.get(w.provinceCode)}`;
  naiveTable.set(key, newCodesOf.get(w.code) ?? []);
}
const naiveBuildMs = performance.now() - t0;
function naive(address: string): string[] {
  const parts = address.split(',').map(stripType).filter(Boolean);
  if (parts.length < 3) return [];
  const [c, d, p] = parts.slice(-3);
  return naiveTable.get(`${c}|${d}|${p}`) ?? [];
}

// ---- accuracy ----
const newCodes = (r: ConversionResult) => [...new Set(r.candidates.map((c) => c.newUnit.code))];
type Tally = { n: number; top1: number; top3: number };
const tally = (): Tally => ({ n: 0, top1: 0, top3: 0 });
const all = tally();
const naiveAll = tally();
const byShare = { full: tally(), partial: tally() };
const byNoise = new Map<string, Tally>();
let oldCommuneRight = 0;
let splitFlagged = 0;
let splitAllListed = 0;
let fullWronglyFlagged = 0;
const confident = { n: 0, right: 0 };
const unsure = { n: 0, right: 0 };
const statusCount: Record<string, number> = {};
const misses: string[] = [];

for (const it of labelled.items) {
  const r = converter.convert(it.address, ON);
  statusCount[r.status] = (statusCount[r.status] ?? 0) + 1;
  const codes = newCodes(r);
  const hit1 = codes[0] !== undefined && it.expected.includes(codes[0]);
  const hit3 = codes.slice(0, 3).some((c) => it.expected.includes(c));
  for (const t of [all, byShare[it.share], ...it.noise.map((n) => byNoise.get(n) ?? byNoise.set(n, tally()).get(n)!)]) {
    t.n++;
    if (hit1) t.top1++;
    if (hit3) t.top3++;
  }
  if (r.candidates[0]?.oldCommune?.code === it.oldCode) oldCommuneRight++;
  if (it.share === 'partial') {
    if (r.status === 'needs_detail') splitFlagged++;
    if (it.expected.every((c) => codes.includes(c))) splitAllListed++;
  } else if (r.status === 'needs_detail') fullWronglyFlagged++;
  const bucket = r.confidence >= 0.9 ? confident : unsure;
  bucket.n++;
  if (hit1) bucket.right++;
  if (!hit1 && misses.length < 8)
    misses.push(`  ${it.address}  → ${r.status} ${codes.slice(0, 3).join(',')} (want ${it.expected.join(',')})`);

  const nv = naive(it.address);
  naiveAll.n++;
  if (nv[0] !== undefined && it.expected.includes(nv[0])) naiveAll.top1++;
  if (nv.slice(0, 3).some((c) => it.expected.includes(c))) naiveAll.top3++;
}

// ---- throughput ----
function rate(fn: (a: string) => unknown, minMs = 3000): number {
  const items = labelled.items;
  for (const it of items.slice(0, 200)) fn(it.address); // warm-up
  let n = 0;
  const start = performance.now();
  while (performance.now() - start < minMs) {
    for (const it of items) fn(it.address);
    n += items.length;
  }
  return n / ((performance.now() - start) / 1000);
}
const convRate = rate((a) => converter.convert(a, ON));
const naiveRate = rate(naive, 1500);
const codeRate = rate(() => converter.convertCode('00004', ON), 1000);

const pct = (a: number, b: number) => `${((100 * a) / Math.max(b, 1)).toFixed(1)}%`;
const fmt = (x: number) => Math.round(x).toLocaleString('en-US');
console.log(
  `Labelled set: ${labelled.items.length} addresses (${byShare.full.n} full, ${byShare.partial.n} split communes)`,
);
console.log(`Index + converter built in ${buildMs.toFixed(0)} ms (naive table ${naiveBuildMs.toFixed(0)} ms)\n`);
console.log('| Measure | Converter | Naive exact lookup (folded) |');
console.log('|---|---|---|');
console.log(`| Top-1 new commune correct (all) | ${pct(all.top1, all.n)} | ${pct(naiveAll.top1, naiveAll.n)} |`);
console.log(`| Top-3 contains a correct commune (all) | ${pct(all.top3, all.n)} | ${pct(naiveAll.top3, naiveAll.n)} |`);
console.log(`| Top-1 on whole (full) communes | ${pct(byShare.full.top1, byShare.full.n)} | — |`);
console.log(`| Old commune identified | ${pct(oldCommuneRight, all.n)} | — |`);
console.log(
  `| Split communes flagged "needs street/village" | ${pct(splitFlagged, byShare.partial.n)} | 0% (no notion) |`,
);
console.log(`| Split communes with every successor listed | ${pct(splitAllListed, byShare.partial.n)} | — |`);
console.log(`| Whole communes wrongly flagged as split | ${pct(fullWronglyFlagged, byShare.full.n)} | — |`);
console.log(
  `| Top-1 correct when confidence ≥ 0.9 (${confident.n}) / < 0.9 (${unsure.n}) | ${pct(confident.right, confident.n)} / ${pct(unsure.right, unsure.n)} | — |`,
);
console.log(`| Throughput, free-text addresses/s (1 core) | ${fmt(convRate)} | ${fmt(naiveRate)} |`);
console.log(`| Throughput, old codes/s | ${fmt(codeRate)} | — |`);
console.log(
  `\nStatuses: ${Object.entries(statusCount)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ')}`,
);
console.log('\nTop-1 by kind of noise (an address can carry several):');
for (const [noise, t] of [...byNoise].sort((a, b) => b[1].n - a[1].n)) {
  console.log(
    `  ${noise.padEnd(14)} n=${String(t.n).padStart(4)}  top-1 ${pct(t.top1, t.n).padStart(6)}  top-3 ${pct(t.top3, t.n).padStart(6)}`,
  );
}
console.log('\nSome misses:');
for (const m of misses) console.log(m);

// ---- harder styles (issue 18): reversed, ">" / " - " separated, all caps, roads and hamlets, stored abbreviations ----
function styleTable(file: string, label: string) {
  const set = JSON.parse(readFileSync(data(file), 'utf8')) as { items: Item[] };
  type Row = { full: number; fullRight: number; split: number; needsDetail: number; allListed: number };
  const rows = new Map<string, Row>();
  const row = (k: string) =>
    rows.get(k) ?? rows.set(k, { full: 0, fullRight: 0, split: 0, needsDetail: 0, allListed: 0 }).get(k)!;
  const missed: string[] = [];
  for (const it of set.items) {
    const r = converter.convert(it.address, ON);
    const codes = newCodes(r);
    for (const k of ['all', ...it.noise.filter((n) => !['abbreviated', 'no_accents', 'type_dropped'].includes(n))]) {
      const t = row(k);
      if (it.share === 'full') {
        t.full++;
        if (codes[0] !== undefined && it.expected.includes(codes[0])) t.fullRight++;
        else if (k === 'all' && missed.length < Number(process.env.BENCH_MISSES ?? 6))
          missed.push(`  ${it.address} → ${r.status} ${codes.slice(0, 3)}`);
      } else {
        t.split++;
        if (r.status === 'needs_detail') t.needsDetail++;
        if (it.expected.every((c) => codes.includes(c))) t.allListed++;
      }
    }
  }
  console.log(`\n${label} (${file}, ${set.items.length} addresses)`);
  console.log('| Style | whole communes: top-1 | split communes: "needs detail" | split: every successor listed |');
  console.log('|---|---|---|---|');
  for (const [k, t] of [...rows].sort((a, b) =>
    a[0] === 'all' ? -1 : b[0] === 'all' ? 1 : a[0].localeCompare(b[0]),
  )) {
    console.log(
      `| ${k} | ${pct(t.fullRight, t.full)} (${t.full}) | ${pct(t.needsDetail, t.split)} (${t.split}) | ${pct(t.allListed, t.split)} |`,
    );
  }
  if (process.env.BENCH_MISSES) for (const m of missed) console.log(m);
}
styleTable('address-conversion-styles.json', 'Harder styles, the set used while improving the parser');
styleTable('address-conversion-styles-holdout.json', 'Harder styles, held out (generated after, measured only)');
// Third round: bare type letters ("P Hoa Nghia"), up to three styles at once, stored abbreviations either way.
styleTable('address-conversion-styles2.json', 'Styles 2, the set used while fixing (seed 20261202)');
if (existsSync(data('address-conversion-styles2-holdout.json')))
  styleTable(
    'address-conversion-styles2-holdout.json',
    'Styles 2, held out (seed 20261203, generated after the fixes)',
  );
