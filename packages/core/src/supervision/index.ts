/** Supervision: the Decision 766 service index, workload and staffing, the delegated-task register. */

export * from './delegated-tasks.js';
export * from './drilldown.js';
export * from './monthly-report.js';
export * from './on-time.js';
export * from './open-due.js';
export * from './period-months.js';
export * from './service-index.js';
export * from './service-index-snapshot.js';
export * from './step-histogram.js';
export * from './workload.js';
