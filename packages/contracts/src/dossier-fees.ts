import { z } from 'zod';

/** How a fee or financial obligation was paid: at the counter (cash, receipt by an official) or online (gateway). */
export const FEE_CHANNELS = ['counter', 'online'] as const;
export const FeeChannel = z.enum(FEE_CHANNELS);
export type FeeChannel = z.infer<typeof FeeChannel>;

/** One payment received for a dossier (table dossier_fees): what the receipts, the pages and the sync read. */
export const DossierFeeView = z
  .object({
    id: z.string(),
    channel: FeeChannel,
    amountVnd: z.number().int(),
    receiptNumber: z.string(),
    description: z.string(),
    paidAt: z.string(),
    /** The official who took the money at the counter; null online. */
    collectedByName: z.string().nullable(),
    /** Online: the gateway and its transaction reference. */
    gateway: z.string().nullable(),
    gatewayTxnRef: z.string().nullable(),
    /** Online: the order reference of the gateway attempt it settled. */
    orderRef: z.string().nullable(),
  })
  .meta({ id: 'DossierFee' });
export type DossierFeeView = z.infer<typeof DossierFeeView>;

export const DossierFeeList = z.object({ items: z.array(DossierFeeView) }).meta({ id: 'DossierFeeList' });
export type DossierFeeList = z.infer<typeof DossierFeeList>;
