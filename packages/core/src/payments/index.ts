export * from './online-payment.js';
export * from './dossier-fees.js';
