/**
 * tenant.yaml files: the root environment's states the tenancy, every other one states no differences
 * (tenant.yaml inherits along `extends`, but must exist to declare the namespace there).
 */
import type { Tree } from '@nx/devkit';
import { handWrittenYaml } from '../../../utils/hand-written';
import { writeNewFile } from '../../../utils/templates';
import { tenantPath, type EnvironmentFile } from '../../../utils/environments';
import type { NormalizedNamespaceOptions } from './normalize-options';

/** An empty-differences tenant.yaml for `ns` in a non-root environment. */
export function addInheritedTenant(tree: Tree, env: Pick<EnvironmentFile, 'name' | 'extends'>, ns: string): void {
  const path = tenantPath(env.name, ns);
  const top = ` Namespace ${ns} in ${env.name}: no differences from ${String(env.extends)}.\n State only what differs here (team, quota, network, defaults); see environments/README.md.`;
  writeNewFile(tree, path, handWrittenYaml(path, {}, { top }));
}

/** The root environment's tenant.yaml: the team, the quota and no callers from other namespaces yet. */
function addRootTenant(tree: Tree, o: NormalizedNamespaceOptions, env: string): void {
  const path = tenantPath(env, o.namespace);
  const top = ` Namespace ${o.namespace} in ${env}, the root environment: every other environment's\n tenant.yaml states only its differences from the one it extends (see environments/README.md).`;
  const { cpu, memory, pods } = o.quota;
  writeNewFile(tree, path, handWrittenYaml(path, { team: o.team, quota: { cpu, memory, pods }, network: { allowFrom: [] } }, { top }));
}

/** tenant.yaml in every environment. */
export function addTenants(tree: Tree, o: NormalizedNamespaceOptions): void {
  for (const env of o.environments) {
    if (env.name === o.root) addRootTenant(tree, o, env.name);
    else addInheritedTenant(tree, env, o.namespace);
  }
}
