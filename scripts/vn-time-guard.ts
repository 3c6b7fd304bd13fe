import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/**
 * Vietnam time has one home, `packages/contracts/src/vn-time.ts` (SQL: `atVnTime` in packages/db), and this guard
 * keeps it so: it reads the sources and reports every hand-written UTC+7 offset elsewhere. Tests are not read (a
 * fixture may well write `2026-03-02T09:00:00+07:00`); comments are not read either.
 */
export const ALLOWED_FILES: readonly RegExp[] = [
  /^packages\/contracts\/src\/vn-time\.ts$/,
  // An applied migration cannot change; its `dossier_vn_day` is the stored-function form of the helper.
  /^packages\/db\/migrations\/0160_create-dossier-aggregates\.sql$/,
];

/** Ways the offset has been written by hand: milliseconds, seconds × 1000, an SQL interval, an ISO suffix. */
export const OFFSET_PATTERNS: readonly RegExp[] = [
  /\b7\s*\*\s*(?:3_?600_?000|36e5|3_?600\s*\*\s*1_?000|60\s*\*\s*60|HOURS?(?:_MS)?\b|ONE_HOUR\b)/,
  /\b25_?200_?000\b/,
  /interval\s*'\s*7\s*hours?\s*'/i,
  /\+07:?00\b/,
];

const SOURCE = /\.(?:ts|tsx|js|mjs|sql)$/;
const TEST = /\.(?:test|spec)\.tsx?$/;
const ROOTS = ['packages', 'apps', 'scripts', 'e2e', 'bench'];
const SKIP_DIRS = new Set(['node_modules', 'dist', 'coverage', '.vite']);

export type Offset = { file: string; line: number; text: string };

/** The hand-written offsets of one source text (comment lines skipped). */
export function offsetsIn(file: string, source: string): Offset[] {
  const out: Offset[] = [];
  source.split('\n').forEach((text, i) => {
    const code = text.trim();
    if (/^(?:\/\/|\/\*|\*|--)/.test(code)) return;
    if (OFFSET_PATTERNS.some((p) => p.test(code.replace(/\/\/.*$|--\s.*$/, '')))) {
      out.push({ file, line: i + 1, text: code });
    }
  });
  return out;
}

function* sources(root: string, dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (SKIP_DIRS.has(entry.name) || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sources(root, path);
    else if (SOURCE.test(entry.name) && !TEST.test(entry.name)) yield relative(root, path).split(sep).join('/');
  }
}

/** Every hand-written offset of the repository outside the allowed files. */
export function handWrittenOffsets(root: string): Offset[] {
  const out: Offset[] = [];
  for (const top of ROOTS) {
    for (const file of sources(root, join(root, top))) {
      if (ALLOWED_FILES.some((a) => a.test(file))) continue;
      out.push(...offsetsIn(file, readFileSync(join(root, file), 'utf8')));
    }
  }
  return out;
}
