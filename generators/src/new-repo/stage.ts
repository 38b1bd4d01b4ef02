/**
 * A package as it is published: a copy of its folder where every TypeScript module also has a CommonJS
 * `.js` sibling (SWC) and `main` points at it. Nx loads plugins and generators from node_modules through
 * @swc-node/register, which skips node_modules, so an installed package must not need a TS loader.
 * The `.ts` sources stay (`types`, and the engine's own loader); templates under `files/` are not touched.
 * This is the one packing path: `eleventh new` (vendor.ts) and the packaging spec both go through it.
 */
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { transformSync } from '@swc/core';

function transpileTree(dir: string): number {
  let count = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'files' && entry.name !== 'node_modules') count += transpileTree(full);
    } else if (/\.ts$/.test(entry.name) && !/\.(d|spec)\.ts$/.test(entry.name)) {
      const { code } = transformSync(readFileSync(full, 'utf8'), {
        filename: full,
        module: { type: 'commonjs' },
        jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
        swcrc: false,
        configFile: false,
      });
      writeFileSync(full.replace(/\.ts$/, '.js'), code);
      count += 1;
    }
  }
  return count;
}

/** A package.json target with `.ts` pointed at its `.js` sibling; `exports` maps are walked. */
function toJs(target: unknown): unknown {
  if (typeof target === 'string') return target.replace(/\.ts$/, '.js');
  if (target && typeof target === 'object') return Object.fromEntries(Object.entries(target).map(([k, v]) => [k, toJs(v)]));
  return target;
}

/** The Eleventh packages' specs of each other (`dependencies`, `peerDependencies`) set to `version`. */
function relabel(pkg: Record<string, unknown>, version: string): void {
  pkg.version = version;
  for (const field of ['dependencies', 'peerDependencies'] as const) {
    const deps = pkg[field] as Record<string, string> | undefined;
    for (const name of Object.keys(deps ?? {})) if (name.startsWith('@eleventh/') && deps) deps[name] = version;
  }
}

/**
 * Copy `pkgDir` into `stageRoot/<name>`, add the `.js` siblings, point `main` and `exports` at JavaScript.
 * With `version`, the copy is that version (and so are its Eleventh dependencies): the upgrade spec makes
 * a repository of an earlier release from it.
 */
export function stagePackage(pkgDir: string, stageRoot: string, version?: string): string {
  const dest = join(stageRoot, basename(pkgDir));
  cpSync(pkgDir, dest, { recursive: true, filter: (src) => basename(src) !== 'node_modules' });
  transpileTree(dest);
  const pkgFile = join(dest, 'package.json');
  const pkg = JSON.parse(readFileSync(pkgFile, 'utf8'));
  if (pkg.main !== undefined) pkg.main = toJs(pkg.main);
  if (pkg.exports !== undefined) pkg.exports = toJs(pkg.exports);
  if (version !== undefined) relabel(pkg, version);
  writeFileSync(pkgFile, `${JSON.stringify(pkg, null, 2)}\n`);
  return dest;
}
