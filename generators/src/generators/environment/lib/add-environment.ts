/** environments/<name>/environment.yaml (explicit differences only) and a tenant.yaml per namespace. */
import { join } from 'node:path';
import type { Tree } from '@nx/devkit';
import { renderTemplate, writeNewFile } from '../../../utils/templates';
import { environmentPath } from '../../../utils/environments';
import { addInheritedTenant } from '../../namespace/lib/add-tenants';
import type { NormalizedEnvironmentOptions } from './normalize-options';

const FILES = join(__dirname, '..', 'files');

export function addEnvironmentFile(tree: Tree, o: NormalizedEnvironmentOptions): void {
  const { name, ops, release, clusterName, git, registry } = o;
  const promotion = release.mode === 'promoted' ? { from: release.from, tags: release.tags } : null;
  const mirror = release.mode === 'mirror' ? { of: release.of } : null;
  const data = { name, extends: o.extends ?? null, ops, promotion, mirror, clusterName, git, registry };
  writeNewFile(tree, environmentPath(name), renderTemplate(join(FILES, 'environment.yaml.hbs'), data));
}

export function addTenants(tree: Tree, o: NormalizedEnvironmentOptions): void {
  for (const ns of o.namespaces) addInheritedTenant(tree, { name: o.name, extends: o.extends }, ns);
}
