import { AppError, buildProcessControlSheet, dossierActionLabel } from '@mot-cua/core';
import {
  header,
  line,
  lookupQr,
  paragraph,
  type Slip,
  signatures,
  table,
  title,
  vnDateTime,
  vnDay,
} from './pdf-document.js';
import { last, type SlipInput } from './slip-input.js';

/* The notices of a dossier in handling: the apology (form 04), the stop (05) and the control sheet (06). */

const outcomeText = { early: 'Trước hạn', on_time: 'Đúng hạn', late: 'Quá hạn' } as const;

export async function apology(doc: Slip, i: SlipInput) {
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

export async function stop(doc: Slip, i: SlipInput) {
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

export async function controlSheet(doc: Slip, i: SlipInput) {
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
