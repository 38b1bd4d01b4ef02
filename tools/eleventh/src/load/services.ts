/**
 * Reads each service's `deploy.ts`: its declared name, namespace and type (cached on disk by the file's
 * hash, so an unchanged service is not executed), and, when it must be rendered, its ServiceDefinition.
 */
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { ServiceDefinition, ServiceType } from '@eleventh/platform';
import { ConfigError } from '../errors';
import { onceFromRoot, requireFromRoot } from './source-root';
import { checkHandWritten } from '../hand-written/read';
import { loadKit } from './kit';
import { contained } from './contain';
import { engineCacheFile, writeCacheFile } from './engine-cache';

export interface ServiceHeader {
  readonly name: string;
  readonly namespace: string;
  readonly type: ServiceType;
  /** Repository-relative `services/<name>/deploy.ts`. */
  readonly deployFile: string;
  /** git blob id of deploy.ts (as `git hash-object` computes it): part of the manifest identity. */
  readonly deployHash: string;
}

interface HeaderMeta {
  name: string;
  namespace: string;
  type: ServiceType;
}

interface SpecCache {
  [deployHash: string]: HeaderMeta;
}

/** A loaded deploy.ts's cache entry: its blob id and what it declares. */
export type HeaderEntry = readonly [deployHash: string, meta: HeaderMeta];

const cacheFile = (): string => engineCacheFile('service-headers.json');

function readCache(): SpecCache {
  try {
    return JSON.parse(readFileSync(cacheFile(), 'utf8')) as SpecCache;
  } catch {
    return {};
  }
}

function writeCache(cache: SpecCache): void {
  writeCacheFile(cacheFile(), JSON.stringify(cache));
}

/**
 * Execute `deploy.ts` (contained: time limit, no process.exit, errors name the file and line) and return its
 * default export, checked to be a ServiceDefinition.
 */
export function loadDefinition(root: string, deployFile: string, checked = false): ServiceDefinition {
  const absFile = join(root, deployFile);
  // Node caches the module: a second require runs none of its code, so the guard around it (a V8 watchdog,
  // ~0.4 ms) and the checks are paid once per file and process, not once per environment it renders into.
  return onceFromRoot(root, `definition:${deployFile}`, () => loadOnce(root, deployFile, absFile, checked));
}

/** `checked`: the caller has just checked the file with checkHandWritten, in this thread. */
function loadOnce(root: string, deployFile: string, absFile: string, checked: boolean): ServiceDefinition {
  loadKit(root); // the kit's own first load is not the service's time
  // A deploy.ts linked out of the repository, or to a device, is refused before it is read or run.
  if (!checked) checkHandWritten(root, deployFile);
  const exported = contained(deployFile, absFile, 'load', () => requireFromRoot<{ default?: unknown } | null>(root, absFile));
  const def = exported?.default as Partial<ServiceDefinition> | undefined;
  if (!def || def.kind !== 'eleventh.dev/service' || typeof def.render !== 'function' || !def.spec) {
    const got = def === undefined ? 'no default export' : `a default export that is ${typeof def === 'object' ? 'not' : `a ${typeof def}, not`} a service definition`;
    throw new ConfigError({ file: deployFile }, got, 'export default defineService({ name, namespace, type })');
  }
  return def as ServiceDefinition;
}

/** The git blob id of `content` (sha1 over `blob <size>\0<content>`), as `git hash-object` prints it. */
export function blobId(content: Buffer): string {
  return createHash('sha1').update(`blob ${content.length}\0`).update(content).digest('hex');
}

/**
 * Read every service's header; executes only deploy.ts files not seen before. `cleanBlob` gives the blob id of
 * a committed, unmodified file, so unchanged deploy.ts files are not even read.
 */
export function readServiceHeaders(
  root: string,
  services: ReadonlyArray<{ name: string; root: string }>,
  cleanBlob: (path: string) => string | undefined = () => undefined,
): ServiceHeader[] {
  const cache = readCache();
  let dirty = false;
  const headers = services.map((svc) => {
    const deployFile = `${svc.root}/deploy.ts`;
    const deployHash = cleanBlob(deployFile) ?? (checkHandWritten(root, deployFile), blobId(readFileSync(join(root, deployFile))));
    let meta = cache[deployHash];
    if (!meta) {
      const spec = loadDefinition(root, deployFile).spec;
      meta = { name: spec.name, namespace: spec.namespace, type: spec.type };
      cache[deployHash] = meta;
      dirty = true;
    }
    if (meta.name !== svc.name) {
      throw new ConfigError({ file: deployFile }, `service name '${meta.name}' does not match its folder '${svc.name}'`, `name: '${svc.name}'`);
    }
    return { ...meta, deployFile, deployHash };
  });
  if (dirty) writeCache(cache);
  return headers;
}

/** How many deploy.ts headers the cache holds (the warm-up's test for a cold cache). */
export function cachedHeaderCount(): number {
  return Object.keys(readCache()).length;
}

/**
 * The warm-up's header reads (engine/warm-up.ts): load each of `files` (type-checked already) and return what
 * it declares. A file that fails to load is left out: the run's own read reports it. `checked`: the blob ids of
 * files this thread has just checked with checkHandWritten and read (the warm-up's type-check), not read again.
 */
export function headerEntries(root: string, files: readonly string[], checked: ReadonlyMap<string, string> = new Map()): HeaderEntry[] {
  const out: HeaderEntry[] = [];
  for (const deployFile of files) {
    try {
      const known = checked.get(deployFile);
      const deployHash = known ?? blobId(readFileSync(join(root, deployFile)));
      const { name, namespace, type } = loadDefinition(root, deployFile, known !== undefined).spec;
      out.push([deployHash, { name, namespace, type }]);
    } catch {
      /* reported by the run's own read */
    }
  }
  return out;
}

/** Add headers read elsewhere (the warm-up's workers) to the cache. */
export function recordHeaders(entries: readonly HeaderEntry[]): void {
  if (entries.length === 0) return;
  const cache = readCache();
  for (const [hash, meta] of entries) cache[hash] = meta;
  writeCache(cache);
}
