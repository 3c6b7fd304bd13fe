export * from './dossier-fees.js';
export * from './online-payment.js';
