import type { Database } from '@mot-cua/db';
import { sql } from 'kysely';

/* Where a receipt's time goes, besides the statements (statement-recorder.ts): this process's CPU profile and the
   PL/pgSQL functions' times. */

/** BENCH_CPU_PROFILE=file.cpuprofile: a CPU profile of this process during the receipts phase only. */
export async function startProfiler() {
  const file = process.env.BENCH_CPU_PROFILE;
  if (!file) return undefined;
  const { Session } = await import('node:inspector/promises');
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return {
    async stop() {
      const { profile } = await session.post('Profiler.stop');
      (await import('node:fs')).writeFileSync(file, JSON.stringify(profile));
      session.disconnect();
    },
  };
}

/** Time per receipt in each PL/pgSQL function (self and with callees), after the backends flushed their stats. */
export async function functionTimes(database: Database, n: number): Promise<string[]> {
  await new Promise((r) => setTimeout(r, 1500));
  const r = await sql<{ funcname: string; calls: number; selfTime: number; totalTime: number }>`
    select funcname, calls, self_time, total_time from pg_stat_user_functions order by total_time desc`.execute(
    database.db,
  );
  return r.rows.map(
    (f) =>
      `  function ${f.funcname}: ${(f.calls / n).toFixed(2)} calls, ${(f.totalTime / n).toFixed(3)} ms total, ${(f.selfTime / n).toFixed(3)} ms self per receipt`,
  );
}
