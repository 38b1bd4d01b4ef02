/**
 * The packages a source root's kit runs with, by name and version: its package's dependencies and peer
 * dependencies, and theirs, as Node would find them (the kit's folder upwards, then the engine's own
 * node_modules, which a worktree without node_modules falls back to: load/source-root.ts). A new
 * kubernetes-models changes `validate()`, so a remembered check (passed-checks.ts) must not outlive it.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { kitEntry } from '../load/kit';

interface PackageJson {
  readonly name?: string;
  readonly version?: string;
  readonly dependencies?: Record<string, string>;
  readonly peerDependencies?: Record<string, string>;
  readonly optionalDependencies?: Record<string, string>;
}

function readPackage(file: string): PackageJson | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as PackageJson;
  } catch {
    return undefined;
  }
}

/** The nearest folder at or above `dir` with a package.json. */
function packageDirOf(dir: string): string | undefined {
  for (let d = dir; ; d = dirname(d)) {
    if (existsSync(join(d, 'package.json'))) return d;
    if (dirname(d) === d) return undefined;
  }
}

/** `name`'s folder as Node looks it up from `from`, else from the engine. */
function findPackage(name: string, from: string): string | undefined {
  for (const start of [from, __dirname]) {
    for (let d = start; ; d = dirname(d)) {
      const candidate = join(d, 'node_modules', name);
      if (existsSync(join(candidate, 'package.json'))) return candidate;
      if (dirname(d) === d) break;
    }
  }
  return undefined;
}

const identities = new Map<string, string>();

/** sha256 over `name@version` of every package in the kit's dependency closure, sorted. */
export function kitPackagesIdentity(sourceRoot: string): string {
  const kitDir = packageDirOf(dirname(kitEntry(sourceRoot)));
  const known = identities.get(kitDir ?? '');
  if (known) return known;
  const seen = new Map<string, string>();
  const walk = (dir: string): void => {
    const pkg = readPackage(join(dir, 'package.json'));
    if (!pkg) return;
    const deps = { ...pkg.optionalDependencies, ...pkg.peerDependencies, ...pkg.dependencies };
    for (const name of Object.keys(deps)) {
      const found = findPackage(name, dir);
      const key = `${name}\0${found ?? ''}`;
      if (seen.has(key)) continue;
      const version = found ? readPackage(join(found, 'package.json'))?.version : undefined;
      seen.set(key, `${name}@${version ?? 'missing'}`);
      if (found) walk(found);
    }
  };
  if (kitDir) walk(kitDir);
  const id = createHash('sha256').update([...new Set(seen.values())].sort().join('\n')).digest('hex');
  identities.set(kitDir ?? '', id);
  return id;
}
