import type { SlipKindName } from '@mot-cua/contracts';
import type { EformView } from '@mot-cua/contracts/eforms';
import {
  AppError,
  buildProcessControlSheet,
  type DossierAction,
  type DossierFee,
  type DossierRecord,
  type DossierState,
  dossierActionLabel,
} from '@mot-cua/core';
import {
  finish,
  header,
  heading,
  line,
  lookupQr,
  newSlip,
  paragraph,
  type Slip,
  signatures,
  table,
  title,
  vnDateTime,
  vnDay,
} from './pdf-document.js';
import { eformTables, feeChannelText, feeReceipt, vnd } from './slip-fees.js';

/** The slips a dossier can print: the contracts' list (`SlipKindName`). */
export type SlipKind = SlipKindName;

export type SlipInput = {
  dossier: DossierRecord;
  state: DossierState;
  actions: DossierAction[];
  unitName: (code: string) => string;
  /** Public lookup URL printed as a QR code. */
  lookupUrl: string;
  now: Date;
  /** Payments received for the dossier (its fee records, every channel), oldest first. */
  fees?: DossierFee[];
  /** The e-form given with the dossier (online or at the counter), read back as label → value rows. */
  eform?: EformView | null;
};

const channelText = { in_person: 'Trực tiếp', online: 'Trực tuyến', postal: 'Bưu chính công ích' } as const;
const returnText = {
  counter: 'Tại Bộ phận Một cửa nơi nộp hồ sơ',
  post: 'Qua dịch vụ bưu chính',
  online: 'Trực tuyến',
};
const stateText = {
  present: 'Có',
  missing: 'Thiếu',
  invalid: 'Không hợp lệ',
  not_applicable: 'Không áp dụng',
} as const;
const outcomeText = { early: 'Trước hạn', on_time: 'Đúng hạn', late: 'Quá hạn' } as const;

function last<T extends DossierAction['type']>(actions: DossierAction[], type: T) {
  return [...actions].reverse().find((a) => a.type === type) as Extract<DossierAction, { type: T }> | undefined;
}

function applicantBlock(doc: Slip, d: DossierRecord) {
  line(doc, 'Người nộp hồ sơ (chủ hồ sơ)', d.applicant.fullName);
  if (d.applicant.idNumber) line(doc, 'Số giấy tờ tùy thân', d.applicant.idNumber);
  if (d.applicant.address) line(doc, 'Địa chỉ', d.applicant.address);
  if (d.applicant.phone || d.applicant.email) {
    line(doc, 'Điện thoại / Email', [d.applicant.phone, d.applicant.email].filter(Boolean).join(' / '));
  }
  if (d.agent) {
    line(
      doc,
      'Người nộp thay',
      `${d.agent.fullName}${d.agent.relation ? ` (${d.agent.relation})` : ''}${d.agent.idNumber ? ` - ${d.agent.idNumber}` : ''}`,
    );
  }
}

async function receipt(doc: Slip, i: SlipInput) {
  const d = i.dossier;
  const received = last(i.actions, 'received');
  if (!received) throw new AppError('SLIP_NOT_AVAILABLE');
  header(doc, i.unitName(d.receivingUnitCode), 'Mẫu số 01');
  title(doc, 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ', `Mã hồ sơ: ${d.code}`);
  paragraph(doc, `Bộ phận Một cửa ${i.unitName(d.receivingUnitCode)} đã tiếp nhận hồ sơ của:`);
  applicantBlock(doc, d);
  line(doc, 'Nội dung yêu cầu giải quyết', `${d.procedureName} (${d.procedureCode})`);
  line(doc, 'Hình thức nộp', channelText[d.channel]);
  heading(doc, '1. Thành phần hồ sơ nộp');
  table(
    doc,
    [
      { label: 'STT', width: 0.07 },
      { label: 'Tên giấy tờ', width: 0.63 },
      { label: 'Số bản', width: 0.12 },
      { label: 'Tình trạng', width: 0.18 },
    ],
    // The receipt lists what was handed in: optional components not submitted are left out.
    d.components
      .filter((c) => c.state === 'present')
      .map((c, n) => [String(n + 1), c.name, String(c.copies ?? 1), stateText[c.state]]),
  );
  if (i.eform) eformTables(doc, i.eform);
  line(doc, '2. Số lượng hồ sơ', '01 bộ');
  line(
    doc,
    '3. Thời gian giải quyết theo quy định',
    d.duration.unit === 'none' ? 'Không quy định' : `${d.duration.value} ${durationUnitText[d.duration.unit]}`,
  );
  line(doc, '4. Thời gian nhận hồ sơ', vnDateTime(received.at));
  line(doc, '5. Thời gian trả kết quả', vnDateTime(i.state.dueAt));
  line(doc, '6. Nơi nhận kết quả', `${returnText[d.returnMethod]} - ${i.unitName(d.receivingUnitCode)}`);
  if (d.competentUnitCode !== d.receivingUnitCode) {
    line(doc, 'Cơ quan giải quyết', i.unitName(d.competentUnitCode));
  }
  paragraph(
    doc,
    d.book
      ? `Vào sổ theo dõi hồ sơ, Quyển số: ${d.book.year} Số thứ tự: ${d.book.number}`
      : 'Vào sổ theo dõi hồ sơ, Quyển số: ........ Số thứ tự: ........',
  );
  for (const f of i.fees ?? []) {
    line(
      doc,
      'Phí, lệ phí đã thu',
      `${vnd(f.amountVnd)} (${feeChannelText[f.channel]}, biên lai số ${f.receiptNumber})`,
    );
  }
  doc.moveDown(0.5);
  await lookupQr(doc, i.lookupUrl);
  signatures(doc, 'NGƯỜI NỘP HỒ SƠ', 'NGƯỜI TIẾP NHẬN HỒ SƠ');
  paragraph(doc, `Người tiếp nhận: ${received.actorName ?? ''}`);
}

const durationUnitText = {
  working_days: 'ngày làm việc',
  working_hours: 'giờ làm việc',
  calendar_days: 'ngày',
  none: '',
} as const;

/** Opening of a notice answering a submission (forms 02, 03): heading, title, who submitted, what for. */
function answerOpening(doc: Slip, i: SlipInput, form: string, heading: string, at: Date) {
  const d = i.dossier;
  header(doc, i.unitName(d.receivingUnitCode), form);
  title(doc, heading, `Mã hồ sơ: ${d.code}`);
  paragraph(doc, `Ngày ${vnDateTime(at)}, Bộ phận Một cửa ${i.unitName(d.receivingUnitCode)} nhận hồ sơ của:`);
  applicantBlock(doc, d);
  line(doc, 'Nội dung yêu cầu giải quyết', `${d.procedureName} (${d.procedureCode})`);
}

async function supplement(doc: Slip, i: SlipInput) {
  const req = last(i.actions, 'supplement_requested');
  if (!req) throw new AppError('SLIP_NOT_AVAILABLE');
  answerOpening(doc, i, 'Mẫu số 02', 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ', req.at);
  paragraph(doc, 'Yêu cầu bổ sung, hoàn thiện hồ sơ gồm những nội dung sau (một lần, đầy đủ):');
  table(
    doc,
    [
      { label: 'STT', width: 0.07 },
      { label: 'Thành phần hồ sơ', width: 0.5 },
      { label: 'Tình trạng', width: 0.15 },
      { label: 'Lý do / nội dung cần bổ sung', width: 0.28 },
    ],
    req.items.map((c, n) => [String(n + 1), c.name, stateText[c.state], c.reason ?? '']),
  );
  if (req.deadlineAt) line(doc, 'Thời hạn bổ sung', vnDateTime(req.deadlineAt));
  if (req.note) line(doc, 'Ghi chú', req.note);
  paragraph(
    doc,
    'Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, ông/bà liên hệ Bộ phận Một cửa để được hướng dẫn.',
  );
  await lookupQr(doc, i.lookupUrl);
  signatures(doc, 'NGƯỜI NỘP HỒ SƠ', 'NGƯỜI HƯỚNG DẪN');
  paragraph(doc, `Người hướng dẫn: ${req.actorName ?? ''}`);
}

async function refusal(doc: Slip, i: SlipInput) {
  const r = last(i.actions, 'refused');
  if (!r) throw new AppError('SLIP_NOT_AVAILABLE');
  answerOpening(doc, i, 'Mẫu số 03', 'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ', r.at);
  paragraph(doc, 'Hồ sơ không đủ điều kiện tiếp nhận, giải quyết vì các lý do sau:');
  for (const [n, reason] of r.reasons.entries()) paragraph(doc, `${n + 1}. ${reason}`);
  paragraph(doc, 'Xin thông báo để ông/bà được biết và thực hiện.');
  await lookupQr(doc, i.lookupUrl);
  signatures(doc, 'NGƯỜI NỘP HỒ SƠ', 'NGƯỜI TIẾP NHẬN HỒ SƠ');
}

async function apology(doc: Slip, i: SlipInput) {
  const d = i.dossier;
  const a = last(i.actions, 'apology_issued');
  if (!a) throw new AppError('SLIP_NOT_AVAILABLE');
  header(doc, i.unitName(d.competentUnitCode), 'Mẫu số 04');
  title(doc, 'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ', `Mã hồ sơ: ${d.code}`);
  paragraph(doc, `Kính gửi: ${d.applicant.fullName}`);
  paragraph(
    doc,
    `Ngày ${vnDay(i.state.receivedAt)}, ${i.unitName(d.receivingUnitCode)} tiếp nhận hồ sơ đề nghị giải quyết thủ tục ${d.procedureName}, mã hồ sơ ${d.code}. Thời gian hẹn trả kết quả giải quyết hồ sơ là ${vnDateTime(a.previousDueAt)}.`,
  );
  line(doc, 'Lý do chậm trả kết quả', a.reason);
  paragraph(
    doc,
    `Sự chậm trễ này đã gây phiền hà cho ông/bà. Chúng tôi thành thật xin lỗi và hẹn trả kết quả vào ${vnDateTime(a.newDueAt)}.`,
  );
  await lookupQr(doc, i.lookupUrl);
  signatures(doc, '', 'THỦ TRƯỞNG CƠ QUAN');
}

async function stop(doc: Slip, i: SlipInput) {
  const d = i.dossier;
  const s = last(i.actions, 'withdrawn') ?? last(i.actions, 'stopped');
  if (!s) throw new AppError('SLIP_NOT_AVAILABLE');
  header(doc, i.unitName(d.receivingUnitCode), 'Mẫu số 05');
  title(doc, 'THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ', `Mã hồ sơ: ${d.code}`);
  paragraph(doc, `Kính gửi: ${d.applicant.fullName}`);
  paragraph(
    doc,
    `${i.unitName(d.receivingUnitCode)} thông báo dừng giải quyết hồ sơ đề nghị thực hiện thủ tục ${d.procedureName}, mã hồ sơ ${d.code}, tiếp nhận ${vnDateTime(i.state.receivedAt ?? i.state.submittedAt)}.`,
  );
  line(doc, 'Lý do', s.type === 'withdrawn' ? `Người nộp hồ sơ đề nghị rút hồ sơ: ${s.reason}` : s.reason);
  line(doc, 'Thời điểm dừng', vnDateTime(s.at));
  await lookupQr(doc, i.lookupUrl);
  signatures(doc, '', 'THỦ TRƯỞNG CƠ QUAN');
}

async function controlSheet(doc: Slip, i: SlipInput) {
  const d = i.dossier;
  const sheet = buildProcessControlSheet(i.actions, { now: i.now, unitName: i.unitName });
  header(doc, i.unitName(d.receivingUnitCode), 'Mẫu số 06');
  title(doc, 'PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ', `Mã hồ sơ: ${d.code}`);
  line(doc, 'Thủ tục', `${d.procedureName} (${d.procedureCode})`);
  line(doc, 'Chủ hồ sơ', d.applicant.fullName);
  line(doc, 'Thời gian nhận hồ sơ', vnDateTime(i.state.receivedAt));
  line(doc, 'Thời gian trả kết quả', vnDateTime(sheet.dueAt));
  doc.moveDown(0.5);
  table(
    doc,
    [
      { label: 'Thời gian', width: 0.16 },
      { label: 'Nội dung', width: 0.18 },
      { label: 'Bên giao', width: 0.2 },
      { label: 'Bên nhận', width: 0.2 },
      { label: 'Hạn bước', width: 0.13 },
      { label: 'Kết quả', width: 0.13 },
    ],
    sheet.rows.map((r) => [
      vnDateTime(r.at),
      r.stepName ? `${dossierActionLabel[r.action]} (${r.stepName})` : dossierActionLabel[r.action],
      r.from,
      r.to,
      r.stepDueAt ? vnDateTime(r.stepDueAt) : '',
      r.outcome ? outcomeText[r.outcome] : '',
    ]),
  );
  const progressText: Record<string, string> = {
    early: 'Trước hạn',
    on_time: 'Đúng hạn',
    late: 'Quá hạn',
    undue: 'Đang giải quyết, trong hạn',
    due_soon: 'Sắp đến hạn',
    overdue: 'Đang giải quyết, quá hạn',
    no_deadline: 'Không quy định thời hạn',
  };
  line(doc, 'Tình trạng', progressText[sheet.progress] ?? sheet.progress);
  await lookupQr(doc, i.lookupUrl);
}

const renderers: Record<SlipKind, (doc: Slip, i: SlipInput) => Promise<void>> = {
  receipt,
  supplement,
  refusal,
  apology,
  stop,
  'control-sheet': controlSheet,
  'fee-receipt': feeReceipt,
};

const titles: Record<SlipKind, string> = {
  receipt: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả',
  supplement: 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ',
  refusal: 'Phiếu từ chối tiếp nhận giải quyết hồ sơ',
  apology: 'Phiếu xin lỗi và hẹn lại ngày trả kết quả',
  stop: 'Thông báo dừng giải quyết hồ sơ',
  'control-sheet': 'Phiếu kiểm soát quá trình giải quyết hồ sơ',
  'fee-receipt': 'Biên lai thu phí, lệ phí',
};

/** Render one slip of a dossier as an A4 PDF with embedded Vietnamese fonts and a lookup QR code. */
export async function renderSlip(kind: SlipKind, input: SlipInput): Promise<Buffer> {
  const doc = newSlip(`${titles[kind]} - ${input.dossier.code}`, input.dossier.code);
  try {
    await renderers[kind](doc, input);
  } catch (e) {
    doc.end();
    throw e;
  }
  return finish(doc);
}
