import {
  acceptDossier,
  answerConsultation,
  claimStep,
  completeStep,
  issueApology,
  rateDossier,
  refuseDossier,
  requestConsultation,
  requestFinancialObligation,
  requestSupplement,
  returnResult,
  withdrawDossier,
} from '@mot-cua/core';
import { BEN_THANH, type DemoDossierKit } from './demo-dossier-kit.js';
import { DEMO_LOOKUP } from './demo-lookup.js';

/**
 * The demo dossiers of Phường Bến Thành, one a state: the documented lookup dossier (returned), received, in
 * processing, overdue, online awaiting acceptance, supplement requested, awaiting approval, result ready, refused,
 * withdrawn, apologised for, in consultation, received elsewhere, returned and rated, awaiting a financial
 * obligation. Returns the lookup dossier's code.
 */
export async function seedBenThanhDossiers(kit: DemoDossierKit): Promise<string> {
  const { deps, dossiers, now, calendars, ago, times, at, who, receive, toSpecialist, processToResult } = kit;
  const { lan, hung, mai } = kit.officials;
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

  return demo.code;
}
