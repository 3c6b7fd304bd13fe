import { describe, expect, it } from 'vitest';
import { acceptDossier } from './accept-dossier.js';
import { withOwnRecords } from './decide-dossier-action.js';
import type { ComponentCheck, DossierAction } from './dossier-actions.js';
import { hours, log, steps } from './dossier-test-helpers.js';
import type { DossierDeps } from './perform-dossier-action.js';
import type { DossierOwnRecords, DossierRecord, DossiersRepository, OutboxMessage } from './ports.js';

// After accept with a checklist, what the action returns (the route presents it without reading again) and the
// status outbox row carry the ACCEPTED checklist and time limit, on both paths: the locked one (in a transaction)
// and the one-statement one. Both are built from the command, never read back after the write.

const before: ComponentCheck[] = [
  { key: 'c01', name: 'Đơn', state: 'present', reason: null, copies: 1, reused: true },
  { key: 'c02', name: 'Giấy tờ tùy thân', state: 'missing', reason: 'chưa nộp', copies: 1 },
];

const registered: DossierRecord = {
  id: '00000000-0000-4000-8000-000000000002',
  code: 'X79.26743-260302-010002',
  provinceCode: '79',
  receivingUnitCode: '26743',
  competentUnitCode: '26743',
  procedureVersionId: null,
  procedureCode: '1.001193',
  procedureName: 'Thủ tục thử',
  fieldCode: null,
  fieldName: null,
  channel: 'postal',
  applicant: {
    type: 'citizen',
    fullName: 'Phạm Văn Chấp Nhận',
    idNumber: null,
    phone: null,
    email: null,
    address: null,
  },
  agent: null,
  returnMethod: 'post',
  duration: { value: 0, unit: 'working_days' },
  components: before,
  feeTotal: 0,
  paidOnline: false,
  vneidVerified: false,
  status: 'new',
  nationalStatus: 1,
  submittedAt: hours(0),
  receivedAt: null,
  dueAt: null,
  finishedAt: null,
  currentStepOrder: null,
  currentAssigneeId: null,
  lastActionSeq: 1,
  createdAt: hours(0),
};

type Written = { outbox: OutboxMessage[]; records: DossierOwnRecords[] };

function depsFor(path: 'locked' | 'one-statement', written: Written): DossierDeps {
  const dossier = { ...registered, components: before.map((c) => ({ ...c })) };
  const actions: DossierAction[] = log({ type: 'submitted', channel: 'postal' });
  const dossiers = {
    async lockDossier() {
      return { ...dossier };
    },
    async listActions() {
      return [...actions];
    },
    async saveComponents(_d, checklist) {
      written.records.push({ checklist });
    },
    async saveDuration(_d, duration) {
      written.records.push({ duration });
    },
    async recordAction(input) {
      if (input.outbox) written.outbox.push(input.outbox);
    },
    async readForAction() {
      return { dossier: { ...dossier }, actions: [...actions], version: '1' };
    },
    async commitAction(input) {
      for (const x of input.actions) if (x.outbox) written.outbox.push(x.outbox);
      if (input.records) written.records.push(input.records);
      return true;
    },
  } as Partial<DossiersRepository> as DossiersRepository;
  return {
    dossiers,
    clock: { now: () => hours(100) },
    deadlines: {
      computeDueDate: async () => ({ clockStartsAt: hours(100), dueAt: hours(172) }),
      workingDaysBefore: async ({ at }) => at,
      dueSoonBefore: async ({ now }) => now,
    },
    units: { findUnit: async () => undefined },
    procedures: {
      findProcedureForReception: async () => ({
        versionId: null,
        code: registered.procedureCode,
        name: registered.procedureName,
        fieldCode: null,
        fieldName: null,
        components: [
          { key: 'c01', name: 'Đơn', copies: 1, required: true },
          { key: 'c02', name: 'Giấy tờ tùy thân', copies: 2, required: true },
        ],
        duration: { value: 3, unit: 'working_days' },
        steps,
        feeTotal: 0,
        hasFinancialObligation: false,
      }),
    },
    newId: () => 'id',
    systemCode: '00',
    oneStatement: path === 'one-statement',
  };
}

describe('accept with a checklist returns and publishes the accepted checklist', () => {
  for (const path of ['locked', 'one-statement'] as const) {
    it(`${path} path: the result's dossier and the outbox payload carry the checklist and time limit accepted`, async () => {
      const written: Written = { outbox: [], records: [] };
      const result = await acceptDossier(depsFor(path, written), {
        dossierId: registered.id,
        actor: { userId: 'u', name: null, role: 'reception', unitCode: '26743' },
        components: [
          { key: 'c01', state: 'present' },
          { key: 'c02', state: 'present' },
        ],
      });
      const accepted = [
        { key: 'c01', name: 'Đơn', state: 'present', reason: null, copies: 1, reused: true },
        { key: 'c02', name: 'Giấy tờ tùy thân', state: 'present', reason: null, copies: 2 },
      ];
      expect(result.dossier.components).toEqual(accepted);
      expect(result.dossier.duration).toEqual({ value: 3, unit: 'working_days' });
      expect(result.state.status).toBe('received');
      // The status message (new → received) lists both components as submitted, c01 with its origin kept.
      expect(written.outbox).toHaveLength(1);
      const payload = written.outbox[0]!.payload as { TaiLieuNop: Array<Record<string, unknown>> };
      expect(payload.TaiLieuNop.map((t) => [t.MaThanhPhan, t.DuocTaiSuDung])).toEqual([
        ['c01', 1],
        ['c02', 0],
      ]);
      // What was written is what was returned.
      const checklist = written.records.find((r) => r.checklist)?.checklist;
      expect(withOwnRecords(registered, { checklist }).components).toEqual(accepted);
    });
  }

  it('without a checklist accept judges the one the dossier has: incomplete is refused, nothing published', async () => {
    const written: Written = { outbox: [], records: [] };
    const result = await acceptDossier(depsFor('one-statement', written), {
      dossierId: registered.id,
      actor: { userId: 'u', name: null, role: 'reception', unitCode: '26743' },
      components: undefined,
    }).catch((e: unknown) => e);
    // The registered checklist has c02 missing: accept without a new checklist is refused, nothing written.
    expect(result).toMatchObject({ code: 'COMPONENTS_INCOMPLETE' });
    expect(written.outbox).toEqual([]);
  });
});

describe('withOwnRecords', () => {
  it('keeps origin flags from the row replaced unless given, and applies the time limit', () => {
    const d = withOwnRecords(registered, {
      checklist: [
        { key: 'c02', name: 'B', state: 'present', fromCitizenStore: true },
        { key: 'c01', name: 'A', state: 'invalid', reason: 'mờ', copies: 3 },
        { key: 'c03', name: 'C', state: 'not_applicable' },
      ],
      duration: { value: 5, unit: 'working_days' },
    });
    expect(d.components).toEqual([
      { key: 'c02', name: 'B', state: 'present', reason: null, copies: 1, fromCitizenStore: true },
      { key: 'c01', name: 'A', state: 'invalid', reason: 'mờ', copies: 3, reused: true },
      { key: 'c03', name: 'C', state: 'not_applicable', reason: null, copies: 1 },
    ]);
    expect(d.duration).toEqual({ value: 5, unit: 'working_days' });
    expect(withOwnRecords(registered, {})).toBe(registered);
    expect(withOwnRecords(registered, undefined)).toBe(registered);
  });
});
