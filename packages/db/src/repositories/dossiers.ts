/** Repositories of the dossiers feature (the only place with its SQL). */

export * from './dossier-ports.repository.js';
export * from './dossiers.repository.js';
export * from './master-data-cache.js';
