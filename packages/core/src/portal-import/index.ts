export * from './import-portal-dossier.js';
