import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cosine } from '@mot-cua/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTokenizerJson } from './hf-tokenizer.js';
import { loadOnnxEmbedder } from './onnx-embedder.js';
import { tinyEmbeddingModel } from './tiny-onnx-model.js';

/**
 * A tokenizer.json shaped like the XLM-RoBERTa one of multilingual-e5-small and paraphrase-multilingual-MiniLM
 * (SentencePiece Unigram, Metaspace "▁", <s> … </s>), with a vocabulary of a few pieces written here; the real
 * files are not in the repo (the operator provides them).
 */
const pieces: Array<[string, number]> = [
  ['<s>', 0],
  ['<pad>', 0],
  ['</s>', 0],
  ['<unk>', 0],
  ['▁', -2],
  ['▁đăng', -3],
  ['▁ký', -3],
  ['▁khai', -3],
  ['▁sinh', -3],
  ['▁bản', -3],
  ['▁sao', -3],
  ['▁giấy', -3],
  ['▁k', -5],
  ['hai', -5],
];
const special = (id: number) => ({
  id,
  content: pieces[id]![0],
  single_word: false,
  lstrip: false,
  rstrip: false,
  normalized: false,
  special: true,
});
const metaspace = { type: 'Metaspace', replacement: '▁', add_prefix_space: true, prepend_scheme: 'always' };
const tokenizerJson = {
  version: '1.0',
  truncation: null,
  padding: null,
  added_tokens: [0, 1, 2, 3].map(special),
  normalizer: { type: 'NFKC' },
  pre_tokenizer: metaspace,
  post_processor: {
    type: 'TemplateProcessing',
    single: [
      { SpecialToken: { id: '<s>', type_id: 0 } },
      { Sequence: { id: 'A', type_id: 0 } },
      { SpecialToken: { id: '</s>', type_id: 0 } },
    ],
    pair: [],
    special_tokens: {
      '<s>': { id: '<s>', ids: [0], tokens: ['<s>'] },
      '</s>': { id: '</s>', ids: [2], tokens: ['</s>'] },
    },
  },
  decoder: metaspace,
  model: { type: 'Unigram', unk_id: 3, vocab: pieces },
};
const axis = (p: string) =>
  ['▁bản', '▁sao', '▁giấy'].includes(p) ? [1, 0, 0] : ['▁đăng', '▁ký'].includes(p) ? [0, 1, 0] : [0, 0, 1];

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'motcua-tokjson-'));
  writeFileSync(join(dir, 'tokenizer.json'), JSON.stringify(tokenizerJson));
  writeFileSync(join(dir, 'tokenizer_config.json'), JSON.stringify({ tokenizer_class: 'XLMRobertaTokenizer' }));
  writeFileSync(join(dir, 'model.onnx'), tinyEmbeddingModel(pieces.map(([p], i) => (i < 4 ? [0, 0, 0] : axis(p)))));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('tokenizer.json (SentencePiece Unigram, read from the operator files)', () => {
  it("segments by the pieces' scores between <s> and </s>, keeps accents, unknown as <unk>", async () => {
    const tok = await loadTokenizerJson(join(dir, 'tokenizer.json'));
    expect(tok.size).toBe(pieces.length);
    expect(tok.ids('đăng ký khai sinh', 16)).toEqual([0, 5, 6, 7, 8, 2]);
    // Inside a word the likeliest pieces win (Viterbi over the scores): "▁khai" + "hai", not "▁k" + "hai" + "hai".
    expect(tok.ids('khaihai', 16)).toEqual([0, 7, 13, 2]);
    expect(tok.ids('bản sao xyz', 16)).toEqual([0, 9, 10, 4, 3, 2]);
    // Cut to the longest input, the closing token kept.
    expect(tok.ids('đăng ký khai sinh', 4)).toEqual([0, 5, 6, 2]);
  });

  it('refuses a tokenizer model it does not know', async () => {
    writeFileSync(join(dir, 'odd.json'), JSON.stringify({ model: { type: 'WordLevel', vocab: {} } }));
    await expect(loadTokenizerJson(join(dir, 'odd.json'))).rejects.toThrow(/not supported/);
  });

  it('feeds the ONNX embedder', async () => {
    const embedder = await loadOnnxEmbedder({
      modelPath: join(dir, 'model.onnx'),
      vocabPath: join(dir, 'tokenizer.json'),
    });
    const [copy, register] = await embedder.embed(['bản sao giấy', 'đăng ký']);
    expect(copy![0]).toBeCloseTo(0.6, 6);
    expect(cosine(copy!, register!)).toBe(0);
    await expect(
      loadOnnxEmbedder({ modelPath: join(dir, 'missing.onnx'), vocabPath: join(dir, 'tokenizer.json') }),
    ).rejects.toThrow(/does not exist/);
  });
});
