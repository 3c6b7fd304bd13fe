/**
 * One API process for bench/queue-cross-process.ts: opens the database at DATABASE_URL, starts the app on a free
 * port with the clock shifted by CLOCK_OFFSET_MS (the parent's ticketing-hours shift) and tells the parent its port
 * over IPC. A separate process, so its display hub hears other processes' writes only through the version poll.
 */
import type { AddressInfo } from 'node:net';
import { shiftedClock } from '@mot-cua/core';
import { openDatabase } from '@mot-cua/db';
import { createApp } from '../../apps/api/src/app.js';
import { benchConfig } from '../bench-config.js';

const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL!, poolSize: 5 });
const clock = shiftedClock();
clock.shiftTo(new Date(Date.now() + Number(process.env.CLOCK_OFFSET_MS ?? 0)));
const app = await createApp({ config: benchConfig({ SESSION_TTL_HOURS: '24' }), database, clock, logger: false });
await app.listen({ port: 0, host: '127.0.0.1' });
process.send!({ port: (app.server.address() as AddressInfo).port });
process.on('message', async (m) => {
  if (m === 'stop') {
    await app.close();
    await database.close();
    process.exit(0);
  }
});
