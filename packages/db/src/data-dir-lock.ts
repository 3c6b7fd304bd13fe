import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The embedded database is single-process: two processes writing one PGlite folder corrupt it. A lock file
 * (`motcua.pid`, created with O_EXCL) holds the owner's pid; a lock left by a process that no longer runs
 * (crash, power cut) is taken over.
 */
export class DataDirInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `The embedded database in ${dataDir} is in use by process ${pid}. Stop that process first, ` +
        'or give this one another DATA_DIR or a DATABASE_URL.',
    );
    this.name = 'DataDirInUseError';
  }
}

/**
 * Whether the process is alive. A process killed with -9 lingers as a zombie (state Z) until its parent reaps
 * it, and a pid can be reused by another program: on Linux /proc tells both (state, and the start time the lock
 * recorded), so a restart right after a crash takes the lock over at once instead of failing once.
 */
export function isRunning(pid: number, startedAt?: string): boolean {
  try {
    process.kill(pid, 0);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
  const stat = procStat(pid);
  if (!stat) return true; // not Linux, or /proc hidden: trust kill(0)
  if (stat.state === 'Z' || stat.state === 'X') return false;
  return !startedAt || stat.startTime === startedAt;
}

/** State and start time (clock ticks since boot) from /proc/<pid>/stat, or null where there is no /proc. */
function procStat(pid: number): { state: string; startTime: string } | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0] ?? '', startTime: fields[19] ?? '' };
  } catch {
    return null;
  }
}

/** Take the folder's lock or throw DataDirInUseError; returns the release function. */
export function lockDataDir(dataDir: string): () => void {
  const file = join(dataDir, 'motcua.pid');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      const started = procStat(process.pid)?.startTime;
      writeSync(fd, started ? `${process.pid} ${started}` : String(process.pid));
      closeSync(fd);
      return () => {
        try {
          if (readFileSync(file, 'utf8').trim().split(' ')[0] === String(process.pid)) rmSync(file);
        } catch {
          // already gone
        }
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const [pidText = '', startedAt] = readFileSync(file, 'utf8').trim().split(' ');
      const owner = Number.parseInt(pidText, 10);
      if (Number.isInteger(owner) && owner !== process.pid && isRunning(owner, startedAt)) {
        throw new DataDirInUseError(dataDir, owner);
      }
      rmSync(file, { force: true }); // stale: its process is gone
    }
  }
  throw new DataDirInUseError(dataDir, -1);
}
