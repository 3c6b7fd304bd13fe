import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Global setup of the e2e project: build the web app the journeys load, once per run, and only when a journey
 * runs (`npm run test:unit` and `test:db` never pay for it). `SKIP_WEB_BUILD=1` reuses an existing build.
 */
export default function buildWeb(): void {
  if (process.env.SKIP_WEB_BUILD === '1') return;
  const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
  const r = spawnSync('npm', ['run', 'build:web', '--silent'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`web build failed (exit ${r.status})`);
}
