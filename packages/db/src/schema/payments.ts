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

export interface PaymentsTables {
  onlinePayments: OnlinePaymentsTable;
}
