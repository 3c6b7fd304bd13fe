/**
 * `npm run generate -- --preset national|province|small [--scale 0.05] [--province 79] [--seed 1] [--keep-indexes]`: writes realistic
 * data straight into the schema (the database of DATABASE_URL, else the embedded one in DATA_DIR) with COPY: the
 * officials of each commune (users, role grants, assignments in its office department; kept across runs), then
 * dossiers whose actions carry those officials' ids, and feedback, in batches with a progress bar, streaming
 * (constant memory: one batch at a time), then recounts the aggregates and analyzes the tables written.
 * A run of DEFER_INDEXES_FROM dossiers or more drops the secondary indexes of dossiers and actions first and builds
 * them after the rows (`--keep-indexes` keeps them: a database in use meanwhile); dossier ids count up inside 256
 * ranges (clusteredIds), so the primary keys grow at their ends instead of everywhere.
 * national: 34 provinces, 3,321 communes, 21.8 M dossiers over 1 July – 30 November 2025 (× scale);
 * province: one province's share (21.8 M / 34 × scale); small: 3 communes, 400 dossiers (tests).
 */
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { databaseOptions, describeDatabase, loadConfig } from '@mot-cua/config';
import {
  copyGeneratedBatch,
  copyGeneratedOfficials,
  createDossierAggregatesRepository,
  createGeneratedDossiersRepository,
  type Database,
  deferIndexes,
  type GeneratedDossier,
  type GeneratedFeedback,
  type GeneratedOfficial,
  loadMasterData,
  migrate,
  openDatabase,
  refreshPlannerStatistics,
  restoreDeferredIndexes,
} from '@mot-cua/db';
import cliProgress from 'cli-progress';
import { clusteredIds, type PlanCommune, planDossier, procedurePicker, seededRandom } from './plan.js';
import { planFeedback } from './plan-feedback.js';
import { planOfficials } from './plan-officials.js';

export const PRESETS: Record<string, { dossiers: number; provinces: string[] | null; communes: number }> = {
  national: { dossiers: 21_800_000, provinces: null, communes: Number.POSITIVE_INFINITY },
  province: { dossiers: Math.round(21_800_000 / 34), provinces: ['79'], communes: Number.POSITIVE_INFINITY },
  small: { dossiers: 400, provinces: ['79'], communes: 3 },
};
export type Preset = 'national' | 'province' | 'small';

const FROM_DAY = '2025-07-01';
const DAYS = 153; // 1 July – 30 November 2025
const NOW = new Date('2025-12-01T02:00:00Z'); // Monday 09:00 Vietnam time, the end of the period
const BATCH = 10_000;
/** One feedback (PAKN) item for this many dossiers. */
const DOSSIERS_PER_FEEDBACK = 150;
/** From this many dossiers a run drops the secondary indexes of dossiers and actions and builds them at the end. */
export const DEFER_INDEXES_FROM = 100_000;

export async function generate(
  database: Database,
  opts: {
    preset: Preset;
    scale?: number;
    province?: string;
    seed?: number;
    progress?: boolean;
    /** Drop the secondary indexes of dossiers and actions for the load (default: from DEFER_INDEXES_FROM dossiers). */
    deferIndexes?: boolean;
  },
): Promise<{
  dossiers: number;
  communes: number;
  officials: number;
  feedback: number;
  rows: number;
  ms: number;
  writeMs: number;
  /** Building the deferred indexes again (0 when none were deferred). */
  indexMs: number;
  recountMs: number;
  analyzeMs: number;
}> {
  const started = performance.now();
  const preset = PRESETS[opts.preset]!;
  const total = Math.max(1, Math.round(preset.dossiers * (opts.scale ?? 1)));
  const repo = createGeneratedDossiersRepository(database.db);
  const provinces = opts.province ? [opts.province] : preset.provinces;
  const inForce = (await repo.listCommunes('2025-07-01', provinces)).slice(0, preset.communes);
  if (inForce.length === 0) throw new Error('no communes in force: load the master data first');
  const procedures = await repo.listCommuneProcedures();
  if (procedures.length === 0) throw new Error('no commune procedures: load the master data first');
  const pick = procedurePicker(procedures);
  const random = seededRandom(opts.seed ?? 1);
  // Busy and quiet communes: each commune's share of the volume varies (0.3× – 3×).
  const weights = inForce.map(() => 0.3 + random() * random() * 5.4);
  const weightSum = weights.reduce((a, b) => a + b, 0);
  const run = randomUUID().slice(0, 6).toUpperCase();
  const dossierId = clusteredIds(randomUUID);
  // the indexes of a run that stopped half-way first
  await restoreDeferredIndexes(database);
  const communes = await ensureOfficials(database, inForce, weights, random);
  const officials = communes.reduce((n, c) => n + [...(c.officials?.values() ?? [])].flat().length, 0);
  let writeMs = 0;
  let feedbackCount = 0;
  let rows = 0;
  // One batch is written (COPY on the database's side) while the next one is planned (here): at most two in memory.
  let inFlight: Promise<unknown> = Promise.resolve();
  let failure: { error: unknown } | null = null;
  const settle = async () => {
    await inFlight;
    if (failure) throw failure.error;
  };
  const flush = async (dossiers: GeneratedDossier[], feedback: GeneratedFeedback[]) => {
    await settle();
    const t = performance.now();
    inFlight = copyGeneratedBatch(database, dossiers, feedback).then(
      () => {
        writeMs += performance.now() - t;
      },
      (error: unknown) => {
        failure = { error };
      },
    );
    feedbackCount += feedback.length;
    rows += dossiers.length + feedback.length;
    for (const d of dossiers) rows += d.actions.length;
  };
  const bar = opts.progress
    ? new cliProgress.SingleBar({
        format: 'Hồ sơ {bar} {value}/{total} {percentage}% ({eta}s còn lại)',
        // into a log file too (a line every 10 s), not only on a terminal
        noTTYOutput: true,
        notTTYSchedule: 10_000,
      })
    : null;
  const deferred = (opts.deferIndexes ?? total >= DEFER_INDEXES_FROM) ? await deferIndexes(database) : [];
  let written = 0;
  try {
    bar?.start(total, 0);
    let batch: GeneratedDossier[] = [];
    let feedback: GeneratedFeedback[] = [];
    for (const [i, commune] of communes.entries()) {
      const share =
        i === communes.length - 1 ? total - written - batch.length : Math.round((total * weights[i]!) / weightSum);
      for (let n = 0; n < share && written + batch.length < total; n++) {
        batch.push(
          planDossier({
            id: dossierId(),
            code: `G${run}.${commune.code}-${n + 1}`,
            commune,
            procedure: pick(random()),
            fromDay: FROM_DAY,
            days: DAYS,
            now: NOW,
            random,
          }),
        );
        if (n % DOSSIERS_PER_FEEDBACK === 0) {
          feedback.push(
            planFeedback({
              id: randomUUID(),
              code: `PA${run}.${commune.code}-${n / DOSSIERS_PER_FEEDBACK + 1}`,
              token: randomUUID().replaceAll('-', ''),
              commune,
              field: pick(random()).field,
              fromDay: FROM_DAY,
              days: DAYS,
              now: NOW,
              random,
            }),
          );
        }
        // let the batch being written make progress (its stream) while this one is planned
        if (batch.length % 1_000 === 0) await new Promise((resolve) => setImmediate(resolve));
        if (batch.length >= BATCH) {
          await flush(batch, feedback);
          written += batch.length;
          bar?.update(written - BATCH);
          batch = [];
          feedback = [];
        }
      }
    }
    if (batch.length || feedback.length) {
      await flush(batch, feedback);
      written += batch.length;
    }
    await settle();
    bar?.update(written);
    bar?.stop();
  } catch (e) {
    // a run that fails half-way builds the indexes it dropped (else the next run does, from their record)
    bar?.stop();
    await inFlight.catch(() => {});
    if (deferred.length) await restoreDeferredIndexes(database).catch(() => {});
    throw e;
  }
  const indexStarted = performance.now();
  if (deferred.length) {
    if (opts.progress) console.error(`Building ${deferred.length} deferred indexes of dossiers and actions`);
    await restoreDeferredIndexes(database, (name, ms) => {
      if (opts.progress) console.error(`  ${name} ${(ms / 1000).toFixed(1)} s`);
    });
  }
  const recountStarted = performance.now();
  await database.db.transaction().execute((trx) => createDossierAggregatesRepository(trx).recount());
  // The planner's statistics for what was just written: PGlite has no autovacuum to gather them, ever.
  const analyzeStarted = performance.now();
  await refreshPlannerStatistics(database.db);
  const analyzeMs = performance.now() - analyzeStarted;
  return {
    dossiers: written,
    communes: communes.length,
    officials,
    feedback: feedbackCount,
    /** Rows written by COPY: dossiers, their actions and feedback (officials apart). */
    rows,
    ms: performance.now() - started,
    writeMs,
    indexMs: recountStarted - indexStarted,
    recountMs: analyzeStarted - recountStarted,
    analyzeMs,
  };
}

/**
 * The officials of each commune: those an earlier run made are reused, the others are created (with the commune's
 * office department when it has none). Returns the communes with their officials by role.
 */
async function ensureOfficials(
  database: Database,
  communes: ReadonlyArray<{ code: string; provinceCode: string }>,
  weights: readonly number[],
  random: () => number,
): Promise<PlanCommune[]> {
  const repo = createGeneratedDossiersRepository(database.db);
  const out: PlanCommune[] = [];
  const CHUNK = 500;
  for (let i = 0; i < communes.length; i += CHUNK) {
    const part = communes.slice(i, i + CHUNK);
    const codes = part.map((c) => c.code);
    const existing = await repo.listGeneratedOfficials(codes);
    const offices = await repo.officeDepartments(codes);
    const departments: Array<{ id: string; unitCode: string; name: string }> = [];
    const created: GeneratedOfficial[] = [];
    for (const [j, c] of part.entries()) {
      let mine = existing.filter((o) => o.unitCode === c.code);
      if (mine.length === 0) {
        let dept = offices.get(c.code) ?? null;
        if (!dept) {
          dept = randomUUID();
          departments.push({ id: dept, unitCode: c.code, name: 'Văn phòng HĐND và UBND' });
        }
        mine = planOfficials(c, weights[i + j]!, dept, random, randomUUID);
        created.push(...mine);
      }
      const byRole = new Map<string, GeneratedOfficial[]>();
      for (const o of mine) byRole.set(o.role, [...(byRole.get(o.role) ?? []), o]);
      out.push({ code: c.code, provinceCode: c.provinceCode, officials: byRole });
    }
    if (created.length) await copyGeneratedOfficials(database, departments, created);
  }
  return out;
}

async function main() {
  const { values } = parseArgs({
    options: {
      preset: { type: 'string', default: 'small' },
      scale: { type: 'string', default: '1' },
      province: { type: 'string' },
      seed: { type: 'string', default: '1' },
      // keep the secondary indexes up to date row by row even for a large run (a database in use meanwhile)
      'keep-indexes': { type: 'boolean', default: false },
    },
  });
  const preset = values.preset as Preset;
  if (!(preset in PRESETS)) throw new Error(`--preset must be one of ${Object.keys(PRESETS).join(', ')}`);
  const scale = Number(values.scale);
  if (!(scale > 0)) throw new Error('--scale must be a positive number');
  const config = loadConfig(process.env);
  const database = await openDatabase({
    ...databaseOptions(config),
    // a bulk write and a recount over millions of dossiers take longer than the API's statement limit
    statementTimeoutMs: 0,
  });
  try {
    await migrate(database);
    await loadMasterData(database, (m) => console.error(m));
    const r = await generate(database, {
      preset,
      scale,
      ...(values.province ? { province: values.province } : {}),
      seed: Number(values.seed),
      progress: true,
      ...(values['keep-indexes'] ? { deferIndexes: false } : {}),
    });
    console.log(
      `${r.dossiers.toLocaleString('en')} dossiers, ${r.feedback.toLocaleString('en')} feedback items, ${r.officials.toLocaleString('en')} officials in ${r.communes} communes in ${(r.ms / 1000).toFixed(1)} s (${Math.round(r.dossiers / (r.ms / 1000)).toLocaleString('en')} dossiers/s, ${Math.round(r.rows / (r.ms / 1000)).toLocaleString('en')} rows/s; ${r.rows.toLocaleString('en')} rows, COPY ${(r.writeMs / 1000).toFixed(1)} s, indexes ${(r.indexMs / 1000).toFixed(1)} s, recount ${(r.recountMs / 1000).toFixed(1)} s, analyze ${(r.analyzeMs / 1000).toFixed(1)} s) (${describeDatabase(config)})`,
    );
  } finally {
    await database.close();
  }
}

if (process.argv[1]?.endsWith('generate.ts')) {
  main().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(2);
  });
}
