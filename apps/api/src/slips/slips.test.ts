import type { DossierAction, DossierRecord } from '@mot-cua/core';
import { deriveDossierState } from '@mot-cua/core';
import { describe, expect, it } from 'vitest';
import { vnDateTime } from './pdf-document.js';
import { pdfText } from './pdf-text.js';
import { renderSlip, type SlipInput } from './slips.js';

const at = (h: number) => new Date(Date.UTC(2026, 2, 2, 2 + h));
const base = { actorId: 'u1', actorName: 'Trần Thị Lan', actorRole: 'reception' as const, unitCode: '26743' };
const steps = [
  { order: 1, name: 'Tiếp nhận hồ sơ', role: 'reception', duration: { value: 0.5, unit: 'working_days' as const } },
  { order: 2, name: 'Thẩm định, đề xuất', role: 'specialist', duration: { value: 2, unit: 'working_days' as const } },
];
const dossier: DossierRecord = {
  id: 'd1',
  code: 'X79.26743-260302-010042',
  provinceCode: '79',
  receivingUnitCode: '26743',
  competentUnitCode: '26743',
  procedureVersionId: null,
  procedureCode: '1.001193',
  procedureName: 'Thủ tục đăng ký khai sinh',
  fieldCode: null,
  fieldName: 'Hộ tịch',
  channel: 'in_person',
  applicant: {
    type: 'citizen',
    fullName: 'Nguyễn Thị Ánh Tuyết',
    idNumber: '079190000001',
    phone: '0909123456',
    email: null,
    address: '12 Lê Lợi, Phường Bến Thành',
  },
  agent: { fullName: 'Phạm Văn Đức', idNumber: null, phone: null, relation: 'con trai' },
  returnMethod: 'counter',
  duration: { value: 3, unit: 'working_days' },
  components: [
    { key: 'to-khai', name: 'Tờ khai đăng ký khai sinh', state: 'present', copies: 1 },
    { key: 'chung-sinh', name: 'Giấy chứng sinh', state: 'present', copies: 1 },
    { key: 'uy-quyen', name: 'Văn bản ủy quyền (nếu có)', state: 'missing', copies: 1 },
  ],
  feeTotal: 0,
  paidOnline: false,
  vneidVerified: false,
  status: 'received',
  nationalStatus: 2,
  submittedAt: at(0),
  receivedAt: at(0),
  dueAt: at(72),
  finishedAt: null,
  currentStepOrder: 1,
  currentAssigneeId: null,
  lastActionSeq: 1,
  createdAt: at(0),
};

function input(actions: DossierAction[]): SlipInput {
  return {
    dossier,
    actions,
    state: deriveDossierState(actions),
    unitName: (c) => (c === '26743' ? 'Phường Bến Thành' : c),
    lookupUrl: `http://localhost:3000/tra-cuu?ma=${dossier.code}`,
    now: at(10),
  };
}

const receivedAction: DossierAction = {
  ...base,
  seq: 1,
  at: at(0),
  type: 'received',
  channel: 'in_person',
  clockStartsAt: at(0),
  dueAt: at(72),
  steps,
  stepDueAt: at(4),
};

describe('PDF slips', () => {
  it('receipt (form 01): A4, code, due date, Vietnamese text and components intact', async () => {
    const pdf = await renderSlip('receipt', input([receivedAction]));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
    expect(pdf.toString('latin1')).toMatch(/\/FontFile2/); // embedded TrueType
    const { text } = await pdfText(pdf);
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
    expect(flat).toContain('X79.26743-260302-010042');
    expect(flat).toContain(vnDateTime(at(72)));
    expect(flat).toContain('09:00 ngày 05/03/2026');
    expect(flat).toContain('Nguyễn Thị Ánh Tuyết');
    expect(flat).toContain('Phạm Văn Đức (con trai)');
    expect(flat).toContain('Tờ khai đăng ký khai sinh');
    expect(flat).not.toContain('Văn bản ủy quyền'); // optional, not handed in: not on the receipt
    expect(flat).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(flat).toContain('PHƯỜNG BẾN THÀNH');
    expect(flat).toContain('tra-cuu?ma=X79.26743-260302-010042');
  });

  it('supplement request (form 02) lists every item with reasons', async () => {
    const pdf = await renderSlip(
      'supplement',
      input([
        { ...base, seq: 1, at: at(0), type: 'submitted', channel: 'in_person' },
        {
          ...base,
          seq: 2,
          at: at(0),
          type: 'supplement_requested',
          items: [
            { key: 'chung-sinh', name: 'Giấy chứng sinh', state: 'missing' },
            { key: 'cccd', name: 'Căn cước của người đi đăng ký', state: 'invalid', reason: 'Đã hết hạn sử dụng' },
          ],
        },
      ]),
    );
    const flat = (await pdfText(pdf)).text.replace(/\s+/g, ' ');
    expect(flat).toContain('PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ');
    expect(flat).toContain('Giấy chứng sinh');
    expect(flat).toContain('Đã hết hạn sử dụng');
    expect(flat).toContain('Không hợp lệ');
  });

  it('refusal (03), apology with new date (04), stop notice and the process control sheet', async () => {
    const refusal = await renderSlip(
      'refusal',
      input([
        { ...base, seq: 1, at: at(0), type: 'submitted', channel: 'online' },
        { ...base, seq: 2, at: at(1), type: 'refused', reasons: ['Thủ tục không thuộc thẩm quyền giải quyết của xã'] },
      ]),
    );
    expect((await pdfText(refusal)).text.replace(/\s+/g, ' ')).toContain('không thuộc thẩm quyền giải quyết của xã');

    const apologyLog: DossierAction[] = [
      receivedAction,
      {
        ...base,
        seq: 2,
        at: at(20),
        type: 'apology_issued',
        reason: 'Chờ ý kiến cơ quan thuế',
        newDueAt: at(120),
        previousDueAt: at(72),
      },
    ];
    const apology = (await pdfText(await renderSlip('apology', input(apologyLog)))).text.replace(/\s+/g, ' ');
    expect(apology).toContain('PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ');
    expect(apology).toContain(vnDateTime(at(120)));
    expect(apology).toContain('Chờ ý kiến cơ quan thuế');

    const stop = await renderSlip(
      'stop',
      input([receivedAction, { ...base, seq: 2, at: at(5), type: 'withdrawn', reason: 'Đã chuyển nơi cư trú' }]),
    );
    expect((await pdfText(stop)).text.replace(/\s+/g, ' ')).toContain('THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ');

    const sheet = await renderSlip(
      'control-sheet',
      input([
        receivedAction,
        { ...base, seq: 2, at: at(2), type: 'step_completed', fromStep: 1, toStep: 2, toAssigneeName: 'Lê Văn Hùng' },
      ]),
    );
    const flat = (await pdfText(sheet)).text.replace(/\s+/g, ' ');
    expect(flat).toContain('PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ');
    expect(flat).toContain('Lê Văn Hùng');
    expect(flat).toContain('Đúng hạn');
  });

  it('refuses a slip the dossier does not have', async () => {
    await expect(renderSlip('apology', input([receivedAction]))).rejects.toMatchObject({ code: 'SLIP_NOT_AVAILABLE' });
  });
});
