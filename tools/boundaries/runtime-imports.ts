/**
 * The external packages a package's shipped code loads at run time. Starting from the package's entry
 * points (`main`, `exports`, `bin`, generator factories, migration implementations, the `eleventh.commands`
 * extension point, `plugin.js`), it follows every relative `import … from`, `export … from`, `require(…)`,
 * `require.resolve(…)`, `import(…)` and worker file (`join(__dirname, 'x.js')`), and collects the bare
 * specifiers on the way. Type-only imports load nothing and are skipped; specs and fixtures are never reached.
 * packages.spec.ts holds each package.json's `dependencies` + `peerDependencies` to this set.
 */
import { builtinModules } from 'node:module';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const SPECIFIERS = [
  /^\s*import\s+(?!type\b)[^'";]*?\bfrom\s+['"]([^'"]+)['"]/gm,
  /^\s*import\s+['"]([^'"]+)['"]/gm,
  /^\s*export\s+(?!type\b)[^'";]*?\bfrom\s+['"]([^'"]+)['"]/gm,
  /\brequire\(\s*['"]([^'"]+)['"]\s*\)/g,
  /\brequire\.resolve\(\s*['"]([^'"]+)['"]/g,
  /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
];
/** Worker and child-process entry files named next to the module: `join(__dirname, 'render-worker.js')`. */
const SIBLING_CALLS = /join\(__dirname,[^\n]*/g;
const QUOTED_FILE = /['"]([\w-][\w.-]*\.(?:ts|js))['"]/g;
const BUILTINS = new Set(builtinModules);
const EXTENSIONS = ['', '.ts', '.js', '/index.ts', '/index.js'];

/** `@scope/name/deep/path` → `@scope/name`; `name/deep` → `name`; relative paths and builtins → undefined. */
export function packageOf(specifier: string): string | undefined {
  if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:')) return undefined;
  const parts = specifier.split('/');
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
  return BUILTINS.has(name) ? undefined : name;
}

function resolveFile(base: string): string | undefined {
  for (const ext of EXTENSIONS) {
    const candidate = base + ext;
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

function exportTargets(exports: unknown): string[] {
  if (typeof exports === 'string') return [exports];
  if (exports && typeof exports === 'object') return Object.values(exports).flatMap(exportTargets);
  return [];
}

function collectionEntries(packageDir: string, file: unknown, key: 'factory' | 'implementation'): string[] {
  if (typeof file !== 'string') return [];
  const collection = JSON.parse(readFileSync(join(packageDir, file), 'utf8'));
  const entries = Object.values({ ...collection.generators, ...collection.schematics }) as Array<Record<string, unknown>>;
  return entries.map((e) => e[key]).filter((v): v is string => typeof v === 'string');
}

/** The package's entry files, as package.json, its collections and its extension points name them. */
export function entryPoints(packageDir: string): string[] {
  const pkg = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
  const named = [
    pkg.main,
    ...exportTargets(pkg.exports),
    ...(typeof pkg.bin === 'string' ? [pkg.bin] : Object.values(pkg.bin ?? {})),
    ...Object.values(pkg.eleventh?.commands ?? {}),
    ...collectionEntries(packageDir, pkg.generators, 'factory'),
    ...collectionEntries(packageDir, pkg['nx-migrations']?.migrations, 'implementation'),
  ].filter((v): v is string => typeof v === 'string' && /(\.(ts|js)|\/[\w-]+)$/.test(v));
  return [...new Set(named.map((p) => resolveFile(resolve(packageDir, p))).filter((f): f is string => f !== undefined))];
}

/** Package name → the first file (relative to `packageDir`) that loads it, sorted by name. */
export function runtimeImports(packageDir: string): Map<string, string> {
  const self = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')).name as string;
  const found = new Map<string, string>();
  const seen = new Set<string>();
  const queue = entryPoints(packageDir);
  while (queue.length > 0) {
    const file = queue.shift() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(file, 'utf8').replace(/^\s*(\/\/|\*|\/\*).*$/gm, '');
    for (const pattern of SPECIFIERS) {
      for (const [, specifier] of text.matchAll(pattern)) {
        if (specifier.startsWith('.')) {
          const target = resolveFile(resolve(dirname(file), specifier));
          if (target && !target.endsWith('.json')) queue.push(target);
          continue;
        }
        if (specifier.includes('${')) continue; // source text a fixture writes, not an import
        const pkg = packageOf(specifier);
        if (pkg && pkg !== self && !found.has(pkg)) found.set(pkg, relative(packageDir, file));
      }
    }
    for (const [call] of text.matchAll(SIBLING_CALLS)) {
      for (const [, sibling] of call.matchAll(QUOTED_FILE)) {
        const target = resolveFile(join(dirname(file), sibling));
        if (target) queue.push(target);
      }
    }
  }
  return new Map([...found].sort(([a], [b]) => a.localeCompare(b)));
}
