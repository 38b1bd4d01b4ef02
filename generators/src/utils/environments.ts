/**
 * Reading the hand-written environments tree (environments/<env>/environment.yaml,
 * environments/<env>/<ns>/tenant.yaml) from a Tree, so generators see their own pending writes.
 */
import type { Tree } from '@nx/devkit';
import { parse } from 'yaml';
import { GeneratorError } from './errors';

export const ENVIRONMENTS_DIR = 'environments';

export interface EnvironmentFile {
  readonly name: string;
  /** Repository-relative path of its environment.yaml. */
  readonly path: string;
  /** The parsed file (`{}` for an empty one). */
  readonly doc: Readonly<Record<string, unknown>>;
  readonly extends?: string;
}

export function environmentPath(env: string): string {
  return `${ENVIRONMENTS_DIR}/${env}/environment.yaml`;
}

export function tenantPath(env: string, ns: string): string {
  return `${ENVIRONMENTS_DIR}/${env}/${ns}/tenant.yaml`;
}

/** Parse a YAML map from the tree; an empty file is `{}`. */
export function readYamlMap(tree: Tree, path: string): Record<string, unknown> {
  const text = tree.read(path, 'utf8');
  if (text === null) throw new GeneratorError(path, 'does not exist');
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (err) {
    throw new GeneratorError(path, `is not valid YAML: ${(err as Error).message.split('\n')[0]}`);
  }
  if (doc === null || doc === undefined) return {};
  if (typeof doc !== 'object' || Array.isArray(doc)) throw new GeneratorError(path, 'is not a map', 'a YAML map');
  return doc as Record<string, unknown>;
}

/** Every environment (a folder with an environment.yaml), sorted by name. */
export function listEnvironments(tree: Tree): EnvironmentFile[] {
  if (!tree.exists(ENVIRONMENTS_DIR)) return [];
  return tree
    .children(ENVIRONMENTS_DIR)
    .filter((name) => !name.startsWith('_') && tree.exists(environmentPath(name)))
    .sort()
    .map((name) => {
      const path = environmentPath(name);
      const doc = readYamlMap(tree, path);
      return { name, path, doc, extends: typeof doc.extends === 'string' ? doc.extends : undefined };
    });
}

/** The one environment without `extends`: the root every other one states its differences from. */
export function rootEnvironment(tree: Tree, environments = listEnvironments(tree)): EnvironmentFile {
  const roots = environments.filter((env) => env.extends === undefined);
  if (roots.length !== 1) {
    const found = roots.length === 0 ? 'none' : roots.map((r) => r.name).join(', ');
    throw new GeneratorError(
      ENVIRONMENTS_DIR,
      `found ${roots.length === 0 ? 'no' : 'several'} root environments (${found})`,
      "exactly one environment.yaml without 'extends'",
    );
  }
  return roots[0];
}

/** The namespaces of an environment: its sub-folders that hold a tenant.yaml, sorted. */
export function listNamespaces(tree: Tree, env: string): string[] {
  const dir = `${ENVIRONMENTS_DIR}/${env}`;
  return tree
    .children(dir)
    .filter((name) => !name.startsWith('_') && tree.exists(tenantPath(env, name)))
    .sort();
}

/** The namespace's owning team, from the root environment's tenant.yaml. */
export function namespaceTeam(tree: Tree, ns: string): string {
  const root = rootEnvironment(tree);
  const path = tenantPath(root.name, ns);
  if (!tree.exists(path)) {
    throw new GeneratorError(path, `namespace '${ns}' does not exist`, 'a namespace created by `nx g @eleventh/nx:namespace`');
  }
  const team = readYamlMap(tree, path).team;
  if (typeof team !== 'string' || team === '') {
    throw new GeneratorError(path, `has no 'team'`, 'the owning team, e.g. team: payments-team');
  }
  return team;
}
