/** Public surface of the calendar domain: working calendar, lunar holidays and the deadline engine. */
export * from '../deadlines/index.js';
export * from './civil-date.js';
export * from './holidays.js';
export * from './lunar.js';
export * from './manage-schedule.js';
export * from './schedule.js';
export * from './settings-contract.js';
export * from './working-calendar.js';
