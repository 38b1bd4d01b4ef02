import type { Tree } from '@nx/devkit';
import { clusterYamlFiles } from '../../../utils/clusters';
import { GeneratorError } from '../../../utils/errors';
import { assertName } from '../../../utils/names';
import { ENVIRONMENTS_DIR, environmentPath, listEnvironments, listNamespaces, type EnvironmentFile } from '../../../utils/environments';
import { secondOwnersIn } from '@eleventh/cli';
import { REGISTRY_EXPECTED, registryProblem } from '@eleventh/platform';
import type { EnvironmentGeneratorSchema } from '../schema';
import { resolveRelease, type Release } from './release-mode';

export interface GitSource {
  readonly url: string;
  readonly branch: string;
}

export interface NormalizedEnvironmentOptions {
  readonly name: string;
  /** Undefined for the root environment. */
  readonly extends?: string;
  readonly ops: boolean;
  /** Follows main, promoted (promotion.from/tags) or a mirror (promotion.mirrorOf). */
  readonly release: Release;
  /** Said in the log: the mode chosen for the user, when it was not given. */
  readonly releaseNote: string | null;
  readonly clusterName: string;
  /** What Flux pulls (resolved along the chain). */
  readonly source: GitSource;
  /** The git source when it differs from the inherited one (written to environment.yaml), else null. */
  readonly git: GitSource | null;
  /** Root environments only. */
  readonly registry: string | null;
  /** Namespaces of the environment it extends: each gets an empty-differences tenant.yaml. */
  readonly namespaces: readonly string[];
  readonly skipFormat: boolean;
}

/** A value written into environment.yaml (registry, cluster name, git URL and branch): one line, no quote. */
function checkScalar(flag: string, value: string): string {
  if (value === '' || /['\n\r]/.test(value)) {
    throw new GeneratorError(flag, `${JSON.stringify(value)} cannot be used`, "a non-empty single line without '");
  }
  return value;
}

/** `--registry` by the engine's rule (@eleventh/platform `registryProblem`): what environment.yaml may say. */
function checkRegistry(value: string): string {
  const problem = registryProblem(value);
  if (problem !== undefined) throw new GeneratorError('--registry', `'${value}' is not a registry reference: it ${problem}`, REGISTRY_EXPECTED);
  return value;
}

function findEnvironment(envs: readonly EnvironmentFile[], flag: string, name: string): EnvironmentFile {
  const env = envs.find((e) => e.name === name);
  if (!env) {
    const known = envs.map((e) => e.name).join(', ') || 'none yet';
    throw new GeneratorError(flag, `unknown environment '${name}'`, `one of: ${known}`);
  }
  return env;
}

/** The git source stated nearest along the chain from `env` to the root. */
function inheritedGit(envs: readonly EnvironmentFile[], env: EnvironmentFile | undefined): Partial<GitSource> {
  const seen = new Set<string>();
  for (let at = env; at && !seen.has(at.name); at = envs.find((e) => e.name === at!.extends)) {
    seen.add(at.name);
    const git = (at.doc.cluster as { git?: Partial<GitSource> } | undefined)?.git;
    if (git?.url) return { url: git.url, branch: git.branch };
  }
  return {};
}

function resolveParent(o: EnvironmentGeneratorSchema, envs: readonly EnvironmentFile[]): EnvironmentFile | undefined {
  if (o.opsFor !== undefined && o.extends !== undefined && o.extends !== o.opsFor) {
    throw new GeneratorError('--extends', `'${o.extends}' differs from --ops-for '${o.opsFor}'`, 'an ops environment to extend the one it shadows');
  }
  const parentName = o.opsFor ?? o.extends;
  if (parentName !== undefined) return findEnvironment(envs, o.opsFor ? '--ops-for' : '--extends', parentName);
  const root = envs.find((e) => e.extends === undefined);
  if (root) {
    throw new GeneratorError(root.path, `'${root.name}' is already the root environment`, `--extends <environment>, e.g. --extends ${root.name}`);
  }
  return undefined;
}

function resolveGit(o: EnvironmentGeneratorSchema, envs: readonly EnvironmentFile[], parent?: EnvironmentFile) {
  const inherited = inheritedGit(envs, parent);
  const url = o.gitUrl ?? inherited.url;
  if (url === undefined) throw new GeneratorError('--git-url', 'no repository URL to inherit', 'the URL Flux pulls, e.g. https://github.com/acme/platform.git');
  if (!/^(https?|ssh):\/\/\S+$/.test(url)) {
    throw new GeneratorError('--git-url', `'${url}' is not a URL Flux can pull`, 'http://, https:// or ssh://, e.g. ssh://git@github.com/acme/platform.git');
  }
  const source = { url: checkScalar('--git-url', url), branch: checkScalar('--git-branch', o.gitBranch ?? inherited.branch ?? 'main') };
  const same = source.url === inherited.url && source.branch === (inherited.branch ?? 'main');
  return { source, git: same ? null : source };
}

/** A clusters/ folder that already applies environments/<name>/_flux would be a second owner of it. */
function refuseSecondOwner(tree: Tree, name: string): void {
  const owner = secondOwnersIn(clusterYamlFiles(tree)).find((s) => s.environment === name);
  if (owner) {
    throw new GeneratorError(owner.file, `already defines ${owner.object} for environments/${name}/_flux`, 'only environments/<name>/_flux to define it; run nx g @eleventh/nx:migrate-bootstrap');
  }
}

/** Check everything the environment generator needs before it writes anything. */
export function normalizeOptions(tree: Tree, o: EnvironmentGeneratorSchema): NormalizedEnvironmentOptions {
  const name = o.name;
  assertName('environment', name, `${ENVIRONMENTS_DIR}/${String(name)}`);
  if (tree.exists(`${ENVIRONMENTS_DIR}/${name}`)) throw new GeneratorError(environmentPath(name), 'already exists', 'a new environment name');
  refuseSecondOwner(tree, name);
  const envs = listEnvironments(tree);
  const parent = resolveParent(o, envs);
  const { release, note } = resolveRelease(o, envs, parent);
  if (parent && o.registry !== undefined) throw new GeneratorError('--registry', `'${name}' inherits its registry from '${parent.name}'`, 'no --registry');
  if (!parent && o.registry === undefined) throw new GeneratorError('--registry', 'a root environment needs a registry', 'e.g. --registry registry.example.com/acme');
  return {
    name,
    extends: parent?.name,
    ops: o.opsFor !== undefined,
    release,
    releaseNote: note,
    clusterName: checkScalar('--cluster-name', o.clusterName ?? name),
    ...resolveGit(o, envs, parent),
    registry: o.registry === undefined ? null : checkRegistry(o.registry),
    namespaces: parent ? listNamespaces(tree, parent.name) : [],
    skipFormat: o.skipFormat ?? false,
  };
}
