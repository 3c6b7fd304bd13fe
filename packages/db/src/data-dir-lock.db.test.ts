import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataDirInUseError } from './data-dir-lock.js';
import { openDatabase } from './database.js';

describe('embedded database folder lock', () => {
  const dirs: string[] = [];
  const freshDir = () => {
    const d = mkdtempSync(join(tmpdir(), 'motcua-lock-'));
    dirs.push(d);
    return d;
  };
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('refuses a second opener of the same folder, naming the owner, and frees it on close', async () => {
    const dir = freshDir();
    const first = await openDatabase({ dataDir: dir });
    expect(readFileSync(join(dir, 'motcua.pid'), 'utf8').split(' ')[0]).toBe(String(process.pid));
    // the same process opening twice is also refused: PGlite is single-writer
    writeFileSync(join(dir, 'motcua.pid'), String(process.ppid));
    const err = await openDatabase({ dataDir: dir }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DataDirInUseError);
    expect((err as DataDirInUseError).pid).toBe(process.ppid);
    expect((err as Error).message).toContain(dir);
    writeFileSync(join(dir, 'motcua.pid'), String(process.pid));
    await first.close();
    expect(existsSync(join(dir, 'motcua.pid'))).toBe(false);
    const again = await openDatabase({ dataDir: dir });
    await again.close();
  }, 60_000);

  it('takes over a lock left by a process that no longer runs', async () => {
    const dir = freshDir();
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
    writeFileSync(join(dir, 'motcua.pid'), dead);
    const db = await openDatabase({ dataDir: dir });
    expect(readFileSync(join(dir, 'motcua.pid'), 'utf8').split(' ')[0]).toBe(String(process.pid));
    await db.close();
  }, 60_000);
});
