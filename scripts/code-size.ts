/**
 * The largest TypeScript files and functions of the tree (lines), for the "house in order" figures of
 * docs/benchmarks.md: `npx tsx scripts/code-size.ts [how many, default 10]`. Files are those git tracks under
 * apps/, packages/, scripts/, e2e/ and bench/; functions (declarations, methods, arrows and function expressions,
 * by the TypeScript parser) are counted outside tests. Prints; writes nothing.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import ts from 'typescript';

const most = Number(process.argv[2] ?? 10);
const files = execFileSync('git', ['ls-files', 'apps', 'packages', 'scripts', 'e2e', 'bench'], { encoding: 'utf8' })
  .split('\n')
  .filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.d.ts'));
const isTest = (f: string) => /\.(test|spec)\.tsx?$/.test(f) || f.startsWith('e2e/');

type Sized = { where: string; lines: number };
const fileSizes: Sized[] = [];
const functionSizes: Sized[] = [];

function nameOf(node: ts.Node): string {
  const named = node as ts.Node & { name?: ts.Node };
  if (named.name && ts.isIdentifier(named.name)) return named.name.text;
  const parent = node.parent;
  if (parent && ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  if (parent && ts.isPropertyAssignment(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  return '(anonymous)';
}

for (const file of files) {
  const text = readFileSync(file, 'utf8');
  fileSizes.push({ where: file, lines: text.split('\n').length - (text.endsWith('\n') ? 1 : 0) });
  if (isTest(file)) continue;
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const visit = (node: ts.Node) => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const start = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      functionSizes.push({ where: `${file}:${start + 1} ${nameOf(node)}`, lines: end - start + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
}

const top = (rows: Sized[]) =>
  rows
    .sort((a, b) => b.lines - a.lines)
    .slice(0, most)
    .map((r) => `${String(r.lines).padStart(6)}  ${r.where}`)
    .join('\n');
console.log(`files (${fileSizes.length}), largest:\n${top(fileSizes)}\n`);
console.log(`functions outside tests (${functionSizes.length}), largest:\n${top(functionSizes)}`);
