export * from './circuit-breaker.js';
export * from './delivery-policy.js';
export * from './resend-dead-letter.js';
export * from './sync-indicators.js';
