/**
 * Request and response schemas of the dossiers feature, one module per concern; this module gathers them so that
 * `@mot-cua/contracts` and `@mot-cua/contracts/dossiers` keep exporting every name.
 */
export * from './dossier-actions.js';
export * from './dossier-kinds.js';
export * from './dossier-public.js';
export * from './dossier-receipt.js';
export * from './dossier-stats.js';
export * from './dossier-views.js';
