import { buildFaqIndex, type FaqIndex } from '@mot-cua/core';
import { createFeedbackRepository, type Database } from '@mot-cua/db';

/**
 * The in-memory index of published answers, rebuilt when the published set changes (one cheap statement per
 * request tells: count and last publication). Shared by the public page of answers and the assistant.
 */
export function faqIndexOf(database: Database) {
  let current: { version: string; index: FaqIndex } | undefined;
  return async (): Promise<FaqIndex> => {
    const repo = createFeedbackRepository(database.db);
    const version = await repo.publishedVersion();
    if (current?.version === version) return current.index;
    const rows = await repo.published();
    const index = buildFaqIndex(
      rows.map((r) => ({
        code: r.code,
        kind: r.kind,
        question: r.publicQuestion ?? '',
        answer: r.answer ?? '',
        field: r.field,
        unitName: r.unitName,
        publishedAt: new Date(r.publishedAt!).toISOString(),
      })),
    );
    current = { version, index };
    return index;
  };
}

const caches = new WeakMap<Database, ReturnType<typeof faqIndexOf>>();

/** One FAQ cache per database (the app's routes share it). */
export function sharedFaqIndex(database: Database) {
  let c = caches.get(database);
  if (!c) {
    c = faqIndexOf(database);
    caches.set(database, c);
  }
  return c;
}
