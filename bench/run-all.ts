/**
 * Run every benchmark under bench/ (files named <feature>-*.ts) one after another, each in its own
 * process so one cannot warm the other's caches. Pass name fragments to run only some:
 *   npm run bench -- calendar search
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const filters = process.argv.slice(2);
const scripts = readdirSync(here)
  .filter((f) => f.endsWith('.ts') && !['run-all.ts', 'bench-config.ts'].includes(f) && !f.endsWith('.test.ts'))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();

let failed = 0;
for (const s of scripts) {
  console.log(`\n### ${s}`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(here, s)], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
console.log(`\n${scripts.length - failed} benchmarks ran, ${failed} failed`);
process.exit(failed ? 1 : 0);
