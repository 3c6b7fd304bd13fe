import { defineConfig } from 'vitest/config';

const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

export default defineConfig({
  test: {
    // Unit tests, database tests (*.db.test.ts) and browser journeys (e2e/*.spec.ts) in one run.
    include: [
      'packages/*/src/**/*.test.ts',
      'apps/api/src/**/*.test.ts',
      'apps/portal-sim/src/**/*.test.ts',
      'scripts/**/*.test.ts',
      'e2e/**/*.spec.ts',
    ],
    testTimeout: onPostgres ? 30_000 : 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
    reporters: process.env.CI ? ['default'] : ['default'],
  },
});
