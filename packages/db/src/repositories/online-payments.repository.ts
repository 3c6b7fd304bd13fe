import type { OnlinePayment, OnlinePaymentStatus, OnlinePaymentsPort } from '@mot-cua/core';
import type { Kysely } from 'kysely';
import type { DB } from '../schema/index.js';
import { createDossierFeesRepository } from './dossier-fees.repository.js';

const columns = [
  'id',
  'dossierId',
  'provinceCode',
  'orderRef',
  'amount',
  'description',
  'status',
  'gateway',
  'gatewayPaymentId',
  'gatewayTxnRef',
  'createdAt',
  'settledAt',
  'notifications',
] as const;

const toPayment = (r: Record<(typeof columns)[number], unknown>): OnlinePayment => ({
  ...(r as OnlinePayment),
  amount: Number(r.amount),
  status: r.status as OnlinePaymentStatus,
});

/** Online payments of dossiers (table online_payments, migration 0111). */
export function createOnlinePaymentsRepository(db: Kysely<DB>): OnlinePaymentsPort & {
  listForDossier(dossierId: string): Promise<OnlinePayment[]>;
} {
  return {
    async insertPayment(p) {
      await db
        .insertInto('onlinePayments')
        .values({
          id: p.id,
          dossierId: p.dossierId,
          provinceCode: p.provinceCode,
          orderRef: p.orderRef,
          amount: p.amount,
          description: p.description,
          status: p.status,
          gateway: p.gateway,
          gatewayPaymentId: p.gatewayPaymentId,
          gatewayTxnRef: null,
          requestedBy: p.requestedBy,
          createdAt: p.createdAt,
        })
        .execute();
    },
    async setGatewayPaymentId(id, gatewayPaymentId) {
      await db.updateTable('onlinePayments').set({ gatewayPaymentId }).where('id', '=', id).execute();
    },
    async lockPaymentByOrderRef(orderRef) {
      const r = await db
        .selectFrom('onlinePayments')
        .select(columns)
        .where('orderRef', '=', orderRef)
        .forUpdate()
        .executeTakeFirst();
      return r ? toPayment(r) : undefined;
    },
    async recordNotification(id, settle) {
      await db
        .updateTable('onlinePayments')
        .set((eb) => ({
          notifications: eb('notifications', '+', 1),
          ...(settle ? { status: settle.status, gatewayTxnRef: settle.txnRef, settledAt: settle.at } : {}),
        }))
        .where('id', '=', id)
        .execute();
    },
    async recordFee(fee) {
      return createDossierFeesRepository(db).insertFee(fee);
    },
    async listForDossier(dossierId) {
      const rows = await db
        .selectFrom('onlinePayments')
        .select(columns)
        .where('dossierId', '=', dossierId)
        .orderBy('createdAt')
        .execute();
      return rows.map(toPayment);
    },
  };
}
