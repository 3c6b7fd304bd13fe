import { AppError } from '@mot-cua/core';
import {
  header,
  heading,
  line,
  lookupQr,
  paragraph,
  type Slip,
  signatures,
  table,
  title,
  vnDateTime,
} from './pdf-document.js';
import { eformTables, feeChannelText, vnd } from './slip-fees.js';
import { applicantBlock, last, type SlipInput } from './slip-input.js';

/* The slips answering a submission: the receipt (form 01), the request to supplement (02), the refusal (03). */

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

export async function receipt(doc: Slip, i: SlipInput) {
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
  // Received with a name only: the lookup takes the code and the applicant's name (core secondFactorMatches).
  const noNumber = ![d.applicant.phone, d.applicant.idNumber, d.agent?.phone, d.agent?.idNumber].some(Boolean);
  await lookupQr(doc, i.lookupUrl, noNumber ? 'Nhập mã hồ sơ và họ tên người nộp (có thể không dấu).' : undefined);
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
export function answerOpening(doc: Slip, i: SlipInput, form: string, heading: string, at: Date) {
  const d = i.dossier;
  header(doc, i.unitName(d.receivingUnitCode), form);
  title(doc, heading, `Mã hồ sơ: ${d.code}`);
  paragraph(doc, `Ngày ${vnDateTime(at)}, Bộ phận Một cửa ${i.unitName(d.receivingUnitCode)} nhận hồ sơ của:`);
  applicantBlock(doc, d);
  line(doc, 'Nội dung yêu cầu giải quyết', `${d.procedureName} (${d.procedureCode})`);
}

export async function supplement(doc: Slip, i: SlipInput) {
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

export async function refusal(doc: Slip, i: SlipInput) {
  const r = last(i.actions, 'refused');
  if (!r) throw new AppError('SLIP_NOT_AVAILABLE');
  answerOpening(doc, i, 'Mẫu số 03', 'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ', r.at);
  paragraph(doc, 'Hồ sơ không đủ điều kiện tiếp nhận, giải quyết vì các lý do sau:');
  for (const [n, reason] of r.reasons.entries()) paragraph(doc, `${n + 1}. ${reason}`);
  paragraph(doc, 'Xin thông báo để ông/bà được biết và thực hiện.');
  await lookupQr(doc, i.lookupUrl);
  signatures(doc, 'NGƯỜI NỘP HỒ SƠ', 'NGƯỜI TIẾP NHẬN HỒ SƠ');
}
