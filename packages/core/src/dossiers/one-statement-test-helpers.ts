import { expect } from 'vitest';
import type { DossierAction } from './dossier-actions.js';
import { hours } from './dossier-test-helpers.js';
import type { DossierDeps } from './perform-dossier-action.js';
import type { DossierOwnRecords, DossierRecord, DossiersRepository } from './ports.js';

/* An in-memory dossier store for the one-statement path (one-statement-action.test.ts): its write applies only at
   the version read, and a racer (another action) can be slipped in between a read and its write. */
export const record: DossierRecord = {
  id: '00000000-0000-4000-8000-000000000001',
  code: 'X79.26743-260302-010001',
  provinceCode: '79',
  receivingUnitCode: '26743',
  competentUnitCode: '26743',
  procedureVersionId: null,
  procedureCode: '1.001193',
  procedureName: 'Thủ tục thử',
  fieldCode: null,
  fieldName: null,
  channel: 'in_person',
  applicant: { type: 'citizen', fullName: 'Nguyễn Thị Ánh', idNumber: null, phone: null, email: null, address: null },
  agent: null,
  returnMethod: 'counter',
  duration: { value: 3, unit: 'working_days' },
  components: [],
  feeTotal: 0,
  paidOnline: false,
  vneidVerified: false,
  status: 'received',
  nationalStatus: 2,
  submittedAt: hours(0),
  receivedAt: hours(0),
  dueAt: hours(72),
  finishedAt: null,
  currentStepOrder: 1,
  currentAssigneeId: null,
  lastActionSeq: 1,
  createdAt: hours(0),
};

export type Store = {
  dossier: DossierRecord;
  actions: DossierAction[];
  version: number;
  audits: number;
  outbox: string[];
  /** The action types of each applied write, in order. */
  writes: string[][];
  records: DossierOwnRecords[];
};
export const emptyStore = (actions: DossierAction[]): Store => ({
  dossier: { ...record },
  actions,
  version: 1,
  audits: 0,
  outbox: [],
  writes: [],
  records: [],
});

/** How many writes lost their race (and were retried by the use case). */
export const races = { lost: 0 };

/** The store, and a hook run once between a read and the write that follows it (the racer). */
export function memoryDeps(store: Store, racers: Array<() => Promise<unknown>>): DossierDeps {
  let pendingRace = false;
  const dossiers = {
    async readForAction() {
      pendingRace = racers.length > 0;
      return { dossier: { ...store.dossier }, actions: [...store.actions], version: String(store.version) };
    },
    async commitAction(input) {
      if (pendingRace) {
        pendingRace = false;
        await racers.shift()?.();
      }
      const seqs = input.actions.map((x) => x.action.seq);
      expect(seqs).toEqual(seqs.map((_, i) => seqs[0]! + i)); // consecutive
      if (input.version !== String(store.version) || seqs[0] !== store.actions.length + 1) {
        races.lost++;
        return false;
      }
      for (const x of input.actions) {
        store.actions.push(x.action);
        if (x.audit) store.audits++;
        if (x.outbox) store.outbox.push(x.outbox.idempotencyKey);
      }
      store.dossier = { ...store.dossier, ...input.projection };
      store.version++;
      store.writes.push(input.actions.map((x) => x.action.type));
      if (input.records) store.records.push(input.records);
      return true;
    },
    async listCandidates() {
      return [];
    },
  } as Partial<DossiersRepository> as DossiersRepository;
  return {
    dossiers,
    clock: { now: () => hours(100) },
    deadlines: {
      computeDueDate: async () => ({ clockStartsAt: hours(100), dueAt: null }),
      workingDaysBefore: async ({ at }) => at,
      dueSoonBefore: async ({ now }) => now,
    },
    units: { findUnit: async () => undefined },
    procedures: { findProcedureForReception: async () => undefined },
    newId: () => 'id',
    systemCode: '00',
    audit: { record: async () => {}, requestId: 'r' },
    oneStatement: true,
  };
}
