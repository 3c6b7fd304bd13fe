import type { Config } from '@mot-cua/config';
import type { Clock } from '@mot-cua/core';
import type { Database } from '@mot-cua/db';

/** Everything the routes need, built once in the composition root (main.ts) or by tests. */
export type AppDeps = {
  config: Config;
  database: Database;
  clock: Clock;
};
