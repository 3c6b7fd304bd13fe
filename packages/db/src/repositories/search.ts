/** Repositories of search (the only place with its SQL). */
export * from './assistant-choices.repository.js';
