import { existsSync } from 'node:fs';
import type { Embedder } from '@mot-cua/core';
import { loadTokenizerJson } from './hf-tokenizer.js';
import { loadWordPiece } from './wordpiece.js';

export type OnnxEmbedderOptions = {
  modelPath: string;
  /** A WordPiece vocab.txt, or a Hugging Face tokenizer.json (SentencePiece Unigram, WordPiece, BPE). */
  vocabPath: string;
  /** Longest input in tokens, [CLS] and [SEP] included. */
  maxTokens?: number;
  stripAccents?: boolean;
};

type Ort = typeof import('onnxruntime-node');

/**
 * A sentence embedder running an ONNX model in process with onnxruntime-node (an optional dependency: loaded only
 * when a model is configured). Inputs: input_ids, attention_mask and, when the model declares it,
 * token_type_ids (int64, batch × tokens). Output: the first output; per-token vectors are mean-pooled over the
 * attention mask, a pooled output is used as is. Nothing is downloaded: the model and vocabulary are files the
 * operator provides (a vocab.txt, or a tokenizer.json for the XLM-RoBERTa-based models, hf-tokenizer.ts).
 */
export async function loadOnnxEmbedder(opts: OnnxEmbedderOptions): Promise<Embedder> {
  let ort: Ort;
  try {
    ort = await import('onnxruntime-node');
  } catch (e) {
    throw new Error(`the assistant reranker needs the optional package onnxruntime-node (${String(e)})`);
  }
  for (const f of [opts.modelPath, opts.vocabPath]) {
    if (!existsSync(f)) throw new Error(`the assistant reranker's file ${f} does not exist`);
  }
  const session = await ort.InferenceSession.create(opts.modelPath, { graphOptimizationLevel: 'all' });
  const tokenizer = opts.vocabPath.endsWith('.json')
    ? await loadTokenizerJson(opts.vocabPath)
    : loadWordPiece(opts.vocabPath, { stripAccents: opts.stripAccents ?? false });
  const maxTokens = opts.maxTokens ?? 64;
  const output = session.outputNames[0]!;

  return {
    name: 'onnx',
    async embed(texts) {
      if (texts.length === 0) return [];
      const rows = texts.map((t) => tokenizer.ids(t, maxTokens));
      const width = Math.max(...rows.map((r) => r.length));
      const ids = new BigInt64Array(rows.length * width);
      const mask = new BigInt64Array(rows.length * width);
      rows.forEach((r, i) => {
        r.forEach((v, j) => {
          ids[i * width + j] = BigInt(v);
          mask[i * width + j] = 1n;
        });
      });
      const dims = [rows.length, width];
      const feeds: Record<string, InstanceType<Ort['Tensor']>> = {};
      for (const name of session.inputNames) {
        if (name === 'input_ids') feeds[name] = new ort.Tensor('int64', ids, dims);
        else if (name === 'attention_mask') feeds[name] = new ort.Tensor('int64', mask, dims);
        else if (name === 'token_type_ids') feeds[name] = new ort.Tensor('int64', new BigInt64Array(ids.length), dims);
        else throw new Error(`the reranker model asks for an unknown input "${name}"`);
      }
      const result = (await session.run(feeds))[output]!;
      const data = result.data as Float32Array;
      const [batch, second, third] = result.dims as number[];
      if (third === undefined) {
        return Array.from({ length: batch! }, (_, i) => data.slice(i * second!, (i + 1) * second!));
      }
      // Mean over the tokens the mask keeps.
      return Array.from({ length: batch! }, (_, i) => {
        const v = new Float32Array(third);
        const n = rows[i]!.length;
        for (let j = 0; j < n; j++) {
          const at = (i * second! + j) * third;
          for (let k = 0; k < third; k++) v[k]! += data[at + k]!;
        }
        for (let k = 0; k < third; k++) v[k]! /= n;
        return v;
      });
    },
  };
}
