import { createHash } from 'node:crypto';
import { type Database, migrate, openDatabase, readMigrations } from '@mot-cua/db';
import { createScratchDatabase } from '@mot-cua/test-kit';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { tempFileStore } from '../testing.js';
import { moveFilesOutOfDatabase } from './file-maintenance.js';
import { readStored } from './uploads.js';

// The smallest valid PNG (1×1) and a JPEG head: photos as the old form stored them, bytes in the row.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 0xff, 0xd9]);
const hex = (b: Buffer) => createHash('sha256').update(b).digest('hex');

const databases: Database[] = [];
const scratches: Array<{ drop(): Promise<void> }> = [];
afterAll(async () => {
  for (const d of databases) await d.close();
  for (const s of scratches) await s.drop();
});

/** A database of its own (migrated from the start): an in-memory PGlite, or a scratch database on PostgreSQL. */
async function freshDatabase(): Promise<Database> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return openDatabase({ dataDir: 'memory://' });
  const scratch = await createScratchDatabase(url);
  scratches.push(scratch);
  return openDatabase({ databaseUrl: scratch.url, poolSize: 2 });
}

describe('migration 0191: feedback photos out of the database', () => {
  // (On an empty database it runs in every test database: createTestDb migrates to the end.)
  it('hands existing photos to the file store (through stored_files and the move-out step)', async () => {
    const database = await freshDatabase();
    databases.push(database);
    await migrate(
      database,
      readMigrations().filter((m) => m.version < '0191'),
    );
    const item = await sql<{ id: string }>`insert into feedback_items
        (code, token, kind, channel, title, content, province_code, unit_code, routed_by, received_at)
      values ('PA-1', 'tok-1', 'report', 'web', 'Đèn hỏng', 'Đèn đường hỏng', '79', '26734', 'rule', now())
      returning id`.execute(database.db);
    const id = item.rows[0]!.id;
    for (const [name, type, bytes] of [
      ['a.png', 'image/png', PNG],
      ['b.jpg', 'image/jpeg', JPEG],
      ['c.png', 'image/png', PNG], // the same content twice: stored once
    ] as const) {
      await sql`insert into feedback_photos (feedback_id, file_name, content_type, bytes)
        values (${id}, ${name}, ${type}, ${bytes})`.execute(database.db);
    }
    expect(await migrate(database)).toContain('0191_move-feedback-photos-out');

    const photos = await database.db
      .selectFrom('feedbackPhotos')
      .select(['fileName', 'sha256'])
      .orderBy('fileName')
      .execute();
    expect(photos).toEqual([
      { fileName: 'a.png', sha256: hex(PNG) },
      { fileName: 'b.jpg', sha256: hex(JPEG) },
      { fileName: 'c.png', sha256: hex(PNG) },
    ]);
    const columns = await sql<{ column_name: string }>`select column_name from information_schema.columns
      where table_name = 'feedback_photos'`.execute(database.db);
    expect(columns.rows.map((c) => c.column_name)).not.toContain('bytes');

    const store = tempFileStore();
    const moved = await moveFilesOutOfDatabase(database, store);
    expect(moved).toEqual({ moved: 2, mismatched: [] });
    expect(await readStored(store, hex(PNG))).toEqual(PNG);
    expect(await readStored(store, hex(JPEG))).toEqual(JPEG);
    const left = await sql<{ n: number }>`select count(content)::int as n from stored_files`.execute(database.db);
    expect(Number(left.rows[0]!.n)).toBe(0);
  }, 300_000);
});
