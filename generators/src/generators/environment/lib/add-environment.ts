/** environments/<name>/environment.yaml (explicit differences only) and a tenant.yaml per namespace. */
import type { Tree } from '@nx/devkit';
import { handWrittenYaml, type HandWrittenComments } from '../../../utils/hand-written';
import { writeNewFile } from '../../../utils/templates';
import { environmentPath } from '../../../utils/environments';
import { addInheritedTenant } from '../../namespace/lib/add-tenants';
import type { NormalizedEnvironmentOptions } from './normalize-options';

/** What the file states: the environment's differences from the one it extends (all of it for a root). */
export function environmentDoc(o: NormalizedEnvironmentOptions): Record<string, unknown> {
  const { release, clusterName, git, registry } = o;
  return {
    ...(o.extends ? { extends: o.extends } : {}),
    ...(registry ? { registry } : {}),
    cluster: { name: clusterName, ...(git ? { git: { url: git.url, branch: git.branch } } : {}) },
    ...(o.extends ? {} : { profiles: [] }),
    ...(release.mode === 'promoted' ? { promotion: { from: release.from, tags: release.tags } } : {}),
    ...(release.mode === 'mirror' ? { promotion: { mirrorOf: release.of } } : {}),
    ...(o.ops ? { defaults: { replicas: 1, autoscaling: false } } : {}),
  };
}

export function environmentComments(o: NormalizedEnvironmentOptions): HandWrittenComments {
  const { name, release } = o;
  const top = o.extends
    ? ` Environment ${name}: states only its differences from ${o.extends} (see environments/README.md).`
    : ` Environment ${name}: the root every other environment states its differences from (see environments/README.md).`;
  const keys: Record<string, string> = {};
  if (release.mode === 'promoted') keys.promotion = ` Promoted: changes only by \`eleventh promote --to ${name}\` or \`eleventh rollback\`, never by a commit to main.`;
  if (release.mode === 'mirror') keys.promotion = ` A mirror (DR): every promotion and rollback of ${release.of} renders it too, in the same commit, with its own differences.`;
  if (o.ops) keys.defaults = ` The ops shadow of ${o.extends}: follows main with one replica and no autoscaling.`;
  return { top, keys };
}

export function addEnvironmentFile(tree: Tree, o: NormalizedEnvironmentOptions): void {
  const path = environmentPath(o.name);
  writeNewFile(tree, path, handWrittenYaml(path, environmentDoc(o), environmentComments(o)));
}

export function addTenants(tree: Tree, o: NormalizedEnvironmentOptions): void {
  for (const ns of o.namespaces) addInheritedTenant(tree, { name: o.name, extends: o.extends }, ns);
}
