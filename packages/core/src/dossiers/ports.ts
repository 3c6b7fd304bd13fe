/** The dossiers domain's records and ports (implemented in packages/db), one module per concern. */

export * from './dossier-record.js';
export * from './dossiers-repository-port.js';
export * from './reception-ports.js';
