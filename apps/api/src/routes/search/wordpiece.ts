import { readFileSync } from 'node:fs';

/**
 * BERT-style WordPiece tokenizer over a vocab.txt (one token per line, continuation pieces prefixed "##"), as the
 * multilingual sentence-embedding models ship it: lower-cased and, optionally, without accents; words split on
 * white space and punctuation; each word cut into the longest pieces found in the vocabulary, else [UNK].
 */
export type WordPiece = { ids(text: string, maxTokens: number): number[]; size: number };

export function loadWordPiece(vocabPath: string, opts: { stripAccents?: boolean } = {}): WordPiece {
  const tokens = readFileSync(vocabPath, 'utf8').split(/\r?\n/);
  const id = new Map<string, number>();
  tokens.forEach((t, i) => {
    if (t && !id.has(t)) id.set(t, i);
  });
  const special = (name: string) => {
    const v = id.get(name);
    if (v === undefined) throw new Error(`vocabulary ${vocabPath} has no ${name}`);
    return v;
  };
  const cls = special('[CLS]');
  const sep = special('[SEP]');
  const unk = special('[UNK]');
  const normalise = (s: string) => {
    const lower = s.toLowerCase().normalize('NFD');
    return (opts.stripAccents ? lower.replace(/\p{M}/gu, '').replace(/đ/g, 'd') : lower).normalize('NFC');
  };
  const piecesOf = (word: string): number[] => {
    const out: number[] = [];
    let start = 0;
    while (start < word.length) {
      let end = word.length;
      let found: number | undefined;
      while (end > start) {
        const piece = (start > 0 ? '##' : '') + word.slice(start, end);
        found = id.get(piece);
        if (found !== undefined) break;
        end--;
      }
      if (found === undefined) return [unk];
      out.push(found);
      start = end;
    }
    return out;
  };
  return {
    size: tokens.length,
    ids(text, maxTokens) {
      const words = normalise(text).match(/[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/gu) ?? [];
      const body = words.flatMap(piecesOf).slice(0, Math.max(0, maxTokens - 2));
      return [cls, ...body, sep];
    },
  };
}
