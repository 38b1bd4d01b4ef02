import type { Tree } from '@nx/devkit';
import { GeneratorError } from '../../../utils/errors';
import { assertName } from '../../../utils/names';
import { findCodeOwner, codeownersPath } from '../../../utils/codeowners';
import { listEnvironments, rootEnvironment, tenantPath, ENVIRONMENTS_DIR, type EnvironmentFile } from '../../../utils/environments';
import type { NamespaceGeneratorSchema } from '../schema';
import { resolveQuota, type Quota } from './quota';

export interface NormalizedNamespaceOptions {
  readonly namespace: string;
  /** Without a leading `@`. */
  readonly team: string;
  readonly quota: Quota;
  /** Every environment, sorted; the root one is named by `root`. */
  readonly environments: readonly EnvironmentFile[];
  readonly root: string;
  /** The CODEOWNERS pattern this namespace owns. */
  readonly codeowners: string;
  readonly skipFormat: boolean;
}

const TEAM = /^[A-Za-z0-9][A-Za-z0-9_.-]*(\/[A-Za-z0-9][A-Za-z0-9_.-]*)?$/;

export function namespaceCodeOwnersPattern(ns: string): string {
  return `/${ENVIRONMENTS_DIR}/*/${ns}/`;
}

/** The team without `@`, checked: a GitHub user, or `org/team`. */
export function normalizeTeam(team: unknown): string {
  const bare = typeof team === 'string' ? team.replace(/^@/, '') : '';
  if (!TEAM.test(bare)) {
    throw new GeneratorError('--team', `${JSON.stringify(team)} is not a team`, "a group such as 'payments-team' or 'acme/payments-team'");
  }
  return bare;
}

/** Check everything the namespace generator needs before it writes anything. */
export function normalizeOptions(tree: Tree, options: NamespaceGeneratorSchema): NormalizedNamespaceOptions {
  const namespace = options.name;
  assertName('namespace', namespace, `${ENVIRONMENTS_DIR}/*/${String(namespace)}`);
  const team = normalizeTeam(options.team);
  const environments = listEnvironments(tree);
  const root = rootEnvironment(tree, environments).name;
  for (const env of environments) {
    if (tree.exists(`${ENVIRONMENTS_DIR}/${env.name}/${namespace}`)) {
      throw new GeneratorError(tenantPath(env.name, namespace), `namespace '${namespace}' already exists`, 'a new namespace name');
    }
  }
  const codeowners = namespaceCodeOwnersPattern(namespace);
  if (findCodeOwner(tree, codeowners) !== undefined) {
    throw new GeneratorError(codeownersPath(tree), `already has a line for '${codeowners}'`, 'a new namespace name');
  }
  const quota = resolveQuota(tree, options);
  return { namespace, team, quota, environments, root, codeowners, skipFormat: options.skipFormat ?? false };
}
