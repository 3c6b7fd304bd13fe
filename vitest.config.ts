import { defineConfig } from 'vitest/config';

// Three tiers (CONTRIBUTING.md): `npm run test:unit` (pure, seconds), `npm run test:db` (a database per file),
// `npm run test:e2e` (the built app in Chromium; its global setup builds the web app first). `npm test` runs all.
const unit = [
  'packages/*/src/**/*.test.ts',
  'apps/api/src/**/*.test.ts',
  'apps/portal-sim/src/**/*.test.ts',
  'apps/notify-sim/src/**/*.test.ts',
  'apps/id-sim/src/**/*.test.ts',
  'apps/pay-sim/src/**/*.test.ts',
  'scripts/**/*.test.ts',
];
const db = [
  'packages/*/src/**/*.db.test.ts',
  'apps/api/src/**/*.db.test.ts',
  'apps/portal-sim/src/**/*.db.test.ts',
  'scripts/**/*.db.test.ts',
];

export default defineConfig({
  test: {
    testTimeout: 60_000, // a loaded machine (CI shares it) slows a database test several-fold
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: 'unit', include: unit, exclude: ['**/node_modules/**', ...db] } },
      { extends: true, test: { name: 'db', include: db } },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['e2e/**/*.spec.ts'],
          globalSetup: ['e2e/support/build-web.ts'],
          // A browser journey signs in several officials; under a loaded CI machine one step can take seconds.
          testTimeout: 90_000,
          // Pages are lazy chunks: on a loaded machine the first paint of a page can take seconds, so a
          // journey's polls wait up to 15 s unless they say otherwise.
          expect: { poll: { timeout: 15_000, interval: 100 } },
        },
      },
    ],
  },
});
