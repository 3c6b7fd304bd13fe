export * from './citizen-access.js';
export * from './citizen-drafts.js';
export * from './citizen-guidance.js';
export * from './eform.js';
