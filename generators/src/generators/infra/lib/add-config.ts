/** config.yaml (apps base + ops differences) and each cluster's merged config.auto.tfvars. */
import type { Tree } from '@nx/devkit';
import { toYaml, writeNewFile } from '../../../utils';
import { appsBase, BASE_CLUSTER, CLUSTERS, opsDifferences, type ClusterName } from './clusters';
import { tfvars } from './hcl';
import { mergeConfig, type ConfigMap } from './merge';
import type { NormalizedInfraOptions } from './normalize-options';

export interface InfraConfig {
  /** What config.yaml states: the base and each other cluster's differences. */
  readonly declared: Readonly<Record<ClusterName, ConfigMap>>;
  /** Each cluster's merged configuration. */
  readonly merged: Readonly<Record<ClusterName, ConfigMap>>;
}

export function infraConfig(o: NormalizedInfraOptions): InfraConfig {
  const declared = { apps: appsBase(o.name, o.region), ops: opsDifferences(o.region) };
  return {
    declared,
    merged: { apps: declared.apps, ops: mergeConfig(declared.apps, declared.ops) },
  };
}

function configYaml(config: InfraConfig): string {
  return toYaml(
    config.declared,
    ' The clusters. `apps` is the base; every other block states ONLY its explicit differences from it\n' +
      ' (Kubestack inheritance: maps merge, lists and values replace). Keep ops as close to apps as possible.',
  );
}

export function addConfig(tree: Tree, o: NormalizedInfraOptions, config: InfraConfig): void {
  writeNewFile(tree, `${o.directory}/config.yaml`, configYaml(config));
  for (const cluster of CLUSTERS) {
    const from = cluster === BASE_CLUSTER ? `config.yaml's ${BASE_CLUSTER}` : `config.yaml's ${BASE_CLUSTER} merged with ${cluster}'s differences`;
    const header = `# The ${cluster} cluster's merged configuration: ${from}.\n# Keep equal to that merge (terraform plan checks it).`;
    writeNewFile(tree, `${o.directory}/clusters/${cluster}/config.auto.tfvars`, tfvars(header, config.merged[cluster]));
  }
}
