import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ALLOWED, checkFile, checkLayers, importsOf, readWorkspaces, type Workspace } from './layers.js';

const root = join(fileURLToPath(import.meta.url), '..', '..');

describe('the layer rule', () => {
  it('holds over the whole source: every import is allowed by the layers and declared in package.json', () => {
    expect(checkLayers(root)).toEqual([]);
  });

  it('every package declares only workspace dependencies its layer allows', () => {
    for (const ws of readWorkspaces(root)) {
      const declared = [...ws.dependencies, ...ws.devDependencies].filter((d) => d.startsWith('@mot-cua/'));
      expect({ [ws.name]: declared.filter((d) => !ALLOWED[ws.name]?.includes(d)) }).toEqual({ [ws.name]: [] });
    }
  });

  const web: Workspace = {
    name: '@mot-cua/web',
    dir: '/repo/apps/web',
    dependencies: new Set(['@mot-cua/contracts']),
    devDependencies: new Set(),
  };
  const core: Workspace = {
    name: '@mot-cua/core',
    dir: '/repo/packages/core',
    dependencies: new Set(['@mot-cua/contracts']),
    devDependencies: new Set(),
  };
  const db: Workspace = {
    name: '@mot-cua/db',
    dir: '/repo/packages/db',
    dependencies: new Set(['@mot-cua/core']),
    devDependencies: new Set(['@mot-cua/test-kit']),
  };
  const all = [web, core, db];

  it('fails on a deep import past the layer (what a path-only lint rule misses)', () => {
    const src = "import { seedDemo } from '@mot-cua/db/seed/index';\nimport { z } from 'zod';";
    expect(checkFile(web, '/repo/apps/web/src/x.tsx', src, all)).toEqual([
      {
        file: '/repo/apps/web/src/x.tsx',
        specifier: '@mot-cua/db/seed/index',
        reason: '@mot-cua/web may not import @mot-cua/db',
      },
    ]);
  });

  it('fails on a relative path into another package, and on an allowed but undeclared package', () => {
    const src = "export { x } from '../../../db/src/database.js';\nconst m = await import('@mot-cua/contracts');";
    expect(checkFile(core, '/repo/packages/core/src/a/b.ts', src, all).map((v) => v.reason)).toEqual([
      '@mot-cua/core may not import @mot-cua/db',
    ]);
    expect(checkFile(db, '/repo/packages/db/src/x.ts', "import type { A } from '@mot-cua/contracts';", all)).toEqual([
      {
        file: '/repo/packages/db/src/x.ts',
        specifier: '@mot-cua/contracts',
        reason: "@mot-cua/contracts is not declared in @mot-cua/db's package.json",
      },
    ]);
  });

  it('lets tests use devDependencies, and only tests', () => {
    const src = "import { createTestDb } from '@mot-cua/test-kit';";
    expect(checkFile(db, '/repo/packages/db/src/x.db.test.ts', src, all)).toEqual([]);
    expect(checkFile(db, '/repo/packages/db/src/x.ts', src, all)).toHaveLength(1);
  });

  it('reads static, type-only, re-export and dynamic imports', () => {
    expect(
      importsOf("import a from 'a';\nimport type { B } from \"b\";\nexport * from './c.js';\nawait import('d');"),
    ).toEqual(['a', 'b', './c.js', 'd']);
  });
});
