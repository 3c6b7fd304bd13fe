/** Repositories of the procedures feature (the only place with its SQL). */

export * from './component-conditions.repository.js';
export * from './procedure-catalog-loader.js';
export * from './procedure-config.repository.js';
export * from './procedure-config-ports.js';
export * from './procedures.repository.js';
