/**
 * CPU time spent by PostgreSQL backends of one database and by this process (and its reaped children), read from
 * /proc (Linux). A throughput ratio measured on a busy machine says little; CPU milliseconds per operation change
 * much less with the load around them, and on a CPU-bound machine they bound the throughput:
 * at most (cores × 1000) / (CPU ms per operation) operations per second.
 */
import { readdirSync, readFileSync } from 'node:fs';

const TICK_MS = 10; // USER_HZ is 100 on Linux

/** utime + stime (and with `children`, cutime + cstime) of a process, in ms; undefined when it is gone. */
function procCpuMs(pid: string | number, children = false): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start at state; utime is field 14, stime 15, cutime 16, cstime 17.
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(rest[11]) + Number(rest[12]) + (children ? Number(rest[13]) + Number(rest[14]) : 0);
    return ticks * TICK_MS;
  } catch {
    return undefined;
  }
}

function backendsOf(dbName: string): string[] {
  const out: string[] = [];
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      // A backend names itself "postgres: [<cluster>: ]<user> <database> <client> <state>".
      const m = /^postgres: (?:\S+: )?\S+ (\S+) /.exec(cmd);
      if (m?.[1] === dbName) out.push(pid);
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

/**
 * Follows the backends of `dbName` every `everyMs` (backends that start and end meanwhile are counted up to their last
 * sample, so a little is lost for each one that ends; keep connections pooled while measuring).
 */
export function trackBackendCpu(dbName: string, everyMs = 100) {
  const seen = new Map<string, { first: number; last: number }>();
  // Listing the backends reads every process's cmdline (thousands of reads on a busy machine, charged to this
  // process's CPU): list them every tenth sample, read the known ones' stat at every sample.
  let pids: string[] = [];
  let tick = 0;
  const sample = (initial: boolean) => {
    if (initial || tick++ % 10 === 0) pids = [...new Set([...seen.keys(), ...backendsOf(dbName)])];
    for (const pid of pids) {
      const ms = procCpuMs(pid);
      if (ms === undefined) continue;
      const s = seen.get(pid);
      if (s) s.last = ms;
      else seen.set(pid, { first: initial ? ms : 0, last: ms });
    }
  };
  sample(true);
  const timer = setInterval(() => sample(false), everyMs);
  return {
    /** CPU ms the database's backends used since the start. */
    stop(): number {
      clearInterval(timer);
      tick = 0; // a last listing, for backends that started since the previous one
      sample(false);
      let total = 0;
      for (const s of seen.values()) total += s.last - s.first;
      return total;
    },
  };
}

/** CPU ms of this process (every thread) since `from`, and of the children it has waited for. */
export function selfCpuMs(): { self: number; children: number } {
  const own = procCpuMs('self') ?? 0;
  const all = procCpuMs('self', true) ?? 0;
  return { self: own, children: all - own };
}
