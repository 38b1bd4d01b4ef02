/**
 * tenant.yaml files: the root environment's states the tenancy, every other one states no differences
 * (tenant.yaml inherits along `extends`, but must exist to declare the namespace there).
 */
import type { Tree } from '@nx/devkit';
import { toYaml, writeNewFile } from '../../../utils';
import { tenantPath, type EnvironmentFile } from '../../../utils/environments';
import type { NormalizedNamespaceOptions } from './normalize-options';

/** An empty-differences tenant.yaml for `ns` in a non-root environment. */
export function addInheritedTenant(tree: Tree, env: Pick<EnvironmentFile, 'name' | 'extends'>, ns: string): void {
  const comment = [
    ` Namespace ${ns} in ${env.name}: no differences from ${String(env.extends)}.`,
    ' State only what differs here (team, quota, network, defaults); see environments/README.md.',
  ].join('\n');
  writeNewFile(tree, tenantPath(env.name, ns), toYaml({}, comment));
}

/** tenant.yaml in every environment. */
export function addTenants(tree: Tree, o: NormalizedNamespaceOptions): void {
  for (const env of o.environments) {
    if (env.name === o.root) {
      const comment = [
        ` Namespace ${o.namespace} in ${env.name}, the root environment: every other environment's`,
        ' tenant.yaml states only its differences from the one it extends (see environments/README.md).',
      ].join('\n');
      const { cpu, memory, pods } = o.quota;
      const tenant = { team: o.team, quota: { cpu, memory, pods }, network: { allowFrom: [] } };
      writeNewFile(tree, tenantPath(env.name, o.namespace), toYaml(tenant, comment));
    } else {
      addInheritedTenant(tree, env, o.namespace);
    }
  }
}
