export * from './dossier-notifications.js';
export * from './notify-applicant.js';
export * from './templates.js';
