/** Feedback and hotline (PAKN): pure rules and use cases. */
export * from './feedback-alerts.js';
export * from './feedback-index.js';
export * from './feedback-notifications.js';
export * from './feedback-ports.js';
export * from './feedback-rules.js';
export * from './feedback-use-cases.js';
export * from './manage-routing-rules.js';
export * from './open311-keys.js';
export * from './repeats.js';
export * from './routing.js';
