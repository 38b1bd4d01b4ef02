/**
 * The SBOM input of a pin, from the same data the pin is computed from: the service's image inputs in the
 * Nx graph (its libraries, the npm packages its code imports) and package-lock.json at the pin (exact
 * versions, integrity, resolved URL); the time is the pin commit's committer time.
 */
import { git, gitText } from '../../git/run';
import type { GraphInputs, ServiceInputs } from '../../pins/inputs';
import { LOCKFILE } from '../../pins/lockfile';
import type { LockedPackage, SbomInput, SbomLibrary } from './model';

export interface LockEntry {
  readonly version?: string;
  readonly integrity?: string;
  readonly resolved?: string;
}

/** The `packages` of a package-lock.json text, node_modules entries only (empty when it is not JSON). */
export function parseLockEntries(text: string): Map<string, LockEntry> {
  const out = new Map<string, LockEntry>();
  try {
    const lock = JSON.parse(text) as { packages?: Record<string, LockEntry> };
    for (const [key, entry] of Object.entries(lock.packages ?? {})) if (key.includes('node_modules/')) out.set(key, entry);
  } catch {
    // not JSON: no locked data to add (the pin's inputs already say 'unlocked')
  }
  return out;
}

/** package-lock.json's `packages` at `rev` (empty when the commit has no lockfile). */
export function lockEntriesAt(root: string, rev: string): Map<string, LockEntry> {
  const res = git(['show', `${rev}:${LOCKFILE}`], { cwd: root, okCodes: [0, 128] });
  return res.status === 0 ? parseLockEntries(res.stdout) : new Map();
}

/** Each entries map's keys sorted once: a nested package is looked up by key order (the first match wins). */
const sortedKeys = new WeakMap<ReadonlyMap<string, LockEntry>, Array<[string, LockEntry]>>();
function sorted(entries: ReadonlyMap<string, LockEntry>): Array<[string, LockEntry]> {
  let list = sortedKeys.get(entries);
  if (!list) sortedKeys.set(entries, (list = [...entries].sort(([a], [b]) => (a < b ? -1 : 1))));
  return list;
}

/** The lockfile entry of `name@version`: the hoisted one when it has that version, else a nested one. */
export function lockedPackage(entries: ReadonlyMap<string, LockEntry>, name: string, version: string): LockedPackage {
  let hit = entries.get(`node_modules/${name}`);
  if (hit?.version !== version) hit = sorted(entries).find(([k, e]) => k.endsWith(`node_modules/${name}`) && e.version === version)?.[1];
  return { name, version, ...(hit?.integrity ? { integrity: hit.integrity } : {}), ...(hit?.resolved ? { resolved: hit.resolved } : {}) };
}

/** The lockfile entry of `name@version` when the lockfile has one with an integrity hash, else undefined. */
export function lockedIfPresent(entries: ReadonlyMap<string, LockEntry>, name: string, version: string): LockedPackage | undefined {
  const p = lockedPackage(entries, name, version);
  return p.integrity ? p : undefined;
}

/** The pin commit's committer time as ISO 8601 UTC, to the second. */
export function commitTime(root: string, pin: string): string {
  const seconds = Number(gitText(['show', '-s', '--format=%ct', pin], { cwd: root }));
  return new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function librariesOf(graph: GraphInputs, service: ServiceInputs): SbomLibrary[] {
  return service.projects.filter((p) => p !== service.name).map((name) => ({ name, root: graph.roots.get(name) ?? name }));
}

export interface PinOf {
  readonly commit: string;
  readonly inputs?: string;
}

/** The SBOM input of `service` at `pin` (its image inputs are those of HEAD's graph: equal at the pin, by its definition). */
export function sbomInputFor(root: string, graph: GraphInputs, service: ServiceInputs, pin: PinOf, base?: string, entries = lockEntriesAt(root, pin.commit)): SbomInput {
  return {
    service: service.name,
    pin: pin.commit,
    time: commitTime(root, pin.commit),
    ...(pin.inputs ? { inputs: pin.inputs } : {}),
    packages: service.externals.filter((e) => e.version !== 'unlocked').map((e) => lockedPackage(entries, e.name, e.version)),
    libraries: librariesOf(graph, service),
    ...(base ? { base } : {}),
  };
}
