import type { SlipKindName } from '@mot-cua/contracts';
import type { EformView } from '@mot-cua/contracts/eforms';
import type { DossierAction, DossierFee, DossierRecord, DossierState } from '@mot-cua/core';
import { line, type Slip } from './pdf-document.js';

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

export function last<T extends DossierAction['type']>(actions: DossierAction[], type: T) {
  return [...actions].reverse().find((a) => a.type === type) as Extract<DossierAction, { type: T }> | undefined;
}

export function applicantBlock(doc: Slip, d: DossierRecord) {
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
