import type { AuditPort } from '../audit.js';
import type { DossierAction } from '../dossiers/dossier-actions.js';
import type { DossierState } from '../dossiers/dossier-state.js';
import type { DossierDeps } from '../dossiers/perform-dossier-action.js';
import { recordPayment } from '../dossiers/record-payment.js';
import { AppError } from '../errors.js';
import type { NewDossierFee } from './dossier-fees.js';

export type OnlinePaymentStatus = 'pending' | 'paid' | 'failed' | 'cancelled';

export type OnlinePayment = {
  id: string;
  dossierId: string;
  provinceCode: string;
  orderRef: string;
  amount: number;
  description: string;
  status: OnlinePaymentStatus;
  gateway: string;
  gatewayPaymentId: string | null;
  gatewayTxnRef: string | null;
  createdAt: Date;
  settledAt: Date | null;
  notifications: number;
};

export interface OnlinePaymentsPort {
  insertPayment(
    p: Omit<OnlinePayment, 'settledAt' | 'notifications' | 'gatewayTxnRef'> & { requestedBy: string | null },
  ): Promise<void>;
  setGatewayPaymentId(id: string, gatewayPaymentId: string): Promise<void>;
  lockPaymentByOrderRef(orderRef: string): Promise<OnlinePayment | undefined>;
  /** Count a notification; settle (status, txn ref, time) only when given. */
  recordNotification(
    id: string,
    settle: { status: OnlinePaymentStatus; txnRef: string | null; at: Date } | null,
  ): Promise<void>;
  /** Record the payment received (the dossier's fee record; the dossier then reads as paid online). */
  recordFee(fee: NewDossierFee): Promise<{ receiptNumber: string }>;
}

/** What the applicant must pay now: the latest financial obligation asked for while it is awaited. */
export function outstandingObligation(
  state: Pick<DossierState, 'status'>,
  actions: readonly DossierAction[],
): { amount: number; description: string } | null {
  if (state.status !== 'awaiting_payment') return null;
  const asked = [...actions].reverse().find((a) => a.type === 'financial_obligation_requested');
  if (asked?.type !== 'financial_obligation_requested' || !asked.amount || asked.amount <= 0) return null;
  return { amount: Math.round(asked.amount), description: asked.description ?? 'Nghĩa vụ tài chính' };
}

export type GatewayNotification = {
  orderRef: string;
  amount: number;
  status: 'success' | 'failed' | 'cancelled';
  txnRef: string | null;
};

/**
 * Settle an online payment from the gateway's (signature-checked) notification, once: a repeated notification of a
 * settled payment changes nothing (`duplicate`); the amount must be the one asked for (otherwise nothing is
 * settled and the mismatch is audited); a success records the payment as the dossier's fee record (channel online,
 * so the dossier reads "paid online") and the existing
 * "financial obligation paid" action (the clock resumes), with their audit rows, in the caller's transaction.
 */
export async function settleOnlinePayment(
  deps: DossierDeps & { payments: OnlinePaymentsPort; audit: AuditPort },
  n: GatewayNotification,
): Promise<{ payment: OnlinePayment; outcome: 'paid' | 'failed' | 'cancelled' | 'duplicate' }> {
  const p = await deps.payments.lockPaymentByOrderRef(n.orderRef);
  if (!p) throw new AppError('PAYMENT_NOT_FOUND');
  if (p.status !== 'pending') {
    await deps.payments.recordNotification(p.id, null);
    return { payment: p, outcome: 'duplicate' };
  }
  if (Math.round(n.amount) !== Math.round(p.amount)) {
    await deps.audit.record({
      actorUserId: null,
      action: 'payment.amount_mismatch',
      entityType: 'dossier',
      entityId: p.dossierId,
      provinceCode: p.provinceCode,
      data: { orderRef: p.orderRef, expected: p.amount, notified: n.amount },
    });
    throw new AppError('PAYMENT_AMOUNT_MISMATCH');
  }
  const now = deps.clock.now();
  const status: OnlinePaymentStatus = n.status === 'success' ? 'paid' : n.status;
  await deps.payments.recordNotification(p.id, { status, txnRef: n.txnRef, at: now });
  await deps.audit.record({
    actorUserId: null,
    action: `payment.${status}`,
    entityType: 'dossier',
    entityId: p.dossierId,
    provinceCode: p.provinceCode,
    data: { orderRef: p.orderRef, amount: p.amount, gateway: p.gateway, txnRef: n.txnRef },
  });
  if (status === 'paid') {
    const fee = await deps.payments.recordFee({
      id: deps.newId(),
      dossierId: p.dossierId,
      provinceCode: p.provinceCode,
      channel: 'online',
      amountVnd: Math.round(p.amount),
      description: p.description,
      paidAt: now,
      collectedBy: null,
      collectedByName: null,
      onlinePaymentId: p.id,
      gateway: p.gateway,
      gatewayTxnRef: n.txnRef,
    });
    await deps.audit.record({
      actorUserId: null,
      action: 'dossier.fee_recorded',
      entityType: 'dossier',
      entityId: p.dossierId,
      provinceCode: p.provinceCode,
      data: {
        channel: 'online',
        amountVnd: Math.round(p.amount),
        receiptNumber: fee.receiptNumber,
        orderRef: p.orderRef,
      },
    });
    await recordPayment(deps, {
      dossierId: p.dossierId,
      actor: (dossier) => ({
        userId: null,
        name: 'Cổng thanh toán',
        role: 'system',
        unitCode: dossier.competentUnitCode,
      }),
      note: `Thanh toán trực tuyến ${p.amount.toLocaleString('vi-VN')} đ (${p.orderRef})`,
    });
  }
  return { payment: { ...p, status, settledAt: now }, outcome: status };
}
