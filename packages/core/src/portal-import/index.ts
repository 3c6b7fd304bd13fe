export * from './import-portal-dossier.js';
export * from './portal-dossier-mapping.js';
export * from './portal-import-ports.js';
export * from './route-portal-dossier.js';
