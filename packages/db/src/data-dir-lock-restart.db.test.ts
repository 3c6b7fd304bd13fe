import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isRunning, lockDataDir } from './data-dir-lock.js';

const state = (pid: number) => {
  try {
    const t = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return t.slice(t.lastIndexOf(')') + 2).split(' ')[0];
  } catch {
    return 'gone';
  }
};

describe.runIf(existsSync('/proc/self/stat'))('restart right after kill -9 (issue 16)', () => {
  it('a lock whose owner lingers as a zombie is taken over at once', async () => {
    // sh starts a background sleep, prints its pid and becomes `sleep 30`, which never reaps it: killed, the
    // background sleep stays a zombie, as a killed server does until its supervisor reaps it.
    const parent = spawn('sh', ['-c', 'sleep 100 & echo $!; exec sleep 30'], { stdio: ['ignore', 'pipe', 'ignore'] });
    const zombie = Number(await new Promise<string>((r) => parent.stdout.once('data', (d) => r(String(d).trim()))));
    const dir = mkdtempSync(join(tmpdir(), 'motcua-zombie-'));
    try {
      process.kill(zombie, 'SIGKILL');
      for (let i = 0; i < 1000 && !['Z', 'gone'].includes(state(zombie) ?? ''); i++)
        await new Promise((r) => setTimeout(r, 20));
      // A zombie until its parent reaps it; where a subreaper of the machine reaps it first, it is simply gone.
      // Either way its lock must be taken over at once.
      expect(['Z', 'gone']).toContain(state(zombie));
      expect(isRunning(zombie)).toBe(false);
      writeFileSync(join(dir, 'motcua.pid'), String(zombie));
      const release = lockDataDir(dir);
      expect(readFileSync(join(dir, 'motcua.pid'), 'utf8').split(' ')[0]).toBe(String(process.pid));
      release();
    } finally {
      parent.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    }
    // A loaded machine may take seconds to start the shells and reap nothing: up to 20 s of waiting above.
  }, 30_000);

  it('a lock whose pid now belongs to another program (another start time) is taken over', () => {
    const dir = mkdtempSync(join(tmpdir(), 'motcua-reuse-'));
    try {
      // The parent process runs, but it is not the one that wrote the lock (start time differs).
      writeFileSync(join(dir, 'motcua.pid'), `${process.ppid} 1`);
      const release = lockDataDir(dir);
      release();
      expect(existsSync(join(dir, 'motcua.pid'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
