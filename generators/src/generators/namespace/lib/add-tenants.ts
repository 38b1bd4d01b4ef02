/**
 * tenant.yaml files: the root environment's states the tenancy, every other one states no differences
 * (tenant.yaml inherits along `extends`, but must exist to declare the namespace there).
 */
import { join } from 'node:path';
import type { Tree } from '@nx/devkit';
import { renderTemplate, writeNewFile } from '../../../utils/templates';
import { tenantPath, type EnvironmentFile } from '../../../utils/environments';
import type { NormalizedNamespaceOptions } from './normalize-options';

const FILES = join(__dirname, '..', 'files');

/** An empty-differences tenant.yaml for `ns` in a non-root environment. */
export function addInheritedTenant(tree: Tree, env: Pick<EnvironmentFile, 'name' | 'extends'>, ns: string): void {
  const data = { namespace: ns, environment: env.name, extends: env.extends };
  writeNewFile(tree, tenantPath(env.name, ns), renderTemplate(join(FILES, 'tenant-inherit.yaml.hbs'), data));
}

/** tenant.yaml in every environment. */
export function addTenants(tree: Tree, o: NormalizedNamespaceOptions): void {
  for (const env of o.environments) {
    if (env.name === o.root) {
      const data = { namespace: o.namespace, environment: env.name, team: o.team, quota: o.quota };
      writeNewFile(tree, tenantPath(env.name, o.namespace), renderTemplate(join(FILES, 'tenant-root.yaml.hbs'), data));
    } else {
      addInheritedTenant(tree, env, o.namespace);
    }
  }
}
