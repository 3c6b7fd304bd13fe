import type { ColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

export interface OnlinePaymentsTable {
  id: string;
  dossierId: string;
  provinceCode: string;
  orderRef: string;
  amount: ColumnType<number, number, number>;
  description: string;
  status: string;
  gateway: string;
  gatewayPaymentId: string | null;
  gatewayTxnRef: string | null;
  requestedBy: string | null;
  createdAt: Timestamp;
  settledAt: Timestamp | null;
  notifications: ColumnType<number, number | undefined, number>;
}

/** A payment received for a dossier, counter or online (migration 0230). */
export interface DossierFeesTable {
  id: string;
  dossierId: string;
  provinceCode: string;
  channel: string;
  amountVnd: ColumnType<number, number, never>;
  receiptNumber: ColumnType<string, string | undefined, never>;
  description: string;
  paidAt: Timestamp;
  collectedBy: string | null;
  collectedByName: string | null;
  onlinePaymentId: string | null;
  gateway: string | null;
  gatewayTxnRef: string | null;
  createdAt: Timestamp;
}

export interface PaymentsTables {
  onlinePayments: OnlinePaymentsTable;
  dossierFees: DossierFeesTable;
}
