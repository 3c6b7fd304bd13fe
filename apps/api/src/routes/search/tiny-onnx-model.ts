/**
 * Writes a tiny sentence-embedding model in the ONNX format (protobuf, encoded by hand: no package needed), for
 * tests and the benchmark of the reranker plumbing: input_ids (int64, batch × tokens) and attention_mask go in,
 * one Gather of an embedding table comes out (batch × tokens × dim), which the embedder mean-pools. It is not a
 * language model: the table is what the caller gives (one row per vocabulary token).
 */

const varint = (n: number | bigint): number[] => {
  let v = BigInt(n);
  const out: number[] = [];
  do {
    let b = Number(v & 0x7fn);
    v >>= 7n;
    if (v > 0n) b |= 0x80;
    out.push(b);
  } while (v > 0n);
  return out;
};
const key = (field: number, wire: number) => varint((field << 3) | wire);
const int = (field: number, n: number | bigint) => [...key(field, 0), ...varint(n)];
const bytes = (field: number, b: ArrayLike<number>) => [...key(field, 2), ...varint(b.length), ...Array.from(b)];
const str = (field: number, s: string) => bytes(field, new TextEncoder().encode(s));
const msg = (field: number, parts: number[][]) => bytes(field, parts.flat());

const INT64 = 7;
const FLOAT = 1;

/** A tensor type with symbolic ("batch") or fixed dimensions. */
const valueInfo = (field: number, name: string, elemType: number, dims: Array<string | number>) =>
  msg(field, [
    str(1, name),
    msg(2, [
      msg(1, [
        int(1, elemType),
        msg(
          2,
          dims.map((d) => msg(1, [typeof d === 'number' ? int(1, d) : str(2, d)])),
        ),
      ]),
    ]),
  ]);

/** The model bytes: `table` holds one row of `dim` floats per token id. */
export function tinyEmbeddingModel(table: ReadonlyArray<ReadonlyArray<number>>): Uint8Array {
  const dim = table[0]?.length ?? 0;
  const raw = new Uint8Array(new Float32Array(table.flat()).buffer);
  const initializer = msg(5, [int(1, table.length), int(1, dim), int(2, FLOAT), str(8, 'embeddings'), bytes(9, raw)]);
  const gather = msg(1, [
    str(1, 'embeddings'),
    str(1, 'input_ids'),
    str(2, 'hidden'),
    str(3, 'gather'),
    str(4, 'Gather'),
  ]);
  const graph = msg(7, [
    gather,
    str(2, 'tiny-embedding'),
    initializer,
    valueInfo(11, 'input_ids', INT64, ['batch', 'tokens']),
    valueInfo(11, 'attention_mask', INT64, ['batch', 'tokens']),
    valueInfo(12, 'hidden', FLOAT, ['batch', 'tokens', dim]),
  ]);
  return Uint8Array.from([...int(1, 8), ...str(2, 'mot-cua tests'), ...graph, ...msg(8, [str(1, ''), int(2, 13)])]);
}
