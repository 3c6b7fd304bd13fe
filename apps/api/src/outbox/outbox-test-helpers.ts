import { randomUUID } from 'node:crypto';
import {
  acceptDossier,
  type Clock,
  type DossierActor,
  type DossierDeps,
  fixedClock,
  OUTBOX_TOPIC,
  receiveDossier,
  supplementDossier,
  type UnitInfo,
} from '@mot-cua/core';
import {
  createDossierDeadlinePort,
  createDossierProcedurePort,
  createDossiersRepository,
  createDossierUnitsPort,
  type Database,
} from '@mot-cua/db';
import { type PortalSim, startPortalSim } from '@mot-cua/portal-sim';
import { loadDossierTestProcedure, testUnit } from '@mot-cua/test-kit';
import { createOutboxDispatcher, type DispatcherOptions } from './outbox-dispatcher.js';
import { createPortalClient } from './portal-client.js';

/** Test helpers for the outbox: a unit with a procedure, dossiers that move, a simulator and a dispatcher. */
export async function outboxScene(database: Database) {
  const { unitCode, provinceCode } = testUnit();
  const units = new Map<string, UnitInfo>([
    [unitCode, { code: unitCode, name: 'Phường Thử Nghiệm', provinceCode, level: 'commune', agencyIdentifier: null }],
  ]);
  const procedureCode = (await loadDossierTestProcedure(database.db, { unitCode })).code;
  const actionClock = fixedClock('2026-03-02T02:00:00Z');
  const reception: DossierActor = { userId: null, name: 'Trần Thị Lan', role: 'reception', unitCode };
  const tx = <T>(fn: (d: DossierDeps) => Promise<T>) =>
    database.db.transaction().execute((trx) => {
      const unitsPort = createDossierUnitsPort(trx, units);
      return fn({
        dossiers: createDossiersRepository(trx),
        clock: actionClock,
        deadlines: createDossierDeadlinePort(trx),
        units: unitsPort,
        procedures: createDossierProcedurePort(trx, unitsPort),
        newId: randomUUID,
        systemCode: '01',
      });
    });
  const components = [
    { key: 'c01', state: 'present' as const },
    { key: 'c02', state: 'present' as const },
  ];

  return {
    unitCode,
    provinceCode,
    /** Received incomplete (national status 1 then 5): returns the dossier id and code. */
    async receiveIncomplete() {
      const r = await tx((d) =>
        receiveDossier(d, reception, {
          mode: 'request_supplement',
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
            { key: 'c02', state: 'invalid', reason: 'Bản chụp mờ' },
          ],
          returnMethod: 'counter',
        }),
      );
      return { id: r.dossier.id, code: r.dossier.code };
    },
    /** Supplemented (status 1). */
    supplement: (id: string) => tx((d) => supplementDossier(d, { dossierId: id, actor: reception })),
    /** Accepted (status 2). */
    accept: (id: string) => tx((d) => acceptDossier(d, { dossierId: id, actor: reception, components })),
    listOutbox: (id: string) => createDossiersRepository(database.db).listOutbox(id),
  };
}

export const simUrl = (sim: PortalSim, path: string) => `${sim.url}${path}`;

export async function setSimMode(sim: PortalSim, mode: string, seconds = 0) {
  const r = await fetch(simUrl(sim, '/sim/mode'), {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ mode, seconds }),
  });
  if (!r.ok) throw new Error(`sim mode ${mode}: ${r.status}`);
}

export type SimRecord = {
  total: number;
  duplicates: number;
  items: Array<{ seq: number; idempotencyKey: string; requests: number; payload: Record<string, unknown> }>;
};
export async function simReceived(sim: PortalSim, query = ''): Promise<SimRecord> {
  return (await (await fetch(simUrl(sim, `/sim/received?limit=100000${query}`))).json()) as SimRecord;
}

export async function startTestSim() {
  return startPortalSim({ port: 0, dataDir: null });
}

/** A dispatcher for one province on a movable clock. */
export function testDispatcher(
  database: Database,
  sim: PortalSim,
  provinceCode: string,
  over: Partial<DispatcherOptions> & { clock?: Clock } = {},
) {
  const timeoutMs = over.timeoutMs ?? 2_000;
  return createOutboxDispatcher({
    database,
    clock: over.clock ?? fixedClock(new Date(Date.now() + 1000)),
    client: createPortalClient({ url: sim.url, timeoutMs }),
    owner: `test-${randomUUID()}`,
    concurrency: 8,
    pollMs: 20,
    timeoutMs,
    provinceCodes: [provinceCode],
    topics: [OUTBOX_TOPIC],
    random: () => 0.5,
    ...over,
  });
}
