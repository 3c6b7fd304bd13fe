/** Public surface of the procedures domain (pure functions, use cases and repository ports). */
export * from './catalog-cells.js';
export * from './catalog-channels.js';
export * from './catalog-components.js';
export * from './catalog-coverage.js';
export * from './catalog-legal-basis.js';
export * from './catalog-levels.js';
export * from './catalog-parser.js';
export * from './catalog-steps-results.js';
export * from './component-condition.js';
export * from './component-conditions-config.js';
export * from './configure-procedures.js';
export * from './displaced-fragments.js';
export * from './enablement.js';
export * from './internal-process.js';
export * from './overrides.js';
