/**
 * An environment as its policies see it: every service's rendered objects (from the run's in-memory files,
 * or from disk for a service `recipe` kept as it is), its resolved config with origins, and each
 * namespace's resolved quota with the tenant.yaml line that set it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PolicyEnvironment, PolicyService, PolicyTenant, RenderedObject } from '@eleventh/platform';
import type { ConfigSet } from '../config/load';
import type { FileMap } from '../render/files';
import { serviceDir } from '../render/service';
import { isHandWrittenName } from '../write/paths';
import { GENERATED_HEADER } from '../model';
import { generatedValues } from './own-yaml';

export interface ViewInput {
  readonly environment: string;
  readonly config: ConfigSet;
  readonly services: ReadonlyArray<{ readonly name: string; readonly namespace: string }>;
  readonly files: FileMap;
  /** Service folders not in `files` because they are kept as they are on disk, read from `root`. */
  readonly kept?: ReadonlySet<string>;
  readonly root?: string;
  /**
   * The rendered services' objects by folder, as the render made them (plain JSON, sorted by file): used
   * instead of parsing that folder's YAML from `files`. Parsing gives the same objects; it only costs more.
   */
  readonly objects?: ReadonlyMap<string, readonly RenderedObject[]>;
}

/** The in-memory files grouped by folder (one pass; a lookup per service was a pass per service). */
type ByFolder = ReadonlyMap<string, Array<[string, string]>>;

function byFolder(files: FileMap): ByFolder {
  const out = new Map<string, Array<[string, string]>>();
  for (const entry of files) {
    const dir = entry[0].slice(0, entry[0].lastIndexOf('/'));
    const list = out.get(dir);
    if (list) list.push(entry);
    else out.set(dir, [entry]);
  }
  return out;
}

/** A Kubernetes object the policies look at (kustomizations are not). */
function isObject(o: unknown): o is Record<string, unknown> {
  return !!o && typeof o === 'object' && !Array.isArray(o) && (o as { kind?: unknown }).kind !== 'Kustomization';
}

function objectsOf(file: string, text: string): RenderedObject[] {
  return generatedValues(text, GENERATED_HEADER)
    .filter(isObject)
    .map((object) => ({ file, object }));
}

function filesOf(input: ViewInput, folders: ByFolder, dir: string): Array<[string, string]> {
  const inMemory = folders.get(dir) ?? [];
  if (inMemory.length > 0 || !input.kept?.has(dir) || !input.root) return inMemory;
  const abs = join(input.root, dir);
  if (!existsSync(abs)) return [];
  return readdirSync(abs).sort().filter((n) => n.endsWith('.yaml')).map((n) => [`${dir}/${n}`, readFileSync(join(abs, n), 'utf8')]);
}

function parsedObjects(input: ViewInput, folders: ByFolder, dir: string): RenderedObject[] {
  return filesOf(input, folders, dir)
    .filter(([p]) => p.endsWith('.yaml') && !isHandWrittenName(p) && !p.endsWith('/kustomization.yaml'))
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .flatMap(([p, text]) => objectsOf(p, text));
}

function serviceView(input: ViewInput, folders: () => ByFolder, name: string, namespace: string): PolicyService {
  const dir = serviceDir(input.environment, namespace, name);
  const objects = input.objects?.get(dir) ?? parsedObjects(input, folders(), dir);
  const { config, provenance } = input.config.service(input.environment, namespace, name);
  return {
    name,
    namespace,
    objects,
    config,
    origin: (key) => {
      const p = provenance.get(key);
      return p ? { file: p.file, ...(p.line !== undefined ? { line: p.line } : {}), ...(p.rank !== undefined ? { rank: p.rank } : {}) } : undefined;
    },
  };
}

export function environmentView(input: ViewInput): PolicyEnvironment {
  const { config, environment } = input;
  const sources = config.policySources(environment);
  const tenants: PolicyTenant[] = config.namespaces(environment).map((namespace) => ({
    namespace,
    quota: config.tenant(environment, namespace).quota,
    origin: (key) => sources.tenantOrigin(namespace, key),
    file: `environments/${environment}/${namespace}/tenant.yaml`,
  }));
  let folders: ByFolder | undefined;
  const lazyFolders = (): ByFolder => (folders ??= byFolder(input.files));
  const services = [...input.services].sort((a, b) => (a.name < b.name ? -1 : 1)).map((s) => serviceView(input, lazyFolders, s.name, s.namespace));
  return { environment, availability: config.environment(environment).availability, services, tenants };
}
