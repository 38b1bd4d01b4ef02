import type { Tree } from '@nx/devkit';
import { GeneratorError } from '../../../utils/errors';
import { assertName } from '../../../utils/names';
import { ENVIRONMENTS_DIR, environmentPath, listEnvironments, listNamespaces, type EnvironmentFile } from '../../../utils/environments';
import type { EnvironmentGeneratorSchema } from '../schema';

export interface GitSource {
  readonly url: string;
  readonly branch: string;
}

export interface NormalizedEnvironmentOptions {
  readonly name: string;
  /** Undefined for the root environment. */
  readonly extends?: string;
  readonly ops: boolean;
  readonly promotion: { readonly from: string; readonly tags: string } | null;
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

/** A value written inside single quotes: one line, no quote. */
function checkScalar(flag: string, value: string): string {
  if (value === '' || /['\n\r]/.test(value)) {
    throw new GeneratorError(flag, `${JSON.stringify(value)} cannot be used`, "a non-empty single line without '");
  }
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
  if (o.opsFor !== undefined && o.promoteFrom !== undefined) {
    throw new GeneratorError('--promote-from', 'an ops environment follows main', 'either --ops-for or --promote-from');
  }
  const parentName = o.opsFor ?? o.extends;
  if (parentName !== undefined) return findEnvironment(envs, o.opsFor ? '--ops-for' : '--extends', parentName);
  const root = envs.find((e) => e.extends === undefined);
  if (root) {
    throw new GeneratorError(root.path, `'${root.name}' is already the root environment`, `--extends <environment>, e.g. --extends ${root.name}`);
  }
  return undefined;
}

function resolvePromotion(o: EnvironmentGeneratorSchema, envs: readonly EnvironmentFile[]): NormalizedEnvironmentOptions['promotion'] {
  if (o.promoteFrom === undefined) {
    if (o.tagPattern !== undefined) throw new GeneratorError('--tag-pattern', 'given without --promote-from', 'both, or neither');
    return null;
  }
  const from = findEnvironment(envs, '--promote-from', o.promoteFrom).name;
  return { from, tags: checkScalar('--tag-pattern', o.tagPattern ?? `${o.name}-v*`) };
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

/** Check everything the environment generator needs before it writes anything. */
export function normalizeOptions(tree: Tree, o: EnvironmentGeneratorSchema): NormalizedEnvironmentOptions {
  const name = o.name;
  assertName('environment', name, `${ENVIRONMENTS_DIR}/${String(name)}`);
  if (tree.exists(`${ENVIRONMENTS_DIR}/${name}`)) throw new GeneratorError(environmentPath(name), 'already exists', 'a new environment name');
  if (tree.exists(`clusters/${name}`)) throw new GeneratorError(`clusters/${name}`, 'already exists', 'a new environment name');
  const envs = listEnvironments(tree);
  const parent = resolveParent(o, envs);
  if (parent && o.registry !== undefined) throw new GeneratorError('--registry', `'${name}' inherits its registry from '${parent.name}'`, 'no --registry');
  if (!parent && o.registry === undefined) throw new GeneratorError('--registry', 'a root environment needs a registry', 'e.g. --registry registry.example.com/acme');
  return {
    name,
    extends: parent?.name,
    ops: o.opsFor !== undefined,
    promotion: resolvePromotion(o, envs),
    clusterName: checkScalar('--cluster-name', o.clusterName ?? name),
    ...resolveGit(o, envs, parent),
    registry: o.registry === undefined ? null : checkScalar('--registry', o.registry),
    namespaces: parent ? listNamespaces(tree, parent.name) : [],
    skipFormat: o.skipFormat ?? false,
  };
}
