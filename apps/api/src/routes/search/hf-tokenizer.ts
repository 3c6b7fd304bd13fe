import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { WordPiece } from './wordpiece.js';

/** The tokenizer models a tokenizer.json may hold that the embedder accepts. */
const SUPPORTED = new Set(['Unigram', 'WordPiece', 'BPE']);

/**
 * A Hugging Face tokenizer.json (with tokenizer_config.json beside it, if present), as the multilingual
 * sentence-embedding models built on XLM-RoBERTa ship it (multilingual-e5-small, paraphrase-multilingual-MiniLM-L12-v2:
 * a SentencePiece Unigram model, Metaspace pre-tokenizer, <s> … </s>). Tokenized by @lenml/tokenizers (an optional
 * dependency without dependencies: the tokenizers of transformers.js), read from the operator's files only: nothing
 * is fetched. Same interface as the WordPiece vocabulary: ids with the model's special tokens, cut to maxTokens.
 */
export async function loadTokenizerJson(path: string): Promise<WordPiece> {
  const json = JSON.parse(readFileSync(path, 'utf8')) as { model?: { type?: string; vocab?: unknown } };
  const type = json.model?.type;
  if (!type || !SUPPORTED.has(type)) {
    throw new Error(`${path}: tokenizer model "${String(type)}" is not supported (${[...SUPPORTED].join(', ')})`);
  }
  const configPath = join(dirname(path), 'tokenizer_config.json');
  const config = existsSync(configPath)
    ? (JSON.parse(readFileSync(configPath, 'utf8')) as Record<string, unknown>)
    : { tokenizer_class: type === 'Unigram' ? 'XLMRobertaTokenizer' : 'PreTrainedTokenizer' };
  let lib: typeof import('@lenml/tokenizers');
  try {
    lib = await import('@lenml/tokenizers');
  } catch (e) {
    throw new Error(`a tokenizer.json needs the optional package @lenml/tokenizers (${String(e)})`);
  }
  const tokenizer = lib.TokenizerLoader.fromPreTrained({
    tokenizerJSON: json as never,
    tokenizerConfig: config as never,
  });
  const vocab = json.model?.vocab;
  const size = Array.isArray(vocab) ? vocab.length : Object.keys((vocab ?? {}) as object).length;
  return {
    size,
    ids(text, maxTokens) {
      const ids = tokenizer.encode(text, { add_special_tokens: true });
      // Keep the closing special token when cutting.
      return ids.length <= maxTokens ? ids : [...ids.slice(0, maxTokens - 1), ids[ids.length - 1]!];
    },
  };
}
