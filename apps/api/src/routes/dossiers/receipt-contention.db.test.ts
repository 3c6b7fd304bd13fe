import type { DossierDetail } from '@mot-cua/contracts';
import { parseDossierCode, systemClock } from '@mot-cua/core';
import type { Database } from '@mot-cua/db';
import { createTestDb, insertDossierTestUnits, loadDossierTestProcedure } from '@mot-cua/test-kit';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, receiveAtCounter, type Signed, signIn } from '../../testing.js';

// Issue 9's permanent hang: 32 clients receiving at one unit while the master data changes (so cached
// calendars, units and procedures reload) on a pool far smaller than the clients (4 connections on
// PostgreSQL). A receipt holding the day's code-number row lock must never wait for work on another
// connection. Every receipt must complete, with distinct, consecutive codes.
let database: Database;
let app: FastifyInstance;
let unit: string;
let procedureCode: string;
let reception: Signed;

beforeAll(async () => {
  database = await createTestDb();
  ({ app } = await buildTestApp(database, { clock: systemClock, env: { SESSION_TTL_HOURS: '720' } }));
  unit = (await insertDossierTestUnits(database.db, 1)).communeCodes[0]!;
  procedureCode = (await loadDossierTestProcedure(database.db, { unitCode: unit })).code;
  reception = await signIn(app, database, [{ role: 'reception', unitCode: unit }]);
});
afterAll(async () => {
  await app.close();
});

describe('receipts under contention at one unit', () => {
  it('32 concurrent clients, master data changing meanwhile: all answered, codes distinct and gap-free', async () => {
    const clients = 32;
    const perClient = 5;
    const receive = () =>
      receiveAtCounter(app, reception, {
        procedureCode,
        unitCode: unit,
        applicant: { fullName: 'Khách Đông Người', phone: '0909555666' },
      });
    let changes = 0;
    const codes: string[] = [];
    const statuses: number[] = [];
    await Promise.all(
      Array.from({ length: clients }, async (_, c) => {
        for (let i = 0; i < perClient; i++) {
          if (c % 8 === 0) {
            // A master-data change (as an administrator's edit would make): every cache entry is stale now.
            await sql`update master_data_version set version = version + 1`.execute(database.db);
            changes++;
          }
          const res = await receive();
          statuses.push(res.statusCode);
          if (res.statusCode === 201) codes.push((res.json() as DossierDetail).code);
        }
      }),
    );
    expect(changes).toBeGreaterThan(0);
    expect(statuses.filter((s) => s !== 201)).toEqual([]);
    const numbers = codes.map((c) => parseDossierCode(c)!.sequence).sort((a, b) => a - b);
    expect(new Set(codes).size).toBe(clients * perClient);
    expect(numbers).toEqual(Array.from({ length: clients * perClient }, (_, i) => numbers[0]! + i));
  });
});
