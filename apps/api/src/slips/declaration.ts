import type { EformView } from '@mot-cua/contracts/eforms';
import type { DossierRecord } from '@mot-cua/core';
import {
  finish,
  header,
  heading,
  line,
  lookupQr,
  newSlip,
  paragraph,
  signatures,
  table,
  title,
  vnDateTime,
} from './pdf-document.js';

export type DeclarationInput = {
  dossier: DossierRecord;
  eform: EformView;
  unitName: string;
  /** Files attached per component key (names only). */
  files: Array<{ componentKey: string | null; fileName: string }>;
  lookupUrl: string;
};

/**
 * The applicant's declaration (tờ khai) as submitted: the e-form's sections, label → value (Vietnamese), the
 * components and their files, the dossier code and a lookup QR code; same fonts and layout as the slips.
 */
export async function renderDeclaration(i: DeclarationInput): Promise<Buffer> {
  const d = i.dossier;
  const doc = newSlip(`${i.eform.title.vi} - ${d.code}`, d.code);
  try {
    header(doc, i.unitName, 'Tờ khai điện tử');
    title(doc, i.eform.title.vi.toUpperCase(), `Hồ sơ ${d.code} · ${d.procedureName}`);
    line(doc, 'Kính gửi', i.unitName);
    line(doc, 'Người yêu cầu', d.applicant.fullName);
    if (d.applicant.idNumber) line(doc, 'Số định danh cá nhân', d.applicant.idNumber);
    if (d.agent) line(doc, 'Người nộp thay', `${d.agent.fullName}${d.agent.relation ? ` (${d.agent.relation})` : ''}`);
    line(doc, 'Nộp lúc', vnDateTime(d.submittedAt));
    for (const s of i.eform.sections) {
      if (s.rows.length === 0) continue;
      heading(doc, s.title.vi);
      table(
        doc,
        [
          { label: 'Nội dung', width: 0.45 },
          { label: 'Thông tin khai', width: 0.55 },
        ],
        s.rows.map((r) => [r.label.vi, r.value.vi]),
      );
    }
    heading(doc, 'Thành phần hồ sơ đã nộp');
    table(
      doc,
      [
        { label: 'Thành phần', width: 0.6 },
        { label: 'Tệp', width: 0.4 },
      ],
      d.components.map((c) => [
        c.name,
        i.files
          .filter((f) => f.componentKey === c.key)
          .map((f) => f.fileName)
          .join(', ') || '—',
      ]),
    );
    doc.moveDown(0.5);
    paragraph(
      doc,
      'Tôi cam đoan những nội dung khai trên đây là đúng sự thật và chịu trách nhiệm trước pháp luật về lời khai của mình.',
    );
    await lookupQr(doc, i.lookupUrl);
    // Online with the electronic identity the applicant is authenticated; at the counter they sign the printout.
    const how = d.vneidVerified ? '(đã xác thực định danh điện tử)' : '(ký, ghi rõ họ tên)';
    signatures(doc, '', `NGƯỜI YÊU CẦU\n${how}\n\n${d.applicant.fullName}`);
  } catch (e) {
    doc.end();
    throw e;
  }
  return finish(doc);
}
