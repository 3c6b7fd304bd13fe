import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CatalogProcedure } from '@mot-cua/contracts';
import { buildSearchIndex, cosine, createRetrievalAnswerer } from '@mot-cua/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadOnnxEmbedder } from './onnx-embedder.js';
import { loadSemanticAnswerer } from './semantic-reranker.js';
import { tinyEmbeddingModel } from './tiny-onnx-model.js';
import { loadWordPiece } from './wordpiece.js';

/**
 * The reranker's plumbing on a tiny ONNX model written by the test itself (tiny-onnx-model.ts): a vocabulary of a
 * few words and an embedding table that puts "bản sao" and "giấy" on one axis and "đăng ký" / "khai sinh" on
 * another, so the expected order is known.
 */
const vocab = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', 'ban', 'sao', 'giay', 'dang', 'ky', 'khai', 'sinh', 'cho', 'con'];
const axis = (w: string) =>
  ['ban', 'sao', 'giay'].includes(w) ? [1, 0, 0] : ['dang', 'ky'].includes(w) ? [0, 1, 0] : [0, 0, 1];
const table = vocab.map((w) => (w.startsWith('[') ? [0, 0, 0] : axis(w)));

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'motcua-onnx-'));
  writeFileSync(join(dir, 'model.onnx'), tinyEmbeddingModel(table));
  writeFileSync(join(dir, 'vocab.txt'), vocab.join('\n'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const files = () => ({ modelPath: join(dir, 'model.onnx'), vocabPath: join(dir, 'vocab.txt'), stripAccents: true });

describe('WordPiece', () => {
  it('cuts words into vocabulary pieces between [CLS] and [SEP], unknown words as [UNK]', () => {
    const wp = loadWordPiece(join(dir, 'vocab.txt'), { stripAccents: true });
    expect(wp.ids('Bản sao giấy khai sinh', 16)).toEqual([2, 4, 5, 6, 9, 10, 3]);
    expect(wp.ids('xyz khai', 16)).toEqual([2, 1, 9, 3]);
    expect(wp.ids('ban sao giay khai sinh', 4)).toEqual([2, 4, 5, 3]);
  });
});

describe('ONNX embedder (onnxruntime-node, in process)', () => {
  it('runs the model and mean-pools the tokens', async () => {
    const embedder = await loadOnnxEmbedder(files());
    const [copy, register, other] = await embedder.embed(['bản sao giấy', 'đăng ký', 'khai sinh cho con']);
    // 3 of the 5 tokens ([CLS] bản sao giấy [SEP]) lie on the first axis.
    expect(copy![0]).toBeCloseTo(0.6, 6);
    expect([copy![1], copy![2]]).toEqual([0, 0]);
    expect(cosine(copy!, register!)).toBe(0);
    expect(cosine(register!, other!)).toBe(0);
    expect(cosine(copy!, (await embedder.embed(['giấy bản sao']))[0]!)).toBeCloseTo(1);
  });

  it("reranks the assistant's choices behind the Answerer interface", async () => {
    const catalog: CatalogProcedure[] = (await import('@mot-cua/core/search/search.fixtures')).fixtureCatalog;
    const index = buildSearchIndex(catalog);
    const question = 'con tôi mới sinh cần làm giấy tờ gì';
    const plain = await createRetrievalAnswerer(index).answer(question);
    const semantic = await loadSemanticAnswerer(index, { ...files(), weight: 0.9 });
    const reranked = await semantic.answer(question);
    expect(semantic.name).toBe('retrieval+onnx');
    expect(plain.candidates[0]?.code).toBe('1.001193');
    // "giấy" sits on the axis of "bản sao": the copy of the birth certificate comes first.
    expect(reranked.candidates[0]?.code).toBe('2.000635');
    expect(reranked.confidence).toBe(plain.confidence);
  });
});
