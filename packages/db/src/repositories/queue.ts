/** Repositories of the front-desk feature (issue 13). */
export { seedQueueDemo, setUpQueueCenter } from '../seed/queue.js';
export * from './queue.repository.js';
export * from './queue-ports.repository.js';
export * from './queue-stats.repository.js';
