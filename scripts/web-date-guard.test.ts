import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = join(fileURLToPath(import.meta.url), '..', '..');
const web = join(root, 'apps', 'web', 'src');

/** Every .ts/.tsx file of the web app. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

/** Lines that ask the browser for its native date field (mm/dd/yyyy on an English system). */
function nativeDateFields(file: string, text: string) {
  return text
    .split('\n')
    .map((line, i) => ({ file, line: i + 1, text: line.trim() }))
    .filter((l) => /type=["']date["']|type: ?["']date["']|type=\{["']date["']\}/.test(l.text));
}

describe('days are typed dd/mm/yyyy everywhere in the web app', () => {
  it('no page uses the native <input type="date"> (the shared VnDateInput instead)', () => {
    const found = sources(web).flatMap((f) => nativeDateFields(relative(root, f), readFileSync(f, 'utf8')));
    expect(found).toEqual([]);
  });

  it.each([
    '<TextInput type="date" label="x" />',
    "{input('effectiveDate', label, { type: 'date', required: true })}",
    "<input type={'date'} />",
  ])('catches %s', (line) => {
    expect(nativeDateFields('x.tsx', line)).toHaveLength(1);
  });

  it("lets an e-form field's kind pass", () => {
    expect(nativeDateFields('x.tsx', "case 'date':\nif (field.type === 'date') return null;")).toEqual([]);
  });
});
