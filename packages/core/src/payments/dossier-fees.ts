import type { FeeChannel } from '@mot-cua/contracts';

/** A payment received for a dossier, whatever the channel (the one fee record; table dossier_fees). */
export type DossierFee = {
  id: string;
  dossierId: string;
  provinceCode: string;
  channel: FeeChannel;
  amountVnd: number;
  /** Printed on the receipt; numbered by the store when the payment is recorded. */
  receiptNumber: string;
  description: string;
  paidAt: Date;
  collectedBy: string | null;
  collectedByName: string | null;
  onlinePaymentId: string | null;
  /** Online: the gateway attempt's order reference. */
  orderRef: string | null;
  gateway: string | null;
  gatewayTxnRef: string | null;
};

export type NewDossierFee = Omit<DossierFee, 'receiptNumber' | 'orderRef'>;

/** The counter's collection at receipt, as the fee record it becomes (the official is the receipt's actor). */
export function counterFee(input: {
  id: string;
  dossier: { id: string; provinceCode: string; procedureName: string; procedureCode: string };
  amountVnd: number;
  at: Date;
  official: { userId: string | null; name: string | null };
}): NewDossierFee {
  if (!Number.isInteger(input.amountVnd) || input.amountVnd <= 0) throw new RangeError('fee amount must be > 0');
  return {
    id: input.id,
    dossierId: input.dossier.id,
    provinceCode: input.dossier.provinceCode,
    channel: 'counter',
    amountVnd: input.amountVnd,
    description: `Phí, lệ phí thủ tục ${input.dossier.procedureName} (${input.dossier.procedureCode})`,
    paidAt: input.at,
    collectedBy: input.official.userId,
    collectedByName: input.official.name,
    onlinePaymentId: null,
    gateway: null,
    gatewayTxnRef: null,
  };
}

/** Whether any payment of the dossier was made online (the national sync's DuocThanhToanTrucTuyen, 766's 3.6). */
export const paidOnlineFrom = (fees: readonly Pick<DossierFee, 'channel'>[]) =>
  fees.some((f) => f.channel === 'online');
