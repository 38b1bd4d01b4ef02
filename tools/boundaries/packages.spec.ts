/**
 * The three packages install as published: each package.json declares exactly what its shipped code loads
 * at run time (runtime-imports.ts walks it from the package's entry points), pinned like this repository
 * pins it, and the three move together at one version.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageOf, runtimeImports } from './runtime-imports';

const REPO = join(__dirname, '..', '..');
const PACKAGES = { '@eleventh/cli': 'tools/eleventh', '@eleventh/platform': 'platform', '@eleventh/nx': 'generators' } as const;
/**
 * Packages loaded by a name the code computes, which no import statement shows: the engine loads the kit
 * through load/kit.ts (`require.resolve('@eleventh/platform')`) and `eleventh new` through the extension
 * point (load/extension.ts, an optional peer).
 */
const LOADED_BY_NAME: Readonly<Record<string, readonly string[]>> = { '@eleventh/cli': ['@eleventh/nx', '@eleventh/platform'] };
/**
 * What the user's own code shares with a package (one copy in the repository): peers, never dependencies.
 * (ajv is a dependency of @eleventh/cli, not a peer: the engine validates every hand-written file with it.)
 */
const PEERS: Readonly<Record<string, readonly string[]>> = {
  '@eleventh/cli': ['@eleventh/nx', '@nx/devkit', 'nx'],
  '@eleventh/platform': ['@kubernetes-models/base', 'kubernetes-models'],
  '@eleventh/nx': ['@nx/devkit', 'nx'],
};

type Manifest = { name: string; version: string; dependencies?: Record<string, string>; peerDependencies?: Record<string, string> };
const read = (path: string): Manifest => JSON.parse(readFileSync(join(REPO, path), 'utf8'));
const root = read('package.json') as Manifest & { devDependencies: Record<string, string> };

describe.each(Object.entries(PACKAGES))('%s (%s)', (name, dir) => {
  const pkg = read(join(dir, 'package.json'));
  const declared = { ...pkg.dependencies, ...pkg.peerDependencies };

  it('declares exactly the packages its shipped code loads', () => {
    const loaded = [...runtimeImports(join(REPO, dir)).keys(), ...(LOADED_BY_NAME[name] ?? [])];
    expect(Object.keys(declared).sort()).toEqual([...new Set(loaded)].sort());
  });

  it('shares nx and kubernetes-models with the repository as peers', () => {
    expect(Object.keys(pkg.peerDependencies ?? {}).sort()).toEqual([...PEERS[name]].sort());
  });

  it('pins each dependency exactly as this repository does, the Eleventh packages at their one version', () => {
    for (const [dep, spec] of Object.entries(pkg.dependencies ?? {})) {
      const expected = dep in PACKAGES ? read(join(PACKAGES[dep as keyof typeof PACKAGES], 'package.json')).version : root.devDependencies[dep];
      expect(spec, dep).toBe(expected);
    }
    for (const [dep, range] of Object.entries(pkg.peerDependencies ?? {})) {
      const pinned = dep in PACKAGES ? pkg.version : root.devDependencies[dep];
      expect(range, dep).toBe(dep in PACKAGES ? pinned : `^${pinned}`);
    }
  });

  it('is at the version of the other two', () => {
    expect(pkg.version).toBe(read('generators/package.json').version);
    expect(pkg.version).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

describe('runtime-imports', () => {
  it.each([
    ['@nx/devkit', '@nx/devkit'],
    ['nx/src/generators/tree', 'nx'],
    ['@scope/name/deep/file', '@scope/name'],
    ['node:fs', undefined],
    ['fs', undefined],
    ['./local', undefined],
  ])('%s is package %s', (specifier, pkg) => {
    expect(packageOf(specifier)).toBe(pkg);
  });

  it('follows the entry points: a spec-only or fixture-only package (vitest, playwright-core) is not a run-time import', () => {
    const cli = runtimeImports(join(REPO, 'tools/eleventh'));
    expect(cli.get('nx')).toBe('src/pins/graph-worker.ts'); // reached only through join(__dirname, 'graph-worker.ts')
    expect(cli.has('vitest')).toBe(false);
    expect(cli.has('playwright-core')).toBe(false);
    expect(runtimeImports(join(REPO, 'generators')).get('nx')).toBe('src/new-repo/new-repo.ts'); // through "eleventh.commands"
  });
});

describe('@eleventh/nx migrations.json', () => {
  const nx = read('generators/package.json') as Manifest & { 'nx-migrations': { migrations: string; packageGroup: string[] } };
  const migrations = JSON.parse(readFileSync(join(REPO, 'generators', nx['nx-migrations'].migrations), 'utf8')).generators as Record<string, { version: string; implementation: string }>;
  const semver = (v: string): number[] => v.split('.').map(Number);
  const atMost = (a: string, b: string): boolean => {
    const [x, y] = [semver(a), semver(b)];
    for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i] < y[i];
    return true;
  };

  it.each(Object.entries(migrations))('%s is reached by `nx migrate @eleventh/nx@<this version>` and exists', (name, m) => {
    expect(m.version, name).toMatch(/^\d+\.\d+\.\d+$/);
    expect(atMost(m.version, nx.version), `${name} ${m.version} ≤ ${nx.version}`).toBe(true);
    expect(atMost(m.version, '0.1.0'), `${name} ${m.version} > 0.1.0, the first release`).toBe(false);
    expect(['.ts', '.js'].some((ext) => existsSync(join(REPO, 'generators', `${m.implementation}${ext}`))), m.implementation).toBe(true);
  });

  it('moves the CLI and the platform with it', () => {
    expect(nx['nx-migrations'].packageGroup.sort()).toEqual(['@eleventh/cli', '@eleventh/platform']);
  });
});
