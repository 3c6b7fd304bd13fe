export * from './circuit-breaker.js';
export * from './delivery-policy.js';
