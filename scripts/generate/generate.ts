/**
 * `npm run generate -- --preset national|province|small [--scale 0.05] [--province 79] [--seed 1]`: writes realistic
 * dossiers straight into the schema (the database of DATABASE_URL, else the embedded one in DATA_DIR) in batches,
 * with a progress bar, streaming (constant memory: one batch at a time), then recounts the aggregates.
 * national: 34 provinces, 3,321 communes, 21.8 M dossiers over 1 July – 30 November 2025 (× scale);
 * province: one province's share (21.8 M / 34 × scale); small: 3 communes, 400 dossiers (tests).
 */
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { describeDatabase, loadConfig } from '@mot-cua/config';
import {
  createDossierAggregatesRepository,
  createGeneratedDossiersRepository,
  type Database,
  type GeneratedDossier,
  loadMasterData,
  migrate,
  openDatabase,
} from '@mot-cua/db';
import cliProgress from 'cli-progress';
import { type PlanCommune, planDossier, procedurePicker, seededRandom } from './plan.js';

export const PRESETS: Record<string, { dossiers: number; provinces: string[] | null; communes: number }> = {
  national: { dossiers: 21_800_000, provinces: null, communes: Number.POSITIVE_INFINITY },
  province: { dossiers: Math.round(21_800_000 / 34), provinces: ['79'], communes: Number.POSITIVE_INFINITY },
  small: { dossiers: 400, provinces: ['79'], communes: 3 },
};
export type Preset = 'national' | 'province' | 'small';

const FROM_DAY = '2025-07-01';
const DAYS = 153; // 1 July – 30 November 2025
const NOW = new Date('2025-12-01T02:00:00Z'); // Monday 09:00 Vietnam time, the end of the period
const BATCH = 2_000;

export async function generate(
  database: Database,
  opts: { preset: Preset; scale?: number; province?: string; seed?: number; progress?: boolean },
): Promise<{ dossiers: number; communes: number; ms: number }> {
  const started = performance.now();
  const preset = PRESETS[opts.preset]!;
  const total = Math.max(1, Math.round(preset.dossiers * (opts.scale ?? 1)));
  const repo = createGeneratedDossiersRepository(database.db);
  const provinces = opts.province ? [opts.province] : preset.provinces;
  const communes: PlanCommune[] = (await repo.listCommunes('2025-07-01', provinces)).slice(0, preset.communes);
  if (communes.length === 0) throw new Error('no communes in force: load the master data first');
  const procedures = await repo.listCommuneProcedures();
  if (procedures.length === 0) throw new Error('no commune procedures: load the master data first');
  const pick = procedurePicker(procedures);
  const random = seededRandom(opts.seed ?? 1);
  // Busy and quiet communes: each commune's share of the volume varies (0.3× – 3×).
  const weights = communes.map(() => 0.3 + random() * random() * 5.4);
  const weightSum = weights.reduce((a, b) => a + b, 0);
  const run = randomUUID().slice(0, 6).toUpperCase();
  const bar = opts.progress
    ? new cliProgress.SingleBar({ format: 'Hồ sơ {bar} {value}/{total} {percentage}% ({eta}s còn lại)' })
    : null;
  bar?.start(total, 0);
  let written = 0;
  let batch: GeneratedDossier[] = [];
  for (const [i, commune] of communes.entries()) {
    const share =
      i === communes.length - 1 ? total - written - batch.length : Math.round((total * weights[i]!) / weightSum);
    for (let n = 0; n < share && written + batch.length < total; n++) {
      batch.push(
        planDossier({
          id: randomUUID(),
          code: `G${run}.${commune.code}-${n + 1}`,
          commune,
          procedure: pick(random()),
          fromDay: FROM_DAY,
          days: DAYS,
          now: NOW,
          random,
        }),
      );
      if (batch.length >= BATCH) {
        await repo.writeBatch(batch);
        written += batch.length;
        bar?.update(written);
        batch = [];
      }
    }
  }
  if (batch.length) {
    await repo.writeBatch(batch);
    written += batch.length;
  }
  bar?.update(written);
  bar?.stop();
  await database.db.transaction().execute((trx) => createDossierAggregatesRepository(trx).recount());
  return { dossiers: written, communes: communes.length, ms: performance.now() - started };
}

async function main() {
  const { values } = parseArgs({
    options: {
      preset: { type: 'string', default: 'small' },
      scale: { type: 'string', default: '1' },
      province: { type: 'string' },
      seed: { type: 'string', default: '1' },
    },
  });
  const preset = values.preset as Preset;
  if (!(preset in PRESETS)) throw new Error(`--preset must be one of ${Object.keys(PRESETS).join(', ')}`);
  const scale = Number(values.scale);
  if (!(scale > 0)) throw new Error('--scale must be a positive number');
  const config = loadConfig(process.env);
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: `${config.dataDir}/pglite` });
  try {
    await migrate(database);
    await loadMasterData(database, (m) => console.error(m));
    const r = await generate(database, {
      preset,
      scale,
      ...(values.province ? { province: values.province } : {}),
      seed: Number(values.seed),
      progress: true,
    });
    console.log(
      `${r.dossiers.toLocaleString('en')} dossiers in ${r.communes} communes in ${(r.ms / 1000).toFixed(1)} s, aggregates recounted (${describeDatabase(config)})`,
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
