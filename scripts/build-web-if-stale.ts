/**
 * `npm start` builds the web app only when its sources changed since the last build: a sha256 over every input
 * (the web app's sources, its config, the contracts it imports, the lock file) is kept beside the build.
 *
 *   tsx scripts/build-web-if-stale.ts          # build if stale
 *   tsx scripts/build-web-if-stale.ts --force  # always build
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const web = join(root, 'apps/web');
const stamp = join(web, 'dist/.build-hash');
const INPUTS = [
  'apps/web/src',
  'apps/web/public',
  'apps/web/index.html',
  'apps/web/vite.config.ts',
  'apps/web/package.json',
  'apps/web/tsconfig.json',
  'packages/contracts/src',
  // the shapes the maps draw, and the build step that cuts the communes per province
  'data/geo',
  'scripts/geo/ward-shapes.ts',
  'package-lock.json',
];

function files(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((f) => files(join(path, f)));
}

export function sourcesHash(): string {
  const h = createHash('sha256');
  for (const input of INPUTS) {
    for (const file of files(join(root, input))) {
      h.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
    }
  }
  return h.digest('hex');
}

const hash = sourcesHash();
const current = existsSync(stamp) && existsSync(join(web, 'dist/index.html')) && readFileSync(stamp, 'utf8') === hash;
if (current && !process.argv.includes('--force')) {
  console.log('web app: the build is current, not rebuilt (npm run build:web to force)');
} else {
  console.log('web app: building…');
  execFileSync('npm', ['run', 'build', '-w', '@mot-cua/web'], { cwd: root, stdio: 'inherit' });
  writeFileSync(stamp, hash);
}
