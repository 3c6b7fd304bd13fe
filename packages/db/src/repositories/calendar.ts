/** Repositories of the calendar feature (the only place with its SQL). */
export * from './calendar.repository.js';
export * from './calendar-ports.js';
