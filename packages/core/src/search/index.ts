/** Public surface of procedure search and the assistant (pure). */
export * from './assistant.js';
export * from './assistant-choice.js';
export * from './calibration.js';
export * from './faq-index.js';
export { FIELD_GROUPS, type FieldGroup, fieldGroupOf } from './field-groups.js';
export { EVERYDAY, FOLLOW_UPS, INTENTS, type Intent } from './phrases.js';
export { cueFactor, type QueryCues, queryCues, recordCues } from './query-cues.js';
export * from './reranker.js';
export * from './search-index.js';
export { expandSynonyms } from './synonyms.js';
export { editDistance, normalizeText, STOPWORDS, tokenize } from './text.js';
export { warmUpAnswerer } from './warm-up.js';
