import { closeOnSignals, readStandaloneEnv } from '@mot-cua/sim-kit';
import { z } from 'zod';
import { startNotifySim } from './index.js';

/** `npm run notify-sim`: the mail catcher and SMS gateway alone. Settings read once here. */
const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3002),
  SMTP_PORT: z.coerce.number().int().min(0).max(65535).default(2525),
  HOST: z.string().default('127.0.0.1'),
  NOTIFY_SIM_DATA_DIR: z.string().min(1).default('./.data/notify-sim'),
  SMS_API_KEY: z.string().min(1).optional(),
});
const env = readStandaloneEnv(Env, process.env);
const sim = await startNotifySim({
  httpPort: env.PORT,
  smtpPort: env.SMTP_PORT,
  host: env.HOST,
  dataDir: env.NOTIFY_SIM_DATA_DIR,
  smsApiKey: env.SMS_API_KEY,
});
console.log(`notification simulators: SMS gateway and /sim at ${sim.httpUrl}, mail catcher at ${sim.smtpUrl}`);
closeOnSignals(sim);
