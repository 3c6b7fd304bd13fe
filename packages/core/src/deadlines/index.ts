export * from './apology.js';
export * from './classification.js';
export * from './due-date.js';
export * from './duration.js';
export * from './step-deadlines.js';
