export { fixedClock } from '@mot-cua/core';
export * from './factories.js';
export * from './scratch-database.js';
export * from './test-db.js';
