/**
 * An OpenAPI-driven fuzzer for the API (issue 16): for every operation of the generated document it builds
 * requests with wrong types, huge and malformed strings, NUL, lone surrogates, deep JSON and broken multipart
 * bodies. The test asserts the contract of the edge: never a 5xx, and every 4xx is problem+json.
 */

type Schema = {
  $ref?: string;
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
};
type Parameter = { name: string; in: 'path' | 'query' | 'header' | 'cookie'; schema?: Schema };
type Operation = {
  summary?: string;
  description?: string;
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
};
export type OpenApiDoc = {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
};

export type FuzzRequest = {
  operation: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
};

/** Strings that have broken servers: NUL, lone surrogates, huge, traversal, injection, odd Unicode, wrong formats. */
export const BAD_STRINGS: readonly string[] = [
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfffy',
  '',
  ' ',
  'x'.repeat(100_000),
  '🙂'.repeat(2000),
  '../../../../etc/passwd',
  "' OR 1=1 --",
  '"; DROP TABLE users; --',
  '%00',
  '%E0%A4%A',
  '\\',
  '<script>alert(1)</script>',
  '2026-02-30',
  '9999-12-31',
  '0001-01-01',
  '-1',
  '1e309',
  'NaN',
  '00000000-0000-0000-0000-000000000000',
  'Ẩ̴̛̤̘͎̹̲͔̖͙̬͚̫̼̪̭̬͕͉̜̟͍̤',
  '\u202e\u200b\ufeff',
];

/** Wrong-typed values for a JSON field. */
export const BAD_VALUES: readonly unknown[] = [
  null,
  true,
  -1,
  0,
  1.5,
  1e308,
  -Number.MAX_SAFE_INTEGER - 2,
  [],
  [null],
  {},
  { __proto__: { admin: true } },
  { constructor: { prototype: { x: 1 } } },
  ...BAD_STRINGS,
];

/** The few that matter most, for the short run of CI: NUL, a lone surrogate, huge, undecodable, wrong types. */
const CORE_STRINGS: readonly string[] = ['a\u0000b', 'x\udfffy', 'x'.repeat(100_000), '9999-12-31'];
const CORE_VALUES: readonly unknown[] = [null, 1e308, {}, ...CORE_STRINGS];

/** JSON values as raw bytes: huge and over-precise numbers, invalid UTF-8 inside strings. */
const RAW_LITERALS: readonly Buffer[] = [
  Buffer.from('1e999'),
  Buffer.from([0x22, 0x78, 0xff, 0xfe, 0x22]),
  Buffer.from('123456789012345678901234567890'),
  Buffer.from('-1e-400'),
  Buffer.from('-0'),
  Buffer.from([0x22, 0xc0, 0x80, 0x22]),
  Buffer.from([0x22, 0xed, 0xa0, 0x80, 0x22]),
  Buffer.from('9007199254740993'),
];

export function deepJson(depth: number): string {
  return `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

/** A small seeded PRNG (mulberry32): a failing run can be replayed with its seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function resolve(doc: OpenApiDoc, s: Schema | undefined): Schema {
  let cur = s ?? {};
  for (let i = 0; i < 10 && cur.$ref; i++) cur = doc.components?.schemas?.[cur.$ref.split('/').pop()!] ?? {};
  return cur;
}

/** A plausible valid value for a schema (so mutations of one field reach the handler past the others). */
export function sample(doc: OpenApiDoc, schema: Schema | undefined, depth = 0): unknown {
  const s = resolve(doc, schema);
  if (depth > 6) return null;
  if (s.const !== undefined) return s.const;
  if (s.enum?.length) return s.enum[0];
  const alt = s.anyOf ?? s.oneOf;
  if (alt?.length) return sample(doc, alt.find((a) => resolve(doc, a).type !== 'null') ?? alt[0], depth + 1);
  if (s.allOf?.length) return sample(doc, s.allOf[0], depth + 1);
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
  switch (type) {
    case 'string':
      if (s.format === 'uuid') return '3f2b7e0a-1c4d-4e5f-8a9b-0c1d2e3f4a5b';
      if (s.format === 'date') return '2026-03-02';
      if (s.format === 'date-time') return '2026-03-02T02:00:00.000Z';
      return 'abcdefghij';
    case 'integer':
    case 'number':
      return 1;
    case 'boolean':
      return true;
    case 'array':
      return [sample(doc, s.items, depth + 1)];
    case 'object':
    case undefined: {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(s.properties ?? {})) out[k] = sample(doc, v, depth + 1);
      return out;
    }
    default:
      return null;
  }
}

/** Percent-encoding that also encodes a lone surrogate (as the invalid UTF-8 bytes a hostile client would send). */
export function pct(s: string): string {
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp >= 0xd800 && cp <= 0xdfff) {
      out += [0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f)]
        .map((b) => `%${b.toString(16).toUpperCase()}`)
        .join('');
    } else out += encodeURIComponent(ch);
  }
  return out;
}

function fill(path: string, params: Record<string, string>): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => pct(params[name] ?? 'x'));
}

function qs(query: Record<string, string | string[]>): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(query)) {
    for (const one of Array.isArray(v) ? v : [v]) parts.push(`${pct(k)}=${pct(one)}`);
  }
  return parts.length ? `?${parts.join('&')}` : '';
}

const MULTIPART_BROKEN: ReadonlyArray<{ contentType: string; payload: string }> = [
  { contentType: 'multipart/form-data', payload: 'no boundary at all' },
  {
    contentType: 'multipart/form-data; boundary=B',
    payload: '--B\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF-1.4 cut off',
  },
  { contentType: 'multipart/form-data; boundary=B', payload: '--B\r\nGarbage header line\r\n\r\nx\r\n--B--\r\n' },
  { contentType: 'multipart/form-data; boundary=B', payload: '--B--\r\n' },
  {
    contentType: 'multipart/form-data; boundary=B',
    payload: `--B\r\nContent-Disposition: form-data; name="f"; filename="${'n'.repeat(5000)}\u0000.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\r\n--B--\r\n`,
  },
  {
    contentType: 'multipart/form-data; boundary=B',
    payload: '--B\r\nContent-Disposition: form-data; name="componentKey"\r\n\r\na\u0000b\r\n--B--\r\n',
  },
  {
    contentType: 'multipart/form-data; boundary=B',
    payload:
      '--B\r\nContent-Disposition: form-data; name="file"; filename="x.pdf"\r\nContent-Type: application/pdf\r\n\r\nnot a pdf\r\n--B--\r\n',
  },
];

/**
 * Every fixed case for one operation: each path parameter, query parameter and top-level body field replaced by
 * each bad value in turn, then whole-body breakages (malformed, deep, wrong shape, wrong type) and broken multipart.
 */
export function fixedCases(doc: OpenApiDoc, path: string, method: string, op: Operation, full = true): FuzzRequest[] {
  const strings = full ? BAD_STRINGS : CORE_STRINGS;
  const values = full ? BAD_VALUES : CORE_VALUES;
  const name = `${method.toUpperCase()} ${path}`;
  const params = op.parameters ?? [];
  const pathParams = Object.fromEntries(
    params.filter((p) => p.in === 'path').map((p) => [p.name, String(sample(doc, p.schema))]),
  );
  const query = Object.fromEntries(
    params.filter((p) => p.in === 'query').map((p) => [p.name, String(sample(doc, p.schema) ?? '')]),
  );
  const content = op.requestBody?.content ?? {};
  const jsonSchema = content['application/json']?.schema;
  // Upload routes read their parts themselves and document no body schema: their summary says "multipart".
  const multipart =
    'multipart/form-data' in content || /multipart/i.test(`${op.summary ?? ''} ${op.description ?? ''}`);
  const body = jsonSchema ? sample(doc, jsonSchema) : undefined;
  const base = (over: Partial<FuzzRequest> = {}): FuzzRequest => ({
    operation: name,
    method: method.toUpperCase(),
    url: `${fill(path, pathParams)}${qs(query)}`,
    headers: {},
    ...(body !== undefined ? { payload: JSON.stringify(body), headers: { 'content-type': 'application/json' } } : {}),
    ...over,
  });
  const out: FuzzRequest[] = [base()];
  for (const p of Object.keys(pathParams)) {
    for (const bad of [...strings, 'a'.repeat(5000)]) {
      out.push(base({ url: `${fill(path, { ...pathParams, [p]: bad })}${qs(query)}` }));
    }
  }
  for (const q of Object.keys(query)) {
    for (const bad of strings) out.push(base({ url: `${fill(path, pathParams)}${qs({ ...query, [q]: bad })}` }));
    out.push(base({ url: `${fill(path, pathParams)}${qs({ ...query, [q]: ['a', 'b'] })}` }));
  }
  out.push(base({ url: `${fill(path, pathParams)}${qs({ ...query, 'x\u0000': '1', __proto__x: 'y' })}` }));
  if (body !== undefined && body && typeof body === 'object' && !Array.isArray(body)) {
    for (const field of Object.keys(body)) {
      for (const bad of values) {
        out.push(base({ payload: JSON.stringify({ ...(body as object), [field]: bad }) }));
      }
      // What JSON.stringify cannot write (fuzz-9): numbers beyond double range or precision, invalid UTF-8 bytes.
      const marked = JSON.stringify({ ...(body as object), [field]: '\u0001MARK' });
      const [before = '', after = ''] = marked.split('"\\u0001MARK"');
      for (const literal of full ? RAW_LITERALS : RAW_LITERALS.slice(0, 2)) {
        out.push(base({ payload: Buffer.concat([Buffer.from(before), literal, Buffer.from(after)]) }));
      }
    }
  }
  if (method !== 'get' && method !== 'head') {
    const json = { 'content-type': 'application/json' };
    for (const payload of ['', '{', '{"a":', 'null', '[]', '"x"', '1', deepJson(2000), `{"a":"${'\\u0000'}"}`]) {
      out.push(base({ headers: json, payload }));
    }
    out.push(base({ headers: { 'content-type': 'application/json; charset=latin1' }, payload: '{}' }));
    out.push(base({ headers: { 'content-type': 'text/plain' }, payload: 'hello' }));
    out.push(base({ headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'a=%00' }));
    if (multipart) {
      for (const m of MULTIPART_BROKEN) {
        out.push(base({ headers: { 'content-type': m.contentType }, payload: m.payload }));
      }
    }
  }
  return out;
}

/** One random case: several fields of the base broken at once with values drawn from the lists above. */
export function randomCase(doc: OpenApiDoc, path: string, method: string, op: Operation, rnd: () => number) {
  const cases = fixedCases(doc, path, method, op);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const c = { ...pick(cases) };
  if (c.payload && typeof c.payload === 'string' && c.headers['content-type'] === 'application/json') {
    try {
      const v = JSON.parse(c.payload) as unknown;
      if (v && typeof v === 'object' && !Array.isArray(v)) {
        const keys = Object.keys(v);
        const mutated: Record<string, unknown> = { ...(v as object) };
        for (let i = 0; i < 3 && keys.length; i++) mutated[pick(keys)] = pick(BAD_VALUES);
        c.payload = JSON.stringify(mutated);
      }
    } catch {
      // a malformed payload stays as it is
    }
  }
  return c;
}

export function operations(doc: OpenApiDoc): Array<{ path: string; method: string; op: Operation }> {
  const out: Array<{ path: string; method: string; op: Operation }> = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (['get', 'post', 'put', 'patch', 'delete'].includes(method)) out.push({ path, method, op });
    }
  }
  return out;
}
