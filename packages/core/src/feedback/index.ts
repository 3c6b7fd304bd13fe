/** Feedback and hotline (PAKN): pure rules and use cases. */
export * from './act-on-feedback.js';
export * from './feedback-alerts.js';
export * from './feedback-context.js';
export * from './feedback-index.js';
export * from './feedback-notifications.js';
export * from './feedback-ports.js';
export * from './feedback-rules.js';
export * from './manage-routing-rules.js';
export * from './open311-keys.js';
export * from './rate-feedback.js';
export * from './repeats.js';
export * from './routing.js';
export * from './submit-feedback.js';
