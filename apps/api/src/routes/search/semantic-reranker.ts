import { type Answerer, createRerankingAnswerer, type RerankOptions, type SearchIndex } from '@mot-cua/core';
import { loadOnnxEmbedder, type OnnxEmbedderOptions } from './onnx-embedder.js';

/** The assistant with the optional semantic reranker: retrieval, then the model's order of the first candidates. */
export async function loadSemanticAnswerer(
  index: SearchIndex,
  opts: Omit<OnnxEmbedderOptions, 'vocabPath'> & { vocabPath: string | undefined } & RerankOptions,
): Promise<Answerer> {
  if (!opts.vocabPath) throw new Error('the reranker needs a tokenizer file (vocab.txt or tokenizer.json)');
  const embedder = await loadOnnxEmbedder({ ...opts, vocabPath: opts.vocabPath });
  return createRerankingAnswerer(index, embedder, opts);
}
