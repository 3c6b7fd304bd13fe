import { createServer } from 'node:net';
import type { CitizenDossierDetail } from '@mot-cua/contracts';
import type { Database } from '@mot-cua/db';
import type { IdSim } from '@mot-cua/id-sim';
import { type PaySim, signFields, startPaySim } from '@mot-cua/pay-sim';
import { createTestDb, insertDossierTestUnits, loadDossierTestProcedure } from '@mot-cua/test-kit';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPaymentGateway } from '../../payments/payment-gateway.js';
import { pdfText } from '../../slips/pdf-text.js';
import { buildTestApp, type Signed, signIn } from '../../testing.js';
import { signInCitizen, startTestIdentity } from '../citizens/oidc-test-helpers.js';

const SECRET = 'test-secret-0123456789abcdef';
const MERCHANT = 'MOTCUA01';
const PDF = Buffer.from('%PDF-1.4\n%%EOF\n');
let database: Database;
let app: FastifyInstance;
let idSim: IdSim;
let paySim: PaySim;
let base: string;
let hoa: Signed;
let khoa: Signed;
let reception: Signed;
let specialist: Signed;
let dossierId: string;

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
const get = (s: Signed, url: string) => app.inject({ method: 'GET', url, headers: { cookie: s.cookie } });
const post = (s: Signed, url: string, payload: unknown = {}) =>
  app.inject({ method: 'POST', url, headers: s.headers, payload: payload as object });
const detail = async () => (await get(hoa, `/api/citizen/dossiers/${dossierId}`)).json() as CitizenDossierDetail;
const setMode = (mode: string) =>
  fetch(`${paySim.url}/sim/mode`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ mode }),
  });

/** The payer on the gateway's page: pay or cancel; answers where the gateway sends them back. */
async function payerChooses(payUrl: string, choice: 'confirm' | 'cancel'): Promise<string> {
  const res = await fetch(`${payUrl}/${choice}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: '',
  });
  return String(res.headers.get('location'));
}
async function startPayment(): Promise<{ payUrl: string; orderRef: string; amount: number }> {
  const r = await post(hoa, `/api/citizen/dossiers/${dossierId}/payments`);
  expect(r.statusCode, r.body).toBe(201);
  return r.json();
}
async function askObligation(amount: number) {
  const r = await post(specialist, `/api/dossiers/${dossierId}/financial-obligation`, {
    amount,
    description: 'Lệ phí',
  });
  expect(r.statusCode, r.body).toBe(200);
}

beforeAll(async () => {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  database = await createTestDb();
  const t = await startTestIdentity(base);
  idSim = t.sim;
  paySim = await startPaySim({ port: 0, merchantId: MERCHANT, secret: SECRET });
  const payments = createPaymentGateway({ url: paySim.url, merchantId: MERCHANT, secret: SECRET, simulated: true });
  ({ app } = await buildTestApp(database, { identity: t.identity, payments, env: { PUBLIC_URL: base } }));
  await app.listen({ port, host: '127.0.0.1' });
  const u = await insertDossierTestUnits(database.db, 1);
  const A = u.communeCodes[0]!;
  const procedureCode = (await loadDossierTestProcedure(database.db, { unitCode: A })).code;
  hoa = await signInCitizen(app, '079190001234', undefined, base);
  khoa = await signInCitizen(app, '079095004321', undefined, base);
  reception = await signIn(app, database, [{ role: 'reception', unitCode: A }]);
  specialist = await signIn(app, database, [{ role: 'specialist', unitCode: A }]);
  const boundary = '----pay-test';
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="data"\r\n\r\n${JSON.stringify({ procedureCode, receivingUnitCode: A })}\r\n`,
    ),
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="c01"; filename="a.pdf"\r\n\r\n`),
    PDF,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const created = await app.inject({
    method: 'POST',
    url: '/api/citizen/dossiers',
    headers: { ...hoa.headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: body,
  });
  expect(created.statusCode, created.body).toBe(201);
  dossierId = created.json().id;
  const accepted = await post(reception, `/api/dossiers/${dossierId}/accept`, {
    components: ['c01', 'c02', 'c03'].map((key) => ({ key, state: 'present' })),
  });
  expect(accepted.statusCode, accepted.body).toBe(200);
});
afterAll(async () => {
  await app.close();
  await paySim.close();
  await idSim.close();
});

describe('paying a financial obligation online through the gateway simulator', () => {
  it('nothing to pay yet: PAYMENT_NOT_DUE; another citizen: DOSSIER_NOT_FOUND', async () => {
    expect((await post(hoa, `/api/citizen/dossiers/${dossierId}/payments`)).json().code).toBe('PAYMENT_NOT_DUE');
    await askObligation(50_000);
    expect((await post(khoa, `/api/citizen/dossiers/${dossierId}/payments`)).json().code).toBe('DOSSIER_NOT_FOUND');
    expect(await detail()).toMatchObject({ status: 'awaiting_payment', paymentDue: { amount: 50_000 } });
  });

  it('declined by the bank, then cancelled by the payer: nothing paid, still awaiting payment', async () => {
    await setMode('declined');
    const declined = await startPayment();
    expect(await payerChooses(declined.payUrl, 'confirm')).toContain('status=failed');
    await setMode('ok');
    const cancelled = await startPayment();
    await payerChooses(cancelled.payUrl, 'cancel');
    const d = await detail();
    expect(d.status).toBe('awaiting_payment');
    expect(d.payments.map((p) => p.status)).toEqual(['failed', 'cancelled']);
  });

  it('pays: the signed notification settles it, the clock resumes, "paid online" is recorded; the return lands on the dossier', async () => {
    const p = await startPayment();
    const back = await payerChooses(p.payUrl, 'confirm');
    const ret = new URL(back);
    const r = await app.inject({ method: 'GET', url: `${ret.pathname}${ret.search}` });
    expect(r.headers.location).toBe(`/ho-so-cua-toi/${dossierId}?thanh-toan=success`);
    const d = await detail();
    expect(d).toMatchObject({ paidOnline: true, paymentDue: null });
    expect(d.status).not.toBe('awaiting_payment');
    expect(d.payments.at(-1)).toMatchObject({ status: 'paid', amount: 50_000 });
    // The payment is the dossier's fee record (one model with the counter's), seen by the citizen and officials.
    expect(d.fees).toHaveLength(1);
    expect(d.fees[0]).toMatchObject({
      channel: 'online',
      amountVnd: 50_000,
      orderRef: d.payments.at(-1)!.orderRef,
      collectedByName: null,
    });
    expect(d.fees[0]!.gatewayTxnRef).toBeTruthy();
    const official = (await get(specialist, `/api/dossiers/${dossierId}/fees`)).json() as { items: unknown[] };
    expect(official.items).toEqual(d.fees);
    // The national sync's status update for the payment says "paid online".
    const sync = await sql<{ payload: { DuocThanhToanTrucTuyen: number; TrangThaiHoSo: number } }>`
      select payload from outbox_messages where aggregate_id = ${dossierId} and topic not like 'notify.%'
      order by id desc limit 1`.execute(database.db);
    expect(sync.rows[0]?.payload.DuocThanhToanTrucTuyen).toBe(1);
  });

  it('a duplicate notification changes nothing (idempotent)', async () => {
    const notes = (await (await fetch(`${paySim.url}/sim/notifications`)).json()) as {
      items: Array<{ paymentId: string; status: string }>;
    };
    const paid = notes.items.filter((n) => n.status === 'success').at(-1)!;
    const again = (await (
      await fetch(`${paySim.url}/sim/payments/${paid.paymentId}/renotify`, { method: 'POST' })
    ).json()) as {
      sent: { httpStatus: number };
    };
    expect(again.sent.httpStatus).toBe(200);
    const log = (await get(specialist, `/api/dossiers/${dossierId}`)).json() as { timeline: Array<{ type: string }> };
    expect(log.timeline.filter((e) => e.type === 'financial_obligation_paid')).toHaveLength(1);
  });

  it('the receipt (biên lai) of the online payment: a PDF for the payer, none for a failed payment or another citizen', async () => {
    const d = await detail();
    const paid = d.payments.find((p) => p.status === 'paid')!;
    const failed = d.payments.find((p) => p.status === 'failed')!;
    const url = (ref: string) => `/api/citizen/dossiers/${dossierId}/payments/${ref}/receipt`;
    const res = await get(hoa, url(paid.orderRef));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const { text } = await pdfText(res.rawPayload);
    expect(text).toContain('BIÊN LAI THU PHÍ, LỆ PHÍ (THANH TOÁN TRỰC TUYẾN)');
    expect(text).toContain('50.000 đồng');
    expect(text).toContain(paid.orderRef);
    expect(text).toContain(d.fees[0]!.receiptNumber);
    expect((await get(hoa, url(failed.orderRef))).json().code).toBe('PAYMENT_NOT_FOUND');
    expect((await get(khoa, url(paid.orderRef))).json().code).toBe('DOSSIER_NOT_FOUND');
  });

  it('a forged signature is refused (401) and an amount that does not match is refused (409)', async () => {
    await askObligation(20_000);
    const p = await startPayment();
    const msg = {
      merchantId: MERCHANT,
      orderRef: p.orderRef,
      paymentId: 'x',
      amount: 20_000,
      status: 'success',
      txnRef: 'T1',
    };
    const forged = await app.inject({
      method: 'POST',
      url: '/api/payments/gateway/notify',
      payload: { ...msg, signature: signFields(msg, 'not-the-secret-000000') },
    });
    expect([forged.statusCode, forged.json().code]).toEqual([401, 'PAYMENT_SIGNATURE_INVALID']);
    const cheap = { ...msg, amount: 1 };
    const mismatch = await app.inject({
      method: 'POST',
      url: '/api/payments/gateway/notify',
      payload: { ...cheap, signature: signFields(cheap, SECRET) },
    });
    expect([mismatch.statusCode, mismatch.json().code]).toEqual([409, 'PAYMENT_AMOUNT_MISMATCH']);
    expect((await detail()).status).toBe('awaiting_payment');
  });

  it('a gateway time-out leaves the payment pending until the gateway notifies again', async () => {
    await setMode('timeout');
    const p = await startPayment();
    await payerChooses(p.payUrl, 'confirm');
    expect((await detail()).payments.at(-1)?.status).toBe('pending');
    const paymentId = new URL(p.payUrl).pathname.split('/').pop();
    await fetch(`${paySim.url}/sim/payments/${paymentId}/renotify`, { method: 'POST' });
    expect((await detail()).payments.at(-1)?.status).toBe('paid');
    await setMode('ok');
  });
});
