import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { handWrittenOffsets, offsetsIn } from './vn-time-guard.js';

const root = join(fileURLToPath(import.meta.url), '..', '..');

describe('Vietnam time has one home', () => {
  it('no source outside packages/contracts/src/vn-time.ts writes the UTC+7 offset by hand', () => {
    expect(handWrittenOffsets(root)).toEqual([]);
  });

  it.each([
    'const local = new Date(now.getTime() + 7 * 3_600_000);',
    'return new Date(d.getTime() + 7 * 3600_000).toISOString();',
    'const wd = new Date(t + 7 * HOUR).getUTCDay();',
    'const shift = 7 * 60 * 60 * 1000;',
    'const shift = 25_200_000;',
    "select extract(hour from (t.at at time zone 'UTC') + interval '7 hours')",
    "return local + '+07:00';",
  ])('catches %s', (line) => {
    expect(offsetsIn('x.ts', `const a = 1;\n${line}\n`)).toEqual([{ file: 'x.ts', line: 2, text: line }]);
  });

  it('lets comments, the zone name and other multiples of an hour pass', () => {
    const source = [
      '/** Vietnam time, e.g. 2026-03-02T09:00:00+07:00 (UTC+7). */',
      '// 7 * 3_600_000 was here',
      "const zone = 'Asia/Ho_Chi_Minh';",
      'const ttl = 8 * 3_600_000;',
      'const seventeen = 17 * 60 * 60;',
    ].join('\n');
    expect(offsetsIn('x.ts', source)).toEqual([]);
  });
});
