/** environments/<name>/environment.yaml (explicit differences only) and a tenant.yaml per namespace. */
import type { Tree } from '@nx/devkit';
import { toYamlSections, writeNewFile, type YamlSection } from '../../../utils';
import { environmentPath } from '../../../utils/environments';
import { addInheritedTenant } from '../../namespace/lib/add-tenants';
import type { NormalizedEnvironmentOptions } from './normalize-options';

/** environment.yaml as objects, each part under the comment that explains it. */
export function environmentSections(o: NormalizedEnvironmentOptions): YamlSection[] {
  const { name, ops, release, clusterName, git, registry } = o;
  const base = o.extends
    ? ` Environment ${name}: states only its differences from ${o.extends} (see environments/README.md).`
    : ` Environment ${name}: the root every other environment states its differences from (see environments/README.md).`;
  return [
    {
      comment: base,
      value: { extends: o.extends ?? undefined, registry: registry ?? undefined, cluster: { name: clusterName, git: git ? { url: git.url, branch: git.branch } : undefined }, profiles: o.extends ? undefined : [] },
    },
    {
      comment: ` Promoted: changes only by \`eleventh promote --to ${name}\` or \`eleventh rollback\`, never by a commit to main.`,
      value: { promotion: release.mode === 'promoted' ? { from: release.from, tags: release.tags } : undefined },
    },
    {
      comment: ` A mirror (DR): every promotion and rollback of ${release.mode === 'mirror' ? release.of : ''} renders it too, in the same commit, with its own differences.`,
      value: { promotion: release.mode === 'mirror' ? { mirrorOf: release.of } : undefined },
    },
    {
      comment: ` The ops shadow of ${o.extends ?? ''}: follows main with one replica and no autoscaling.`,
      value: { defaults: ops ? { replicas: 1, autoscaling: false } : undefined },
    },
  ];
}

export function addEnvironmentFile(tree: Tree, o: NormalizedEnvironmentOptions): void {
  writeNewFile(tree, environmentPath(o.name), toYamlSections(environmentSections(o)));
}

export function addTenants(tree: Tree, o: NormalizedEnvironmentOptions): void {
  for (const ns of o.namespaces) addInheritedTenant(tree, { name: o.name, extends: o.extends }, ns);
}
