/**
 * One cluster bootstrap: `environments/<env>/_flux/` (rendered from environment.yaml) is the only owner of
 * the Flux GitRepository `flux-system/eleventh` and of the Kustomization that applies `_flux/`. Any YAML
 * under `clusters/` that defines either again (what `nx g @eleventh/nx:environment` wrote before) is a
 * second owner: two controllers fight over the same objects. `findSecondOwners` works on text so the
 * generators can run it on an Nx Tree; `secondBootstrapOwners` is the verify rule over the disk.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { finding, type Finding } from '../../findings';
import { walkScope } from '../../write/walk';

export const CLUSTERS_DIR = 'clusters';
const SOURCE_NAME = 'eleventh';
const FLUX_NAMESPACE = 'flux-system';
const FLUX_PATH = /^(?:\.\/)?environments\/([^/]+)\/_flux\/?$/;

export interface SecondOwner {
  /** Repository-relative file that defines the object. */
  readonly file: string;
  /** The environment whose `_flux/` already owns the object. */
  readonly environment: string;
  /** `Kustomization flux-system/eleventh`, `GitRepository flux-system/eleventh`. */
  readonly object: string;
}

interface FluxObject {
  readonly apiVersion?: unknown;
  readonly kind?: unknown;
  readonly metadata?: { readonly name?: unknown; readonly namespace?: unknown };
  readonly spec?: { readonly path?: unknown };
}

function objectsIn(text: string): FluxObject[] {
  try {
    return parseAllDocuments(text)
      .flatMap((d) => ('toJS' in d ? [d.toJS() as unknown] : []))
      .filter((o): o is FluxObject => !!o && typeof o === 'object' && !Array.isArray(o));
  } catch {
    return []; // not YAML: not a Flux object either
  }
}

const isKind = (o: FluxObject, group: string, kind: string): boolean =>
  o.kind === kind && typeof o.apiVersion === 'string' && o.apiVersion.startsWith(`${group}/`);

function describe(o: FluxObject): string {
  const ns = typeof o.metadata?.namespace === 'string' ? o.metadata.namespace : FLUX_NAMESPACE;
  return `${String(o.kind)} ${ns}/${String(o.metadata?.name)}`;
}

/** The `_flux/` environment a Kustomization applies, if it applies one. */
function fluxEnvironment(o: FluxObject): string | undefined {
  if (!isKind(o, 'kustomize.toolkit.fluxcd.io', 'Kustomization') || typeof o.spec?.path !== 'string') return undefined;
  return FLUX_PATH.exec(o.spec.path)?.[1];
}

function isEleventhSource(o: FluxObject): boolean {
  const ns = o.metadata?.namespace;
  return isKind(o, 'source.toolkit.fluxcd.io', 'GitRepository') && o.metadata?.name === SOURCE_NAME && (ns === undefined || ns === FLUX_NAMESPACE);
}

/**
 * The second owners in one file. A GitRepository names no environment: it belongs to the environment a
 * Kustomization in the same file applies, else to the one its `clusters/<name>/` folder is named after.
 */
export function findSecondOwners(file: string, text: string): SecondOwner[] {
  const objects = objectsIn(text);
  const folder = file.split('/')[1] ?? file;
  const applied = objects.map(fluxEnvironment).find((e) => e !== undefined);
  return objects.flatMap((o): SecondOwner[] => {
    const env = fluxEnvironment(o);
    if (env !== undefined) return [{ file, environment: env, object: describe(o) }];
    if (isEleventhSource(o)) return [{ file, environment: applied ?? folder, object: describe(o) }];
    return [];
  });
}

export const SECOND_OWNER_RULE = 'bootstrap/second-owner';

const secondOwnerMessage = (s: SecondOwner): string =>
  `second owner of ${s.object} (expected only environments/${s.environment}/_flux; run nx g @eleventh/nx:migrate-bootstrap)`;

export function formatSecondOwner(s: SecondOwner): string {
  return `${s.file}: ${secondOwnerMessage(s)}`;
}

/** Every YAML file under `clusters/` as (path, text), sorted. */
function clusterYaml(root: string): Array<readonly [string, string]> {
  return [...walkScope(root, [CLUSTERS_DIR]).files]
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => [f, readFileSync(join(root, f), 'utf8')] as const);
}

const clusterFolder = (file: string): string => file.split('/').slice(0, 2).join('/');

/** Second owners in a set of files; a GitRepository takes the environment applied anywhere in its `clusters/<name>/`. */
export function secondOwnersIn(files: ReadonlyArray<readonly [string, string]>): SecondOwner[] {
  const found = files.flatMap(([file, text]) => findSecondOwners(file, text));
  const appliedIn = new Map<string, string>();
  for (const s of found) if (!s.object.startsWith('GitRepository') && !appliedIn.has(clusterFolder(s.file))) appliedIn.set(clusterFolder(s.file), s.environment);
  return found.map((s) => (s.object.startsWith('GitRepository') ? { ...s, environment: appliedIn.get(clusterFolder(s.file)) ?? s.environment } : s));
}

const ownersOnDisk = (root: string, envs?: readonly string[]): SecondOwner[] => secondOwnersIn(clusterYaml(root)).filter((s) => !envs || envs.includes(s.environment));

/** Verify rule: every second owner of a rendered `_flux/` under `clusters/` (only `envs`' when given). */
export function secondBootstrapOwnerFindings(root: string, envs?: readonly string[]): Finding[] {
  return ownersOnDisk(root, envs).map((s) => finding(s.file, SECOND_OWNER_RULE, secondOwnerMessage(s)));
}

/** The same as text lines (what the migrate-bootstrap generator prints). */
export function secondBootstrapOwners(root: string, envs?: readonly string[]): string[] {
  return ownersOnDisk(root, envs).map(formatSecondOwner);
}
