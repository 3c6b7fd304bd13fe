import { randomUUID } from 'node:crypto';
import {
  applyChangeEvent,
  type Clock,
  type DossierActor,
  type DossierDeps,
  fixedClock,
  type ReceiveDossierInput,
  type UnitInfo,
} from '@mot-cua/core';
import { loadDossierTestProcedure, testUnit } from '@mot-cua/test-kit';
import type { Kysely } from 'kysely';
import type { Database } from '../database.js';
import type { DB } from '../schema/index.js';
import { createChangeEventPorts } from './change-events.repository.js';
import {
  createDossierDeadlinePort,
  createDossierProcedurePort,
  createDossierUnitsPort,
} from './dossier-ports.repository.js';
import { createDossiersRepository } from './dossiers.repository.js';

/** The dossier use cases' ports on a connection, with a test's clock (and the units it knows, else the database's). */
export function dossierDeps(db: Kysely<DB>, clock: Clock, units?: Map<string, UnitInfo>): DossierDeps {
  const unitsPort = createDossierUnitsPort(db, units);
  return {
    dossiers: createDossiersRepository(db),
    clock,
    deadlines: createDossierDeadlinePort(db),
    units: unitsPort,
    procedures: createDossierProcedurePort(db, unitsPort),
    newId: randomUUID,
    systemCode: '01',
  };
}

/** A receipt at the counter by a citizen with the test procedure's two components present (fields overridden). */
export const receiveInput = (
  over: Partial<ReceiveDossierInput> & Pick<ReceiveDossierInput, 'procedureCode' | 'receivingUnitCode'>,
): ReceiveDossierInput => ({
  mode: 'receive',
  channel: 'in_person',
  competentUnitCode: null,
  applicant: { type: 'citizen', fullName: 'Nguyễn Thị Ánh', idNumber: null, phone: null, email: null, address: null },
  components: [
    { key: 'c01', state: 'present' },
    { key: 'c02', state: 'present' },
  ],
  returnMethod: 'counter',
  ...over,
});

/** Commune `from` merged into `into` (a ward keeping into's code) on a date, by a test resolution (Nghị quyết thử). */
export async function mergeTestUnits(
  database: Database,
  m: { into: string; from: string; name: string; effectiveDate: string; userId: string; key: string },
): ReturnType<typeof applyChangeEvent> {
  return database.db.transaction().execute((trx) =>
    applyChangeEvent(
      {
        kind: 'merge',
        effectiveDate: m.effectiveDate,
        legalBasis: 'Nghị quyết thử',
        sourceCodes: [m.into, m.from],
        target: { code: m.into, name: m.name, type: 'ward' },
      },
      createChangeEventPorts(trx, { userId: m.userId }),
      m.key,
    ),
  );
}

/**
 * What the dossier use-case tests on the database share (dossiers.db.test.ts, dossier-handling.db.test.ts): a test
 * unit with its procedure, the ports on a connection, a receptionist, a counter receipt. One set per test file.
 */
export function dossierFixtures() {
  const clock = fixedClock('2026-03-02T02:00:00Z'); // Monday 09:00 Vietnam time
  const { unitCode, provinceCode } = testUnit();
  const units = new Map<string, UnitInfo>([
    [unitCode, { code: unitCode, name: 'Phường Thử Nghiệm', provinceCode, level: 'commune', agencyIdentifier: null }],
  ]);
  let procedureCode: string;

  const deps = (db: Kysely<DB>): DossierDeps => dossierDeps(db, clock, units);

  const reception: DossierActor = { userId: null, name: 'Trần Thị Lan', role: 'reception', unitCode };
  const input = (over: Partial<ReceiveDossierInput> = {}): ReceiveDossierInput => ({
    mode: 'receive',
    channel: 'in_person',
    procedureCode,
    receivingUnitCode: unitCode,
    applicant: {
      type: 'citizen',
      fullName: 'Nguyễn Thị Ánh',
      idNumber: '079190000001',
      phone: '0909123456',
      email: null,
      address: null,
    },
    components: [
      { key: 'c01', state: 'present' },
      { key: 'c02', state: 'present' },
    ],
    returnMethod: 'counter',
    ...over,
  });

  /** Load the test procedure of the unit (before the first receipt). */
  async function setUp(database: Database) {
    procedureCode = (await loadDossierTestProcedure(database.db, { unitCode })).code;
  }

  return { clock, unitCode, provinceCode, units, deps, reception, input, setUp };
}
