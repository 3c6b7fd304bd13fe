import { closeOnSignals, readStandaloneEnv } from '@mot-cua/sim-kit';
import { z } from 'zod';
import { startPortalSim } from './index.js';

/** `npm run portal-sim`: the simulator alone. PORT, PORTAL_SIM_DATA_DIR, PORTAL_API_KEY read once here. */
const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3001),
  HOST: z.string().default('127.0.0.1'),
  PORTAL_SIM_DATA_DIR: z.string().min(1).default('./.data/portal-sim'),
  PORTAL_API_KEY: z.string().min(1).optional(),
  /** The provincial system's webhook for new online dossiers, and the shared secret the pushes are signed with. */
  PORTAL_WEBHOOK_URL: z.string().url().optional(),
  PORTAL_WEBHOOK_SECRET: z.string().min(16).optional(),
});

const env = readStandaloneEnv(Env, process.env);
const sim = await startPortalSim({
  port: env.PORT,
  host: env.HOST,
  dataDir: env.PORTAL_SIM_DATA_DIR,
  apiKey: env.PORTAL_API_KEY,
  webhook:
    env.PORTAL_WEBHOOK_URL && env.PORTAL_WEBHOOK_SECRET
      ? { url: env.PORTAL_WEBHOOK_URL, secret: env.PORTAL_WEBHOOK_SECRET }
      : null,
});
console.log(
  `national portal simulator at ${sim.url} (GET /sim/received, PUT /sim/mode; store ${env.PORTAL_SIM_DATA_DIR})`,
);
closeOnSignals(sim);
