import type { DossierFee, NewDossierFee } from '@mot-cua/core';
import type { Kysely } from 'kysely';
import type { DB } from '../schema/index.js';

/** The row written for a payment received (the receipt number is numbered by the table's default). */
export function dossierFeeRow(f: NewDossierFee) {
  return {
    id: f.id,
    dossierId: f.dossierId,
    provinceCode: f.provinceCode,
    channel: f.channel,
    amountVnd: f.amountVnd,
    description: f.description,
    paidAt: f.paidAt,
    collectedBy: f.collectedBy,
    collectedByName: f.collectedByName,
    onlinePaymentId: f.onlinePaymentId,
    gateway: f.gateway,
    gatewayTxnRef: f.gatewayTxnRef,
    createdAt: f.paidAt,
  };
}

/** Payments received for dossiers, counter and online (table dossier_fees, migration 0230). */
export function createDossierFeesRepository(db: Kysely<DB>) {
  const base = () =>
    db
      .selectFrom('dossierFees as f')
      .leftJoin('onlinePayments as p', 'p.id', 'f.onlinePaymentId')
      .select([
        'f.id',
        'f.dossierId',
        'f.provinceCode',
        'f.channel',
        'f.amountVnd',
        'f.receiptNumber',
        'f.description',
        'f.paidAt',
        'f.collectedBy',
        'f.collectedByName',
        'f.onlinePaymentId',
        'p.orderRef',
        'f.gateway',
        'f.gatewayTxnRef',
      ]);
  const toFee = (r: Awaited<ReturnType<ReturnType<typeof base>['execute']>>[number]): DossierFee => ({
    ...r,
    channel: r.channel as DossierFee['channel'],
    amountVnd: Number(r.amountVnd),
    orderRef: r.orderRef ?? null,
  });
  return {
    async insertFee(f: NewDossierFee): Promise<{ receiptNumber: string }> {
      return db.insertInto('dossierFees').values(dossierFeeRow(f)).returning('receiptNumber').executeTakeFirstOrThrow();
    },
    /** Every payment of a dossier, oldest first. */
    async listForDossier(dossierId: string): Promise<DossierFee[]> {
      const rows = await base()
        .where('f.dossierId', '=', dossierId)
        .orderBy('f.paidAt')
        .orderBy('f.receiptNumber')
        .execute();
      return rows.map(toFee);
    },
    async findOnlineFee(dossierId: string, orderRef: string): Promise<DossierFee | undefined> {
      const r = await base().where('f.dossierId', '=', dossierId).where('p.orderRef', '=', orderRef).executeTakeFirst();
      return r ? toFee(r) : undefined;
    },
  };
}
export type DossierFeesRepository = ReturnType<typeof createDossierFeesRepository>;
