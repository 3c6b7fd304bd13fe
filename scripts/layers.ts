import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/**
 * The layer rule (docs/ARCHITECTURE.md), checked over the source: which workspace package may import which.
 * A package may import another only when the other is in this table AND declared in its package.json (tests and
 * test helpers may also use the devDependencies). Deep paths (`@mot-cua/db/seed/x`) count as the package, and a
 * relative path may not reach into another package's folder.
 */
export const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  '@mot-cua/contracts': [],
  '@mot-cua/config': [],
  '@mot-cua/core': ['@mot-cua/contracts'],
  '@mot-cua/db': ['@mot-cua/contracts', '@mot-cua/core', '@mot-cua/test-kit'],
  '@mot-cua/test-kit': ['@mot-cua/contracts', '@mot-cua/core', '@mot-cua/db'],
  '@mot-cua/api': [
    '@mot-cua/config',
    '@mot-cua/contracts',
    '@mot-cua/core',
    '@mot-cua/db',
    '@mot-cua/portal-sim',
    '@mot-cua/notify-sim',
    '@mot-cua/id-sim',
    '@mot-cua/pay-sim',
    '@mot-cua/test-kit',
  ],
  /** What the simulators share (fault modes, HTTP faults, append-only logs, /sim/mode); it imports nothing of ours. */
  '@mot-cua/sim-kit': [],
  /** The national portal simulator stands alone (the API starts it when no portal is configured). */
  '@mot-cua/portal-sim': ['@mot-cua/sim-kit'],
  /** The mail catcher and SMS gateway simulators stand alone too (started when no SMTP / SMS gateway is set). */
  '@mot-cua/notify-sim': ['@mot-cua/sim-kit'],
  /** The local OpenID Connect provider standing in for VNeID, alone too (started when OIDC_ISSUER is unset). */
  '@mot-cua/id-sim': [],
  /** The payment gateway simulator, alone too (started when PAYMENT_GATEWAY_URL is unset). */
  '@mot-cua/pay-sim': ['@mot-cua/sim-kit'],
  '@mot-cua/web': ['@mot-cua/contracts'],
};

export type Workspace = {
  name: string;
  dir: string;
  dependencies: ReadonlySet<string>;
  devDependencies: ReadonlySet<string>;
};
export type Violation = { file: string; specifier: string; reason: string };

const IMPORT = /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

/** Import and re-export specifiers of a source text (static and dynamic). */
export function importsOf(source: string): string[] {
  const out: string[] = [];
  for (const m of source.matchAll(IMPORT)) out.push((m[1] ?? m[2])!);
  return out;
}

/** Tests and test helpers may use a package's devDependencies. */
export const isTestFile = (file: string) =>
  /(\.test\.tsx?|[/\\]testing\.ts|test-helpers?\.ts|\.fixtures?\.ts)$/.test(file);

/** The violations of one file of a workspace, given every workspace (to resolve relative paths). */
export function checkFile(ws: Workspace, file: string, source: string, all: readonly Workspace[]): Violation[] {
  const out: Violation[] = [];
  const allowed = new Set(ALLOWED[ws.name] ?? []);
  for (const specifier of importsOf(source)) {
    let target: string | undefined;
    if (specifier.startsWith('@mot-cua/')) {
      target = specifier.split('/').slice(0, 2).join('/');
    } else if (specifier.startsWith('.')) {
      const abs = resolve(dirname(file), specifier);
      target = all.find((w) => abs === w.dir || abs.startsWith(w.dir + sep))?.name;
      if (!target || target === ws.name) continue;
    } else continue;
    if (target === ws.name) continue;
    if (!allowed.has(target)) {
      out.push({ file, specifier, reason: `${ws.name} may not import ${target}` });
    } else if (!ws.dependencies.has(target) && !(isTestFile(file) && ws.devDependencies.has(target))) {
      out.push({ file, specifier, reason: `${target} is not declared in ${ws.name}'s package.json` });
    }
  }
  return out;
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name === 'dist') continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...sourceFiles(p));
    else if (/\.tsx?$/.test(e.name)) out.push(p);
  }
  return out;
}

/** The workspaces of the repository at `root`, from their package.json. */
export function readWorkspaces(root: string): Workspace[] {
  return ['packages', 'apps'].flatMap((group) =>
    readdirSync(join(root, group), { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => {
        const dir = join(root, group, e.name);
        const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
          name: string;
          dependencies?: Record<string, string>;
          devDependencies?: Record<string, string>;
        };
        return {
          name: pkg.name,
          dir,
          dependencies: new Set(Object.keys(pkg.dependencies ?? {})),
          devDependencies: new Set(Object.keys(pkg.devDependencies ?? {})),
        };
      }),
  );
}

/** Every violation of the layer rule in the repository at `root`. */
export function checkLayers(root: string): Violation[] {
  const all = readWorkspaces(root);
  return all.flatMap((ws) =>
    sourceFiles(join(ws.dir, 'src')).flatMap((file) =>
      checkFile(ws, file, readFileSync(file, 'utf8'), all).map((v) => ({ ...v, file: relative(root, v.file) })),
    ),
  );
}
