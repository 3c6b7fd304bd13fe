/**
 * What app.inject cannot send (fuzz-9): raw HTTP/1.1 on a socket to the listening server — duplicate and malformed
 * headers, invalid UTF-8 bytes in JSON bodies, path and query, odd methods (HEAD, OPTIONS, TRACE…), lying
 * Content-Length, oversized bodies, huge numbers and deep arrays. Each case is bytes; the answer is parsed loosely.
 */
import { connect } from 'node:net';

export type WireCase = { name: string; bytes: Buffer };
export type WireAnswer = { status: number; headers: Record<string, string>; body: string; raw: string };

/** Send raw bytes, read until the server closes (every case asks `Connection: close`), or time out. */
export function sendRaw(port: number, bytes: Buffer, timeoutMs = 5000): Promise<WireAnswer | 'timeout' | 'reset'> {
  return new Promise((resolveAnswer) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    let done = false;
    const finish = (v: WireAnswer | 'timeout' | 'reset') => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      resolveAnswer(v);
    };
    const timer = setTimeout(() => finish(chunks.length ? parse(Buffer.concat(chunks)) : 'timeout'), timeoutMs);
    socket.on('data', (c) => {
      chunks.push(c);
      // A keep-alive answer is complete once its Content-Length is in: no need to wait for the close.
      const a = parse(Buffer.concat(chunks));
      const length = Number(a.headers['content-length'] ?? Number.NaN);
      if (a.raw.includes('\r\n\r\n') && Buffer.byteLength(a.body, 'latin1') >= length) finish(a);
    });
    socket.on('error', () => finish(chunks.length ? parse(Buffer.concat(chunks)) : 'reset'));
    socket.on('close', () => finish(chunks.length ? parse(Buffer.concat(chunks)) : 'reset'));
    socket.write(bytes);
  });
}

function parse(buf: Buffer): WireAnswer {
  const raw = buf.toString('latin1');
  const end = raw.indexOf('\r\n\r\n');
  const head = end < 0 ? raw : raw.slice(0, end);
  const [statusLine = '', ...lines] = head.split('\r\n');
  const headers: Record<string, string> = {};
  for (const l of lines) {
    const i = l.indexOf(':');
    if (i > 0) headers[l.slice(0, i).trim().toLowerCase()] = l.slice(i + 1).trim();
  }
  return { status: Number(statusLine.split(' ')[1] ?? 0), headers, body: end < 0 ? '' : raw.slice(end + 4), raw };
}

/** A request as bytes: header lines given as [name, value] pairs (duplicates allowed), body as given. */
export function request(
  method: string,
  target: string | Buffer,
  headers: Array<[string, string | Buffer]>,
  body?: string | Buffer,
  opts: { contentLength?: boolean } = {},
): Buffer {
  const parts: Buffer[] = [Buffer.from(`${method} `), Buffer.from(target), Buffer.from(' HTTP/1.1\r\n')];
  const all: Array<[string, string | Buffer]> = [['Host', '127.0.0.1'], ['Connection', 'close'], ...headers];
  const b = body === undefined ? undefined : Buffer.isBuffer(body) ? body : Buffer.from(body);
  if (b !== undefined && opts.contentLength !== false) all.push(['Content-Length', String(b.length)]);
  for (const [k, v] of all) parts.push(Buffer.from(`${k}: `), Buffer.from(v), Buffer.from('\r\n'));
  parts.push(Buffer.from('\r\n'));
  if (b) parts.push(b);
  return Buffer.concat(parts);
}

/** JSON bodies with invalid UTF-8, huge numbers and deep arrays: bytes JSON.stringify cannot produce. */
export const WIRE_JSON_BODIES: ReadonlyArray<[string, Buffer]> = [
  ['invalid UTF-8 (0xFF) in a string', Buffer.from([...Buffer.from('{"a":"x'), 0xff, 0xfe, ...Buffer.from('y"}')])],
  ['overlong NUL (C0 80) in a string', Buffer.from([...Buffer.from('{"a":"'), 0xc0, 0x80, ...Buffer.from('"}')])],
  ['encoded surrogate (ED A0 80)', Buffer.from([...Buffer.from('{"a":"'), 0xed, 0xa0, 0x80, ...Buffer.from('"}')])],
  ['truncated UTF-8 sequence', Buffer.from([...Buffer.from('{"a":"'), 0xe2, 0x82, ...Buffer.from('"}')])],
  ['invalid UTF-8 in a key', Buffer.from([...Buffer.from('{"'), 0xff, ...Buffer.from('":1}')])],
  ['raw NUL byte in a string', Buffer.from('{"a":"x\u0000y"}')],
  ['UTF-8 BOM before the JSON', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{}')])],
  ['UTF-16 body', Buffer.from('{"a":1}', 'utf16le')],
  ['huge exponent', Buffer.from('{"a":1e999,"b":-1e999}')],
  ['30-digit integer', Buffer.from('{"a":123456789012345678901234567890}')],
  ['tiny exponent and minus zero', Buffer.from('{"a":1e-400,"b":-0}')],
  ['deep arrays (100 000)', Buffer.from(`${'['.repeat(100_000)}${']'.repeat(100_000)}`)],
  ['deep objects unclosed', Buffer.from('{"a":'.repeat(50_000))],
  ['duplicate keys', Buffer.from('{"a":1,"a":"x","__proto__":{"p":1}}')],
  ['constructor.prototype', Buffer.from('{"constructor":{"prototype":{"p":1}}}')],
  ['trailing garbage', Buffer.from('{}garbage')],
  ['NaN and Infinity', Buffer.from('{"a":NaN,"b":Infinity}')],
];

/** Header sets that are duplicate, malformed or odd (each added to a plain request). */
export const WIRE_HEADER_SETS: ReadonlyArray<[string, Array<[string, string | Buffer]>]> = [
  [
    'two Content-Type',
    [
      ['Content-Type', 'application/json'],
      ['Content-Type', 'text/plain'],
    ],
  ],
  [
    'two Accept-Language',
    [
      ['Accept-Language', 'en'],
      ['Accept-Language', 'vi'],
    ],
  ],
  [
    'two x-request-id',
    [
      ['X-Request-Id', 'a'],
      ['X-Request-Id', 'b'],
    ],
  ],
  [
    'two x-csrf-token',
    [
      ['X-CSRF-Token', 'a'],
      ['X-CSRF-Token', 'b'],
    ],
  ],
  [
    'two Cookie',
    [
      ['Cookie', 'motcua_session=a'],
      ['Cookie', 'motcua_session=b'],
    ],
  ],
  [
    'two Authorization',
    [
      ['Authorization', 'Bearer a'],
      ['Authorization', 'Basic b'],
    ],
  ],
  ['two Host', [['Host', 'evil.example']]],
  ['Content-Type empty', [['Content-Type', '']]],
  ['Content-Type garbage', [['Content-Type', ';;;=;']]],
  ['Content-Type charset empty', [['Content-Type', 'application/json; charset=']]],
  ['Content-Type unknown charset', [['Content-Type', 'application/json; charset=klingon']]],
  ['Content-Type unclosed quote', [['Content-Type', 'multipart/form-data; boundary="abc']]],
  ['Content-Type 10 000 params', [['Content-Type', `application/json${'; a=b'.repeat(2000)}`]]],
  ['Accept-Language garbage', [['Accept-Language', `${'x;q=abc,'.repeat(500)}`]]],
  ['Accept-Language q NaN', [['Accept-Language', 'en;q=NaN, vi;q=-1']]],
  ['Accept garbage', [['Accept', '*/*;q=2;;,text/html;level=']]],
  ['Accept-Encoding odd', [['Accept-Encoding', 'br;q=abc, gzip;q=-1, *;q=NaN, identity;q=0']]],
  ['Cookie garbage', [['Cookie', '=; ;=;motcua_session="unterminated; a=%ZZ; b=\u00ff']]],
  ['Cookie huge', [['Cookie', `motcua_session=${'a'.repeat(8000)}`]]],
  ['Cookie invalid UTF-8', [['Cookie', Buffer.from([0x61, 0x3d, 0xff, 0xfe])]]],
  ['header value invalid UTF-8', [['Accept-Language', Buffer.from([0xff, 0xfe, 0xfd])]]],
  ['x-request-id invalid UTF-8', [['X-Request-Id', Buffer.from([0xc0, 0x80])]]],
  ['x-csrf-token huge', [['X-CSRF-Token', 'a'.repeat(8000)]]],
  ['If-None-Match garbage', [['If-None-Match', '"unterminated, W/, *, *']]],
  ['If-Modified-Since garbage', [['If-Modified-Since', 'yesterday-ish']]],
  ['Range garbage', [['Range', 'bytes=-1--5,99999999999999999999-']]],
  ['X-Forwarded-For garbage', [['X-Forwarded-For', '::::, 999.1.1.1, a'.repeat(100)]]],
  [
    'X-Forwarded-Proto and Host odd',
    [
      ['X-Forwarded-Proto', 'gopher'],
      ['X-Forwarded-Host', '../../'],
    ],
  ],
  ['Origin null', [['Origin', 'null']]],
  ['Expect odd', [['Expect', '200-ok']]],
  ['Transfer-Encoding gzip', [['Transfer-Encoding', 'gzip, chunked']]],
  ['Content-Encoding gzip (not gzipped)', [['Content-Encoding', 'gzip']]],
  ['Content-Length non-numeric', [['Content-Length', 'abc']]],
  [
    'two different Content-Length',
    [
      ['Content-Length', '1'],
      ['Content-Length', '2'],
    ],
  ],
  ['header too large', [['X-Big', 'a'.repeat(20_000)]]],
  ['header name invalid', [['X Bad', 'x']]],
];

/** Odd methods on a path: HEAD and OPTIONS must answer cleanly on every route. */
export const WIRE_METHODS = ['HEAD', 'OPTIONS', 'TRACE', 'PROPFIND', 'CONNECT', 'PURGE', 'FOO'] as const;

/** Replacements for one path parameter, written raw into the request target. */
export const WIRE_PATH_VALUES: readonly string[] = [
  '%',
  '%zz',
  '%FF%FE',
  '%C0%80',
  '%ED%A0%80',
  '..',
  '%2e%2e',
  '..%2f..%2fetc%2fpasswd',
  '%2F',
  '%5C',
  '%00',
  '%20',
  'a'.repeat(10_000),
  'a'.repeat(200),
  '%25',
  ';a=b',
  '1e309',
  '-0',
  '999999999999999999999999',
];

/** Query strings written raw: repeated, bracketed, encoded-invalid, empty names. */
export function wireQueries(names: readonly string[]): string[] {
  const n = names[0] ?? 'q';
  return [
    `?${n}=1&${n}=2&${n}=3`,
    `?${n}[]=1&${n}[]=2`,
    `?${n}[a]=1`,
    `?${n}=%FF%FE`,
    `?${n}=%C0%80`,
    `?${n}=%`,
    `?${n}=%zz`,
    `?${n}`,
    `?=1&&&=`,
    `?${n}=${'9'.repeat(400)}`,
    `?${n}=1e309`,
    `?${n}=-0`,
    `?${n}=0x10`,
    `?${n}=%2e%2e%2f`,
    `?__proto__[x]=1&constructor[prototype][y]=1`,
    `?${'a=1&'.repeat(2000)}`,
    `?${names.map((m) => `${m}=%00`).join('&')}`,
  ];
}

/** Whole requests whose request line or framing is odd, for one target (a path with its sample parameters). */
export function wireRawRequests(target: string): Array<[string, Buffer]> {
  const b = (s: string) => Buffer.from(s, 'latin1');
  const t = target;
  return [
    ['absolute-form target', b(`GET http://127.0.0.1${t} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`)],
    ['asterisk OPTIONS', b('OPTIONS * HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n')],
    ['HTTP/1.0 without Host', b(`GET ${t} HTTP/1.0\r\n\r\n`)],
    ['HTTP/1.1 without Host', b(`GET ${t} HTTP/1.1\r\nConnection: close\r\n\r\n`)],
    ['HTTP/2 preface', b('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n')],
    ['HTTP/9.9', b(`GET ${t} HTTP/9.9\r\nHost: x\r\nConnection: close\r\n\r\n`)],
    ['lowercase method', b(`get ${t} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`)],
    [
      'raw UTF-8 bytes in the target',
      Buffer.concat([b('GET '), Buffer.from(`${t}?q=Hà Nội`), b(' HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')]),
    ],
    [
      'raw 0xFF in the target',
      Buffer.concat([
        b(`GET ${t}?q=`),
        Buffer.from([0xff, 0xfe]),
        b(' HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'),
      ]),
    ],
    ['fragment in the target', b(`GET ${t}#frag?x=1 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`)],
    ['double slashes', b(`GET /${t.replace(/\//g, '//')} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`)],
    [
      'dot segments',
      b(`GET /api/../api/./${t.replace(/^\/api\//, '')} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`),
    ],
    ['bare LF line endings', b(`GET ${t} HTTP/1.1\nHost: x\nConnection: close\n\n`)],
    ['obs-fold header', b(`GET ${t} HTTP/1.1\r\nHost: x\r\nAccept-Language: en,\r\n vi\r\nConnection: close\r\n\r\n`)],
    [
      'Upgrade websocket',
      b(
        `GET ${t} HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n`,
      ),
    ],
    [
      'Upgrade h2c',
      b(
        `GET ${t} HTTP/1.1\r\nHost: x\r\nConnection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\nHTTP2-Settings: AAMAAABkAAQAAP__\r\n\r\n`,
      ),
    ],
    [
      'chunked with a bad chunk size',
      b(
        `POST ${t} HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nZZ\r\n{}\r\n0\r\n\r\n`,
      ),
    ],
    [
      'chunked JSON',
      b(
        `POST ${t} HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n1\r\n{\r\n1\r\n}\r\n0\r\n\r\n`,
      ),
    ],
    [
      'Content-Length smaller than body',
      b(
        `POST ${t} HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}GARBAGE / HTTP/1.1\r\n\r\n`,
      ),
    ],
    [
      'Content-Length negative',
      b(
        `POST ${t} HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: -1\r\n\r\n{}`,
      ),
    ],
    [
      'Content-Length huge',
      b(
        `POST ${t} HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: 99999999999999999999\r\n\r\n{}`,
      ),
    ],
    [
      'Content-Length with Transfer-Encoding',
      b(
        `POST ${t} HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n{}`,
      ),
    ],
    ['pipelined GET then garbage', b(`GET ${t} HTTP/1.1\r\nHost: x\r\n\r\n\u0001\u0002garbage\r\n\r\n`)],
  ];
}
