export * from './actions.js';
export * from './policy.js';
