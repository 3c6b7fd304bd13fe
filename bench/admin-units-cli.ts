/**
 * The address-conversion CLI end to end (`npm run convert-addresses`): a CSV of ROWS old addresses (the labelled
 * sets of data/admin-units, repeated; the converter keeps no cache, so repeats cost the same as new rows), against
 * a same-run reference that streams the same CSV through the same parser and writer with a converter that does
 * nothing (what reading and writing the file costs).
 *
 *   npx tsx bench/admin-units-cli.ts        (BENCH_ROWS=100000 by default; or: npm run bench -- admin-units-cli)
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressConverter, ConversionResult } from '@mot-cua/core';
import { convertCsv, csvField, shippedConverter } from '../scripts/admin-units-convert-csv.js';

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const data = (f: string) => fileURLToPath(new URL(`../data/admin-units/${f}`, import.meta.url));
const addresses = [
  'address-conversion-labelled.json',
  'address-conversion-styles.json',
  'address-conversion-styles-holdout.json',
]
  .flatMap((f) => (JSON.parse(readFileSync(data(f), 'utf8')) as { items: Array<{ address: string }> }).items)
  .map((i) => i.address);

const dir = join(tmpdir(), `motcua-cli-bench-${process.pid}`);
const input = join(dir, 'in.csv');
mkdirSync(dir, { recursive: true });
const lines = ['id,address'];
for (let i = 0; i < ROWS; i++) lines.push(`${i + 1},${csvField(addresses[i % addresses.length]!)}`);
writeFileSync(input, `${lines.join('\n')}\n`);

const converter = shippedConverter();
const nothing: ConversionResult = { status: 'not_found', confidence: 0, candidates: [], detail: '', warnings: [] };
const idle = { convert: () => nothing, convertCode: () => nothing } as unknown as AddressConverter;

async function run(name: string, c: AddressConverter) {
  const started = performance.now();
  const cpu0 = process.cpuUsage();
  const s = await convertCsv(input, join(dir, `${name}.csv`), { onDate: '2026-01-01', progress: false, converter: c });
  const cpu = process.cpuUsage(cpu0);
  const secs = (performance.now() - started) / 1000;
  const rate = Math.round(s.rows / secs).toLocaleString('en-US');
  const perCpu = Math.round(s.rows / ((cpu.user + cpu.system) / 1e6)).toLocaleString('en-US');
  console.log(`| ${name} | ${s.rows.toLocaleString('en-US')} | ${secs.toFixed(1)} s | ${rate} | ${perCpu} |`);
}

console.log(`CSV of ${ROWS.toLocaleString('en-US')} rows from ${addresses.length} distinct labelled addresses`);
console.log('| Run | rows | time | rows/s (wall) | rows per CPU-second |');
console.log('|---|---|---|---|---|');
await run('reference: stream the CSV unconverted', idle);
await run('convert every address', converter);
rmSync(dir, { recursive: true, force: true });
