/**
 * Locked versions in package-lock.json at any commit, read through one `git cat-file --batch` and
 * parsed once per distinct blob.
 */
import { CatFile } from './cat-file';

export const LOCKFILE = 'package-lock.json';

interface LockJson {
  readonly packages?: Record<string, { version?: string }>;
  readonly dependencies?: Record<string, { version?: string }>;
}

/** package name → hoisted locked version (lockfile v2/v3 `packages`, v1 `dependencies`). */
export function lockedVersions(text: string): Map<string, string> {
  const versions = new Map<string, string>();
  let lock: LockJson;
  try {
    lock = JSON.parse(text) as LockJson;
  } catch {
    return versions;
  }
  for (const [name, entry] of Object.entries(lock.dependencies ?? {})) {
    if (entry?.version) versions.set(name, entry.version);
  }
  for (const [key, entry] of Object.entries(lock.packages ?? {})) {
    if (!key.startsWith('node_modules/') || !entry?.version) continue;
    const name = key.slice('node_modules/'.length);
    if (!name.includes('/node_modules/')) versions.set(name, entry.version);
  }
  return versions;
}

export class LockfileReader {
  private readonly cat: CatFile;
  private readonly parsed = new Map<string, Map<string, string>>();

  constructor(root: string) {
    this.cat = new CatFile(root);
  }

  /** Locked versions at `rev` (empty when the commit or the lockfile does not exist). */
  async at(rev: string): Promise<ReadonlyMap<string, string>> {
    const blob = await this.cat.read(`${rev}:${LOCKFILE}`);
    if (!blob) return new Map();
    let versions = this.parsed.get(blob.oid);
    if (!versions) {
      versions = lockedVersions(blob.content.toString('utf8'));
      this.parsed.set(blob.oid, versions);
    }
    return versions;
  }

  /** Packages among `names` whose locked version differs between `commit`'s first parent and `commit`. */
  async changedIn(commit: string, names: Iterable<string>): Promise<Set<string>> {
    const [after, before] = await Promise.all([this.at(commit), this.at(`${commit}^1`)]);
    const changed = new Set<string>();
    for (const name of names) if (after.get(name) !== before.get(name)) changed.add(name);
    return changed;
  }

  close(): void {
    this.cat.close();
  }
}
