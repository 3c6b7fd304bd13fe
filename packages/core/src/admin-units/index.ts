/** Public surface of the admin-units domain (pure functions, use cases and repository ports). */
export * from './address-conversion.js';
export * from './apply-change-event.js';
export * from './assign-official.js';
export * from './change-plan.js';
export * from './manage-officials.js';
export * from './manage-organisation.js';
export * from './master-data.js';
export * from './organisation.js';
export * from './readiness.js';
export * from './unit-index.js';
export * from './unit-model.js';
export { expandAbbreviations, foldName, nameSimilarity, PROVINCE_NICKNAMES } from './unit-text.js';
