export * from './citizen-access.js';
export * from './citizen-guidance.js';
