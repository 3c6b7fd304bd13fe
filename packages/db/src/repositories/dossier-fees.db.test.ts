import { randomUUID } from 'node:crypto';
import { createScratchDatabase } from '@mot-cua/test-kit';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../database.js';
import { migrate, readMigrations } from '../migrate.js';
import { createDossierFeesRepository } from './dossier-fees.repository.js';
import { createServiceIndexRepository } from './service-index.repository.js';

// Migration 0230 moves the counter's collections (dossiers.fee_collected_*) and the gateway's confirmed payments
// (online_payments) into dossier_fees: this file migrates a database up to just before it, writes rows the old
// way, then applies the rest. Its own database (a scratch one on PostgreSQL), since it stops half-way.
let database: Database;
let drop: (() => Promise<void>) | undefined;
const official = randomUUID();
const ids = { counter: randomUUID(), online: randomUUID(), unpaid: randomUUID(), none: randomUUID() };
const payments = { paid: randomUUID(), failed: randomUUID(), pending: randomUUID() };

async function oldDossier(id: string, code: string, fee: number | null) {
  const db = database.db;
  await sql`insert into dossiers (id, code, province_code, receiving_unit_code, competent_unit_code, procedure_code,
      procedure_name, channel, applicant_type, applicant_name, return_method, duration_value, duration_unit,
      fee_total, status, national_status, submitted_at, received_at, fee_collected_vnd, fee_collected_at)
    values (${id}, ${code}, '96', '96001', '96001', '1.001193', 'Đăng ký khai sinh', 'in_person', 'citizen',
      'Nguyễn Văn A', 'counter', 5, 'working_days', 8000, 'received', 2, '2026-03-02T02:00:00Z',
      '2026-03-02T02:00:00Z', ${fee}, ${fee ? '2026-03-02T02:05:00Z' : null})`.execute(db);
  await sql`insert into dossier_actions (dossier_id, seq, province_code, type, at, actor_user_id, actor_name,
      actor_role, unit_code)
    values (${id}, 1, '96', 'received', '2026-03-02T02:00:00Z', ${official}, 'Trần Thị Tiếp Nhận', 'reception',
      '96001')`.execute(db);
}

async function oldPayment(id: string, dossierId: string, status: string, ref: string) {
  await sql`insert into online_payments (id, dossier_id, province_code, order_ref, amount, description, status,
      gateway, gateway_payment_id, gateway_txn_ref, created_at, settled_at)
    values (${id}, ${dossierId}, '96', ${ref}, 120000, 'Lệ phí trước bạ', ${status}, 'paysim', 'GP1',
      ${status === 'paid' ? 'TXN-9' : null}, '2026-03-03T02:00:00Z',
      ${status === 'pending' ? null : '2026-03-03T02:01:00Z'})`.execute(database.db);
}

beforeAll(async () => {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const scratch = await createScratchDatabase(url);
    drop = scratch.drop;
    database = await openDatabase({ databaseUrl: scratch.url, poolSize: 2 });
  } else {
    database = await openDatabase({ dataDir: 'memory://' });
  }
  await migrate(
    database,
    readMigrations().filter((m) => m.version < '0230'),
  );
  const tag = randomUUID().slice(0, 8).toUpperCase();
  await oldDossier(ids.counter, `C-${tag}`, 8000);
  await oldDossier(ids.online, `O-${tag}`, null);
  await oldDossier(ids.unpaid, `U-${tag}`, null);
  await oldDossier(ids.none, `N-${tag}`, null);
  await sql`update dossiers set paid_online = true where id = ${ids.online}`.execute(database.db);
  await oldPayment(payments.paid, ids.online, 'paid', `P${tag}`);
  await oldPayment(payments.failed, ids.unpaid, 'failed', `F${tag}`);
  await oldPayment(payments.pending, ids.unpaid, 'pending', `Q${tag}`);
  await migrate(database);
}, 120_000);
afterAll(async () => {
  await database?.close();
  await drop?.();
});

describe('dossier fee records (migration 0230)', () => {
  it('moves a counter collection with the official who received the dossier', async () => {
    const fees = await createDossierFeesRepository(database.db).listForDossier(ids.counter);
    expect(fees).toHaveLength(1);
    expect(fees[0]).toMatchObject({
      channel: 'counter',
      amountVnd: 8000,
      collectedBy: official,
      collectedByName: 'Trần Thị Tiếp Nhận',
      description: 'Phí, lệ phí thủ tục Đăng ký khai sinh (1.001193)',
      onlinePaymentId: null,
    });
    expect(fees[0]?.receiptNumber).toMatch(/^BL\d{8}$/);
    expect(fees[0]?.paidAt.toISOString()).toBe('2026-03-02T02:05:00.000Z');
  });

  it('moves only the payments the gateway confirmed, with their references', async () => {
    const repo = createDossierFeesRepository(database.db);
    const [paid] = await repo.listForDossier(ids.online);
    expect(paid).toMatchObject({
      channel: 'online',
      amountVnd: 120000,
      onlinePaymentId: payments.paid,
      gateway: 'paysim',
      gatewayTxnRef: 'TXN-9',
      collectedBy: null,
    });
    expect(paid?.orderRef).toMatch(/^P/);
    expect(await repo.listForDossier(ids.unpaid)).toEqual([]);
    expect(await repo.listForDossier(ids.none)).toEqual([]);
  });

  it('keeps the dossier row’s projection: the counter total, and paid online once an online fee is recorded', async () => {
    const db = database.db;
    const row = async (id: string) =>
      (
        await sql<{ fee: string | number | null; paid: boolean }>`select fee_collected_vnd as fee, paid_online as paid
          from dossiers where id = ${id}`.execute(db)
      ).rows[0];
    expect(await row(ids.counter)).toMatchObject({ paid: false });
    expect(Number((await row(ids.counter))?.fee)).toBe(8000);
    const repo = createDossierFeesRepository(db);
    await repo.insertFee({
      id: randomUUID(),
      dossierId: ids.counter,
      provinceCode: '96',
      channel: 'counter',
      amountVnd: 2000,
      description: 'Phí bản sao',
      paidAt: new Date('2026-03-04T02:00:00Z'),
      collectedBy: official,
      collectedByName: 'Trần Thị Tiếp Nhận',
      onlinePaymentId: null,
      gateway: null,
      gatewayTxnRef: null,
    });
    expect(Number((await row(ids.counter))?.fee)).toBe(10000);
    expect((await row(ids.unpaid))?.paid).toBe(false);
    const { receiptNumber } = await repo.insertFee({
      id: randomUUID(),
      dossierId: ids.unpaid,
      provinceCode: '96',
      channel: 'online',
      amountVnd: 120000,
      description: 'Lệ phí trước bạ',
      paidAt: new Date('2026-03-04T03:00:00Z'),
      collectedBy: null,
      collectedByName: null,
      onlinePaymentId: payments.pending,
      gateway: 'paysim',
      gatewayTxnRef: 'TXN-10',
    });
    expect(receiptNumber).toMatch(/^BL\d{8}$/);
    expect((await row(ids.unpaid))?.paid).toBe(true);
  });

  it('refuses a second record of one gateway payment, an online fee without its payment, and any change', async () => {
    const db = database.db;
    const refused = async (q: Promise<unknown>) => {
      try {
        await q;
        return 'accepted';
      } catch (e) {
        return String((e as Error).message);
      }
    };
    const base = {
      dossierId: ids.online,
      provinceCode: '96',
      amountVnd: 120000,
      description: 'x',
      paidAt: new Date(),
      collectedBy: null,
      collectedByName: null,
      gateway: 'paysim',
      gatewayTxnRef: null,
    };
    const repo = createDossierFeesRepository(db);
    expect(
      await refused(repo.insertFee({ ...base, id: randomUUID(), channel: 'online', onlinePaymentId: payments.paid })),
    ).not.toBe('accepted');
    expect(
      await refused(repo.insertFee({ ...base, id: randomUUID(), channel: 'online', onlinePaymentId: null })),
    ).not.toBe('accepted');
    expect(
      await refused(sql`update dossier_fees set amount_vnd = 1 where dossier_id = ${ids.online}`.execute(db)),
    ).toMatch(/append-only/);
    expect(await refused(sql`delete from dossier_fees where dossier_id = ${ids.online}`.execute(db))).toMatch(
      /append-only/,
    );
  });

  it('the 766 online-payment indicator (3.6) counts the dossiers with an online fee record, not the counter’s', async () => {
    const counts = await createServiceIndexRepository(database.db).counts({
      scope: '96001',
      fromAt: new Date('2026-03-01T00:00:00Z'),
      toAt: new Date('2026-04-01T00:00:00Z'),
    });
    // Four fee-bearing dossiers: the moved online payment and the one recorded above; the counter's is not online.
    expect(counts).toMatchObject({ feeBearing: 4, paidOnline: 2 });
  });
});
