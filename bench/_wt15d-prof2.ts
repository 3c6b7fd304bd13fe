import { createOpenDueRepository, openDatabase } from '@mot-cua/db';
const database = await openDatabase({ databaseUrl: process.env.U!, poolSize: 1, statementTimeoutMs: 0 });
const repo = createOpenDueRepository(database.db);
const scope = { level: 'nation' } as const;
const now = new Date('2025-11-30T05:00:00Z');
const mark = new Date(now.getTime() + 86_400_000);
const units = await repo.handlingUnits(scope, now);
const full = new Map(units.map((u) => [u.unitCode, mark]));
const few = new Map(units.slice(0, 50).map((u) => [u.unitCode, mark]));
const med = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!.toFixed(1);
for (let round = 0; round < 3; round++) {
  const t = { full: [] as number[], few: [] as number[], units: [] as number[] };
  for (let i = 0; i < 15; i++) {
    let s = performance.now(); await repo.split(scope, now, full); t.full.push(performance.now() - s);
    s = performance.now(); await repo.split(scope, now, few); t.few.push(performance.now() - s);
    s = performance.now(); await repo.handlingUnits(scope, now); t.units.push(performance.now() - s);
  }
  console.log('split full', med(t.full), 'split 50 marks', med(t.few), 'handlingUnits', med(t.units));
}
await database.close();
