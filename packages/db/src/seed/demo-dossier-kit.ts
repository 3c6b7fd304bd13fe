import { createHash, randomUUID } from 'node:crypto';
import {
  approveDossier,
  assignStep,
  type Channel,
  claimStep,
  completeStep,
  type DossierActor,
  type DossierDeps,
  fixedClock,
  issueResult,
  type ReturnMethod,
  receiveDossier,
  vnDate,
  type WorkingCalendar,
} from '@mot-cua/core';
import type { Kysely } from 'kysely';
import { loadWorkingCalendar } from '../repositories/calendar.repository.js';
import {
  createDossierDeadlinePort,
  createDossierProcedurePort,
  createDossierUnitsPort,
} from '../repositories/dossier-ports.repository.js';
import { createDossiersRepository } from '../repositories/dossiers.repository.js';
import { createStoredFilesRepository } from '../repositories/stored-files.repository.js';
import type { DB } from '../schema/index.js';
import { demoResultPdf } from './demo-result-pdf.js';

export const BEN_THANH = '26743';
const HCM = '79';
export const HOAN_KIEM = '00070';
const HA_NOI = '01';

type Person = { fullName: string; idNumber?: string; phone?: string; address?: string };

/** The demo officials' user ids (null when the account is missing). */
export type DemoOfficialIds = Record<'lan' | 'hung' | 'mai' | 'minh' | 'huy', string | null>;

/**
 * What the demo dossier stories are told with: the real use cases' dependencies on the seeding transaction, a
 * clock set in the past (`at`), working days ago on a unit's calendar (`ago`, `times`), the demo officials, and
 * the paths every story shares (receive, hand to the specialist, issue the result, process to the result).
 */
export async function demoDossierKit(trx: Kysely<DB>, now: Date, ids: DemoOfficialIds, systemCode: string) {
  const today = vnDate(now);
  const clock = fixedClock(now);
  const realUnits = createDossierUnitsPort(trx);
  const realProcedures = createDossierProcedurePort(trx, realUnits);
  const dossiers = createDossiersRepository(trx);
  // Procedure versions are valid from the day the catalog was loaded (today): look them up as of today.
  const deps: DossierDeps = {
    dossiers,
    clock,
    deadlines: createDossierDeadlinePort(trx),
    units: { findUnit: (code) => realUnits.findUnit(code, today) },
    procedures: { findProcedureForReception: (i) => realProcedures.findProcedureForReception({ ...i, onDate: today }) },
    newId: randomUUID,
    systemCode,
  };
  const year = Number(today.slice(0, 4));
  const calendars = new Map<string, WorkingCalendar>();
  for (const [unitCode, provinceCode] of [
    [BEN_THANH, HCM],
    [HOAN_KIEM, HA_NOI],
  ] as const) {
    calendars.set(
      unitCode,
      await loadWorkingCalendar(trx, { unitCode, provinceCode, fromYear: year - 1, toYear: year }),
    );
  }
  /** The working instant `days` working days before now on a unit's calendar. */
  const ago = (days: number, unit = BEN_THANH) => {
    const cal = calendars.get(unit)!;
    return cal.subtractWorkingMs(now, Math.round(days * cal.dayWorkMs));
  };

  const who = (userId: string | null, name: string, role: DossierActor['role'], unitCode: string): DossierActor => ({
    userId,
    name,
    role,
    unitCode,
  });
  const lan = who(ids.lan, 'Trần Thị Lan', 'reception', BEN_THANH);
  const hung = who(ids.hung, 'Lê Văn Hùng', 'specialist', BEN_THANH);
  const mai = who(ids.mai, 'Phạm Thị Mai', 'department_head', BEN_THANH);
  const minh = who(ids.minh, 'Nguyễn Văn Minh', 'leader', BEN_THANH);
  const huy = who(ids.huy, 'Đỗ Quang Huy', 'reception', HOAN_KIEM);

  let count = 0;
  const at = <T>(when: Date, f: () => Promise<T>) => {
    clock.set(when);
    return f();
  };

  async function receive(
    when: Date,
    actor: DossierActor,
    o: {
      procedureCode: string;
      applicant: Person;
      mode?: 'receive' | 'submit';
      channel?: Channel;
      competentUnitCode?: string;
      agent?: { fullName: string; relation: string };
      returnMethod?: ReturnMethod;
      note?: string;
    },
  ) {
    clock.set(when);
    const competent = o.competentUnitCode ?? actor.unitCode;
    const procedure = await deps.procedures.findProcedureForReception({
      procedureCode: o.procedureCode,
      competentUnitCode: competent,
      channel: o.channel ?? 'in_person',
      onDate: today,
    });
    if (!procedure) throw new Error(`demo dossiers: procedure ${o.procedureCode} not available at ${competent}`);
    const r = await receiveDossier(deps, actor, {
      mode: o.mode ?? 'receive',
      channel: o.channel ?? 'in_person',
      procedureCode: o.procedureCode,
      receivingUnitCode: actor.unitCode,
      competentUnitCode: o.competentUnitCode ?? null,
      applicant: {
        type: 'citizen',
        fullName: o.applicant.fullName,
        idNumber: o.applicant.idNumber ?? null,
        phone: o.applicant.phone ?? null,
        email: null,
        address: o.applicant.address ?? null,
      },
      agent: o.agent ? { fullName: o.agent.fullName, relation: o.agent.relation, idNumber: null, phone: null } : null,
      components: procedure.components.filter((c) => c.required).map((c) => ({ key: c.key, state: 'present' })),
      returnMethod: o.returnMethod ?? 'counter',
      vneidVerified: o.channel === 'online',
      note: o.note ?? null,
    });
    count++;
    return { id: r.dossier.id, code: r.dossier.code, components: r.dossier.components };
  }

  /** Step 1 (reception) handed over; step 2 given to the specialist by the department head. */
  async function toSpecialist(id: string, t: [Date, Date, Date], recv = lan, head = mai) {
    await at(t[0], () => claimStep(deps, { dossierId: id, actor: recv, stepOrder: 1 }));
    await at(t[1], () =>
      completeStep(deps, { dossierId: id, actor: recv, fromStep: 1, note: 'Đã số hóa thành phần hồ sơ' }),
    );
    await at(t[2], () => assignStep(deps, { dossierId: id, actor: head, stepOrder: 2, assigneeId: ids.hung }));
  }

  async function issue(id: string, when: Date, actor: DossierActor, fileTitle: string, fileName: string) {
    const pdf = demoResultPdf(fileTitle);
    const sha256 = createHash('sha256').update(pdf).digest('hex');
    const r = await at(when, () =>
      issueResult(deps, { dossierId: id, actor, documents: [{ name: fileName, sha256 }], note: 'Đã ký số, vào sổ' }),
    );
    // The seed has no file store: the PDF waits in its row until the start-up step moves it out.
    await createStoredFilesRepository(trx).insertWithContent({
      sha256,
      sizeBytes: pdf.length,
      mediaType: 'application/pdf',
      content: pdf,
    });
    await dossiers.addAttachment({
      dossierId: id,
      provinceCode: r.dossier.provinceCode,
      kind: 'result',
      componentKey: null,
      fileName,
      sha256,
      uploadedBy: actor.userId,
    });
  }

  /** Whole path: steps 1–4, approval, result issued. */
  async function processToResult(id: string, t: Date[], fileTitle: string, fileName: string) {
    await toSpecialist(id, [t[0]!, t[1]!, t[2]!]);
    await at(t[3]!, () => completeStep(deps, { dossierId: id, actor: hung, fromStep: 2, note: 'Đủ điều kiện' }));
    await at(t[4]!, () => claimStep(deps, { dossierId: id, actor: mai, stepOrder: 3 }));
    await at(t[5]!, () => completeStep(deps, { dossierId: id, actor: mai, fromStep: 3, note: 'Trình ký' }));
    await at(t[6]!, () => approveDossier(deps, { dossierId: id, actor: minh, note: 'Đồng ý' }));
    await issue(id, t[7]!, hung, fileTitle, fileName);
  }
  const times = (from: number, to: number, n: number) =>
    Array.from({ length: n }, (_, i) => ago(from - ((from - to) * i) / Math.max(1, n - 1)));

  return {
    deps,
    dossiers,
    ids,
    now,
    calendars,
    ago,
    times,
    at,
    who,
    officials: { lan, hung, mai, minh, huy },
    receive,
    toSpecialist,
    issue,
    processToResult,
    /** Dossiers received so far. */
    count: () => count,
  };
}

export type DemoDossierKit = Awaited<ReturnType<typeof demoDossierKit>>;
