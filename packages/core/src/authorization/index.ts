export * from './actions.js';
export * from './allowed-actions.js';
export * from './policy.js';
