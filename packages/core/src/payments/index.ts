export * from './online-payment.js';
