import { createTestDb, testDatabaseKind } from '@mot-cua/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../database.js';
import { withStartupLock } from '../startup-lock.js';
import { loadAdminUnitsMasterData } from './admin-units.js';
import { loadCalendarMasterData } from './calendar.js';
import { seedDemoOfficials } from './demo-officials.js';
import { seedFeedbackDemo } from './feedback.js';

// The demo feedback is seeded once per database (skipped when any feedback exists): on the shared PostgreSQL test
// database other files' feedback would make this a no-op, so it runs on a fresh PGlite only.
describe.skipIf(testDatabaseKind() === 'postgres')('demo feedback seed', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDb();
    await withStartupLock(database, async () => {
      await loadAdminUnitsMasterData(database, () => {});
      await loadCalendarMasterData(database, () => {});
    });
    await seedDemoOfficials(database.db, async (p) => `plain:${p}`);
  }, 300_000);
  afterAll(async () => {
    await database?.close();
  });

  it('puts absolute links (PUBLIC_URL) in the SMS and e-mails it sends, never "/phan-anh/…" alone', async () => {
    await seedFeedbackDemo(database, () => {}, 'https://motcua.example.vn/');
    const rows = await database.db
      .selectFrom('outboxMessages')
      .select(['topic', 'payload'])
      .where('topic', 'in', ['notify.sms', 'notify.email'])
      .execute();
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      const text = JSON.stringify(r.payload);
      expect(text, r.topic).toContain('https://motcua.example.vn/phan-anh/');
      expect(text.replaceAll('https://motcua.example.vn/phan-anh/', ''), r.topic).not.toContain('/phan-anh/');
    }
  });
});
