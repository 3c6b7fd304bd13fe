import { createHash, randomUUID } from 'node:crypto';
import {
  acceptDossier,
  answerConsultation,
  approveDossier,
  assignStep,
  type Channel,
  claimStep,
  completeStep,
  type DossierActor,
  type DossierDeps,
  fixedClock,
  issueApology,
  issueResult,
  type ReturnMethod,
  rateDossier,
  receiveDossier,
  refuseDossier,
  requestConsultation,
  requestFinancialObligation,
  requestSupplement,
  returnResult,
  vnDate,
  type WorkingCalendar,
  withdrawDossier,
} from '@mot-cua/core';
import type { Kysely } from 'kysely';
import type { Database } from '../database.js';
import { loadWorkingCalendar } from '../repositories/calendar.repository.js';
import {
  createDossierDeadlinePort,
  createDossierProcedurePort,
  createDossierUnitsPort,
} from '../repositories/dossier-ports.repository.js';
import { createDossiersRepository } from '../repositories/dossiers.repository.js';
import { createStoredFilesRepository } from '../repositories/stored-files.repository.js';
import { createUsersRepository } from '../repositories/users.repository.js';
import type { DB } from '../schema/index.js';
import type { SeedLog } from './types.js';

/** Real master data of the dossiers feature, loaded on every start when missing (idempotent). */
export async function loadDossiersMasterData(_database: Database, _log: SeedLog): Promise<void> {}

/**
 * The documented demo dossier for the public lookup (/tra-cuu): a birth registration received at
 * Phường Bến Thành on Monday 2 November 2026 at 08:30 and returned the next morning. It is the first
 * dossier of that day, so its code ends in 010001; the second factor is the applicant's phone.
 */
export const DEMO_LOOKUP = {
  receivedAt: '2026-11-02T01:30:00Z',
  phone: '0912345678',
  idNumber: '079190001234',
  applicant: 'Nguyễn Thị Hoa',
} as const;

const BEN_THANH = '26743';
const HCM = '79';
const HOAN_KIEM = '00070';
const HA_NOI = '01';

/** A small valid one-page PDF standing for a digitized result (demo only). */
function demoResultPdf(title: string): Buffer {
  const text = title.replace(/[()\\]/g, '');
  const stream = `BT /F1 16 Tf 72 760 Td (${text}) Tj 0 -24 Td /F1 11 Tf (Ban dien tu - du lieu minh hoa) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) out += `${String(off).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

type Person = { fullName: string; idNumber?: string; phone?: string; address?: string };

/**
 * Demo data of the dossiers feature for a first start: dossiers in every state at Phường Bến Thành
 * (and two at Phường Hoàn Kiếm), made through the real use cases with a clock set in the past, so
 * their logs, due dates, process control sheets and outbox rows are exactly what the product makes.
 * Skipped when the demo units already hold dossiers or the admin units are not loaded.
 */
/** Demo dossiers of Bến Thành and Hoàn Kiếm; `systemCode` is the config's SYSTEM_CODE (the AA of the codes). */
export async function seedDossiersDemo(database: Database, log: SeedLog, systemCode = '01'): Promise<void> {
  const db = database.db;
  const now = new Date();
  const today = vnDate(now);
  const any = await db
    .selectFrom('dossiers')
    .select('id')
    .where('receivingUnitCode', 'in', [BEN_THANH, HOAN_KIEM])
    .limit(1)
    .executeTakeFirst();
  if (any) return;
  if (!(await createDossierUnitsPort(db).findUnit(BEN_THANH, today))) return;
  const users = createUsersRepository(db);
  const idOf = async (username: string) => (await users.findUserByUsername(username))?.id ?? null;
  const ids = {
    lan: await idOf('tiepnhan.benthanh'),
    hung: await idOf('chuyenvien.benthanh'),
    mai: await idOf('truongphong.benthanh'),
    minh: await idOf('lanhdao.benthanh'),
    huy: await idOf('tiepnhan.hoankiem'),
  };
  const started = performance.now();
  const made = await db.transaction().execute((trx) => seedIn(trx, now, ids, systemCode));
  log(
    `dossiers: ${made.count} demo dossiers; public lookup demo: ${made.lookupCode} + ${DEMO_LOOKUP.phone} (${Math.round(performance.now() - started)} ms)`,
  );
}

async function seedIn(
  trx: Kysely<DB>,
  now: Date,
  ids: Record<'lan' | 'hung' | 'mai' | 'minh' | 'huy', string | null>,
  systemCode: string,
): Promise<{ count: number; lookupCode: string }> {
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

  // 1. The documented lookup dossier: birth registration, returned (fixed date when it is in the past).
  const fixed = new Date(DEMO_LOOKUP.receivedAt);
  const fixedOk = now.getTime() - fixed.getTime() > 7 * 86_400_000;
  const t1 = fixedOk
    ? [0, 10, 20, 60, 180, 330, 345, 390, 420, 1440].map((m) => new Date(fixed.getTime() + m * 60_000))
    : [ago(6), ...times(5.95, 5.2, 8), ago(4.9)];
  const demo = await receive(t1[0]!, lan, {
    procedureCode: '1.001193',
    applicant: {
      fullName: DEMO_LOOKUP.applicant,
      idNumber: DEMO_LOOKUP.idNumber,
      phone: DEMO_LOOKUP.phone,
      address: '45 Lê Thánh Tôn, Phường Bến Thành, TP Hồ Chí Minh',
    },
    note: 'Khai sinh cho con: Trần Gia Bảo',
  });
  await processToResult(demo.id, t1.slice(1, 9), 'Giay khai sinh - Tran Gia Bao', 'giay-khai-sinh-tran-gia-bao.pdf');
  await at(t1[9]!, () => returnResult(deps, { dossierId: demo.id, actor: lan, method: 'counter' }));

  // 2. Received at the counter a moment ago; step 1 waits for reception.
  await receive(ago(0.1), lan, {
    procedureCode: '1.000894',
    applicant: { fullName: 'Trần Minh Khoa', idNumber: '079095004321', phone: '0903111222' },
    note: 'Đăng ký kết hôn với bà Lý Thu Trang',
  });

  // 3. Guardianship in processing, assigned to the specialist.
  const d3 = await receive(ago(1.5), lan, {
    procedureCode: '1.004837',
    applicant: { fullName: 'Hồ Thị Thu', idNumber: '079180002468', phone: '0938222333' },
    agent: { fullName: 'Hồ Văn Phúc', relation: 'em trai' },
  });
  await toSpecialist(d3.id, [ago(1.45), ago(1.4), ago(1.3)]);

  // 4. Household business registration, overdue, still with the specialist.
  const d4 = await receive(ago(4.2), lan, {
    procedureCode: '1.001612',
    applicant: { fullName: 'Phan Quốc Bảo', idNumber: '079088007777', phone: '0977555666' },
    note: 'Hộ kinh doanh quán cà phê "Góc Phố"',
  });
  await toSpecialist(d4.id, [ago(4.15), ago(4.1), ago(4.0)]);

  // 5. Submitted online, waiting to be accepted within 8 working hours.
  await receive(ago(0.4), who(null, 'Vũ Ngọc Anh', 'citizen', BEN_THANH), {
    procedureCode: '1.001193',
    mode: 'submit',
    channel: 'online',
    applicant: { fullName: 'Vũ Ngọc Anh', idNumber: '079193005555', phone: '0915333444' },
    returnMethod: 'online',
  });

  // 6. Came by post; one consolidated supplement request.
  const d6 = await receive(ago(1.2), lan, {
    procedureCode: '1.000656',
    mode: 'submit',
    channel: 'postal',
    applicant: { fullName: 'Đặng Văn Toàn', idNumber: '079070003333', phone: '0988777111' },
    returnMethod: 'post',
  });
  const names = new Map(d6.components.map((c) => [c.key, c.name]));
  await at(ago(1.1), () =>
    requestSupplement(deps, {
      dossierId: d6.id,
      actor: lan,
      items: [
        {
          key: 'c01',
          name: names.get('c01') ?? 'c01',
          state: 'invalid',
          reason: 'Bản chụp không rõ nét, cần bản sao chứng thực',
        },
        { key: 'c03', name: names.get('c03') ?? 'c03', state: 'missing', reason: null },
      ],
    }),
  );

  // 7. Guardianship waiting for the leader's approval (step 4).
  const d7 = await receive(ago(2.5), lan, {
    procedureCode: '1.004837',
    applicant: { fullName: 'Lâm Thị Ngọc', idNumber: '079185001111', phone: '0909444555' },
  });
  await toSpecialist(d7.id, [ago(2.45), ago(2.4), ago(2.3)]);
  await at(ago(1.0), () => completeStep(deps, { dossierId: d7.id, actor: hung, fromStep: 2, note: 'Đủ điều kiện' }));
  await at(ago(0.6), () => claimStep(deps, { dossierId: d7.id, actor: mai, stepOrder: 3 }));
  await at(ago(0.5), () => completeStep(deps, { dossierId: d7.id, actor: mai, fromStep: 3, note: 'Trình ký' }));

  // 8. Result ready at the counter, to be returned.
  const d8 = await receive(ago(1.0), lan, {
    procedureCode: '1.000894',
    applicant: { fullName: 'Châu Gia Huy', idNumber: '079097006666', phone: '0932666777' },
  });
  await processToResult(d8.id, times(0.95, 0.2, 8), 'Giay chung nhan ket hon', 'giay-chung-nhan-ket-hon.pdf');

  // 9. Refused at the counter with reasons (form 03).
  const d9 = await receive(ago(3.0), lan, {
    procedureCode: '1.001612',
    mode: 'submit',
    applicant: { fullName: 'Tạ Văn Lực', idNumber: '079080009999', phone: '0919000111' },
  });
  await at(ago(2.95), () =>
    refuseDossier(deps, {
      dossierId: d9.id,
      actor: lan,
      reasons: ['Ngành nghề đăng ký thuộc danh mục ngành, nghề cấm đầu tư kinh doanh'],
    }),
  );

  // 10. Withdrawn by the applicant (stop notice).
  const d10 = await receive(ago(2.0), lan, {
    procedureCode: '1.001193',
    applicant: { fullName: 'Mai Thị Hạnh', idNumber: '079192008888', phone: '0907888999' },
  });
  await at(ago(1.8), () =>
    withdrawDossier(deps, { dossierId: d10.id, actor: lan, reason: 'Gia đình xin rút để thống nhất lại tên cho cháu' }),
  );

  // 11. Late: apology with a new date (form 04).
  const d11 = await receive(ago(2.2), lan, {
    procedureCode: '1.001612',
    applicant: { fullName: 'Ông Văn Thành', idNumber: '079075004444', phone: '0913555777' },
  });
  await toSpecialist(d11.id, [ago(2.15), ago(2.1), ago(2.05)]);
  await at(ago(2.0), async () => {
    const cal = calendars.get(BEN_THANH)!;
    const state = (await dossiers.findDossier(d11.id))!;
    const newDueAt = cal.addWorkingMs(state.dueAt!, 3 * cal.dayWorkMs);
    return issueApology(deps, {
      dossierId: d11.id,
      actor: hung,
      reason: 'Chờ cơ quan thuế xác nhận mã số thuế hộ kinh doanh',
      newDueAt,
    });
  });

  // 12. Consultation of another agency, with its own deadline.
  const d12 = await receive(ago(1.2), lan, {
    procedureCode: '1.004837',
    applicant: { fullName: 'Quách Thị Bích', idNumber: '079160002222', phone: '0936999000' },
  });
  await toSpecialist(d12.id, [ago(1.15), ago(1.1), ago(1.05)]);
  await at(ago(1.0), () =>
    requestConsultation(deps, {
      dossierId: d12.id,
      actor: hung,
      agency: 'Công an Phường Bến Thành',
      question: 'Xác minh nơi cư trú của người được giám hộ',
      workingDays: 2,
    }),
  );

  // 13. Received at Phường Sài Gòn for Bến Thành: handled here, returned there.
  const saigon = who(null, 'Võ Thanh Tùng', 'reception', '26740');
  const d13 = await receive(ago(0.8), saigon, {
    procedureCode: '1.000656',
    competentUnitCode: BEN_THANH,
    applicant: { fullName: 'Kiều Văn Nam', idNumber: '079065001212', phone: '0908121212' },
  });
  await at(ago(0.75), () => claimStep(deps, { dossierId: d13.id, actor: saigon, stepOrder: 1 }));
  await at(ago(0.7), () =>
    completeStep(deps, { dossierId: d13.id, actor: saigon, fromStep: 1, note: 'Chuyển hồ sơ điện tử' }),
  );

  // 14. Received at Bến Thành for Phường Tân Định: the result comes back here.
  await receive(ago(0.6), lan, {
    procedureCode: '1.000894',
    competentUnitCode: '26737',
    applicant: { fullName: 'Lương Hoàng Yến', idNumber: '079196003434', phone: '0903434343' },
  });

  // 15. Returned and rated by the applicant.
  const d15 = await receive(ago(5.0), lan, {
    procedureCode: '1.000894',
    applicant: { fullName: 'Dương Minh Tuấn', idNumber: '079094005656', phone: '0905656565' },
  });
  await processToResult(d15.id, times(4.95, 4.5, 8), 'Giay chung nhan ket hon', 'giay-chung-nhan-ket-hon.pdf');
  await at(ago(4.3), () => returnResult(deps, { dossierId: d15.id, actor: lan, method: 'counter' }));
  await at(ago(4.29), () =>
    rateDossier(deps, {
      dossierId: d15.id,
      actor: { userId: null, name: 'Dương Minh Tuấn', role: 'applicant', unitCode: BEN_THANH },
      level: 5,
      criteria: { staffAttitude: 5, totalTime: 5, publicity: 4 },
      comment: 'Cán bộ hướng dẫn tận tình',
    }),
  );

  // 16. Land registration waiting for the financial obligation (clock paused).
  const d16 = await receive(ago(6.0), lan, {
    procedureCode: '1.012753',
    applicant: { fullName: 'Trương Văn Sáu', idNumber: '079060007878', phone: '0918787878' },
    note: 'Thửa đất số 112, tờ bản đồ số 7',
  });
  await toSpecialist(d16.id, [ago(5.9), ago(5.8), ago(5.5)]);
  await at(ago(3.0), () =>
    requestFinancialObligation(deps, {
      dossierId: d16.id,
      actor: hung,
      amount: 12_500_000,
      description: 'Tiền sử dụng đất và lệ phí trước bạ theo thông báo của cơ quan thuế',
    }),
  );

  // 17. An online dossier accepted after the supplement was made (consultation answered, processing).
  const d17 = await receive(ago(0.9), who(null, 'Nguyễn Hải Đăng', 'citizen', BEN_THANH), {
    procedureCode: '1.004837',
    mode: 'submit',
    channel: 'online',
    applicant: { fullName: 'Nguyễn Hải Đăng', idNumber: '079099001010', phone: '0911010101' },
    returnMethod: 'online',
  });
  await at(ago(0.7), () => acceptDossier(deps, { dossierId: d17.id, actor: lan }));
  await toSpecialist(d17.id, [ago(0.65), ago(0.6), ago(0.55)]);
  const c = await at(ago(0.5), () =>
    requestConsultation(deps, {
      dossierId: d17.id,
      actor: hung,
      agency: 'Phòng Văn hóa – Xã hội',
      question: 'Ý kiến về điều kiện của người giám hộ',
      workingDays: 1,
    }),
  );
  const consultationId = c.action.type === 'consultation_requested' ? c.action.consultationId : '';
  await at(ago(0.2), () =>
    answerConsultation(deps, {
      dossierId: d17.id,
      actor: hung,
      consultationId,
      answer: 'Đủ điều kiện làm người giám hộ',
    }),
  );

  // Hoàn Kiếm (Hà Nội): one received today, one returned.
  await receive(ago(0.3, HOAN_KIEM), huy, {
    procedureCode: '1.001193',
    applicant: { fullName: 'Phí Thị Thảo', idNumber: '001190002020', phone: '0983202020' },
  });
  const hk = await receive(ago(3.0, HOAN_KIEM), huy, {
    procedureCode: '1.000894',
    applicant: { fullName: 'Tô Minh Đức', idNumber: '001093003030', phone: '0983303030' },
  });
  const hkLeader = who(null, 'Lê Thu Hà', 'leader', HOAN_KIEM);
  const hkSpecialist = who(null, 'Ngô Văn Bình', 'specialist', HOAN_KIEM);
  const hkHead = who(null, 'Đỗ Quang Vinh', 'department_head', HOAN_KIEM);
  // The whole internal process: reception, specialist, department head, then the leader's approval step.
  const hkSteps: Array<[number, DossierActor]> = [
    [1, huy],
    [2, hkSpecialist],
    [3, hkHead],
  ];
  for (const [i, [step, actor]] of hkSteps.entries()) {
    await at(ago(2.9 - i * 0.1, HOAN_KIEM), () => completeStep(deps, { dossierId: hk.id, actor, fromStep: step }));
  }
  await at(ago(2.5, HOAN_KIEM), () => approveDossier(deps, { dossierId: hk.id, actor: hkLeader }));
  await issue(hk.id, ago(2.4, HOAN_KIEM), hkSpecialist, 'Giay chung nhan ket hon', 'giay-chung-nhan-ket-hon.pdf');
  await at(ago(2.0, HOAN_KIEM), () => returnResult(deps, { dossierId: hk.id, actor: huy, method: 'counter' }));

  return { count, lookupCode: demo.code };
}
