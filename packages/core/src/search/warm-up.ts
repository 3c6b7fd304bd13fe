import type { CatalogProcedure } from '@mot-cua/contracts';
import type { Answerer } from './assistant.js';

/**
 * Warm an answerer at start-up: answer questions made from catalog names (each name as asked, its first half with
 * a typo so the correction path runs too, and both asked from a commune) so that the first citizens' questions do
 * not pay for the JavaScript engine compiling the ranking (a cold first pass costs several times a warm one).
 * Deterministic; answers are discarded. Returns how many questions were asked.
 */
export function warmUpAnswerer(answerer: Answerer, records: ReadonlyArray<CatalogProcedure>, count = 40): number {
  if (records.length === 0) return 0;
  const step = Math.max(1, Math.floor(records.length / count));
  let asked = 0;
  for (let i = 0; i < records.length && asked < count * 2; i += step) {
    const name = records[i]!.name.toLowerCase();
    const words = name.split(/\s+/).filter(Boolean);
    const half = words.slice(0, Math.max(2, Math.ceil(words.length / 2)));
    const longest = half.reduce((a, b) => (b.length > a.length ? b : a), '');
    const typo = half.map((w) => (w === longest && w.length > 4 ? w.slice(0, -1) : w)).join(' ');
    for (const question of [name, typo]) {
      const out = answerer.answer(question.slice(0, 200), asked % 2 === 0 ? {} : { level: 'commune' });
      if (out instanceof Promise) out.catch(() => undefined);
      asked++;
    }
  }
  return asked;
}
