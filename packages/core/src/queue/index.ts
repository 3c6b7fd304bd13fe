export * from './appointment-slots.js';
export * from './appointments.js';
export * from './counter-actions.js';
export * from './issue-ticket.js';
export * from './queue-ports.js';
export * from './queue-rules.js';
