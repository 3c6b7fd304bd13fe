export { fixedClock } from '@mot-cua/core';
export * from './dossier-fixtures.js';
export * from './factories.js';
export * from './scratch-database.js';
export * from './test-db.js';
